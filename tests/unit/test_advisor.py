"""The guided explorer's logic: warning signs first, then ranked tips with their reasons,
then a plan. Small made-up tips and rules here; tests/unit/test_advisor_content.py runs the
real content through the same rules with random answers."""

from __future__ import annotations

import pytest

from backknee.advisor import Answers, Level, OutcomeKind, advise, level_for, sessions_for
from backknee.loader import load_content
from backknee.models import Confidence, Difficulty, Exercise, Joint, RulesFile, Setting, Tip, Urgency
from tests.conftest import CONTENT

RED_FLAGS = load_content(CONTENT).red_flags
EMERGENCY = RED_FLAGS.signs(Urgency.EMERGENCY)[0].id
URGENT = RED_FLAGS.signs(Urgency.URGENT)[0].id
ROUTINE = RED_FLAGS.signs(Urgency.ROUTINE)[0].id

REVIEWED = {"reviewed": "2026-11-25", "review_due": "2027-11-25"}


def verdict(grade: str, guideline: str = "NICE NG226") -> dict:
    return {"grade": grade, "guideline": guideline}


def tip(
    tip_id: str, helps: str = "both", kind: str = "activity", back: str = "consider", knee: str = "offer"
) -> Tip:
    return Tip.model_validate(
        {
            **REVIEWED,
            "id": tip_id,
            "kind": kind,
            "title": tip_id,
            "summary": tip_id,
            "why": "x",
            "steps": ["x"],
            "helps": helps,
            "evidence": {"back": verdict(back, "NICE NG59"), "knee": verdict(knee)},
            "references": ["nice-ng226"],
            "tags": {"at_home": True, "no_equipment": True, "minutes_per_day": 10, "effort": "low"},
        }
    )


def exercise(exercise_id: str, helps: str = "both") -> Exercise:
    pose = {"trunk_deg": 0, "hip_deg": 0, "knee_deg": 0}
    return Exercise.model_validate(
        {
            **REVIEWED,
            "id": exercise_id,
            "name": exercise_id,
            "summary": "x",
            "targets": ["thighs"],
            "helps": helps,
            "starting_position": "x",
            "steps": ["x"],
            "dose": {"sets": 2, "reps": 10},
            "easier": "x",
            "harder": "x",
            "cautions": ["Stop if it causes sharp pain."],
            "references": ["nice-ng226"],
            "keyframes": [pose, {**pose, "knee_deg": 30}],
        }
    )


TIPS = {
    t.id: t
    for t in [
        tip("walking"),
        tip("stairs-help", helps="knee"),
        tip("lifting-help", helps="back"),
        tip("acupuncture", kind="other-treatment", back="do-not-offer", knee="do-not-offer"),
        tip("swimming"),
    ]
}
EXERCISES = {
    e.id: e
    for e in [
        exercise("sit-to-stand"),
        exercise("step-up", "knee"),
        exercise("bird-dog", "back"),
        exercise("bridge"),
        exercise("calf-raise"),
        exercise("clam"),
    ]
}
RULES = RulesFile.model_validate(
    {
        **REVIEWED,
        "rules": [
            {"id": "everyone", "because": "x", "tips": ["walking", "acupuncture"], "exercises": ["bridge"]},
            {"id": "stairs", "because": "x", "when": {"hard": ["stairs"]}, "tips": ["stairs-help"],
             "exercises": ["step-up", "sit-to-stand"], "weight": 3},
            {"id": "lifting", "because": "x", "when": {"hard": ["lifting"], "where": ["back"]},
             "tips": ["lifting-help"], "exercises": ["bird-dog"], "weight": 2},
            {"id": "pool", "because": "x", "when": {"settings": ["pool"]}, "tips": ["swimming", "walking"]},
        ],
    }
)  # fmt: skip


def outcome(**answers):
    return advise(Answers(**answers), RED_FLAGS, RULES, TIPS, EXERCISES)


def test_an_emergency_sign_gives_the_urgent_advice_only_and_no_plan():
    found = outcome(warning_signs=frozenset({EMERGENCY, URGENT}), hard=frozenset({Difficulty.STAIRS}))
    assert found.kind == OutcomeKind.EMERGENCY
    assert found.warning_signs == (EMERGENCY, URGENT)
    assert found.tips == ()
    assert found.plan is None


def test_an_urgent_sign_comes_first_above_a_gentle_plan():
    found = outcome(warning_signs=frozenset({URGENT}), confidence=Confidence.HIGH, pain=1, minutes=30)
    assert found.kind == OutcomeKind.URGENT_FIRST
    assert found.warning_signs == (URGENT,)
    assert found.plan is not None
    assert {e.level for e in found.plan.exercises} == {Level.EASIER}
    assert found.plan.sessions_per_week == 2
    assert len(found.plan.exercises) == 3


