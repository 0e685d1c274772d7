"""The take-home plan: what the advisor chose, in the words a patient reads, ready for the
page, the PDF, the calendar file and the share code.

Pure. Built from an `Outcome` (after the explorer) or from a share code (on another phone):
either way it holds tip and exercise ids, levels and the reasons, never the answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backknee.advisor import Level, Outcome, OutcomeKind
from backknee.models import Dose, Exercise, PlanPage, RulesFile, Tip
from backknee.share import SharedPlan

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
    urgent_first: bool = False
    """The patient said yes to an urgent warning sign: that advice comes first, on the page
    and in the PDF. (A plan opened from a share code cannot know, and says when to get help.)"""

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
    outcome is the emergency advice, which has no plan)."""
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
        urgent_first=outcome.kind == OutcomeKind.URGENT_FIRST,
    )


def from_shared(
    shared: SharedPlan, tips: Mapping[str, Tip], exercises: Mapping[str, Exercise], words: PlanPage
) -> PlanView:
    """The plan in a share code (already checked by share.decode)."""
    return PlanView(
        exercises=tuple(_planned(exercises[e], Level(level), (), words) for e, level in shared.exercises),
        tips=tuple(PlanTip(tips[t], ()) for t in shared.tip_ids),
        sessions_per_week=DEFAULT_SESSIONS,
        weeks=tuple(words.weeks),
    )


def _planned(exercise: Exercise, level: Level, reasons: tuple[str, ...], words: PlanPage) -> PlanExercise:
    return PlanExercise(
        exercise=exercise,
        level=level,
        dose=dose_text(exercise.dose, words),
        version=_version(exercise, level, words),
        reasons=reasons,
    )
