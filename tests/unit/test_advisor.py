"""The guided explorer's logic: warning signs first, then ranked tips with their reasons,
then a plan. Small made-up tips and rules here, so each case can be worked out by hand;
tests/unit/test_guarantees.py walks the real content through every combination of answers."""

from __future__ import annotations

import pytest

from backknee.content.items import Exercise, RulesFile, Tip
from backknee.content.loader import load_content
from backknee.explorer.advisor import (
    Answers,
    Level,
    OutcomeKind,
    advise,
    level_for,
    sessions_for,
    suggest_tips,
)
from backknee.vocab import Confidence, Difficulty, Joint, Prop, Setting, Urgency
from tests.paths import CONTENT

RED_FLAGS = load_content(CONTENT).red_flags
EMERGENCY = RED_FLAGS.signs(Urgency.EMERGENCY)[0].id
URGENT = RED_FLAGS.signs(Urgency.URGENT)[0].id
ROUTINE = RED_FLAGS.signs(Urgency.ROUTINE)[0].id

REVIEWED = {"reviewed": "2026-11-25", "review_due": "2027-11-25"}


def verdict(grade: str, guideline: str) -> dict:
    return {"grade": grade, "guideline": guideline, "read_in": "guideline"}


def tip(
    tip_id: str, helps: str = "both", kind: str = "activity", back: str = "consider", knee: str = "offer"
) -> Tip:
    evidence = {}
    if helps in ("back", "both"):
        evidence["back"] = verdict(back, "NICE NG59")
    if helps in ("knee", "both"):
        evidence["knee"] = verdict(knee, "NICE NG226")
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
            "evidence": evidence,
            "references": ["nice-ng226"],
            "tags": {"at_home": True, "minutes_per_day": 10},
        }
    )


def exercise(
    exercise_id: str, helps: str = "both", targets: tuple[str, ...] = ("hips",), prop: str = "none"
) -> Exercise:
    pose = {"trunk_deg": 0, "hip_deg": 0, "knee_deg": 0}
    return Exercise.model_validate(
        {
            **REVIEWED,
            "id": exercise_id,
            "name": exercise_id,
            "summary": "x",
            "targets": list(targets),
            "helps": helps,
            "starting_position": "x",
            "steps": ["x"],
            "dose": {"sets": 2, "reps": 10},
            "easier": "x",
            "harder": "x",
            "cautions": ["Stop if it causes sharp pain."],
            "references": ["nice-ng226"],
            "prop": prop,
            "keyframes": [pose, {**pose, "knee_deg": 30}],
        }
    )


TIPS = {
    t.id: t
    for t in [
        tip("walking"),
        tip("stairs-help", helps="knee", knee="consider"),
        tip("lifting-help", helps="back", back="not-covered"),
        tip("acupuncture", kind="other-treatment", back="do-not-offer", knee="do-not-offer"),
        tip("insoles", kind="other-treatment", back="do-not-offer", knee="not-routinely"),
        tip("swimming"),
        tip("a-talk", kind="support", back="offer"),
        tip("z-class", back="offer"),
    ]
}
EXERCISES = {
    e.id: e
    for e in [
        exercise("sit-to-stand", targets=("thighs",), prop="chair"),
        exercise("step-up", "knee", targets=("thighs",), prop="step"),
        exercise("leg-raise", targets=("thighs",)),
        exercise("bird-dog", "back"),
        exercise("bridge"),
        exercise("calf-raise"),
        exercise("clam"),
    ]
}
ORDER = {
    "tip_order": ["walking", "swimming", "z-class", "a-talk", "stairs-help", "lifting-help"],
    "exercise_order": ["bridge", "clam", "calf-raise", "sit-to-stand", "step-up", "leg-raise", "bird-dog"],
}
RULES = RulesFile.model_validate(
    {
        **REVIEWED,
        **ORDER,
        "rules": [
            {"id": "everyone", "because": "x", "tips": ["walking", "acupuncture", "insoles"],
             "exercises": ["bridge"]},
            {"id": "stairs", "because": "x", "when": {"hard": ["stairs"]}, "tips": ["stairs-help"],
             "exercises": ["step-up", "sit-to-stand", "leg-raise"], "weight": 3, "at_least_one": True},
            {"id": "lifting", "because": "x", "when": {"hard": ["lifting"], "where": ["back"]},
             "tips": ["lifting-help"], "exercises": ["bird-dog"], "weight": 2},
            {"id": "pool", "because": "x", "when": {"settings": ["pool"]}, "tips": ["swimming", "walking"]},
            {"id": "talks", "because": "x", "tips": ["a-talk", "z-class"]},
        ],
    }
)  # fmt: skip


def outcome(**answers):
    return advise(Answers(**answers), RED_FLAGS, RULES, TIPS, EXERCISES)


def tip_ids(found) -> list[str]:
    return [t.tip_id for t in found.tips]


