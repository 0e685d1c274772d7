"""Charts as pure functions: content and numbers in, a plotly figure out. No streamlit here."""

from __future__ import annotations

import math
import textwrap
from typing import Any

import plotly.graph_objects as go

from backknee.body import Pose, Stance
from backknee.cycle import ring_positions
from backknee.models import Cycle, PostureChartWords
from backknee.posture import times

INK = "#1b2a38"
STEP_FILL = "#1f5f8b"
CHOSEN_FILL = "#0b3954"
CHOSEN_RING = "#c8553d"
ARROW = "#5b6b7a"

STEP_SIZE_PX = 46
CHOSEN_SIZE_PX = 62
LABEL_WRAP_CHARACTERS = 11
X_SPAN = 1.6
Y_SPAN = 1.95

CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "doubleClick": False}
"""Plotly settings for touch screens: no mode bar over the chart, no zoom trap for a finger."""


def _wrap(label: str) -> str:
    return "<br>".join(textwrap.wrap(label, LABEL_WRAP_CHARACTERS))


def _label_side(y: float) -> str:
    """Labels sit above the top half of the ring and below the bottom half: never beside a
    node, so the chart fits a 360 px phone screen without cutting a label off."""
    return "top center" if y > 0 else "bottom center"


def cycle_figure(cycle: Cycle, chosen_id: str | None) -> go.Figure:
    """The compensation cycle as a ring of numbered steps joined by arrows.

    Trace 0 holds one marker per step (its `customdata` is the step id), so a tap selects a
    step. The chosen step is larger, ringed and labelled in bold, so it never relies on colour.
    """
    positions = ring_positions(len(cycle.steps))
    xs = [x for x, _ in positions]
    ys = [y for _, y in positions]
    chosen = [step.id == chosen_id for step in cycle.steps]

    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=[str(number) for number in range(1, len(xs) + 1)],
            textposition="middle center",
            textfont={"color": "#ffffff", "size": 20, "family": "sans-serif"},
            customdata=[step.id for step in cycle.steps],
            marker={
                "opacity": 1,  # plotly's default here is 0.7, which fades the white numbers
                "size": [CHOSEN_SIZE_PX if c else STEP_SIZE_PX for c in chosen],
                "color": [CHOSEN_FILL if c else STEP_FILL for c in chosen],
                "line": {
                    "width": [5 if c else 2 for c in chosen],
                    "color": [CHOSEN_RING if c else "#ffffff" for c in chosen],
                },
            },
            selected={"marker": {"opacity": 1}},
            unselected={"marker": {"opacity": 1}},
            hoverinfo="none",  # "skip" would also stop taps from selecting a step
            name="steps",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            # Invisible markers as big as the chosen one, so plotly sets each label clear of it.
            marker={"size": CHOSEN_SIZE_PX + 8, "opacity": 0},
            text=[
                f"<b>{_wrap(step.label)}</b>" if c else _wrap(step.label)
                for step, c in zip(cycle.steps, chosen, strict=True)
            ],
            textposition=[_label_side(y) for _, y in positions],
            textfont={"color": INK, "size": 15, "family": "sans-serif"},
            hoverinfo="skip",
            name="labels",
        )
    )
    for i, (x0, y0) in enumerate(positions):
        x1, y1 = positions[(i + 1) % len(positions)]
        figure.add_annotation(
            x=x1,
            y=y1,
            ax=x0,
            ay=y0,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=3,
            arrowsize=1.3,
            arrowwidth=2.5,
            arrowcolor=ARROW,
            standoff=CHOSEN_SIZE_PX / 2 + 2,
            startstandoff=CHOSEN_SIZE_PX / 2 + 2,
            text="",
        )
    figure.add_annotation(x=0, y=0, text="↻", showarrow=False, font={"size": 64, "color": ARROW})
    figure.update_layout(
        height=440,
        margin={"l": 0, "r": 0, "t": 10, "b": 10},
        showlegend=False,
        dragmode=False,
        hovermode="closest",
        clickmode="event+select",
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        xaxis={"visible": False, "range": [-X_SPAN, X_SPAN], "fixedrange": True},
        yaxis={"visible": False, "range": [-Y_SPAN, Y_SPAN], "fixedrange": True},
    )
    return figure


FIGURE_INK = "#1b2a38"
GHOST = "#aab4be"
PLUMB = "#c8553d"
FEET = "#1f5f8b"
LOAD_FILL = "#f2c14e"

STICK_LINES = (
    ("heel", "toe"),
    ("heel", "ankle"),
    ("ankle", "toe"),
    ("ankle", "knee"),
    ("knee", "hip"),
    ("hip", "lower_back"),
    ("lower_back", "mid_back"),
    ("mid_back", "shoulder"),
    ("shoulder", "head"),
    ("shoulder", "elbow"),
    ("elbow", "wrist"),
)
"""The stick figure's lines, landmark to landmark."""

