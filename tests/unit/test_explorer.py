"""The explorer's screens and the plan's words: what Next does, what the answers add up to."""

from __future__ import annotations

import itertools

import pytest

from backknee.content.items import Dose
from backknee.content.loader import load_content
from backknee.content.pages.plan import PlanPage
from backknee.explorer.advisor import Level
from backknee.explorer.plan import dose_text, from_shared
from backknee.explorer.screens import (
    QUESTIONS,
    Screen,
    answers_from,
    can_continue,
    filter_exercises,
    filter_tips,
    next_screen,
    peg_score,
    previous_screen,
)
from backknee.explorer.share import OpenedCode, SharedPlan
from backknee.vocab import Confidence, Difficulty, Grade, Joint, Prop, Setting, TipKind, Urgency
from tests.paths import CONTENT

CONTENT_NOW = load_content(CONTENT)
WORDS = CONTENT_NOW.page("plan", PlanPage)


def test_the_safety_check_comes_first_and_cannot_be_skipped():
    assert QUESTIONS[:3] == (Screen.EMERGENCY, Screen.URGENT, Screen.ROUTINE)
    assert not can_continue(Screen.EMERGENCY, {})
    assert can_continue(Screen.EMERGENCY, {"emergency": "no"})


def test_yes_to_the_emergency_signs_goes_straight_to_the_stop_screen():
    assert next_screen(Screen.EMERGENCY, {"emergency": "yes"}) == Screen.STOP
    assert next_screen(Screen.EMERGENCY, {"emergency": "no"}) == Screen.URGENT


def test_where_it_hurts_needs_the_place_and_the_pain():
    assert not can_continue(Screen.WHERE, {"where": "knee"})
    assert can_continue(Screen.WHERE, {"where": "knee", "pain": 0})
    assert not can_continue(Screen.WHERE, {"where": "knee", "use_peg": True, "peg_1": 3, "peg_2": 4})
    assert can_continue(Screen.WHERE, {"where": "knee", "use_peg": True, "peg_1": 3, "peg_2": 4, "peg_3": 5})


def test_the_last_question_leads_to_the_result_and_back_leads_back():
    assert next_screen(Screen.SUITS, {}) == Screen.RESULT
    assert previous_screen(Screen.RESULT) == Screen.SUITS
    assert previous_screen(Screen.STOP) == Screen.EMERGENCY
    assert previous_screen(Screen.EMERGENCY) == Screen.EMERGENCY


@pytest.mark.parametrize(
    ("answers", "score"), [((0, 0, 0), 0), ((4, 5, 5), 5), ((3, 4, 4), 4), ((10, 10, 9), 10)]
)
def test_the_peg_score_is_the_mean_of_three_rounded_halves_up(answers, score):
    assert peg_score(*answers) == score


def test_a_yes_to_a_safety_question_counts_every_sign_at_that_level():
    answers = answers_from({"emergency": "no", "urgent": "yes", "routine": "no"}, CONTENT_NOW.red_flags)
    assert answers.warning_signs == {s.id for s in CONTENT_NOW.red_flags.signs(Urgency.URGENT)}


def test_the_answers_add_up_from_what_was_stored():
    store = {"where": "back", "pain": 6, "hard": ["stairs", "sleep"], "settings": ["pool"], "minutes": 30,
             "confidence": "high"}  # fmt: skip
    answers = answers_from(store, CONTENT_NOW.red_flags)
    assert answers.where == Joint.BACK
    assert answers.pain == 6
    assert answers.hard == {Difficulty.STAIRS, Difficulty.SLEEP}
    assert answers.settings == {Setting.POOL}
    assert answers.minutes == 30
    assert answers.confidence == Confidence.HIGH


def test_missing_answers_take_gentle_defaults():
    answers = answers_from({}, CONTENT_NOW.red_flags)
    assert (answers.where, answers.pain, answers.minutes) == (Joint.BOTH, 0, 20)
    assert answers.settings == {Setting.HOME}


def test_browsing_never_shows_other_treatments_among_the_tips_and_filters_narrow():
    tips = list(CONTENT_NOW.tips.values())
    everything = filter_tips(tips, None, [], [], False)
    assert all(t.recommendable for t in everything)
    knee = filter_tips(tips, "knee", [], [], False)
    assert knee and all(t.helps.covers(Joint.KNEE) for t in knee)
    offer = filter_tips(tips, "knee", [], ["offer"], False)
    assert offer and {t.id for t in offer} < {t.id for t in knee}
    home = filter_tips(tips, None, [], [], True)
    assert all(t.tags.at_home for t in home)


def test_exercise_filters_narrow_by_joint_and_muscle():
    exercises = list(CONTENT_NOW.exercises.values())
    back = filter_exercises(exercises, "back", [])
    assert back and all(e.helps.covers(Joint.BACK) for e in back)
    calves = filter_exercises(exercises, None, ["calves"])
    assert [e.id for e in calves] == [e.id for e in exercises if any(m.value == "calves" for m in e.targets)]


@pytest.mark.parametrize(
    ("dose", "words"),
    [
        (Dose(sets=2, reps=10), "2 sets of 10"),
        (Dose(sets=2, reps=10, hold_seconds=3), "2 sets of 10, holding each for 3 seconds"),
        (Dose(sets=3, hold_seconds=20, each_side=True), "hold for 20 seconds, 3 times, on each side"),
    ],
)
def test_a_dose_reads_as_a_sentence(dose, words):
    assert dose_text(dose, WORDS) == words


def test_a_plan_from_a_share_code_keeps_its_levels_and_gives_two_sessions():
    shared = SharedPlan(tip_ids=("walking",), exercises=(("bridge", "easier"), ("clam", "harder")))
    view = from_shared(OpenedCode(shared), CONTENT_NOW.tips, CONTENT_NOW.exercises, WORDS)
    assert [(e.exercise.id, e.level) for e in view.exercises] == [
        ("bridge", Level.EASIER),
        ("clam", Level.HARDER),
    ]
    assert view.exercises[0].version.startswith(WORDS.easier_label)
    assert view.sessions_per_week == 2
    assert view.shared == shared
    assert view.left_out == ()


def test_equipment_starts_as_a_chair_and_a_wall_and_follows_the_answer():
    assert answers_from({}, CONTENT_NOW.red_flags).equipment == {Prop.CHAIR, Prop.WALL}
    assert answers_from({"equipment": ["step"]}, CONTENT_NOW.red_flags).equipment == {Prop.STEP}
    assert answers_from({"equipment": []}, CONTENT_NOW.red_flags).equipment == frozenset()


def test_no_combination_of_browse_filters_ever_lists_a_treatment_nice_does_not_recommend():
    """Every joint (or none), every set of kinds, every set of grades, at home or not: 65,536 lists."""
    tips = list(CONTENT_NOW.tips.values())
    kinds = [k.value for k in TipKind if k != TipKind.OTHER_TREATMENT]
    grades = [g.value for g in (Grade.OFFER, Grade.CONSIDER, Grade.NOT_COVERED)]
    checked = 0
    for joint in (None, *(j.value for j in Joint)):
        for kind_choice in itertools.chain.from_iterable(
            itertools.combinations(kinds, n) for n in range(len(kinds) + 1)
        ):
            for grade_choice in itertools.chain.from_iterable(
                itertools.combinations(grades, n) for n in range(4)
            ):
                for at_home in (False, True):
                    shown = filter_tips(tips, joint, list(kind_choice), list(grade_choice), at_home)
                    assert all(t.recommendable for t in shown)
                    checked += 1
    assert checked == 4 * 2 ** len(kinds) * 2**3 * 2