def test_an_emergency_sign_gives_the_urgent_advice_only_and_no_plan():
    found = outcome(warning_signs=frozenset({EMERGENCY, URGENT}), hard=frozenset({Difficulty.STAIRS}))
    assert found.kind == OutcomeKind.EMERGENCY
    assert found.warning_signs == (EMERGENCY, URGENT)
    assert found.tips == ()
    assert found.plan is None


def test_a_same_day_sign_says_what_to_do_today_with_no_tips_and_no_plan():
    found = outcome(warning_signs=frozenset({URGENT, ROUTINE}), pain=8, hard=frozenset({Difficulty.STAIRS}))
    assert found.kind == OutcomeKind.SAME_DAY
    assert found.warning_signs == (URGENT,)
    assert found.tips == found.more_tips == ()
    assert found.plan is None


def test_a_routine_sign_is_noted_beside_the_plan():
    found = outcome(warning_signs=frozenset({ROUTINE}))
    assert found.kind == OutcomeKind.PLAN
    assert found.notes == (ROUTINE,)
    assert found.plan is not None


def test_an_unknown_warning_sign_is_named():
    with pytest.raises(ValueError, match="unknown warning signs: not-a-sign"):
        outcome(warning_signs=frozenset({"not-a-sign"}))


def test_neither_do_not_offer_nor_not_routinely_is_ever_suggested_even_when_a_rule_names_it():
    found = outcome()
    assert {"acupuncture", "insoles"}.isdisjoint(tip_ids(found) + [t.tip_id for t in found.more_tips])


def test_each_tip_comes_with_the_rules_that_chose_it():
    found = outcome(settings=frozenset({Setting.POOL}), where=Joint.KNEE)
    by_id = {t.tip_id: t for t in found.tips}
    assert by_id["walking"].rule_ids == ("everyone", "pool")
    assert by_id["swimming"].rule_ids == ("pool",)


def test_an_offer_ranks_above_a_consider_even_when_the_patient_said_more_about_the_consider():
    """Knee pain, stairs hard: stairs-help (consider, weight 3) ranks below walking (offer,
    weight 1), a-talk and z-class (offer, weight 1): NICE's strength comes first."""
    found = outcome(hard=frozenset({Difficulty.STAIRS}), where=Joint.KNEE)
    assert tip_ids(found) == ["walking", "z-class", "a-talk", "stairs-help"]


def test_tips_that_tie_on_the_guideline_are_ranked_by_what_the_patient_told_us():
    """Back pain at a pool: walking and swimming are both consider for the back; walking was
    chosen by two rules (weight 2), swimming by one; a-talk and z-class are offer for the back."""
    found = outcome(settings=frozenset({Setting.POOL}), where=Joint.BACK)
    assert tip_ids(found) == ["z-class", "a-talk", "walking", "swimming"]


def test_tips_that_tie_on_guideline_and_answers_follow_the_order_content_declares_not_the_alphabet():
    """a-talk and z-class: both offer, both weight 1. tip_order puts z-class first."""
    found = outcome(where=Joint.KNEE)
    assert tip_ids(found).index("z-class") < tip_ids(found).index("a-talk")
    flipped = RulesFile.model_validate(
        {
            **RULES.model_dump(by_alias=True),
            "tip_order": ["a-talk", *[t for t in ORDER["tip_order"] if t != "a-talk"]],
        }
    )
    again = advise(Answers(where=Joint.KNEE), RED_FLAGS, flipped, TIPS, EXERCISES)
    assert tip_ids(again).index("a-talk") < tip_ids(again).index("z-class")


def test_a_core_rule_puts_its_tips_first_and_an_always_rule_keeps_its_tips_under_the_cap():
    rules = RulesFile.model_validate(
        {
            **REVIEWED,
            **ORDER,
            "rules": [
                {"id": "talks", "because": "x", "tips": ["a-talk", "z-class"], "weight": 5},
                {
                    "id": "core",
                    "because": "x",
                    "when": {"where": ["knee"]},
                    "tips": ["stairs-help"],
                    "core": True,
                },
                {"id": "lift", "because": "x", "tips": ["lifting-help"], "always": True},
                {"id": "walk", "because": "x", "tips": ["walking", "swimming"], "exercises": ["bridge"]},
            ],
        }
    )
    found = advise(Answers(where=Joint.BOTH), RED_FLAGS, rules, TIPS, EXERCISES)
    assert tip_ids(found)[0] == "stairs-help", "core first, though it is only consider for the knee"
    shown, more = suggest_tips(Joint.BOTH, rules.rules, rules, TIPS, max_tips=2)
    assert {t.tip_id for t in shown} == {"stairs-help", "lifting-help"}, (
        "the cap never cuts core or always tips"
    )
    assert [t.tip_id for t in more] == ["z-class", "a-talk", "walking", "swimming"]


