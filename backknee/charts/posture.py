"""The posture page's picture: the side-view figure, standing tall behind it, and the loads. Pure."""

from __future__ import annotations

import math
from typing import Any

import plotly.graph_objects as go

from backknee.charts.style import (
    FEET,
    FIGURE_INK,
    GHOST,
    HEAD_RADIUS,
    LOAD_FILL,
    PLUMB,
    floor_shape,
    head_shape,
    still_layout,
)
from backknee.content.pages.posture import PostureChartWords
from backknee.mechanics.body import Pose, Stance
from backknee.words.posture import times

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
