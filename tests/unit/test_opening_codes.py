"""Opening a plan code re-checks everything against the content as it is now: a code cannot
bring in a treatment NICE does not recommend, an id we do not have, or a level we do not have.
10,000 random, crafted and damaged codes: no error but the calm one, nothing unrecommendable."""

from __future__ import annotations

import random

import pytest

from backknee.content.loader import load_content
from backknee.content.pages.plan import PlanPage
from backknee.errors import InvalidShareCode
from backknee.explorer.plan import PlanView, from_shared
from backknee.explorer.share import LEVELS, MAX_EXERCISES, MAX_TIPS, SharedPlan, decode, encode
from tests.paths import CONTENT
from tests.unit.codes import crafted

C = load_content(CONTENT)
WORDS = C.page("plan", PlanPage)
REFUSED = sorted(t for t, tip in C.tips.items() if not tip.recommendable)
OFFERED = sorted(t for t, tip in C.tips.items() if tip.recommendable)
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def open_plan(code: str) -> PlanView:
    return from_shared(decode(code, C.tips.keys(), C.exercises.keys()), C.tips, C.exercises, WORDS)


def test_a_crafted_code_with_acupuncture_and_tens_opens_without_them_and_says_what_was_left_out():
    code = crafted(["acupuncture", "walking", "tens"], [("bridge", 1)])
    view = open_plan(code)
    assert [t.tip.id for t in view.tips] == ["walking"]
    assert view.left_out == (
        WORDS.left_out_not_advised.format(title=C.tips["acupuncture"].title),
        WORDS.left_out_not_advised.format(title=C.tips["tens"].title),
    )


def test_unknown_ids_and_levels_are_left_out_and_counted_in_plain_words():
    view = open_plan(crafted(["walking", "no-such-tip"], [("bridge", 3), ("clam", 2), ("no-such-move", 0)]))
    assert [(e.exercise.id, e.level.value) for e in view.exercises] == [("clam", "harder")]
    assert view.left_out == (
        WORDS.left_out_level.format(name=C.exercises["bridge"].name),
        WORDS.left_out_unknown.format(count=2),
    )


def test_a_code_with_no_exercise_left_to_show_gets_the_friendly_invalid_message():
    with pytest.raises(InvalidShareCode):
        open_plan(crafted(["acupuncture"], [("no-such-move", 1)]))


def test_a_plan_can_never_be_made_to_hold_a_treatment_nice_does_not_recommend():
    from backknee.explorer.plan import PlanTip

    with pytest.raises(ValueError, match="never holds a tip NICE does not recommend; got tens"):
        PlanView(exercises=(), tips=(PlanTip(C.tips["tens"], ()),), sessions_per_week=2, weeks=())


def _random_code(rng: random.Random) -> str:
    everything = [*OFFERED, *REFUSED, "old-tip", "gone"]
    moves = [*C.exercises, "old-move"]
    tips = rng.sample(everything, rng.randint(0, MAX_TIPS))
    exercises = [(rng.choice(moves), rng.randint(0, 3)) for _ in range(rng.randint(0, MAX_EXERCISES))]
    return crafted(tips, exercises)


def _real_code(rng: random.Random) -> str:
    exercises = rng.sample(sorted(C.exercises), rng.randint(1, 5))
    return encode(
        SharedPlan(
            tip_ids=tuple(rng.sample(OFFERED, rng.randint(0, MAX_TIPS))),
            exercises=tuple((e, rng.choice(LEVELS)) for e in exercises),
        )
    )


def _damaged(code: str, rng: random.Random) -> str:
    letters = list(code)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(letters))
        how = rng.randrange(3)
        if how == 0:
            letters[at] = rng.choice(ALPHABET)
        elif how == 1:
            del letters[at]
        else:
            letters.insert(at, rng.choice(ALPHABET + "-0189 "))
    return "".join(letters)


def _noise(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET + "BK-0189 abc\n\t!é") for _ in range(rng.randint(0, 80)))


def test_ten_thousand_random_crafted_and_damaged_codes_open_calmly_and_never_show_a_refused_treatment():
    rng = random.Random(20261202)  # noqa: S311 (fuzzing, repeatable: not for secrets)
    makers = [
        lambda: _noise(rng),
        lambda: "BK2-" + _noise(rng).upper(),
        lambda: _random_code(rng),
        lambda: _damaged(_random_code(rng), rng),
        lambda: _damaged(_real_code(rng), rng),
    ]
    opened = refused_left_out = 0
    for number in range(10_000):
        code = makers[number % len(makers)]()
        try:
            view = open_plan(code)
        except InvalidShareCode:
            continue
        opened += 1
        assert all(t.tip.recommendable for t in view.tips), code
        assert all(e.exercise.id in C.exercises and e.level.value in LEVELS for e in view.exercises), code
        assert 1 <= len(view.exercises) <= MAX_EXERCISES and len(view.tips) <= MAX_TIPS, code
        refused_left_out += any(
            line.endswith(WORDS.left_out_not_advised.split("}")[-1]) for line in view.left_out
        )
    assert opened > 1000, "the fuzzing reached codes that open, not only broken ones"
    assert refused_left_out > 100, "and codes that asked for treatments NICE does not recommend"
