"""Every promise of the guided explorer holds for every combination of answers, with the real
content: not a sample. One test per promise, named as the rule (backknee/explorer/guarantees.py)."""

from __future__ import annotations

import itertools

from backknee.content.loader import load_content
from backknee.explorer import guarantees as g
from backknee.explorer.advisor import Answers, OutcomeKind, advise
from backknee.explorer.screens import NO, SAFETY, YES, Screen, answers_from, next_screen
from backknee.vocab import Joint, Urgency
from tests.paths import CONTENT

C = load_content(CONTENT)


def _failures(found: list[tuple[object, list[str]]]) -> str:
    shown = [f"{case}: {'; '.join(problems)}" for case, problems in found[:5]]
    return f"{len(found)} cases break the promise, for example:\n" + "\n".join(shown)


def test_the_walk_covers_every_tip_case_and_every_plan_case_they_lead_to(walk):
    tip_cases = 3 * 11 * 2**6 * 2**3 * 3 * 3
    assert len(walk.tips) == tip_cases == len({case for case, _, _ in walk.tips})
    assert len(walk.plans) == len({case for case, _ in walk.plans}) >= 3 * 11 * 3 * 3 * len(g.KITS)
    assert {case.equipment for case, _ in walk.plans} == set(g.KITS)


SIGN_OUTCOMES = [
    (signs, advise(Answers(where=where, warning_signs=signs), C.red_flags, C.rules, C.tips, C.exercises))
    for signs in g.every_sign_choice(C.red_flags)
    for where in Joint
]
"""Every choice of warning signs, for each joint, with its outcome."""


def test_emergency_signs_stop_at_the_urgent_advice_with_no_tips_and_no_plan():
    found = [
        (sorted(signs), problems)
        for signs, outcome in SIGN_OUTCOMES
        if (problems := g.emergency_signs_stop_at_the_urgent_advice(signs, outcome, C.red_flags))
    ]
    assert not found, _failures(found)


def test_same_day_signs_say_what_to_do_today_and_prescribe_nothing():
    found = [
        (sorted(signs), problems)
        for signs, outcome in SIGN_OUTCOMES
        if (problems := g.same_day_signs_prescribe_nothing(signs, outcome, C.red_flags))
    ]
    assert not found, _failures(found)


def test_every_way_through_the_safety_check_reaches_the_outcome_its_answers_call_for():
    """The explorer's own screens: each Yes or No to the three questions, in order."""
    expected_screen = {OutcomeKind.EMERGENCY: Screen.STOP, OutcomeKind.SAME_DAY: Screen.TODAY}
    for replies in itertools.product((YES, NO), repeat=len(SAFETY)):
        store: dict[str, object] = {}
        screen = Screen.EMERGENCY
        for (question, _), reply in zip(SAFETY.items(), replies, strict=True):
            if screen != question:
                break
            store[question.value] = reply
            screen = next_screen(screen, store)
        outcome = advise(answers_from(store, C.red_flags), C.red_flags, C.rules, C.tips, C.exercises)
        if replies[0] == YES:
            assert outcome.kind == OutcomeKind.EMERGENCY
        elif replies[1] == YES:
            assert outcome.kind == OutcomeKind.SAME_DAY
        else:
            assert outcome.kind == OutcomeKind.PLAN
            assert bool(outcome.notes) is (replies[2] == YES)
        assert screen == expected_screen.get(outcome.kind, Screen.WHERE)


def test_the_core_advice_for_each_joint_always_shows_and_comes_first(walk):
    found = [
        (case, problems)
        for case, shown, _ in walk.tips
        if (problems := g.core_advice_always_shows_first(case, shown, C.rules, C.tips))
    ]
    assert not found, _failures(found)


def test_tips_rank_by_the_guideline_then_the_answers_then_the_order_content_declares(walk):
    checked: dict[tuple, list[str]] = {}
    found = []
    for case, shown, more in walk.tips:
        matched = frozenset(r.id for r in g.matching_rules(case, C.rules))
        key = (case.where, matched, shown, more)
        if key not in checked:
            checked[key] = g.tips_are_ranked_by_guideline_then_answers_then_content_order(
                case.where, matched, shown, more, C.rules, C.tips
            )
        if checked[key]:
            found.append((case, checked[key]))
    assert not found, _failures(found)


def test_high_pain_or_low_confidence_always_gets_pacing_and_a_flare_up_plan(walk):
    found = [
        (case, problems)
        for case, shown, _ in walk.tips
        if (problems := g.high_pain_or_low_confidence_gets_pacing_and_a_flare_up_plan(case, shown))
    ]
    assert not found, _failures(found)


