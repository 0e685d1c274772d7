"""The guided explorer's logic: a patient's answers in, a safe and traceable outcome out.

In this order, always:
1. Any emergency warning sign: the urgent advice only. No tips and no plan.
2. Any same-day warning sign: what to do today, and nothing prescribed (no tips, no plan):
   the patient may browse the tips and exercises once they have been checked.
3. Otherwise tips, ranked by a clinician's reading (`rank_key`): the guidelines' core
   treatments first, then by how strongly NICE backs each (offer above consider above no
   recommendation), then by what the patient told us (the weights of the rules that chose
   it), then in the order content/rules.yaml declares. Each comes with the rules that chose
   it. A treatment NICE does not recommend is never suggested.
4. And a 6-week plan: 3 to 5 exercises that suit the joints and the kit, at a level matched
   to pain and confidence, 2 or 3 sessions a week.

Each step reads only what it needs, and its type says so: `triage` the warning signs;
`matching_rules` a `TipCase`; `suggest_tips` the joint and the rules that matched; `make_plan`
a `PlanCase`. That is what lets the tests walk every
combination of answers (see backknee/explorer/guarantees.py). Pure and deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from backknee.content.items import Exercise, Rule, RulesFile, Tip
from backknee.content.shared import RedFlagsFile
from backknee.vocab import Confidence, Difficulty, Joint, Prop, Setting, Urgency


class Level(StrEnum):
    EASIER = "easier"
    STANDARD = "standard"
    HARDER = "harder"


PAIN_RANGE = (0, 10)
HIGH_PAIN = 7
"""Pain from here up (0-10) means the easiest level, pacing and a flare-up plan."""
MINUTES_CHOICES = (10, 20, 30)
MIN_EXERCISES, MAX_EXERCISES = 3, 5
EXERCISES_FOR_MINUTES = {10: 3, 20: 4, 30: 5}
MAX_TIPS = 8
"""Tip cards shown first; the rest that suit are listed under them (never tips that are
always shown: those are never cut)."""
WEEKS = 6
DEFAULT_EQUIPMENT = frozenset({Prop.CHAIR, Prop.WALL})
"""Until the patient says otherwise: most homes have a sturdy chair and a clear wall."""


@dataclass(frozen=True)
class TipCase:
    """The answers the tips depend on: everything but the warning signs and the kit."""

    where: Joint = Joint.BOTH
    pain: int = 0
    hard: frozenset[Difficulty] = frozenset()
    settings: frozenset[Setting] = frozenset({Setting.HOME})
    minutes: int = 20
    confidence: Confidence = Confidence.SOME

    def __post_init__(self) -> None:
        low, high = PAIN_RANGE
        if not low <= self.pain <= high:
            raise ValueError(f"pain must be between {low} and {high}; got {self.pain}")
        if self.minutes not in MINUTES_CHOICES:
            choices = ", ".join(map(str, MINUTES_CHOICES))
            raise ValueError(f"minutes must be one of {choices}; got {self.minutes}")


@dataclass(frozen=True)
class Answers(TipCase):
    """What the patient told the explorer. Kept in the session only, never stored or sent."""

    warning_signs: frozenset[str] = frozenset()
    """Ids of the warning signs (content/red_flags.yaml) the patient said yes to."""
    equipment: frozenset[Prop] = DEFAULT_EQUIPMENT
    """What the patient has to hand: an exercise that needs something else is left out."""

    @property
    def tip_case(self) -> TipCase:
        return TipCase(self.where, self.pain, self.hard, self.settings, self.minutes, self.confidence)


@dataclass(frozen=True)
class PlanCase:
    """The answers the plan depends on, with the rules that matched them (by id)."""

    where: Joint
    pain: int
    hard: frozenset[Difficulty]
    minutes: int
    confidence: Confidence
    equipment: frozenset[Prop]
    rule_ids: tuple[str, ...]
    """The rules that apply and suggest exercises, in content order."""

    @classmethod
    def of(cls, case: TipCase, equipment: frozenset[Prop], matched: list[Rule]) -> PlanCase:
        return cls(
            where=case.where,
            pain=case.pain,
            hard=case.hard,
            minutes=case.minutes,
            confidence=case.confidence,
            equipment=equipment,
            rule_ids=tuple(r.id for r in matched if r.exercises),
        )


class OutcomeKind(StrEnum):
    EMERGENCY = "emergency"
    """Call 999 or go to A&E: no tips, no plan."""
    SAME_DAY = "same-day"
    """Get help today: no tips, no plan; browse once checked."""
    PLAN = "plan"


class ChosenTip(NamedTuple):
    tip_id: str
    rule_ids: tuple[str, ...]
    """The rules that chose it, in content order: why the patient sees it."""


class PlannedExercise(NamedTuple):
    exercise_id: str
    level: Level
    rule_ids: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    exercises: tuple[PlannedExercise, ...]
    sessions_per_week: int


@dataclass(frozen=True)
class Triage:
    """What the warning signs said, before anything else is looked at."""

    kind: OutcomeKind
    warning_signs: tuple[str, ...]
    """Emergency and same-day signs said yes to, most urgent first."""
    routine: tuple[str, ...]
    """Routine signs said yes to: see a GP or physio, alongside the plan."""


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    warning_signs: tuple[str, ...]
    """The warning signs said yes to, most urgent level first."""
    tips: tuple[ChosenTip, ...] = ()
    """Shown as cards, best first."""
    more_tips: tuple[ChosenTip, ...] = ()
    """Other tips that suit, listed under the cards."""
    plan: Plan | None = None
    notes: tuple[str, ...] = field(default=())
    """Ids of routine warning signs: see a GP or physio, alongside the plan."""


def triage(warning_signs: frozenset[str], red_flags: RedFlagsFile) -> Triage:
    """Sort the signs said yes to by level. Raises ValueError naming any unknown sign."""
    level_of = {sign.id: level.level for level in red_flags.levels for sign in level.back + level.knee}
    unknown = sorted(set(warning_signs) - set(level_of))
    if unknown:
        raise ValueError(f"unknown warning signs: {', '.join(unknown)}")
    order = list(Urgency)
    said = sorted(warning_signs, key=lambda sign: (order.index(level_of[sign]), sign))
    urgent = tuple(s for s in said if level_of[s] != Urgency.ROUTINE)
    routine = tuple(s for s in said if level_of[s] == Urgency.ROUTINE)
    if any(level_of[s] == Urgency.EMERGENCY for s in urgent):
        kind = OutcomeKind.EMERGENCY
    elif urgent:
        kind = OutcomeKind.SAME_DAY
    else:
        kind = OutcomeKind.PLAN
    return Triage(kind=kind, warning_signs=urgent, routine=routine)


def advise(
    answers: Answers,
    red_flags: RedFlagsFile,
    rules: RulesFile,
    tips: Mapping[str, Tip],
    exercises: Mapping[str, Exercise],
) -> Outcome:
    """The outcome for these answers. Raises ValueError naming any unknown warning sign."""
    found = triage(answers.warning_signs, red_flags)
    if found.kind != OutcomeKind.PLAN:
        # Emergency or same day: what to do now, and nothing that treats the symptom.
        return Outcome(kind=found.kind, warning_signs=found.warning_signs)
    case = answers.tip_case
    matched = matching_rules(case, rules)
    shown, more = suggest_tips(case.where, matched, rules, tips)
    return Outcome(
        kind=OutcomeKind.PLAN,
        warning_signs=(),
        tips=shown,
        more_tips=more,
        plan=make_plan(PlanCase.of(case, answers.equipment, matched), rules, exercises),
        notes=found.routine,
    )


def _matches(rule: Rule, case: TipCase) -> bool:
    when = rule.when
    if when.where and not any(w.rule_reaches(case.where) for w in when.where):
        return False
    if when.hard and not set(when.hard) & case.hard:
        return False
    if when.settings and not set(when.settings) & case.settings:
        return False
    if when.confidence and case.confidence not in when.confidence:
        return False
    if when.pain_at_least is not None and case.pain < when.pain_at_least:
        return False
    if when.pain_at_most is not None and case.pain > when.pain_at_most:
        return False
    return when.minutes_at_least is None or case.minutes >= when.minutes_at_least


def matching_rules(case: TipCase, rules: RulesFile) -> list[Rule]:
    """The rules that apply to these answers, in content order."""
    return [rule for rule in rules.rules if _matches(rule, case)]


def rank_key(tip: Tip, where: Joint, core: bool, relevance: int, order: int) -> tuple[int, int, int]:
    """Lower ranks first: a core treatment (0), else NICE's backing for the patient's joints
    (1 offer, 2 consider, 3 no recommendation); then what the patient told us (the summed
    weights of the rules that chose it, more first); then the order in content/rules.yaml."""
    return (0 if core else tip.strength(where), -relevance, order)


def suggest_tips(
    where: Joint, matched: Sequence[Rule], rules: RulesFile, tips: Mapping[str, Tip], max_tips: int = MAX_TIPS
) -> tuple[tuple[ChosenTip, ...], tuple[ChosenTip, ...]]:
    """(the tips shown as cards, the others that suit), each best first, for a patient whose
    pain is `where` and whose answers matched these rules: nothing else is read. Tips from a
    core or `always` rule are always among the cards; the rest fill up to `max_tips` by rank."""
    relevance: dict[str, int] = {}
    reasons: dict[str, list[str]] = {}
    core: set[str] = set()
    kept: set[str] = set()
    for rule in matched:
        for tip_id in rule.tips:
            tip = tips.get(tip_id)
            if tip is None or not tip.suggestible(where):
                continue
            relevance[tip_id] = relevance.get(tip_id, 0) + rule.weight
            reasons.setdefault(tip_id, []).append(rule.id)
            if rule.core:
                core.add(tip_id)
            if rule.shown_always:
                kept.add(tip_id)
    order = rules.tip_rank
    ranked = sorted(
        relevance,
        key=lambda t: rank_key(tips[t], where, t in core, relevance[t], order.get(t, len(order))),
    )
    room = max(max_tips - len(kept), 0)
    others = [t for t in ranked if t not in kept]
    shown = set(kept) | set(others[:room])

    return (
        tuple(ChosenTip(t, tuple(reasons[t])) for t in ranked if t in shown),
        tuple(ChosenTip(t, tuple(reasons[t])) for t in ranked if t not in shown),
    )


def level_for(pain: int, confidence: Confidence) -> Level:
    """Easier when pain is high or confidence low; harder only when pain is low and
    confidence high; otherwise the standard version."""
    if pain >= HIGH_PAIN or confidence == Confidence.LOW:
        return Level.EASIER
    if pain <= 3 and confidence == Confidence.HIGH:
        return Level.HARDER
    return Level.STANDARD


def sessions_for(minutes: int, pain: int, confidence: Confidence) -> int:
    """2 sessions a week to start gently, 3 when there is time and confidence."""
    if minutes >= 20 and confidence != Confidence.LOW and pain < HIGH_PAIN:
        return 3
    return 2


def suits(exercise: Exercise, where: Joint, equipment: frozenset[Prop]) -> bool:
    """For the patient's joints, and nothing needed that they do not have."""
    return exercise.helps.covers(where) and (exercise.prop == Prop.NONE or exercise.prop in equipment)


