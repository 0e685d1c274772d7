"""Share codes: a plan's ids and levels in, the same plan out; anything else is refused calmly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backknee.errors import InvalidShareCode
from backknee.explorer.share import MAX_CODE_LENGTH, MAX_TIPS, SharedPlan, clashes, decode, encode
from tests.unit.codes import crafted

TIPS = ["walking", "swimming", "tai-chi", "heat", "pacing", "sleep"]
EXERCISES = ["bridge", "clam", "sit-to-stand", "calf-raise", "step-up"]
LEVELS = ["easier", "standard", "harder"]

plans = st.builds(
    SharedPlan,
    tip_ids=st.lists(st.sampled_from(TIPS), min_size=1, max_size=MAX_TIPS, unique=True).map(tuple),
    exercises=st.lists(
        st.tuples(st.sampled_from(EXERCISES), st.sampled_from(LEVELS)), max_size=5, unique_by=lambda e: e[0]
    ).map(tuple),
)


def read(code: str) -> SharedPlan:
    opened = decode(code, TIPS, EXERCISES)
    assert opened.unknown == 0 and opened.unknown_levels == ()
    return opened.plan


@given(plans)
def test_a_code_gives_back_the_same_plan(plan):
    assert read(encode(plan)) == plan


def test_a_code_looks_like_bk2_and_groups_of_four_capitals_and_digits():
    code = encode(SharedPlan(tip_ids=("walking", "heat"), exercises=(("bridge", "easier"),)))
    prefix, *groups = code.split("-")
    assert prefix == "BK2"
    assert all(1 <= len(g) <= 4 and g.isalnum() and g.upper() == g for g in groups)


def test_typing_a_code_in_small_letters_or_without_dashes_still_works():
    plan = SharedPlan(tip_ids=("walking",), exercises=(("clam", "harder"),))
    code = encode(plan)
    assert read(code.lower().replace("-", " ")) == plan


def test_a_code_holds_only_ids_and_levels_never_answers():
    """What is inside, by construction: tip ids, exercise ids and level numbers."""
    plan = SharedPlan(tip_ids=("pacing",), exercises=(("step-up", "standard"),))
    assert set(SharedPlan.__dataclass_fields__) == {"tip_ids", "exercises"}
    assert read(encode(plan)) == plan


@given(st.text(max_size=MAX_CODE_LENGTH + 50))
@settings(max_examples=400)
def test_any_text_is_either_a_plan_of_things_we_have_or_a_calm_invalid_code(text):
    try:
        plan = decode(text, TIPS, EXERCISES).plan
    except InvalidShareCode:
        return
    assert set(plan.tip_ids) <= set(TIPS)
    assert {e for e, _ in plan.exercises} <= set(EXERCISES)


@given(plans, st.data())
@settings(max_examples=300)
def test_a_damaged_code_is_refused_or_reads_as_the_same_plan(plan, data):
    """The CRC-16 catches every change to one letter; a change in the last letter's unused
    bits alone decodes to the same bytes, so it reads as the same plan."""
    code = encode(plan)
    position = data.draw(st.integers(min_value=4, max_value=len(code) - 1))
    if code[position] == "-":
        return
    letter = data.draw(
        st.sampled_from([c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" if c != code[position]])
    )
    damaged = code[:position] + letter + code[position + 1 :]
    try:
        opened = decode(damaged, TIPS, EXERCISES)
    except InvalidShareCode:
        return
    assert opened.plan == plan


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("", "not a Back & Knee code"),
        ("hello", "not a Back & Knee code"),
        ("BK1-ABCD", "a code from another version"),
        ("BK2-0000", "letters that cannot be in a code"),
        ("BK2-" + "A" * (MAX_CODE_LENGTH + 1), "too long"),
    ],
)
def test_wrong_codes_say_why_for_the_logs(code, reason):
    with pytest.raises(InvalidShareCode, match=reason):
        decode(code, TIPS, EXERCISES)


def test_a_code_naming_a_tip_or_exercise_we_no_longer_have_opens_the_rest_and_counts_what_it_left_out():
    code = encode(
        SharedPlan(tip_ids=("walking", "old-tip"), exercises=(("old-move", "easier"), ("clam", "harder")))
    )
    opened = decode(code, TIPS, EXERCISES)
    assert opened.plan == SharedPlan(tip_ids=("walking",), exercises=(("clam", "harder"),))
    assert opened.unknown == 2


def test_a_code_asking_for_a_level_we_do_not_have_leaves_that_exercise_out_and_names_it():
    opened = decode(crafted(["heat"], [("bridge", 3), ("clam", 0)]), TIPS, EXERCISES)
    assert opened.plan == SharedPlan(tip_ids=("heat",), exercises=(("clam", "easier"),))
    assert opened.unknown_levels == ("bridge",)


def test_making_a_code_refuses_ids_that_are_not_ids():
    with pytest.raises(ValueError, match="lower-case words joined by dashes"):
        encode(SharedPlan(tip_ids=("Walking; drop",), exercises=()))


def test_a_plan_of_five_tips_and_five_exercises_fits_in_under_sixty_characters():
    """Short enough to type from the screen onto a phone."""
    plan = SharedPlan(tip_ids=tuple(TIPS[:5]), exercises=tuple((e, "standard") for e in EXERCISES))
    assert len(encode(plan)) < 60


def test_a_code_carries_the_first_five_tips_only():
    plan = SharedPlan(tip_ids=tuple(TIPS), exercises=())
    assert read(encode(plan)).tip_ids == tuple(TIPS[:MAX_TIPS])


def test_different_fingerprints_and_one_id_twice_are_not_a_clash():
    assert clashes(["walking", "swimming"]) == []
    assert clashes(["walking", "walking"]) == []


def test_two_ids_with_one_fingerprint_are_named_so_an_editor_can_rename_one():
    """'walk-26019' shares a fingerprint with 'walking' (found by search)."""
    assert clashes(["walking", "walk-26019", "swimming"]) == [("walk-26019", "walking")]


def test_a_code_holds_at_most_eight_exercises():
    nine = tuple((f"exercise-{n}", "standard") for n in range(9))
    with pytest.raises(ValueError, match="a code holds at most 8 exercises; got 9"):
        encode(SharedPlan(tip_ids=(), exercises=nine))