HEAD_RADIUS = 0.062
"""The head's radius as a fraction of height (chin to crown is 0.13 of height: Drillis and
Contini, in Winter 2009)."""

POSTURE_X_RANGE = (-0.46, 0.46)
POSTURE_Y_RANGE = (-0.09, 1.06)


def _stick_xy(pose: Pose, height_m: float) -> tuple[list[float | None], list[float | None]]:
    """One polyline with gaps (None) between lines: one trace draws the whole figure fast."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for start, end in STICK_LINES:
        for name in (start, end):
            x, y = pose.points[name]
            xs.append(x / height_m)
            ys.append(y / height_m)
        xs.append(None)
        ys.append(None)
    return xs, ys


def _head(pose: Pose, height_m: float, colour: str, fill: str) -> dict[str, object]:
    x, y = (value / height_m for value in pose.points["head"])
    return head_shape(x, y, colour, fill)


FLOOR_COLOUR = "#5b6b7a"


def head_shape(x: float, y: float, colour: str, fill: str) -> dict[str, Any]:
    """A stick figure's head: a circle drawn under the lines, centred at (x, y) in fractions
    of height. Every figure in the app uses it."""
    return {
        "type": "circle",
        "xref": "x",
        "yref": "y",
        "x0": x - HEAD_RADIUS,
        "x1": x + HEAD_RADIUS,
        "y0": y - HEAD_RADIUS,
        "y1": y + HEAD_RADIUS,
        "line": {"color": colour, "width": 5},
        "fillcolor": fill,
        "layer": "below",
    }


def floor_shape() -> dict[str, Any]:
    """The floor: a line across the whole chart at y = 0."""
    return {
        "type": "line",
        "xref": "paper",
        "yref": "y",
        "x0": 0,
        "x1": 1,
        "y0": 0,
        "y1": 0,
        "line": {"color": FLOOR_COLOUR, "width": 2},
        "layer": "below",
    }


def still_layout(
    height: int, x_range: list[float], y_range: list[float], equal_axes: bool = True
) -> dict[str, Any]:
    """The layout every figure shares: no axes, no legend, nothing a finger can drag or
    zoom, a clear background, and (for figures of people) one unit the same both ways."""
    y_axis: dict[str, Any] = {"visible": False, "range": y_range, "fixedrange": True}
    if equal_axes:
        y_axis.update(scaleanchor="x", scaleratio=1)
    return {
        "height": height,
        "margin": {"l": 0, "r": 0, "t": 10, "b": 10},
        "showlegend": False,
        "dragmode": False,
        "hovermode": False,
        "plot_bgcolor": "rgba(0,0,0,0)",
        "paper_bgcolor": "rgba(0,0,0,0)",
        "font": {"color": FIGURE_INK, "size": 14, "family": "sans-serif"},
        "xaxis": {"visible": False, "range": x_range, "fixedrange": True},
        "yaxis": y_axis,
    }


def load_marker_size(times_standing_tall: float) -> float:
    """A load marker's diameter in pixels: bigger for a bigger load, never smaller than the
    standing-tall marker, capped so it cannot cover the figure."""
    return 18 + 14 * math.sqrt(min(max(times_standing_tall, 1.0), 7.0) - 1)


def posture_figure(
    stance: Stance,
    reference: Stance,
    words: PostureChartWords,
    knee_times: float,
    back_times: float,
) -> go.Figure:
    """The posture figure as a checked plotly Figure (see `posture_figure_spec`)."""
    return go.Figure(posture_figure_spec(stance, reference, words, knee_times, back_times))


def posture_figure_spec(
    stance: Stance,
    reference: Stance,
    words: PostureChartWords,
    knee_times: float,
    back_times: float,
) -> dict[str, Any]:
    """A side view: the figure (dark), standing tall behind it (faint), the plumb line from
    the balance point to the floor, the feet, and the knee and lower-back loads as labelled
    markers that grow with the load. Lengths are in fractions of height, so the picture is
    the same for every body size; nothing here relies on colour alone.

    A plain plotly spec, not a Figure: building a Figure checks every value and costs about
    15 ms, five times a whole rerun of the bare app. `posture_figure` builds the checked
    Figure from this spec, and the tests use it, so a mistake here still fails a test.
    """
    height = stance.body.height_m
    ghost_x, ghost_y = _stick_xy(reference.pose, height)
    figure_x, figure_y = _stick_xy(stance.pose, height)
    com_x, com_y = (value / height for value in stance.pose.centre_of_mass)
    heel, toe = (value / height for value in stance.pose.base_of_support)
    knee = [value / height for value in stance.pose.points["knee"]]
    back = [value / height for value in stance.pose.points["lower_back"]]
    ghost_head = reference.pose.points["head"]
    label_font = {"color": FIGURE_INK, "size": 15, "family": "sans-serif"}
    data = [
        {
            "type": "scatter",
            "x": ghost_x,
            "y": ghost_y,
            "mode": "lines",
            "line": {"color": GHOST, "width": 6, "dash": "dot"},
            "name": words.standing_tall,
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": [heel, toe],
            "y": [-0.012, -0.012],
            "mode": "lines",
            "line": {"color": FEET, "width": 10},
            "name": words.feet,
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": figure_x,
            "y": figure_y,
            "mode": "lines",
            "line": {"color": FIGURE_INK, "width": 7},
            "name": words.you,
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": [com_x, com_x],
            "y": [com_y, 0.0],
            "mode": "lines",
            "line": {"color": PLUMB, "width": 3, "dash": "dash"},
            "name": words.plumb_line,
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": [knee[0], back[0]],
            "y": [knee[1], back[1]],
            "mode": "markers+text",
            "marker": {
                "symbol": ["circle", "square"],
                "size": [load_marker_size(knee_times), load_marker_size(back_times)],
                "color": LOAD_FILL,
                "line": {"color": FIGURE_INK, "width": 3},
                "opacity": 1,
            },
            "text": [
                f"<b>{_two_lines(words.knee_load.format(times=_times(knee_times)))}</b>",
                f"<b>{_two_lines(words.back_load.format(times=_times(back_times)))}</b>",
            ],
            "cliponaxis": False,
            "textposition": ["middle right", "middle left"],
            "textfont": label_font,
            "name": words.loads,
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": [com_x],
            "y": [com_y],
            "mode": "markers+text",
            "marker": {
                "symbol": "circle-cross",
                "size": 20,
                "color": "#ffffff",
                "line": {"color": PLUMB, "width": 3},
                "opacity": 1,
            },
            "text": [f"<b>{words.balance_point}</b>"],
            "textposition": "bottom right",
            "textfont": label_font,
            "name": words.balance_point,
            "hoverinfo": "skip",
        },
    ]
    annotations = [
        {
            "x": (heel + toe) / 2,
            "y": -0.012,
            "yshift": -16,
            "text": words.feet,
            "showarrow": False,
            "font": {"color": FIGURE_INK, "size": 14},
        },
        {
            "x": ghost_head[0] / height,
            "y": ghost_head[1] / height + HEAD_RADIUS,
            "yshift": 14,
            "text": words.standing_tall,
            "showarrow": False,
            "font": {"color": "#4d5966", "size": 14},
        },
    ]
    layout = still_layout(500, list(POSTURE_X_RANGE), list(POSTURE_Y_RANGE))
    layout["shapes"] = [
        _head(reference.pose, height, GHOST, "rgba(0,0,0,0)"),
        _head(stance.pose, height, FIGURE_INK, "#ffffff"),
        floor_shape(),
    ]
    layout["annotations"] = annotations
    return {"data": data, "layout": layout}


def _two_lines(label: str) -> str:
    """'Back muscles<br>×6': the number on a line of its own keeps a label narrow enough
    for a phone."""
    words, _, number = label.rpartition(" ")
    return f"{words}<br>{number}" if words else label


def _times(value: float) -> str:
    """'×2', '×1.5', '×6': rounded as the readout under the figure rounds it."""
    return f"×{times(value)}"


BAR_FILL = "#1f5f8b"
BAR_HIGHLIGHT = "#0b3954"


def bar_figure(bars: list[tuple[str, float, str]], highlight: str | None = None) -> go.Figure:
    """A checked plotly Figure of `bar_figure_spec` (for tests)."""
    return go.Figure(bar_figure_spec(bars, highlight))


def bar_figure_spec(bars: list[tuple[str, float, str]], highlight: str | None = None) -> dict[str, Any]:
    """Horizontal bars, top to bottom in the order given: (label, value, text on the bar).

    Every bar carries its number as text, so nothing relies on colour; the highlighted bar
    (for example 'Walking' or 'Standing') is darker and its label bold as well. A plain
    spec, like the posture figure, so a rerun does not pay for plotly's checks.
    """
    labels = [f"<b>{label}</b>" if label == highlight else label for label, _, _ in bars]
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "y": labels,
                "x": [value for _, value, _ in bars],
                "text": [text for _, _, text in bars],
                "textposition": "outside",
                "cliponaxis": False,
                "textfont": {"color": INK, "size": 15},
                "marker": {
                    "color": [BAR_HIGHLIGHT if label == highlight else BAR_FILL for label, _, _ in bars]
                },
                "hoverinfo": "skip",
            }
        ],
        "layout": {
            "height": 60 + 46 * len(bars),
            "margin": {"l": 0, "r": 80, "t": 10, "b": 10},
            "showlegend": False,
            "dragmode": False,
            "hovermode": False,
            "bargap": 0.3,
            "plot_bgcolor": "rgba(0,0,0,0)",
            "paper_bgcolor": "rgba(0,0,0,0)",
            "font": {"color": INK, "size": 15, "family": "sans-serif"},
            "xaxis": {"visible": False, "fixedrange": True, "rangemode": "tozero"},
            "yaxis": {"autorange": "reversed", "fixedrange": True, "automargin": True, "ticks": ""},
        },
    }
