"""The posture page's picture: the side-view figure, standing tall behind it, and the loads. Pure."""

from __future__ import annotations

import math
from typing import Any

from backknee.charts.style import (
    BLUE,
    DARK_SLATE,
    INK,
    RUST,
    SIDE_VIEW_LINES,
    WHITE,
    YELLOW,
    figure_shapes,
    figure_trace,
    ghost_trace,
    polyline,
    still_layout,
    weight_line_trace,
)
from backknee.content.pages.posture import PostureChartWords
from backknee.mechanics.body import Stance
from backknee.mechanics.constants import HEAD_RADIUS
from backknee.words.posture import times

POSTURE_X_RANGE = (-0.46, 0.46)
POSTURE_Y_RANGE = (-0.09, 1.06)


def load_marker_size(times_standing_tall: float) -> float:
    """A load marker's diameter in pixels: bigger for a bigger load, never smaller than the
    standing-tall marker, capped so it cannot cover the figure."""
    return 18 + 14 * math.sqrt(min(max(times_standing_tall, 1.0), 7.0) - 1)


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
    15 ms, five times a whole rerun of the bare app. tests/unit/test_chart_specs.py builds the
    checked Figure from this spec, so a mistake here still fails a test.
    """
    height = stance.body.height_m
    ghost_x, ghost_y = polyline(reference.pose.points, SIDE_VIEW_LINES, height)
    figure_x, figure_y = polyline(stance.pose.points, SIDE_VIEW_LINES, height)
    com_x, com_y = (value / height for value in stance.pose.centre_of_mass)
    heel, toe = (value / height for value in stance.pose.base_of_support)
    knee = [value / height for value in stance.pose.points["knee"]]
    back = [value / height for value in stance.pose.points["lower_back"]]
    ghost_head = reference.pose.points["head"]
    label_font = {"color": INK, "size": 15, "family": "sans-serif"}
    data = [
        ghost_trace(ghost_x, ghost_y, words.standing_tall),
        {
            "type": "scatter",
            "x": [heel, toe],
            "y": [-0.012, -0.012],
            "mode": "lines",
            "line": {"color": BLUE, "width": 10},
            "name": words.feet,
            "hoverinfo": "skip",
        },
        figure_trace(figure_x, figure_y, words.you),
        weight_line_trace(com_x, com_y, words.plumb_line),
        {
            "type": "scatter",
            "x": [knee[0], back[0]],
            "y": [knee[1], back[1]],
            "mode": "markers+text",
            "marker": {
                "symbol": ["circle", "square"],
                "size": [load_marker_size(knee_times), load_marker_size(back_times)],
                "color": YELLOW,
                "line": {"color": INK, "width": 3},
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
                "color": WHITE,
                "line": {"color": RUST, "width": 3},
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
            "font": {"color": INK, "size": 14},
        },
        {
            "x": ghost_head[0] / height,
            "y": ghost_head[1] / height + HEAD_RADIUS,
            "yshift": 14,
            "text": words.standing_tall,
            "showarrow": False,
            "font": {"color": DARK_SLATE, "size": 14},
        },
    ]
    layout = still_layout(500, list(POSTURE_X_RANGE), list(POSTURE_Y_RANGE))
    layout["shapes"] = figure_shapes(
        [value / height for value in reference.pose.points["head"]],
        [value / height for value in stance.pose.points["head"]],
    )
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
