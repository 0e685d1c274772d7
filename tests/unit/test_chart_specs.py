"""Every chart a page draws is a valid plotly spec, none can trap a finger, and each is drawn
as an SVG picture that keeps everything its spec says.

The pages draw their specs as SVG (backknee/charts/svg.py) rather than with plotly's 4.7 MB
bundle, so this is where plotly still checks them: `go.Figure(spec)` raises on any property
plotly does not know or any value it refuses. Each spec is built from the real content, the
page's own words and the models' answers for a few inputs, as the pages build them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import pytest

import backknee.charts
from backknee.charts.exercises import demo_figure_spec, stills_figure_spec
from backknee.charts.home import cycle_figure_spec
from backknee.charts.muscles import (
    chain_figure_spec,
    chair_figure_spec,
    effort_gauge_spec,
    one_leg_figure_spec,
)
from backknee.charts.posture import posture_figure_spec
from backknee.charts.svg import svg
from backknee.charts.weight import bar_figure_spec
from backknee.content.loader import load_content
from backknee.content.pages.exercises import ExercisesPage
from backknee.content.pages.home import HomePage
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
CYCLE = CONTENT_NOW.page("home", HomePage).cycle
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
    "the cycle with no step chosen": (cycle_figure_spec, lambda: cycle_figure_spec(CYCLE, None)),
    "the cycle with its third step chosen": (
        cycle_figure_spec,
        lambda: cycle_figure_spec(CYCLE, CYCLE.steps[2].id),
    ),
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
            lambda exercise=exercise: demo_figure_spec(exercise),
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
    figure = go.Figure(demo_figure_spec(CONTENT_NOW.exercises[exercise_id]))
    assert len(figure.frames) >= 2, "an animation has frames to play"
    for frame in figure.frames:
        # Plotly animates trace by trace, so every frame has the traces the first still has.
        assert [trace.name for trace in frame.data] == [trace.name for trace in figure.data]
        assert all(trace.hoverinfo == "skip" for trace in frame.data)


SVG = "{http://www.w3.org/2000/svg}"


def words_in(text: str) -> list[str]:
    """The words of a spec's rich text (<b>, <i> and <br> taken out), as the picture shows them."""
    return [word for line in str(text).split("<br>") for word in re.sub(r"</?[bi]>", "", line).split()]


def words_of(spec: Spec) -> list[str]:
    """Every word a spec asks to be written: on its points, beside its bars, in its notes, on a dial."""
    found: list[str] = []
    for trace in spec["data"]:
        if trace["type"] == "indicator":
            found += [
                *words_in(trace["title"]["text"]),
                f"{round(trace['value'])}{trace['number']['suffix']}",
            ]
            continue
        if "text" in trace.get("mode", "text") and trace.get("text") is not None:
            texts = trace["text"] if isinstance(trace["text"], list) else [trace["text"]]
            found += [word for text in texts for word in words_in(text)]
        if trace["type"] == "bar":
            found += [word for label in trace["y"] for word in words_in(label)]
    for note in spec["layout"].get("annotations", []):
        found += words_in(note.get("text", ""))
    return found


@pytest.fixture(params=list(CASES), ids=str)
def picture(request: pytest.FixtureRequest) -> tuple[Spec, ET.Element]:
    _, build = CASES[request.param]
    spec = build()
    return spec, ET.fromstring(svg(spec, "chart", f"In words: {request.param}."))


def test_the_picture_is_an_image_named_in_words(picture):
    _, drawn = picture
    assert drawn.tag == f"{SVG}svg"
    assert drawn.get("role") == "img"
    assert drawn.get("aria-label", "").startswith("In words: ")


def test_the_picture_writes_every_word_its_spec_asks_for(picture):
    spec, drawn = picture
    lines = [line for text in drawn.iter(f"{SVG}text") for line in text]  # a text's lines: its tspans
    written = " ".join("".join(line.itertext()) for line in lines).split()
    missing = [word for word in words_of(spec) if word not in written]
    assert not missing, f"the SVG picture lost these words of its spec: {missing}"


def test_the_picture_draws_every_line_and_marker_of_its_spec(picture):
    spec, drawn = picture
    if "frames" in spec:
        groups = [g for g in drawn.iter(f"{SVG}g") if g.get("class") == "bk-frame"]
        assert len(groups) == len(spec["frames"]), "one group per frame of the animation"
        return
    lines = [t for t in spec["data"] if t["type"] == "scatter" and "lines" in t.get("mode", "")]
    paths = [p for p in drawn.iter(f"{SVG}path") if p.get("stroke") not in (None, "none")]
    assert len(paths) >= len(lines), "each line trace is drawn as a path"
    if spec["data"][0]["type"] == "bar":
        bars = [r for r in drawn.iter(f"{SVG}rect")]
        assert len(bars) == len(spec["data"][0]["x"]), "one rectangle per bar"


def test_a_bigger_value_draws_a_longer_bar():
    bars = ET.fromstring(svg(bar_figure_spec([("small", 1.0, "1"), ("big", 3.0, "3")]), "bars", "Two bars."))
    small, big = (float(rect.get("width")) for rect in bars.iter(f"{SVG}rect"))
    assert big == pytest.approx(3 * small)


AXES = {"height": 100, "xaxis": {"range": [0, 1]}, "yaxis": {"range": [0, 1], "scaleanchor": "x"}}


@pytest.mark.parametrize(
    "spec",
    [
        {"data": [{"type": "pie", "values": [1]}], "layout": AXES},
        {"data": [{"type": "scatter", "x": [0], "y": [0], "mode": "markers", "marker": {"symbol": "star"}}],
         "layout": AXES},
    ],
    ids=["a kind of trace", "a kind of marker"],
)  # fmt: skip
def test_the_picture_refuses_a_mark_it_cannot_draw_rather_than_leave_it_out(spec):
    with pytest.raises(ValueError):
        svg(spec, "chart", "Something new.")
