"""The compensation cycle: its order, its words for screen readers, and its chart."""

from __future__ import annotations

import copy
import math

import plotly.io
import plotly.tools
import pytest

from backknee.charts.home import CHOSEN_SIZE_PX, STEP_SIZE_PX, cycle_figure
from backknee.charts.style import CHART_CONFIG
from backknee.content.loader import load_content
from backknee.content.pages.home import Cycle, HomePage
from backknee.ui.figures import PreparedFigure
from backknee.words.home import describe, find_step, next_step, ring_positions, step_from_tap
from tests.paths import CONTENT


@pytest.fixture(scope="module")
def cycle() -> Cycle:
    return load_content(CONTENT).page("home", HomePage).cycle


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


def test_a_tap_on_a_step_marker_chooses_that_step(cycle):
    assert step_from_tap(cycle, [{"curve_number": 0, "point_index": 2}]) == cycle.steps[2].id


def test_a_tap_on_a_label_or_nothing_chooses_no_step(cycle):
    assert step_from_tap(cycle, [{"curve_number": 1, "point_index": 2}]) is None
    assert step_from_tap(cycle, []) is None
    assert step_from_tap(cycle, [{"curve_number": 0, "point_index": 99}]) is None


def test_the_chart_has_one_tappable_marker_per_step_in_order(cycle):
    markers = cycle_figure(cycle, None).data[0]
    assert list(markers.customdata) == [step.id for step in cycle.steps]
    assert list(markers.text) == [str(n) for n in range(1, len(cycle.steps) + 1)]
    assert markers.hoverinfo != "skip", "skipped hover would also stop taps from selecting a step"


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


def test_the_chart_is_safe_for_a_finger(cycle):
    layout = cycle_figure(cycle, None).layout
    assert layout.dragmode is False
    assert layout.xaxis.fixedrange and layout.yaxis.fixedrange
    assert CHART_CONFIG["displayModeBar"] is False and CHART_CONFIG["scrollZoom"] is False


def test_every_step_has_an_arrow_to_the_next(cycle):
    arrows = [a for a in cycle_figure(cycle, None).layout.annotations if a.showarrow]
    assert len(arrows) == len(cycle.steps)
    points = ring_positions(len(cycle.steps))
    for i, arrow in enumerate(arrows):
        assert (arrow.ax, arrow.ay) == pytest.approx(points[i])
        assert (arrow.x, arrow.y) == pytest.approx(points[(i + 1) % len(points)])


def test_a_prepared_figure_hands_streamlit_the_same_chart_every_time(cycle):
    figure = cycle_figure(cycle, "knee-load")
    prepared = PreparedFigure(figure)
    before = copy.deepcopy(prepared.to_dict())
    first = plotly.io.to_json(plotly.tools.return_figure_from_figure_or_data(prepared, True), validate=False)
    second = plotly.io.to_json(plotly.tools.return_figure_from_figure_or_data(prepared, True), validate=False)
    assert first == second == plotly.io.to_json(figure.to_dict(), validate=False)
    assert prepared.to_dict() == before, "showing the chart must not change the shared figure"
