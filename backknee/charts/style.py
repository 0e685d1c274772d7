"""What every chart shares: the palette (each colour named once), the touch-screen config, the
layout of a still figure, a head and the floor. Pure: no streamlit here."""

from __future__ import annotations

from typing import Any

INK = "#1b2a38"


STEP_FILL = "#1f5f8b"


CHOSEN_FILL = "#0b3954"


CHOSEN_RING = "#c8553d"


ARROW = "#5b6b7a"


CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "doubleClick": False}
"""Plotly settings for touch screens: no mode bar over the chart, no zoom trap for a finger."""


FIGURE_INK = "#1b2a38"


GHOST = "#aab4be"


PLUMB = "#c8553d"


FEET = "#1f5f8b"


LOAD_FILL = "#f2c14e"


HEAD_RADIUS = 0.062
"""The head's radius as a fraction of height (chin to crown is 0.13 of height: Drillis and
Contini, in Winter 2009)."""


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


BAR_FILL = "#1f5f8b"


BAR_HIGHLIGHT = "#0b3954"
