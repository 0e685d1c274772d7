"""The guided explorer's promises, as code: each function returns what is wrong with one
outcome (nothing when the promise holds).

tests/unit/test_guarantees.py walks every combination of answers through them, and
``python -m backknee coverage`` reports them to a clinician who edits content/rules.yaml.
The answer space is small because each step of the advisor reads only what it needs, and its
type says so (see backknee/explorer/advisor.py): the warning signs decide whether anything is suggested
at all; the rules that match read a `TipCase`; the tips read the joint and those rules; the
plan reads a `PlanCase`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from backknee.content.items import Exercise, RulesFile, Tip
from backknee.content.shared import RedFlagsFile
from backknee.explorer.advisor import (
    HIGH_PAIN,
    MAX_EXERCISES,
    MIN_EXERCISES,
    MINUTES_CHOICES,
    PAIN_RANGE,
    Answers,
    ChosenTip,
    Level,
    Outcome,
    OutcomeKind,
    Plan,
    PlanCase,
    TipCase,
    advise,
    make_plan,
    matching_rules,
    rank_key,
    suggest_tips,
    suits,
)
from backknee.vocab import Confidence, Difficulty, Joint, MuscleGroup, Prop, Setting, TipKind, Urgency

CORE = {
    Joint.KNEE: (
        ("strengthening", frozenset({TipKind.STRENGTHENING})),
        ("aerobic exercise, such as walking", frozenset({TipKind.ACTIVITY})),
        ("information and support", frozenset({TipKind.SUPPORT})),
        ("weight management", frozenset({TipKind.WEIGHT})),
    ),
    Joint.BACK: (
        ("exercise", frozenset({TipKind.STRENGTHENING, TipKind.ACTIVITY, TipKind.MIND_BODY})),
        ("self-management", frozenset({TipKind.SELF_MANAGEMENT})),
    ),
}
"""The guidelines' core treatments, by the kind of tip that gives each: NICE NG226 1.2.2 for
the knee (therapeutic exercise, weight management, information and support); NICE NG59 for
the back (exercise, and advice to manage it yourself and keep up normal activities)."""

GENTLE_TIPS = ("pacing", "flare-up-plan")
"""With high pain or low confidence: a steady pace, and a plan for bad days."""

HARD_FOR_THE_THIGHS = frozenset({Difficulty.STAIRS, Difficulty.CHAIR})


E = TypeVar("E", Difficulty, Setting, Prop)


def _subsets(values: Sequence[E]) -> list[frozenset[E]]:
    return [frozenset(c) for n in range(len(values) + 1) for c in itertools.combinations(values, n)]


KITS: list[frozenset[Prop]] = _subsets([p for p in Prop if p != Prop.NONE])
"""Every answer to "what do you have at home?"."""


def every_tip_case() -> Iterator[TipCase]:
    """Every combination of the answers the tips read. (The explorer never gives an empty set
    of places: it counts that as home. The empty set is walked too.)"""
    low, high = PAIN_RANGE
    for where, pain, hard, settings, minutes, confidence in itertools.product(
        Joint,
        range(low, high + 1),
        _subsets(list(Difficulty)),
        _subsets(list(Setting)),
        MINUTES_CHOICES,
        Confidence,
    ):
        yield TipCase(where, pain, hard, settings, minutes, confidence)


@dataclass(frozen=True)
class Walk:
    """Every tip case with its tips, and every distinct plan case with its plan."""

    tips: list[tuple[TipCase, tuple[ChosenTip, ...], tuple[ChosenTip, ...]]]
    plans: list[tuple[PlanCase, Plan]]


def walk_every_answer(rules: RulesFile, tips: Mapping[str, Tip], exercises: Mapping[str, Exercise]) -> Walk:
    """Run the tips for every tip case and the plan for every plan case those cases and every
    kit give (each distinct plan case once: many tip cases share one)."""
    walked = []
    without_kit: dict[PlanCase, None] = {}
    suggested: dict[tuple[Joint, tuple[str, ...]], tuple[tuple[ChosenTip, ...], tuple[ChosenTip, ...]]] = {}
    for case in every_tip_case():
        matched = matching_rules(case, rules)
        # suggest_tips reads only the joint and the matched rules: each pair is worked out once.
        key = (case.where, tuple(r.id for r in matched))
        if key not in suggested:
            suggested[key] = suggest_tips(case.where, matched, rules, tips)
        shown, more = suggested[key]
        walked.append((case, shown, more))
        without_kit.setdefault(PlanCase.of(case, frozenset(), matched))
    plan_cases = [replace(case, equipment=kit) for case in without_kit for kit in KITS]
    return Walk(tips=walked, plans=[(case, make_plan(case, rules, exercises)) for case in plan_cases])


def every_sign_choice(red_flags: RedFlagsFile) -> Iterator[frozenset[str]]:
    """Every way to answer the safety check, and more: at each level no sign, each one sign
    alone, or all of them (the explorer's Yes counts all of a level's signs)."""
    per_level = []
    for level in Urgency:
        ids = [sign.id for sign in red_flags.signs(level)]
        per_level.append([frozenset(), *(frozenset({i}) for i in ids), frozenset(ids)])
    for choice in itertools.product(*per_level):
        yield frozenset().union(*choice)


def emergency_signs_stop_at_the_urgent_advice(
    signs: frozenset[str], outcome: Outcome, red_flags: RedFlagsFile
) -> list[str]:
    emergency = {s.id for s in red_flags.signs(Urgency.EMERGENCY)} & signs
    if not emergency:
        return []
    problems = []
    if outcome.kind != OutcomeKind.EMERGENCY:
        problems.append(f"an emergency sign gave {outcome.kind.value}, not the emergency advice")
    if outcome.tips or outcome.more_tips or outcome.plan is not None:
        problems.append("an emergency sign still gave tips or a plan")
    if not emergency <= set(outcome.warning_signs) or outcome.warning_signs[0] not in emergency:
        problems.append("the emergency signs said yes to are not named first")
    return problems


def same_day_signs_prescribe_nothing(
    signs: frozenset[str], outcome: Outcome, red_flags: RedFlagsFile
) -> list[str]:
    emergency = {s.id for s in red_flags.signs(Urgency.EMERGENCY)} & signs
    same_day = {s.id for s in red_flags.signs(Urgency.URGENT)} & signs
    if emergency or not same_day:
        return []
    problems = []
    if outcome.kind != OutcomeKind.SAME_DAY:
        problems.append(f"a same-day sign gave {outcome.kind.value}, not what to do today")
    if outcome.tips or outcome.more_tips:
        problems.append("a same-day sign still gave tips (heat, exercise, activity)")
    if outcome.plan is not None:
        problems.append("a same-day sign still gave an exercise plan and its pain rule")
    if set(outcome.warning_signs) != same_day:
        problems.append("the same-day signs said yes to are not the ones named")
    return problems


def core_advice_always_shows_first(
    case: TipCase, shown: tuple[ChosenTip, ...], rules: RulesFile, tips: Mapping[str, Tip]
) -> list[str]:
    """Each core treatment for the patient's joints is among the cards, and the core tips
    come before every other tip."""
    problems = []
    kinds = {tips[c.tip_id].kind for c in shown if _is_core(c, rules)}
    for joint, needs in CORE.items():
        if case.where not in (joint, Joint.BOTH):
            continue
        for name, any_of in needs:
            if not kinds & any_of:
                problems.append(f"no core tip for {name} ({joint.value}, NICE)")
    core_places = [n for n, c in enumerate(shown) if _is_core(c, rules)]
    if core_places != list(range(len(core_places))):
        problems.append("a tip that is not core comes before a core tip")
    return problems


def _is_core(chosen: ChosenTip, rules: RulesFile) -> bool:
    return any(rules.by_id[r].core for r in chosen.rule_ids)


def tips_are_ranked_by_guideline_then_answers_then_content_order(
    where: Joint,
    matched: frozenset[str],
    shown: tuple[ChosenTip, ...],
    more: tuple[ChosenTip, ...],
    rules: RulesFile,
    tips: Mapping[str, Tip],
) -> list[str]:
    """For a patient whose pain is `where` and whose answers matched these rules (by id):
    cards and the list under them each follow `rank_key`; every tip left off the cards ranks
    below every card the cap could have cut; each names the rules that chose it."""
    problems = []

    def key(chosen: ChosenTip) -> tuple[int, int, int]:
        relevance = sum(rules.by_id[r].weight for r in chosen.rule_ids)
        order = rules.tip_rank.get(chosen.tip_id, len(rules.tip_rank))
        return rank_key(tips[chosen.tip_id], where, _is_core(chosen, rules), relevance, order)

    for group in (shown, more):
        keys = [key(c) for c in group]
        if keys != sorted(keys):
            problems.append("tips are out of order: " + ", ".join(c.tip_id for c in group))
    cuttable = [key(c) for c in shown if not any(rules.by_id[r].shown_always for r in c.rule_ids)]
    if more and cuttable and min(key(c) for c in more) < max(cuttable):
        problems.append("a tip under the cards outranks a card")
    for chosen in (*shown, *more):
        if not chosen.rule_ids or any(
            r not in matched or chosen.tip_id not in rules.by_id[r].tips for r in chosen.rule_ids
        ):
            problems.append(f"{chosen.tip_id}: its reasons are not the rules that chose it")
    return problems


def high_pain_or_low_confidence_gets_pacing_and_a_flare_up_plan(
    case: TipCase, shown: tuple[ChosenTip, ...]
) -> list[str]:
    if case.pain < HIGH_PAIN and case.confidence != Confidence.LOW:
        return []
    missing = [t for t in GENTLE_TIPS if t not in {c.tip_id for c in shown}]
    return [f"high pain or low confidence, but no {', '.join(missing)} among the cards"] if missing else []


def never_suggests_a_treatment_nice_does_not_recommend(
    where: Joint, suggested: tuple[ChosenTip, ...], tips: Mapping[str, Tip]
) -> list[str]:
    return [
        f"{c.tip_id} is suggested, but NICE does not recommend it (or it is not for the {where.value})"
        for c in suggested
        if c.tip_id not in tips or not tips[c.tip_id].suggestible(where)
    ]


def high_pain_or_low_confidence_starts_at_the_easiest_level(case: PlanCase, plan: Plan) -> list[str]:
    if case.pain < HIGH_PAIN and case.confidence != Confidence.LOW:
        return []
    higher = [p.exercise_id for p in plan.exercises if p.level != Level.EASIER]
    return [f"not at the easiest level: {', '.join(higher)}"] if higher else []


def stairs_or_chair_hard_gets_a_thigh_exercise(
    case: PlanCase, plan: Plan, exercises: Mapping[str, Exercise]
) -> list[str]:
    if not case.hard & HARD_FOR_THE_THIGHS:
        return []
    if any(MuscleGroup.THIGHS in exercises[p.exercise_id].targets for p in plan.exercises):
        return []
    kit = ", ".join(sorted(p.value for p in case.equipment)) or "nothing"
    return [f"stairs or a chair are hard, but no thigh exercise (kit: {kit})"]


def every_plan_has_three_to_five_exercises_that_suit(
    case: PlanCase, plan: Plan, exercises: Mapping[str, Exercise]
) -> list[str]:
    problems = []
    ids = [p.exercise_id for p in plan.exercises]
    if not MIN_EXERCISES <= len(ids) <= MAX_EXERCISES:
        problems.append(f"{len(ids)} exercises, not {MIN_EXERCISES} to {MAX_EXERCISES}")
    if len(set(ids)) != len(ids):
        problems.append("an exercise is in the plan twice")
    problems += [
        f"{e} does not suit the {case.where.value} or the kit"
        for e in ids
        if not suits(exercises[e], case.where, case.equipment)
    ]
    return problems


def broken_promises(
    walk: Walk,
    red_flags: RedFlagsFile,
    rules: RulesFile,
    tips: Mapping[str, Tip],
    exercises: Mapping[str, Exercise],
) -> dict[str, int]:
    """How many cases break each promise (0 where it holds), by the promise's name: every
    choice of warning signs for the first two, the walk for the rest."""
    counts = {
        "emergency signs stop at the urgent advice, with no tips and no plan": 0,
        "same-day signs say what to do today, and prescribe nothing": 0,
        "the core advice for each joint always shows, first": 0,
        "tips rank by guideline, then answers, then content order": 0,
        "high pain or low confidence gets pacing and a flare-up plan": 0,
        "nothing NICE does not recommend is suggested": 0,
        "high pain or low confidence starts at the easiest level": 0,
        "stairs or a chair hard gets a thigh exercise, whatever the kit": 0,
        "every plan has 3 to 5 exercises that suit the kit and the joints": 0,
    }
    for signs in every_sign_choice(red_flags):
        outcome = advise(Answers(warning_signs=signs), red_flags, rules, tips, exercises)
        counts["emergency signs stop at the urgent advice, with no tips and no plan"] += bool(
            emergency_signs_stop_at_the_urgent_advice(signs, outcome, red_flags)
        )
        counts["same-day signs say what to do today, and prescribe nothing"] += bool(
            same_day_signs_prescribe_nothing(signs, outcome, red_flags)
        )
    names = list(counts)[2:]
    ranked: dict[tuple[Joint, frozenset[str], tuple[ChosenTip, ...], tuple[ChosenTip, ...]], bool] = {}
    for case, shown, more in walk.tips:
        matched = frozenset(r.id for r in matching_rules(case, rules))
        key = (case.where, matched, shown, more)
        if key not in ranked:
            ranked[key] = bool(
                tips_are_ranked_by_guideline_then_answers_then_content_order(
                    case.where, matched, shown, more, rules, tips
                )
            )
        counts[names[0]] += bool(core_advice_always_shows_first(case, shown, rules, tips))
        counts[names[1]] += ranked[key]
        counts[names[2]] += bool(high_pain_or_low_confidence_gets_pacing_and_a_flare_up_plan(case, shown))
        counts[names[3]] += bool(
            never_suggests_a_treatment_nice_does_not_recommend(case.where, shown + more, tips)
        )
    for plan_case, plan in walk.plans:
        counts[names[4]] += bool(high_pain_or_low_confidence_starts_at_the_easiest_level(plan_case, plan))
        counts[names[5]] += bool(stairs_or_chair_hard_gets_a_thigh_exercise(plan_case, plan, exercises))
        counts[names[6]] += bool(every_plan_has_three_to_five_exercises_that_suit(plan_case, plan, exercises))
    return counts
