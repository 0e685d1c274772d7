"""The home page's picture: the compensation cycle as a ring of numbered steps. Pure."""

from __future__ import annotations

import plotly.graph_objects as go

from backknee.charts.style import BLUE, DARK_BLUE, INK, RUST, SLATE, TRANSPARENT, WHITE, wrapped
from backknee.content.pages.home import Cycle
from backknee.words.home import ring_positions

STEP_SIZE_PX = 46
CHOSEN_SIZE_PX = 62
LABEL_WRAP_CHARACTERS = 11
X_SPAN = 1.6
Y_SPAN = 1.95


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
    labels = [wrapped(step.label, LABEL_WRAP_CHARACTERS) for step in cycle.steps]

    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=[str(number) for number in range(1, len(xs) + 1)],
            textposition="middle center",
            textfont={"color": WHITE, "size": 20, "family": "sans-serif"},
            customdata=[step.id for step in cycle.steps],
            marker={
                "opacity": 1,  # plotly's default here is 0.7, which fades the white numbers
                "size": [CHOSEN_SIZE_PX if c else STEP_SIZE_PX for c in chosen],
                "color": [DARK_BLUE if c else BLUE for c in chosen],
                "line": {
                    "width": [5 if c else 2 for c in chosen],
                    "color": [RUST if c else WHITE for c in chosen],
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
            text=[f"<b>{label}</b>" if c else label for label, c in zip(labels, chosen, strict=True)],
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
            arrowcolor=SLATE,
            standoff=CHOSEN_SIZE_PX / 2 + 2,
            startstandoff=CHOSEN_SIZE_PX / 2 + 2,
            text="",
        )
    figure.add_annotation(x=0, y=0, text="↻", showarrow=False, font={"size": 64, "color": SLATE})
    figure.update_layout(
        height=440,
        margin={"l": 0, "r": 0, "t": 10, "b": 10},
        showlegend=False,
        dragmode=False,
        hovermode="closest",
        clickmode="event+select",
        plot_bgcolor=TRANSPARENT,
        paper_bgcolor=TRANSPARENT,
        xaxis={"visible": False, "range": [-X_SPAN, X_SPAN], "fixedrange": True},
        yaxis={"visible": False, "range": [-Y_SPAN, Y_SPAN], "fixedrange": True},
    )
    return figure