def make_plan(case: PlanCase, rules: RulesFile, exercises: Mapping[str, Exercise]) -> Plan:
    """3 to 5 exercises (by the time the patient has) that suit their joints and kit: those the
    rules chose most strongly first, then in content order. A rule marked `at_least_one`
    always has one of its exercises in the plan."""
    matched = [rules.by_id[r] for r in case.rule_ids]
    order = rules.exercise_rank

    def fits(exercise_id: str) -> bool:
        exercise = exercises.get(exercise_id)
        return exercise is not None and suits(exercise, case.where, case.equipment)

    scores: dict[str, int] = {}
    reasons: dict[str, list[str]] = {}
    for rule in matched:
        for exercise_id in filter(fits, rule.exercises):
            scores[exercise_id] = scores.get(exercise_id, 0) + rule.weight
            reasons.setdefault(exercise_id, []).append(rule.id)
    ranked = sorted(scores, key=lambda e: (-scores[e], order.get(e, len(order))))
    count = EXERCISES_FOR_MINUTES[case.minutes]
    chosen = ranked[:count]
    needed: list[str] = []
    for rule in (r for r in matched if r.at_least_one):
        options = [e for e in ranked if e in rule.exercises]
        present = [e for e in options if e in chosen]
        if present:
            needed.append(present[0])
        elif options:
            # The rule's best exercise takes the place of the lowest one no other rule needs.
            spare = [e for e in reversed(chosen) if e not in needed]
            if spare and len(chosen) >= count:
                chosen.remove(spare[0])
            chosen.append(options[0])
            needed.append(options[0])
    if len(chosen) < count:
        # Always a full plan: fill with exercises that suit, in content order, chosen by no rule.
        extra = [e for e in rules.exercise_order if e not in chosen and fits(e)]
        chosen += extra[: count - len(chosen)]
    chosen.sort(key=lambda e: (-scores.get(e, 0), order.get(e, len(order))))
    level = level_for(case.pain, case.confidence)
    return Plan(
        exercises=tuple(
            PlannedExercise(exercise_id=e, level=level, rule_ids=tuple(reasons.get(e, ()))) for e in chosen
        ),
        sessions_per_week=sessions_for(case.minutes, case.pain, case.confidence),
    )