def test_a_routine_sign_is_noted_beside_the_plan():
    found = outcome(warning_signs=frozenset({ROUTINE}))
    assert found.kind == OutcomeKind.PLAN
    assert found.notes == (ROUTINE,)


def test_an_unknown_warning_sign_is_named():
    with pytest.raises(ValueError, match="unknown warning signs: not-a-sign"):
        outcome(warning_signs=frozenset({"not-a-sign"}))


def test_a_tip_nice_says_not_to_offer_is_never_recommended_even_when_a_rule_names_it():
    assert "acupuncture" not in [t.tip_id for t in outcome().tips]


def test_each_tip_comes_with_the_rules_that_chose_it():
    found = outcome(settings=frozenset({Setting.POOL}), where=Joint.KNEE)
    by_id = {t.tip_id: t for t in found.tips}
    assert by_id["walking"].rule_ids == ("everyone", "pool")
    assert by_id["swimming"].rule_ids == ("pool",)


def test_tips_are_ranked_by_the_weight_of_the_rules_that_chose_them():
    found = outcome(hard=frozenset({Difficulty.STAIRS}), where=Joint.KNEE)
    assert [t.tip_id for t in found.tips] == ["stairs-help", "walking"]


def test_a_tip_for_the_other_joint_is_left_out():
    found = outcome(hard=frozenset({Difficulty.STAIRS}), where=Joint.BACK)
    assert "stairs-help" not in [t.tip_id for t in found.tips]


def test_a_rule_for_the_back_does_not_apply_to_knee_pain_alone():
    assert "lifting-help" not in [
        t.tip_id for t in outcome(hard=frozenset({Difficulty.LIFTING}), where=Joint.KNEE).tips
    ]
    assert "lifting-help" in [
        t.tip_id for t in outcome(hard=frozenset({Difficulty.LIFTING}), where=Joint.BOTH).tips
    ]


def test_the_plan_picks_the_exercises_the_rules_chose_first():
    found = outcome(hard=frozenset({Difficulty.STAIRS}), where=Joint.KNEE, minutes=10)
    assert found.plan is not None
    assert [e.exercise_id for e in found.plan.exercises] == ["sit-to-stand", "step-up", "bridge"]
    assert found.plan.exercises[0].rule_ids == ("stairs",)


def test_a_plan_has_three_to_five_exercises_by_the_time_a_patient_has():
    for minutes, count in ((10, 3), (20, 4), (30, 5)):
        found = outcome(minutes=minutes)
        assert found.plan is not None
        assert len(found.plan.exercises) == count


@pytest.mark.parametrize(
    ("pain", "confidence", "level"),
    [
        (8, Confidence.HIGH, Level.EASIER),
        (2, Confidence.LOW, Level.EASIER),
        (2, Confidence.HIGH, Level.HARDER),
        (5, Confidence.HIGH, Level.STANDARD),
        (3, Confidence.SOME, Level.STANDARD),
    ],
)
def test_the_level_follows_pain_and_confidence(pain, confidence, level):
    assert level_for(Answers(pain=pain, confidence=confidence)) == level


def test_two_sessions_a_week_to_start_gently_three_with_time_and_confidence():
    assert sessions_for(Answers(minutes=10)) == 2
    assert sessions_for(Answers(minutes=20, confidence=Confidence.LOW)) == 2
    assert sessions_for(Answers(minutes=20, pain=8)) == 2
    assert sessions_for(Answers(minutes=30, confidence=Confidence.HIGH)) == 3


def test_answers_out_of_range_are_refused():
    with pytest.raises(ValueError, match="pain must be between 0 and 10; got 11"):
        Answers(pain=11)
    with pytest.raises(ValueError, match="minutes must be one of 10, 20, 30; got 15"):
        Answers(minutes=15)


def test_a_rule_for_both_joints_applies_only_when_both_hurt():
    both_rule = RulesFile.model_validate(
        {
            **REVIEWED,
            "rules": [{"id": "both", "because": "x", "when": {"where": ["both"]}, "tips": ["swimming"]}],
        }
    )
    for where, applies in ((Joint.BOTH, True), (Joint.KNEE, False), (Joint.BACK, False)):
        found = advise(Answers(where=where), RED_FLAGS, both_rule, TIPS, EXERCISES)
        assert ("swimming" in [t.tip_id for t in found.tips]) is applies