def test_no_answers_ever_get_a_treatment_nice_does_not_recommend(walk):
    found = [
        (case, problems)
        for case, shown, more in walk.tips
        if (
            problems := g.never_suggests_a_treatment_nice_does_not_recommend(case.where, shown + more, C.tips)
        )
    ]
    assert not found, _failures(found)


def test_high_pain_or_low_confidence_always_starts_at_the_easiest_level(walk):
    found = [
        (case, problems)
        for case, plan in walk.plans
        if (problems := g.high_pain_or_low_confidence_starts_at_the_easiest_level(case, plan))
    ]
    assert not found, _failures(found)


def test_stairs_or_getting_up_from_a_chair_hard_always_gets_a_thigh_exercise_whatever_the_kit(walk):
    found = [
        (case, problems)
        for case, plan in walk.plans
        if (problems := g.stairs_or_chair_hard_gets_a_thigh_exercise(case, plan, C.exercises))
    ]
    assert not found, _failures(found)


def test_every_plan_has_three_to_five_exercises_that_suit_the_kit_and_the_joints(walk):
    found = [
        (case, problems)
        for case, plan in walk.plans
        if (problems := g.every_plan_has_three_to_five_exercises_that_suit(case, plan, C.exercises))
    ]
    assert not found, _failures(found)


def test_the_advisor_gives_the_walked_tips_and_plan_for_any_full_set_of_answers(walk):
    """advise is the walked steps put together: the same tips for a tip case, and the same
    plan for its plan case, whatever the kit (a few full answers from each end of the walk)."""
    plans = dict(walk.plans)
    for case, shown, more in walk.tips[:: len(walk.tips) // 97]:
        for kit in g.KITS:
            answers = Answers(**case.__dict__, equipment=kit)
            outcome = advise(answers, C.red_flags, C.rules, C.tips, C.exercises)
            assert (outcome.tips, outcome.more_tips) == (shown, more)
            matched = g.matching_rules(case, C.rules)
            assert outcome.plan == plans[g.PlanCase.of(case, kit, matched)]


def test_a_guarantee_check_does_fail_when_its_promise_is_broken(walk):
    """The checks can fail: an outcome that drops the core tips, a plan with no thigh exercise."""
    case, shown, _ = next(t for t in walk.tips if t[0].where == Joint.BOTH)
    assert g.core_advice_always_shows_first(case, shown[::-1], C.rules, C.tips)
    assert g.core_advice_always_shows_first(case, (), C.rules, C.tips)
    stairs, plan = next(p for p in walk.plans if p[0].hard & g.HARD_FOR_THE_THIGHS)
    no_thighs = type(plan)(exercises=(), sessions_per_week=2)
    assert g.stairs_or_chair_hard_gets_a_thigh_exercise(stairs, no_thighs, C.exercises)
    assert g.every_plan_has_three_to_five_exercises_that_suit(stairs, no_thighs, C.exercises)
    emergency = C.red_flags.signs(Urgency.EMERGENCY)[0].id
    same_day = C.red_flags.signs(Urgency.URGENT)[0].id
    planned = advise(Answers(), C.red_flags, C.rules, C.tips, C.exercises)
    assert g.emergency_signs_stop_at_the_urgent_advice(frozenset({emergency}), planned, C.red_flags)
    assert g.same_day_signs_prescribe_nothing(frozenset({same_day}), planned, C.red_flags)
    gentle = next(t for t in walk.tips if t[0].pain >= g.HIGH_PAIN)
    assert g.high_pain_or_low_confidence_gets_pacing_and_a_flare_up_plan(gentle[0], ())
    refused = g.ChosenTip("acupuncture", ("everyone-moves",))
    assert g.never_suggests_a_treatment_nice_does_not_recommend(Joint.BOTH, (refused,), C.tips)
    assert g.tips_are_ranked_by_guideline_then_answers_then_content_order(
        case.where, frozenset(), shown[::-1], (), C.rules, C.tips
    )


def test_both_joints_stairs_and_chairs_hard_and_no_kit_get_walking_strength_weight_and_a_thigh_exercise():
    outcome = advise(
        Answers(
            where=Joint.BOTH,
            pain=5,
            hard=frozenset({g.Difficulty.STAIRS, g.Difficulty.CHAIR}),
            equipment=frozenset(),
        ),
        C.red_flags,
        C.rules,
        C.tips,
        C.exercises,
    )
    cards = [C.tips[t.tip_id] for t in outcome.tips]
    assert "walking" in [t.id for t in cards]
    assert "weight-support" in [t.id for t in cards]
    assert any(t.kind == g.TipKind.STRENGTHENING for t in cards)
    assert outcome.plan is not None
    assert any(g.MuscleGroup.THIGHS in C.exercises[p.exercise_id].targets for p in outcome.plan.exercises)