def test_a_tip_for_the_other_joint_is_left_out():
    found = outcome(hard=frozenset({Difficulty.STAIRS}), where=Joint.BACK)
    assert "stairs-help" not in tip_ids(found)


def test_a_rule_for_the_back_does_not_apply_to_knee_pain_alone():
    assert "lifting-help" not in tip_ids(outcome(hard=frozenset({Difficulty.LIFTING}), where=Joint.KNEE))
    assert "lifting-help" in tip_ids(outcome(hard=frozenset({Difficulty.LIFTING}), where=Joint.BOTH))


def test_the_plan_picks_the_exercises_the_rules_chose_first_then_content_order():
    found = outcome(hard=frozenset({Difficulty.STAIRS}), where=Joint.KNEE, minutes=10,
                    equipment=frozenset({Prop.CHAIR, Prop.STEP}))  # fmt: skip
    assert found.plan is not None
    assert [e.exercise_id for e in found.plan.exercises] == ["sit-to-stand", "step-up", "leg-raise"]
    assert found.plan.exercises[0].rule_ids == ("stairs",)


def test_a_plan_keeps_a_thigh_exercise_for_stairs_when_the_kit_rules_out_the_others():
    found = outcome(hard=frozenset({Difficulty.STAIRS}), where=Joint.BACK, minutes=10, equipment=frozenset())
    assert found.plan is not None
    ids = [e.exercise_id for e in found.plan.exercises]
    assert "leg-raise" in ids and "sit-to-stand" not in ids and "step-up" not in ids


def test_an_at_least_one_rule_pushes_its_exercise_in_even_when_others_outscore_it():
    rules = RulesFile.model_validate(
        {
            **REVIEWED,
            **ORDER,
            "rules": [
                {"id": "hips", "because": "x", "exercises": ["bridge", "clam", "calf-raise"], "weight": 5},
                {"id": "stairs", "because": "x", "when": {"hard": ["stairs"]}, "exercises": ["leg-raise"],
                 "at_least_one": True},
            ],
        }
    )  # fmt: skip
    found = advise(
        Answers(hard=frozenset({Difficulty.STAIRS}), minutes=10), RED_FLAGS, rules, TIPS, EXERCISES
    )
    assert found.plan is not None
    assert [e.exercise_id for e in found.plan.exercises] == ["bridge", "clam", "leg-raise"]


def test_a_plan_has_three_to_five_exercises_by_the_time_a_patient_has():
    for minutes, count in ((10, 3), (20, 4), (30, 5)):
        found = outcome(minutes=minutes)
        assert found.plan is not None
        assert len(found.plan.exercises) == count


@pytest.mark.parametrize(
    ("pain", "confidence", "level"),
    [
        (8, Confidence.HIGH, Level.EASIER),
        (7, Confidence.SOME, Level.EASIER),
        (2, Confidence.LOW, Level.EASIER),
        (2, Confidence.HIGH, Level.HARDER),
        (5, Confidence.HIGH, Level.STANDARD),
        (3, Confidence.SOME, Level.STANDARD),
    ],
)
def test_the_level_follows_pain_and_confidence(pain, confidence, level):
    assert level_for(pain, confidence) == level


def test_two_sessions_a_week_to_start_gently_three_with_time_and_confidence():
    assert sessions_for(10, 0, Confidence.SOME) == 2
    assert sessions_for(20, 0, Confidence.LOW) == 2
    assert sessions_for(20, 8, Confidence.SOME) == 2
    assert sessions_for(30, 0, Confidence.HIGH) == 3


def test_answers_out_of_range_are_refused():
    with pytest.raises(ValueError, match="pain must be between 0 and 10; got 11"):
        Answers(pain=11)
    with pytest.raises(ValueError, match="minutes must be one of 10, 20, 30; got 15"):
        Answers(minutes=15)


def test_a_rule_for_both_joints_applies_only_when_both_hurt():
    both_rule = RulesFile.model_validate(
        {
            **REVIEWED,
            **ORDER,
            "rules": [{"id": "both", "because": "x", "when": {"where": ["both"]}, "tips": ["swimming"]}],
        }
    )
    for where, applies in ((Joint.BOTH, True), (Joint.KNEE, False), (Joint.BACK, False)):
        found = advise(Answers(where=where), RED_FLAGS, both_rule, TIPS, EXERCISES)
        assert ("swimming" in tip_ids(found)) is applies


def test_a_core_rule_is_for_one_joint_and_everyone_with_it():
    with pytest.raises(ValueError, match="core rule 'c' is for one joint"):
        RulesFile.model_validate(
            {**REVIEWED, **ORDER, "rules": [{"id": "c", "because": "x", "tips": ["walking"], "core": True,
                                            "when": {"where": ["knee"], "pain_at_least": 5}}]}
        )  # fmt: skip
