"""The guided explorer's logic: a patient's answers in, a safe and traceable outcome out.

In this order, always:
1. Any emergency warning sign: the urgent advice only, and no exercise plan.
2. Any urgent warning sign: that advice first, above a gentle plan.
3. Tips ranked by the rules that chose them (the rules are data, content/rules.yaml), each
   with the rules that chose it, never a tip NICE says not to offer.
4. A 6-week plan: 3 to 5 exercises at a level matched to pain and confidence, 2 or 3
   sessions a week, how to progress, and the pain rule.

Pure and deterministic: the same answers always give the same outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from backknee.models import (
    Confidence,
    Difficulty,
    Exercise,
    Grade,
    Joint,
    Prop,
    RedFlagsFile,
    Rule,
    RulesFile,
    Setting,
    Tip,
    Urgency,
)


class Level(StrEnum):
    EASIER = "easier"
    STANDARD = "standard"
    HARDER = "harder"


PAIN_RANGE = (0, 10)
MINUTES_CHOICES = (10, 20, 30)
MIN_EXERCISES, MAX_EXERCISES = 3, 5
WEEKS = 6
DEFAULT_EQUIPMENT = frozenset({Prop.CHAIR, Prop.WALL})
"""Until the patient says otherwise: most homes have a sturdy chair and a clear wall."""


@dataclass(frozen=True)
class Answers:
    """What the patient told the explorer. Kept in the session only, never stored or sent."""

    warning_signs: frozenset[str] = frozenset()
    """Ids of the warning signs (content/red_flags.yaml) the patient said yes to."""
    where: Joint = Joint.BOTH
    pain: int = 0
    """Pain on average this week, 0 (none) to 10 (worst imaginable)."""
    hard: frozenset[Difficulty] = frozenset()
    settings: frozenset[Setting] = frozenset({Setting.HOME})
    minutes: int = 20
    confidence: Confidence = Confidence.SOME
    equipment: frozenset[Prop] = DEFAULT_EQUIPMENT
    """What the patient has to hand: an exercise that needs something else is left out."""

    def __post_init__(self) -> None:
        low, high = PAIN_RANGE
        if not low <= self.pain <= high:
            raise ValueError(f"pain must be between {low} and {high}; got {self.pain}")
        if self.minutes not in MINUTES_CHOICES:
            choices = ", ".join(map(str, MINUTES_CHOICES))
            raise ValueError(f"minutes must be one of {choices}; got {self.minutes}")


class OutcomeKind(StrEnum):
    EMERGENCY = "emergency"
    """Urgent advice only: no tips, no plan."""
    URGENT_FIRST = "urgent-first"
    """Get help today, shown first; a gentle plan below."""
    PLAN = "plan"


@dataclass(frozen=True)
class ChosenTip:
    tip_id: str
    rule_ids: tuple[str, ...]
    """The rules that chose it, in content order: why the patient sees it."""
    score: int


@dataclass(frozen=True)
class PlannedExercise:
    exercise_id: str
    level: Level
    rule_ids: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    exercises: tuple[PlannedExercise, ...]
    sessions_per_week: int
    weeks: int = WEEKS


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    warning_signs: tuple[str, ...]
    """The warning signs said yes to, most urgent level first."""
    tips: tuple[ChosenTip, ...] = ()
    plan: Plan | None = None
    notes: tuple[str, ...] = field(default=())
    """Ids of routine warning signs: see a GP or physio, alongside the plan."""


def _matches(rule: Rule, answers: Answers) -> bool:
    when = rule.when
    if when.where and not any(_where_matches(w, answers.where) for w in when.where):
        return False
    if when.hard and not set(when.hard) & answers.hard:
        return False
    if when.settings and not set(when.settings) & answers.settings:
        return False
    if when.confidence and answers.confidence not in when.confidence:
        return False
    if when.pain_at_least is not None and answers.pain < when.pain_at_least:
        return False
    if when.pain_at_most is not None and answers.pain > when.pain_at_most:
        return False
    return when.minutes_at_least is None or answers.minutes >= when.minutes_at_least


def _where_matches(rule_where: Joint, answered: Joint) -> bool:
    """A rule for the knee (or the back) applies to a patient with knee (or back) pain, and to
    one with both; a rule for both applies only to a patient with both."""
    return answered == rule_where or (answered == Joint.BOTH and rule_where != Joint.BOTH)


def matching_rules(answers: Answers, rules: RulesFile) -> list[Rule]:
    """The rules that apply to these answers, in content order."""
    return [rule for rule in rules.rules if _matches(rule, answers)]


_GRADE_ORDER = {Grade.OFFER: 0, Grade.CONSIDER: 1, Grade.NOT_COVERED: 2, Grade.DO_NOT_OFFER: 3}


def _best_grade(tip: Tip, where: Joint) -> int:
    return min(_GRADE_ORDER[v.grade] for v in tip.evidence.for_joint(where))


def level_for(answers: Answers) -> Level:
    """Easier when pain is high or confidence low; harder only when pain is low and
    confidence high; otherwise the standard version."""
    if answers.pain >= 7 or answers.confidence == Confidence.LOW:
        return Level.EASIER
    if answers.pain <= 3 and answers.confidence == Confidence.HIGH:
        return Level.HARDER
    return Level.STANDARD


def sessions_for(answers: Answers) -> int:
    """2 sessions a week to start gently, 3 when there is time and confidence."""
    if answers.minutes >= 20 and answers.confidence != Confidence.LOW and answers.pain < 7:
        return 3
    return 2


def advise(
    answers: Answers,
    red_flags: RedFlagsFile,
    rules: RulesFile,
    tips: Mapping[str, Tip],
    exercises: Mapping[str, Exercise],
    max_tips: int = 8,
) -> Outcome:
    """The outcome for these answers. Raises ValueError naming any unknown warning sign."""
    level_of = {sign.id: level.level for level in red_flags.levels for sign in level.back + level.knee}
    unknown = sorted(set(answers.warning_signs) - set(level_of))
    if unknown:
        raise ValueError(f"unknown warning signs: {', '.join(unknown)}")
    order = list(Urgency)
    said = sorted(answers.warning_signs, key=lambda sign: (order.index(level_of[sign]), sign))
    emergency = [s for s in said if level_of[s] == Urgency.EMERGENCY]
    urgent = [s for s in said if level_of[s] == Urgency.URGENT]
    routine = tuple(s for s in said if level_of[s] == Urgency.ROUTINE)
    if emergency:
        return Outcome(kind=OutcomeKind.EMERGENCY, warning_signs=tuple(emergency + urgent))

    matched = matching_rules(answers, rules)
    chosen_tips = _rank_tips(matched, answers, tips)[:max_tips]
    plan = _plan(matched, answers, exercises, gentle=bool(urgent))
    return Outcome(
        kind=OutcomeKind.URGENT_FIRST if urgent else OutcomeKind.PLAN,
        warning_signs=tuple(urgent),
        tips=tuple(chosen_tips),
        plan=plan,
        notes=routine,
    )


def _rank_tips(matched: Iterable[Rule], answers: Answers, tips: Mapping[str, Tip]) -> list[ChosenTip]:
    scores: dict[str, int] = {}
    reasons: dict[str, list[str]] = {}
    for rule in matched:
        for tip_id in rule.tips:
            tip = tips.get(tip_id)
            if tip is None or not tip.recommendable or not tip.helps.covers(answers.where):
                continue
            if any(v.grade == Grade.DO_NOT_OFFER for v in tip.evidence.for_joint(answers.where)):
                continue
            scores[tip_id] = scores.get(tip_id, 0) + rule.weight
            reasons.setdefault(tip_id, []).append(rule.id)
    ranked = sorted(scores, key=lambda t: (-scores[t], _best_grade(tips[t], answers.where), t))
    return [ChosenTip(tip_id=t, rule_ids=tuple(reasons[t]), score=scores[t]) for t in ranked]


def _suits(exercise: Exercise, answers: Answers) -> bool:
    """For the patient's joints, and nothing needed that they do not have."""
    return exercise.helps.covers(answers.where) and (
        exercise.prop == Prop.NONE or exercise.prop in answers.equipment
    )


