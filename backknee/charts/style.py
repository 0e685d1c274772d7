"""What every chart shares: the palette (each colour named once, for what it is), the layout
of a still figure, the shared shapes (a head, the floor, a stick figure's lines, a wrapped
label) and the shared traces of a figure over a faint one (the faint figure, the chosen
figure, the line of the body's weight). Pure: no streamlit here."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from backknee.mechanics.constants import HEAD_RADIUS

INK = "#1b2a38"
"""Text, a figure's lines and head, the chain's lit boxes and arrows, the gauge's bar, the PDF."""
BLUE = "#1f5f8b"
"""The cycle's steps, the feet under the posture figure, the weight page's bars, back loads."""
DARK_BLUE = "#0b3954"
"""The chosen step of the cycle and the highlighted bar."""
RUST = "#c8553d"
"""The chosen step's ring, the plumb line (the body's weight to the floor), the gauge's 100% line."""
SLATE = "#5b6b7a"
"""The cycle's arrows, the floor, faint labels of the chain and one leg, the Play button's border."""
DARK_SLATE = "#4d5966"
"""The "standing tall" label over the faint figure: quieter than INK, still easy to read."""
GHOST = "#aab4be"
"""A faint figure behind the chosen one (standing tall, strong hips, a typical rise) and far limbs."""
PALE = "#c5ccd3"
"""Boxes and arrows of the chain that the chosen weak areas do not start."""
YELLOW = "#f2c14e"
"""The posture figure's knee and lower-back load markers."""
BRICK = "#a4402b"
"""Knee loads: the chain's knee boxes and the one-leg figure's knee marker."""
WOOD = "#8a6d3b"
"""Furniture: the chair, and the chair, step or wall of an exercise."""
PALE_GREEN = "#dcebd6"
"""The effort gauge's easy band (up to 70%)."""
PALE_YELLOW = "#f5e6b8"
"""The effort gauge's hard band (70% to 100%)."""
PALE_RED = "#f3cfc6"
"""The effort gauge's band beyond all the strength there is (over 100%)."""
WHITE = "#ffffff"
"""Numbers on the cycle's steps, outlines of markers, a figure's head, patches behind labels."""
TRANSPARENT = "rgba(0,0,0,0)"
"""Chart backgrounds (the page shows through) and the faint figure's head."""

SIDE_VIEW_LINES = (
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
"""The side-view stick figure's lines, landmark to landmark of the body model's pose (the
posture figure and the chair rise)."""


def rgb(colour: str) -> tuple[int, int, int]:
    """A palette colour as red, green and blue from 0 to 255 (for the PDF, which draws in RGB)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


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
        "plot_bgcolor": TRANSPARENT,
        "paper_bgcolor": TRANSPARENT,
        "font": {"color": INK, "size": 14, "family": "sans-serif"},
        "xaxis": {"visible": False, "range": x_range, "fixedrange": True},
        "yaxis": y_axis,
    }


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
        "line": {"color": SLATE, "width": 2},
        "layer": "below",
    }


def polyline(
    points: Mapping[str, tuple[float, float]], lines: Iterable[tuple[str, str]], height_m: float = 1.0
) -> tuple[list[float | None], list[float | None]]:
    """A stick figure's lines, landmark to landmark, as one polyline with gaps (None) between
    lines: one trace draws the whole figure fast. Points in metres are divided by `height_m`
    to draw in fractions of height; points already in fractions of height keep the default."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for start, end in lines:
        for name in (start, end):
            x, y = points[name]
            xs.append(x / height_m)
            ys.append(y / height_m)
        xs.append(None)
        ys.append(None)
    return xs, ys


def wrapped(label: str, characters: int) -> str:
    """A label broken into lines of at most `characters` (plotly's line break is <br>)."""
    return "<br>".join(textwrap.wrap(label, characters))


def _line_trace(
    x: list[float | None], y: list[float | None], name: str, line: dict[str, Any]
) -> dict[str, Any]:
    """A plotly trace of lines only that a finger's hover does not label."""
    return {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "lines",
        "line": line,
        "name": name,
        "hoverinfo": "skip",
    }


def ghost_trace(x: list[float | None], y: list[float | None], name: str) -> dict[str, Any]:
    """The faint dotted figure behind the chosen one (standing tall, strong hips, a typical rise)."""
    return _line_trace(x, y, name, {"color": GHOST, "width": 6, "dash": "dot"})


def figure_trace(x: list[float | None], y: list[float | None], name: str = "figure") -> dict[str, Any]:
    """The chosen stick figure's lines, dark and thick."""
    return _line_trace(x, y, name, {"color": INK, "width": 7})


def weight_line_trace(x: float, top_y: float, name: str = "weight line") -> dict[str, Any]:
    """The dashed line of the body's weight, straight down from (x, top_y) to the floor."""
    return _line_trace([x, x], [top_y, 0.0], name, {"color": RUST, "width": 3, "dash": "dash"})


def figure_shapes(ghost_head: Sequence[float], head: Sequence[float]) -> list[dict[str, Any]]:
    """What lies under a chosen figure drawn over a faint one: the faint head, the chosen
    head and the floor. Heads at (x, y) in fractions of height."""
    return [
        head_shape(ghost_head[0], ghost_head[1], GHOST, TRANSPARENT),
        head_shape(head[0], head[1], INK, WHITE),
        floor_shape(),
    ]
