"""The guided explorer's screens: which comes next, when Next may be tapped, and the answers
they add up to. Pure; the page keeps the stored answers in the session only.

The safety check comes first and cannot be skipped: a Yes to the emergency signs ends the
explorer at the urgent advice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum

from backknee.content.items import Exercise, Tip
from backknee.content.shared import RedFlagsFile
from backknee.explorer.advisor import DEFAULT_EQUIPMENT, MINUTES_CHOICES, Answers
from backknee.vocab import Confidence, Difficulty, Joint, Prop, Setting, Urgency


class Screen(StrEnum):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    ROUTINE = "routine"
    WHERE = "where"
    HARD = "hard"
    SUITS = "suits"
    RESULT = "result"
    STOP = "stop"
    """Shown instead of the result after a Yes to the emergency signs."""
    TODAY = "today"
    """Shown instead of the rest after a Yes to the same-day signs: get checked today."""


QUESTIONS = (Screen.EMERGENCY, Screen.URGENT, Screen.ROUTINE, Screen.WHERE, Screen.HARD, Screen.SUITS)
"""The screens with a question, in order: the progress counts these."""

SAFETY = {Screen.EMERGENCY: Urgency.EMERGENCY, Screen.URGENT: Urgency.URGENT, Screen.ROUTINE: Urgency.ROUTINE}

YES, NO = "yes", "no"


def peg_score(pain: int, enjoyment: int, activity: int) -> int:
    """The PEG score (Krebs 2009): the mean of its three 0-10 answers, to the nearest whole
    number, halves up."""
    for value in (pain, enjoyment, activity):
        if not 0 <= value <= 10:
            raise ValueError(f"each PEG answer must be between 0 and 10; got {value}")
    return math.floor((pain + enjoyment + activity) / 3 + 0.5)


def pain_of(store: Mapping[str, object]) -> int | None:
    """The pain answer: the PEG score if the patient chose the three questions, else the one
    0-10 number; None until answered."""
    if store.get("use_peg"):
        parts = [store.get(f"peg_{n}") for n in (1, 2, 3)]
        if all(isinstance(p, int) for p in parts):
            return peg_score(*parts)  # type: ignore[arg-type]
        return None
    pain = store.get("pain")
    return pain if isinstance(pain, int) else None


def can_continue(screen: Screen, store: Mapping[str, object]) -> bool:
    """Whether Next may be tapped: a safety question needs Yes or No; where it hurts needs
    the place and the pain; the rest may be left empty."""
    if screen in SAFETY:
        return store.get(screen.value) in (YES, NO)
    if screen == Screen.WHERE:
        return store.get("where") in {j.value for j in Joint} and pain_of(store) is not None
    return screen in (Screen.HARD, Screen.SUITS)


def next_screen(screen: Screen, store: Mapping[str, object]) -> Screen:
    """Where Next goes. A Yes to the emergency signs goes straight to the stop screen, and a
    Yes to the same-day signs to what to do today: neither asks anything more."""
    if screen == Screen.EMERGENCY and store.get(screen.value) == YES:
        return Screen.STOP
    if screen == Screen.URGENT and store.get(screen.value) == YES:
        return Screen.TODAY
    if screen in QUESTIONS[:-1]:
        return QUESTIONS[QUESTIONS.index(screen) + 1]
    return Screen.RESULT


def previous_screen(screen: Screen) -> Screen:
    stops = {Screen.RESULT: QUESTIONS[-1], Screen.STOP: Screen.EMERGENCY, Screen.TODAY: Screen.URGENT}
    if screen in stops:
        return stops[screen]
    index = QUESTIONS.index(screen)
    return QUESTIONS[max(index - 1, 0)]


def answers_from(store: Mapping[str, object], red_flags: RedFlagsFile) -> Answers:
    """The answers for the advisor. A Yes to a safety question counts every sign at that
    level. Missing answers take the gentle defaults."""
    signs: set[str] = set()
    for screen, level in SAFETY.items():
        if store.get(screen.value) == YES:
            signs.update(sign.id for sign in red_flags.signs(level))
    minutes = store.get("minutes")
    where = store.get("where")
    confidence = store.get("confidence")
    return Answers(
        warning_signs=frozenset(signs),
        where=Joint(where) if isinstance(where, str) else Joint.BOTH,
        pain=pain_of(store) or 0,
        hard=frozenset(Difficulty(h) for h in _list(store.get("hard"))),
        settings=frozenset(Setting(s) for s in _list(store.get("settings"))) or frozenset({Setting.HOME}),
        minutes=minutes if isinstance(minutes, int) and minutes in MINUTES_CHOICES else 20,
        confidence=Confidence(confidence) if isinstance(confidence, str) else Confidence.SOME,
        equipment=(
            frozenset(Prop(e) for e in _list(store.get("equipment")))
            if "equipment" in store
            else DEFAULT_EQUIPMENT
        ),
    )


def _list(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list | tuple) else []


def filter_tips(
    tips: list[Tip], joint: str | None, kinds: list[str], grades: list[str], at_home_only: bool
) -> list[Tip]:
    """The recommendable tips that pass every filter given (an empty filter passes all)."""
    shown = []
    for tip in tips:
        if not tip.recommendable:
            continue
        if joint and not tip.helps.covers(Joint(joint)):
            continue
        if kinds and tip.kind.value not in kinds:
            continue
        verdicts = tip.evidence.for_joint(Joint(joint) if joint else tip.helps)
        if grades and not any(v.grade.value in grades for v in verdicts):
            continue
        if at_home_only and not tip.tags.at_home:
            continue
        shown.append(tip)
    return shown


def filter_exercises(exercises: list[Exercise], joint: str | None, muscles: list[str]) -> list[Exercise]:
    """The exercises for this joint that work any of these muscles (empty filters pass all)."""
    return [
        exercise
        for exercise in exercises
        if (not joint or exercise.helps.covers(Joint(joint)))
        and (not muscles or any(m.value in muscles for m in exercise.targets))
    ]