def _plan(matched: Iterable[Rule], answers: Answers, exercises: Mapping[str, Exercise], gentle: bool) -> Plan:
    scores: dict[str, int] = {}
    reasons: dict[str, list[str]] = {}
    for rule in matched:
        for exercise_id in rule.exercises:
            exercise = exercises.get(exercise_id)
            if exercise is None or not _suits(exercise, answers):
                continue
            scores[exercise_id] = scores.get(exercise_id, 0) + rule.weight
            reasons.setdefault(exercise_id, []).append(rule.id)
    ranked = sorted(scores, key=lambda e: (-scores[e], e))
    count = (
        MIN_EXERCISES if gentle or answers.minutes == 10 else (4 if answers.minutes == 20 else MAX_EXERCISES)
    )
    if len(ranked) < count:
        # Always a full plan: fill with exercises for the patient's joints, in content
        # order, marked as chosen by no rule.
        extra = [e for e, ex in exercises.items() if e not in ranked and _suits(ex, answers)]
        ranked += extra[: count - len(ranked)]
    level = Level.EASIER if gentle else level_for(answers)
    return Plan(
        exercises=tuple(
            PlannedExercise(exercise_id=e, level=level, rule_ids=tuple(reasons.get(e, ())))
            for e in ranked[:count]
        ),
        sessions_per_week=2 if gentle else sessions_for(answers),
    )
