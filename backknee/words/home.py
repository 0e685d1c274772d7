"""The compensation cycle on the home page: steps in a ring, each leading to the next."""

from __future__ import annotations

import math

from backknee.content.pages.home import Cycle, CycleStep


def find_step(cycle: Cycle, step_id: str | None) -> CycleStep | None:
    """The step with this id, or None if there is no such step (or no id)."""
    return next((step for step in cycle.steps if step.id == step_id), None)


def next_step(cycle: Cycle, step: CycleStep) -> CycleStep:
    """The step that follows `step`; the last step leads back to the first, closing the cycle."""
    index = cycle.steps.index(step)
    return cycle.steps[(index + 1) % len(cycle.steps)]


def number_of(cycle: Cycle, step: CycleStep) -> int:
    """A step's number in the cycle, counting from 1 as the page and the chart show it."""
    return cycle.steps.index(step) + 1


def numbered(cycle: Cycle, step: CycleStep) -> str:
    """A step's label with its number, such as '3. More load on the knees'."""
    return f"{number_of(cycle, step)}. {step.label}"


def describe(cycle: Cycle) -> str:
    """The diagram in words, for screen readers: every step in order, numbered."""
    steps = "; ".join(f"{number_of(cycle, step)}, {step.label}" for step in cycle.steps)
    return cycle.diagram_alt.format(count=len(cycle.steps), steps=steps)


def ring_positions(count: int) -> list[tuple[float, float]]:
    """Points on a unit circle for `count` steps, the first at the top, going clockwise."""
    return [(math.sin(2 * math.pi * i / count), math.cos(2 * math.pi * i / count)) for i in range(count)]
