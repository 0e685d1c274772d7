"""The posture page's logic and chart: the readout follows the model, the chart is valid and
never relies on colour alone."""

from __future__ import annotations

import itertools

import plotly.graph_objects as go
import plotly.io
import pytest

from backknee.charts.posture import load_marker_size, posture_figure_spec
from backknee.content.loader import load_content
from backknee.content.pages.posture import PosturePage
from backknee.words.posture import Scenario, compare, describe, nearest_five, posture_name, readout, times
from tests.paths import CONTENT

PAGE = load_content(CONTENT).page("posture", PosturePage)
WORDS = PAGE.readout
STOOPED = Scenario(flattening_deg=30, lean_deg=30)
STIFF_KNEES = Scenario(knee_deg=20)


def figure_for(scenario: Scenario) -> go.Figure:
    c = compare(scenario)
    return go.Figure(posture_figure_spec(c.stance, c.reference, PAGE.chart, c.knee_times, c.back_times))


def test_standing_tall_reads_as_nothing_extra_to_carry():
    lines = readout(compare(Scenario()), WORDS)
    assert lines == [
        WORDS.knees_straight,
        WORDS.thighs_rest,
        WORDS.knee_same,
        WORDS.back_same,
        WORDS.illustration,
    ]


@pytest.mark.parametrize(("angle", "said"), [(0, 0), (2.4, 0), (2.5, 0), (2.6, 5), (19.35, 20), (22.6, 25)])
def test_angles_are_said_to_the_nearest_5_degrees(angle, said):
    assert nearest_five(angle) == said


def test_a_stoop_reads_out_the_knee_bend_and_the_extra_work_the_model_found():
    c = compare(STOOPED)
    lines = readout(c, WORDS)
    assert c.knee_bend_deg == pytest.approx(19.35, abs=0.1)  # docs/model.md, "Stooped"
    assert lines[0] == WORDS.knees_bend.format(degrees=20)
    assert WORDS.pelvis_back.format(degrees=nearest_five(c.pelvis_back_deg)) in lines
    assert WORDS.thighs_work.format(percent=nearest_five(100 * c.thigh_share_of_weight)) in lines
    assert WORDS.knee_times.format(times=times(c.knee_times)) in lines
    assert WORDS.back_times.format(times=times(c.back_times)) in lines
    assert lines[-1] == WORDS.illustration
    assert c.knee_bend_deg > 10 and c.knee_times > 1.5 and c.back_times > 3


def test_a_knee_that_cannot_straighten_reads_as_held_bent_and_flattens_the_back():
    c = compare(STIFF_KNEES)
    lines = readout(c, WORDS)
    assert lines[0] == WORDS.knees_held_bent.format(degrees=20)
    assert WORDS.back_flattens.format(degrees=nearest_five(c.extra_flattening_deg)) in lines
    assert c.pelvis_back_deg == pytest.approx(0, abs=0.5)


@pytest.mark.parametrize(("value", "words"), [(1.26, "1.5"), (2.1, "2"), (2.8, "3"), (5.6, "6"), (1.0, "1")])
def test_multiples_are_rounded_to_what_a_person_can_feel(value, words):
    assert times(value) == words


def test_a_step_moves_one_control_by_five_degrees_and_stops_at_the_ends():
    assert Scenario().step("knee", 1) == Scenario(knee_deg=5)
    assert Scenario(knee_deg=30).step("knee", 1) == Scenario(knee_deg=30)
    assert Scenario().step("lean", -1) == Scenario()
    assert Scenario(lean_deg=45).step("lean", -1) == Scenario(lean_deg=40)


def test_a_scenario_out_of_range_is_refused_with_its_range():
    with pytest.raises(ValueError, match="knee must be between 0 and 30 degrees; got 35"):
        Scenario(knee_deg=35)


