"""The home page's picture: the compensation cycle as a ring of numbered steps. Pure."""

from __future__ import annotations

from typing import Any

from backknee.charts.style import BLUE, DARK_BLUE, INK, RUST, SLATE, WHITE, still_layout, wrapped
from backknee.content.pages.home import Cycle
from backknee.words.home import ring_positions

STEP_SIZE_PX = 46
CHOSEN_SIZE_PX = 62
LABEL_WRAP_CHARACTERS = 11
X_SPAN = 1.6
Y_SPAN = 1.65


def _label_side(y: float) -> str:
    """Labels sit above the top half of the ring and below the bottom half: never beside a
    node, so the chart fits a 360 px phone screen without cutting a label off."""
    return "top center" if y > 0 else "bottom center"


def cycle_figure_spec(cycle: Cycle, chosen_id: str | None) -> dict[str, Any]:
    """The compensation cycle as a ring of numbered steps joined by arrows.

    Trace 0 holds one marker per step (its `customdata` is the step id): drawn as SVG, each
    marker is tappable (static/touch.js taps the matching step of the chooser under it). The
    chosen step is larger, ringed and labelled in bold, so it never relies on colour. A plain
    spec, like every chart's; tests/unit/test_chart_specs.py checks it against plotly.
    """
    positions = ring_positions(len(cycle.steps))
    xs = [x for x, _ in positions]
    ys = [y for _, y in positions]
    chosen = [step.id == chosen_id for step in cycle.steps]
    labels = [wrapped(step.label, LABEL_WRAP_CHARACTERS) for step in cycle.steps]

    steps = {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "markers+text",
        "text": [str(number) for number in range(1, len(xs) + 1)],
        "textposition": "middle center",
        "textfont": {"color": WHITE, "size": 20, "family": "sans-serif"},
        "customdata": [step.id for step in cycle.steps],
        "marker": {
            "opacity": 1,
            "size": [CHOSEN_SIZE_PX if c else STEP_SIZE_PX for c in chosen],
            "color": [DARK_BLUE if c else BLUE for c in chosen],
            "line": {
                "width": [5 if c else 2 for c in chosen],
                "color": [RUST if c else WHITE for c in chosen],
            },
        },
        "hoverinfo": "skip",
        "name": "steps",
    }
    labels_trace = {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "markers+text",
        # Invisible markers as big as the chosen one, so each label is set clear of it.
        "marker": {"size": CHOSEN_SIZE_PX + 8, "opacity": 0},
        "text": [f"<b>{label}</b>" if c else label for label, c in zip(labels, chosen, strict=True)],
        "textposition": [_label_side(y) for _, y in positions],
        "textfont": {"color": INK, "size": 15, "family": "sans-serif"},
        "hoverinfo": "skip",
        "name": "labels",
    }
    arrows = []
    for i, (x0, y0) in enumerate(positions):
        x1, y1 = positions[(i + 1) % len(positions)]
        arrows.append(
            {
                "x": x1,
                "y": y1,
                "ax": x0,
                "ay": y0,
                "xref": "x",
                "yref": "y",
                "axref": "x",
                "ayref": "y",
                "showarrow": True,
                "arrowhead": 3,
                "arrowsize": 1.3,
                "arrowwidth": 2.5,
                "arrowcolor": SLATE,
                "standoff": CHOSEN_SIZE_PX / 2 + 2,
                "startstandoff": CHOSEN_SIZE_PX / 2 + 2,
                "text": "",
            }
        )
    turning = {"x": 0, "y": 0, "text": "↻", "showarrow": False, "font": {"size": 64, "color": SLATE}}
    layout = still_layout(380, [-X_SPAN, X_SPAN], [-Y_SPAN, Y_SPAN])
    layout["annotations"] = [*arrows, turning]
    return {"data": [steps, labels_trace], "layout": layout}
