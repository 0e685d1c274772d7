"""The take-home plan: what the advisor chose, in the words a patient reads, ready for the
page, the PDF, the calendar file and the share code.

Pure. Built from an `Outcome` (after the explorer) or from a share code (on another phone):
either way it holds tip and exercise ids, levels and the reasons, never the answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backknee.content.items import Dose, Exercise, RulesFile, Tip
from backknee.content.pages.plan import PlanPage
from backknee.errors import InvalidShareCode
from backknee.explorer.advisor import Level, Outcome
from backknee.explorer.share import OpenedCode, SharedPlan

DEFAULT_SESSIONS = 2
"""Sessions a week for a plan opened from a code (the code holds no answers to go on)."""


@dataclass(frozen=True)
class PlanExercise:
    exercise: Exercise
    level: Level
    dose: str
    version: str
    """What to do at this level: the standard steps, or the easier or harder version."""
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PlanTip:
    tip: Tip
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PlanView:
    exercises: tuple[PlanExercise, ...]
    tips: tuple[PlanTip, ...]
    sessions_per_week: int
    weeks: tuple[str, ...]
    """What to do in each of the six weeks."""
    left_out: tuple[str, ...] = ()
    """For a plan opened from a code: what the code held that we did not open, in words."""

    def __post_init__(self) -> None:
        # Whatever built it, the page, the PDF and the calendar file show only this view:
        # a treatment NICE does not recommend can never be in it.
        refused = [t.tip.id for t in self.tips if not t.tip.recommendable]
        if refused:
            raise ValueError(f"a plan never holds a tip NICE does not recommend; got {', '.join(refused)}")

    @property
    def shared(self) -> SharedPlan:
        """The plan as a share code holds it: ids and levels only."""
        return SharedPlan(
            tip_ids=tuple(t.tip.id for t in self.tips),
            exercises=tuple((e.exercise.id, e.level.value) for e in self.exercises),
        )


def dose_text(dose: Dose, words: PlanPage) -> str:
    """'2 sets of 10, on each side', 'hold for 20 seconds, 3 times'."""
    if dose.reps is not None and dose.hold_seconds is not None:
        text = words.dose_reps_hold.format(sets=dose.sets, reps=dose.reps, seconds=dose.hold_seconds)
    elif dose.reps is not None:
        text = words.dose_reps.format(sets=dose.sets, reps=dose.reps)
    else:
        text = words.dose_hold.format(seconds=dose.hold_seconds, sets=dose.sets)
    return f"{text}, {words.each_side}" if dose.each_side else text


def _version(exercise: Exercise, level: Level, words: PlanPage) -> str:
    if level == Level.EASIER:
        return f"{words.easier_label} {exercise.easier}"
    if level == Level.HARDER:
        return f"{words.harder_label} {exercise.harder}"
    return words.standard_label


def from_outcome(
    outcome: Outcome,
    tips: Mapping[str, Tip],
    exercises: Mapping[str, Exercise],
    rules: RulesFile,
    words: PlanPage,
) -> PlanView | None:
    """The plan for an explorer's outcome, with each suggestion's reasons (None when the
    outcome is the emergency or same-day advice, which has no plan)."""
    if outcome.plan is None:
        return None
    return PlanView(
        exercises=tuple(
            _planned(exercises[p.exercise_id], p.level, rules.reasons(p.rule_ids), words)
            for p in outcome.plan.exercises
        ),
        tips=tuple(PlanTip(tips[t.tip_id], rules.reasons(t.rule_ids)) for t in outcome.tips),
        sessions_per_week=outcome.plan.sessions_per_week,
        weeks=tuple(words.weeks),
    )


def from_shared(
    opened: OpenedCode, tips: Mapping[str, Tip], exercises: Mapping[str, Exercise], words: PlanPage
) -> PlanView:
    """The plan in a share code, re-checked: a tip NICE does not recommend, an id we do not
    have or a level we do not have is left out, and said so in `left_out`. Raises
    InvalidShareCode when no exercise is left to show (a plan is its exercises)."""
    shared = opened.plan
    kept = [tips[t] for t in shared.tip_ids if t in tips and tips[t].recommendable]
    refused = [tips[t] for t in shared.tip_ids if t in tips and not tips[t].recommendable]
    planned = [(exercises[e], Level(level)) for e, level in shared.exercises if e in exercises]
    unknown = opened.unknown + sum(t not in tips for t in shared.tip_ids)
    unknown += sum(e not in exercises for e, _ in shared.exercises)
    if not planned:
        raise InvalidShareCode("no exercise in the code can be shown")
    left_out = [words.left_out_not_advised.format(title=tip.title) for tip in refused]
    left_out += [
        words.left_out_level.format(name=exercises[e].name) for e in opened.unknown_levels if e in exercises
    ]
    if unknown:
        left_out.append(words.left_out_unknown.format(count=unknown))
    return PlanView(
        exercises=tuple(_planned(exercise, level, (), words) for exercise, level in planned),
        tips=tuple(PlanTip(tip, ()) for tip in kept),
        sessions_per_week=DEFAULT_SESSIONS,
        weeks=tuple(words.weeks),
        left_out=tuple(left_out),
    )


def _planned(exercise: Exercise, level: Level, reasons: tuple[str, ...], words: PlanPage) -> PlanExercise:
    return PlanExercise(
        exercise=exercise,
        level=level,
        dose=dose_text(exercise.dose, words),
        version=_version(exercise, level, words),
        reasons=reasons,
    )