def test_a_preset_is_named_by_its_label_and_any_other_posture_by_its_angles():
    assert posture_name(STOOPED, PAGE.presets, PAGE.chart) == "Stooped"
    own = posture_name(Scenario(flattening_deg=5, lean_deg=10, knee_deg=15), PAGE.presets, PAGE.chart)
    assert own == PAGE.chart.custom_posture.format(flattening=5, lean=10, knee=15)


def test_the_chart_description_says_which_posture_and_what_it_does_without_the_caveat():
    lines = readout(compare(STOOPED), WORDS)
    text = describe("Stooped", lines, PAGE.chart)
    assert "Stooped" in text
    assert lines[0] in text
    assert WORDS.illustration not in text


def test_the_description_changes_with_the_posture():
    tall = describe("Standing tall", readout(compare(Scenario()), WORDS), PAGE.chart)
    stooped = describe("Stooped", readout(compare(STOOPED), WORDS), PAGE.chart)
    assert tall != stooped


def test_the_chart_spec_is_a_valid_plotly_figure():
    c = compare(STOOPED)
    spec = posture_figure_spec(c.stance, c.reference, PAGE.chart, c.knee_times, c.back_times)
    plotly.io.to_json(go.Figure(spec), validate=True)  # plotly checks every property


def test_the_stick_figure_is_one_trace_with_gaps_between_its_lines():
    figure = figure_for(STOOPED)
    person = next(trace for trace in figure.data if trace.name == PAGE.chart.you)
    assert None in person.x
    assert person.mode == "lines"


def test_standing_tall_is_drawn_faintly_behind_in_a_different_line_style():
    figure = figure_for(STOOPED)
    names = [trace.name for trace in figure.data]
    ghost, person = (
        figure.data[names.index(PAGE.chart.standing_tall)],
        figure.data[names.index(PAGE.chart.you)],
    )
    assert names.index(PAGE.chart.standing_tall) < names.index(PAGE.chart.you), "drawn first, so behind"
    assert ghost.line.dash == "dot" and person.line.dash is None


def test_loads_are_labelled_in_words_and_shown_by_size_not_by_colour_alone():
    tall, stooped = figure_for(Scenario()), figure_for(STOOPED)

    def load_trace(figure: go.Figure) -> go.Scatter:
        return next(trace for trace in figure.data if trace.name == PAGE.chart.loads)

    grown = zip(load_trace(stooped).marker.size, load_trace(tall).marker.size, strict=True)
    assert all(stooped_size > tall_size for stooped_size, tall_size in grown), "both knee and back grow"
    assert load_trace(stooped).marker.color == load_trace(tall).marker.color
    assert all("×" in label for label in load_trace(stooped).text)
    assert list(load_trace(stooped).marker.symbol) == ["circle", "square"], "knee and back differ in shape"


def test_load_markers_grow_with_the_load_but_stay_within_bounds():
    # 18 px at standing tall, then 14 px times the square root of the extra load
    assert load_marker_size(1) == 18
    assert load_marker_size(2) == 32
    growing = [load_marker_size(value) for value in (1, 1.5, 2, 4, 7)]
    assert all(a < b for a, b in itertools.pairwise(growing))
    assert load_marker_size(0.5) == load_marker_size(1), "never smaller than standing tall"
    assert load_marker_size(20) == load_marker_size(7), "capped"


def test_the_plumb_line_drops_from_the_balance_point_to_the_floor():
    figure = figure_for(STOOPED)
    plumb = next(trace for trace in figure.data if trace.name == PAGE.chart.plumb_line)
    stance = compare(STOOPED).stance
    com_x, com_y = (value / stance.body.height_m for value in stance.pose.centre_of_mass)
    assert plumb.x == pytest.approx((com_x, com_x))
    assert plumb.y == pytest.approx((com_y, 0))


def test_the_chart_cannot_trap_a_finger():
    layout = figure_for(Scenario()).layout
    assert layout.dragmode is False
    assert layout.xaxis.fixedrange and layout.yaxis.fixedrange
