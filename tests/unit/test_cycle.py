"""The compensation cycle: its order, its words for screen readers, and its chart."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import plotly.graph_objects as go
import pytest

from backknee.charts.home import CHOSEN_SIZE_PX, STEP_SIZE_PX, cycle_figure_spec
from backknee.charts.svg import svg
from backknee.content.loader import load_content
from backknee.content.pages.home import Cycle, HomePage
from backknee.words.home import describe, find_step, next_step, ring_positions
from tests.paths import CONTENT


@pytest.fixture(scope="module")
def cycle() -> Cycle:
    return load_content(CONTENT).page("home", HomePage).cycle


def cycle_figure(cycle: Cycle, chosen_id: str | None) -> go.Figure:
    return go.Figure(cycle_figure_spec(cycle, chosen_id))  # plotly checks every property


def test_steps_sit_on_a_ring_starting_at_the_top_and_going_clockwise():
    points = ring_positions(6)
    assert points[0] == pytest.approx((0.0, 1.0))
    assert points[1][0] > 0, "the second step is to the right of the first: clockwise"
    assert all(math.hypot(x, y) == pytest.approx(1.0) for x, y in points)


def test_the_last_step_leads_back_to_the_first(cycle):
    assert next_step(cycle, cycle.steps[-1]) == cycle.steps[0]
    assert next_step(cycle, cycle.steps[0]) == cycle.steps[1]


def test_the_cycle_runs_from_back_pain_through_knee_pain_and_back_again(cycle):
    labels = [step.label for step in cycle.steps]
    assert labels[0] == "Back pain"
    assert labels.index("Knee pain") > labels.index("More load on the knees")
    assert labels[-1] == "Weaker muscles, more weight"


def test_the_words_for_screen_readers_name_every_step_in_order(cycle):
    words = describe(cycle)
    assert f"{len(cycle.steps)} steps" in words
    positions = [words.index(f"{n}, {step.label}") for n, step in enumerate(cycle.steps, start=1)]
    assert positions == sorted(positions)


def test_finding_an_unknown_or_missing_step_gives_none(cycle):
    assert find_step(cycle, None) is None
    assert find_step(cycle, "no-such-step") is None
    assert find_step(cycle, "knee-pain").label == "Knee pain"


def test_the_chart_has_one_tappable_marker_per_step_in_order(cycle):
    markers = cycle_figure(cycle, None).data[0]
    assert list(markers.customdata) == [step.id for step in cycle.steps]
    assert list(markers.text) == [str(n) for n in range(1, len(cycle.steps) + 1)]


SVG = "{http://www.w3.org/2000/svg}"


def test_each_step_in_the_picture_taps_the_chooser_at_its_place_in_order(cycle):
    # static/touch.js taps the chooser's button at the number a marker carries.
    picture = ET.fromstring(svg(cycle_figure_spec(cycle, None), "cycle", describe(cycle)))
    places = [
        int(group.get("data-bk-step")) for group in picture.iter(f"{SVG}g") if group.get("data-bk-step")
    ]
    assert places == list(range(len(cycle.steps)))


def test_the_chosen_step_stands_out_by_size_outline_and_bold_label_not_colour_alone(cycle):
    figure = cycle_figure(cycle, "knee-load")
    markers, labels = figure.data[0], figure.data[1]
    chosen = [step.id for step in cycle.steps].index("knee-load")
    assert markers.marker.size[chosen] == CHOSEN_SIZE_PX
    assert [s for i, s in enumerate(markers.marker.size) if i != chosen] == [STEP_SIZE_PX] * (
        len(cycle.steps) - 1
    )
    assert markers.marker.line.width[chosen] > max(
        w for i, w in enumerate(markers.marker.line.width) if i != chosen
    )
    assert labels.text[chosen].startswith("<b>")
    assert sum(text.startswith("<b>") for text in labels.text) == 1


def test_with_no_step_chosen_every_step_looks_the_same(cycle):
    markers = cycle_figure(cycle, None).data[0]
    assert set(markers.marker.size) == {STEP_SIZE_PX}


def test_the_picture_is_named_by_the_cycle_in_words(cycle):
    picture = ET.fromstring(svg(cycle_figure_spec(cycle, None), "cycle", describe(cycle)))
    assert (picture.get("role"), picture.get("aria-label")) == ("img", describe(cycle))


def test_every_step_has_an_arrow_to_the_next(cycle):
    arrows = [a for a in cycle_figure(cycle, None).layout.annotations if a.showarrow]
    assert len(arrows) == len(cycle.steps)
    points = ring_positions(len(cycle.steps))
    for i, arrow in enumerate(arrows):
        assert (arrow.ax, arrow.ay) == pytest.approx(points[i])
        assert (arrow.x, arrow.y) == pytest.approx(points[(i + 1) % len(points)])
