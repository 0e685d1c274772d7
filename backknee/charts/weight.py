"""The weight page's pictures: horizontal bars of knee and back loads. Pure."""

from __future__ import annotations

from typing import Any

from backknee.charts.style import BLUE, DARK_BLUE, INK, TRANSPARENT


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
                "marker": {"color": [DARK_BLUE if label == highlight else BLUE for label, _, _ in bars]},
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
            "plot_bgcolor": TRANSPARENT,
            "paper_bgcolor": TRANSPARENT,
            "font": {"color": INK, "size": 15, "family": "sans-serif"},
            "xaxis": {"visible": False, "fixedrange": True, "rangemode": "tozero"},
            "yaxis": {"autorange": "reversed", "fixedrange": True, "automargin": True, "ticks": ""},
        },
    }
