"""Every chart a page draws from a plain spec is a valid plotly figure, and none can trap a finger.

The pages hand their specs to Streamlit unchecked (`PreparedFigure.from_spec`, for speed), so
this is where plotly checks them: `go.Figure(spec)` raises on any property plotly does not
know or any value it refuses. Each spec is built from the real content, the page's own words
and the models' answers for a few inputs, as the pages build them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import pytest

import backknee.charts
from backknee.charts.exercises import demo_figure_spec, stills_figure_spec
from backknee.charts.muscles import (
    chain_figure_spec,
    chair_figure_spec,
    effort_gauge_spec,
    one_leg_figure_spec,
)
from backknee.charts.posture import posture_figure_spec
from backknee.charts.weight import bar_figure_spec
from backknee.content.loader import load_content
from backknee.content.pages.exercises import ExercisesPage
from backknee.content.pages.muscles import MusclesPage
from backknee.content.pages.posture import PosturePage
from backknee.content.pages.weight import WeightPage
from backknee.vocab import Activity, BackPosture
from backknee.words.muscles import chain_for, chair_view, one_leg_view
from backknee.words.posture import AVERAGE_BODY, Scenario, compare
from backknee.words.weight import Person, activity_bars, back_bars
from tests.paths import CONTENT

CONTENT_NOW = load_content(CONTENT)
GRAPH = CONTENT_NOW.compensation
POSTURE = CONTENT_NOW.page("posture", PosturePage)
MUSCLES = CONTENT_NOW.page("muscles", MusclesPage)
WEIGHT = CONTENT_NOW.page("weight", WeightPage)
EXERCISES = CONTENT_NOW.page("exercises", ExercisesPage)
HEIGHT_M = AVERAGE_BODY.height_m

Spec = dict[str, Any]


def posture_at(preset_id: str) -> Spec:
    preset = next(p for p in POSTURE.presets if p.id == preset_id)
    c = compare(Scenario(flattening_deg=preset.flattening, lean_deg=preset.lean, knee_deg=preset.knee))
    return posture_figure_spec(c.stance, c.reference, POSTURE.chart, c.knee_times, c.back_times)


def chain_with(*weak_areas: str) -> Spec:
    return chain_figure_spec(GRAPH, chain_for(GRAPH, weak_areas), MUSCLES.chain)


def one_leg_at(hip_percent: int) -> Spec:
    view = one_leg_view(hip_percent, MUSCLES.one_leg)
    return one_leg_figure_spec(view.stance, view.level, HEIGHT_M, MUSCLES.one_leg)


def chair_at(thigh_percent: int, uses_arms: bool) -> Spec:
    view = chair_view(thigh_percent, uses_arms, MUSCLES.chair)
    return chair_figure_spec(view.rise, view.typical, HEIGHT_M, MUSCLES.chair)


def gauge_at(thigh_percent: int, uses_arms: bool) -> Spec:
    return effort_gauge_spec(
        chair_view(thigh_percent, uses_arms, MUSCLES.chair).effort_percent, MUSCLES.chair
    )


CASES: dict[str, tuple[Callable[..., Spec], Callable[[], Spec]]] = {
    "the posture figure standing tall": (posture_figure_spec, lambda: posture_at("standing-tall")),
    "the posture figure stooped": (posture_figure_spec, lambda: posture_at("stooped")),
    "the posture figure with stiff knees": (posture_figure_spec, lambda: posture_at("stiff-knees")),
    "the chain with no weak area chosen": (chain_figure_spec, chain_with),
    "the chain with weak hips": (chain_figure_spec, lambda: chain_with("hips")),
    "the chain with a weak core and thighs": (chain_figure_spec, lambda: chain_with("core", "thighs")),
    "the chain with every weak area": (
        chain_figure_spec,
        lambda: chain_with(*(node.id for node in GRAPH.weak_areas)),
    ),
    "standing on one leg with strong hips": (one_leg_figure_spec, lambda: one_leg_at(100)),
    "standing on one leg with hips doing 70% of the job": (one_leg_figure_spec, lambda: one_leg_at(70)),
    "standing on one leg with hips too weak to balance": (one_leg_figure_spec, lambda: one_leg_at(40)),
    "standing up from a chair with typical thighs": (chair_figure_spec, lambda: chair_at(100, False)),
    "standing up from a chair with weak thighs": (chair_figure_spec, lambda: chair_at(50, False)),
    "standing up from a chair with weak thighs and its arms": (chair_figure_spec, lambda: chair_at(50, True)),
    "the effort gauge for typical thighs": (effort_gauge_spec, lambda: gauge_at(100, False)),
    "the effort gauge past all the strength there is": (effort_gauge_spec, lambda: gauge_at(30, False)),
    "the activity bars with walking highlighted": (
        bar_figure_spec,
        lambda: bar_figure_spec(
            activity_bars(Person(mass_kg=95), WEIGHT), highlight=WEIGHT.activity_label(Activity.WALKING)
        ),
    ),
    "the back bars with standing highlighted": (
        bar_figure_spec,
        lambda: bar_figure_spec(back_bars(WEIGHT), highlight=WEIGHT.posture_label(BackPosture.STANDING)),
    ),
    **{
        f"the demonstration of {exercise_id}": (
            demo_figure_spec,
            lambda exercise=exercise: demo_figure_spec(exercise, EXERCISES),
        )
        for exercise_id, exercise in sorted(CONTENT_NOW.exercises.items())
    },
    **{
        f"the stills of {exercise_id}": (
            stills_figure_spec,
            lambda exercise=exercise: stills_figure_spec(exercise),
        )
        for exercise_id, exercise in sorted(CONTENT_NOW.exercises.items())
    },
}
"""Each chart a page draws from a spec, by what it shows: the spec function and how to build it."""


def chart_specs() -> set[str]:
    """Every public function in backknee/charts/ whose name ends in `_spec`, as module.name."""
    found = set()
    for module_info in pkgutil.iter_modules(backknee.charts.__path__):
        module = importlib.import_module(f"backknee.charts.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.endswith("_spec") and not name.startswith("_") and function.__module__ == module.__name__:
                found.add(f"{module_info.name}.{name}")
    return found


def test_every_chart_spec_in_the_package_is_checked_here():
    covered = {
        f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}" for function, _ in CASES.values()
    }
    assert covered == chart_specs(), (
        "add a case to CASES for each new *_spec in backknee/charts/ (and drop one for a spec that is gone)"
    )


@pytest.fixture(params=list(CASES), ids=str)
def figure(request: pytest.FixtureRequest) -> go.Figure:
    _, build = CASES[request.param]
    return go.Figure(build())  # plotly checks every property and raises on a wrong one


def test_the_chart_is_a_valid_plotly_figure_that_draws_something(figure):
    # (A trace may be empty: the chain has no faint arrows when every arrow is lit.)
    drawn = [
        trace
        for trace in figure.data
        if (trace.value is not None if trace.type == "indicator" else trace.x is not None and len(trace.x))
    ]
    assert drawn, "a chart with nothing in its traces draws nothing"


def test_nothing_in_the_chart_can_be_dragged_zoomed_or_hovered(figure):
    on_axes = [trace for trace in figure.data if trace.type != "indicator"]
    if not on_axes:
        # A gauge has no axes to drag or zoom; it writes its number, so never relies on colour.
        assert all("number" in trace.mode for trace in figure.data)
        return
    assert figure.layout.dragmode is False
    axes = [*figure.select_xaxes(), *figure.select_yaxes()]
    assert len(axes) == 2, "one x axis and one y axis"
    assert all(axis.fixedrange is True for axis in axes), "every axis fixed, so a pinch cannot zoom"
    assert all(trace.hoverinfo == "skip" for trace in on_axes), "no hover box pops up under a finger"


@pytest.mark.parametrize("exercise_id", sorted(CONTENT_NOW.exercises), ids=str)
def test_every_frame_of_a_demonstration_is_checked_and_moves_the_same_traces(exercise_id):
    figure = go.Figure(demo_figure_spec(CONTENT_NOW.exercises[exercise_id], EXERCISES))
    assert len(figure.frames) >= 2, "an animation has frames to play"
    for frame in figure.frames:
        # Plotly animates trace by trace, so every frame has the traces the first still has.
        assert [trace.name for trace in frame.data] == [trace.name for trace in figure.data]
        assert all(trace.hoverinfo == "skip" for trace in frame.data)
