"""The muscles page's charts as pure functions: the compensation chain, standing on one leg
(front view), lifting off a chair (side view) and the effort gauge.

Like the posture figure, each builder returns a plain plotly spec (a rerun then skips
plotly's checks); tests/unit/test_chart_specs.py builds a checked `go.Figure` from each. Nothing
relies on colour alone: shapes and words carry every meaning.
"""

from __future__ import annotations

from typing import Any

from backknee.charts.style import (
    BLUE,
    BRICK,
    INK,
    PALE,
    PALE_GREEN,
    PALE_RED,
    PALE_YELLOW,
    RUST,
    SIDE_VIEW_LINES,
    SLATE,
    TRANSPARENT,
    WHITE,
    WOOD,
    figure_shapes,
    figure_trace,
    ghost_trace,
    polyline,
    still_layout,
    weight_line_trace,
    wrapped,
)
from backknee.content.compensation import CompensationFile
from backknee.content.pages.muscles import ChainWords, ChairWords, OneLegWords
from backknee.mechanics.chains import ActiveChain
from backknee.mechanics.chair import ChairRise
from backknee.mechanics.one_leg import OneLegStance
from backknee.vocab import Effect, NodeKind, Side

SYMBOLS = {NodeKind.WEAK_AREA: "diamond", NodeKind.CHANGE: "triangle-right"}
SIDE_SYMBOLS = {Side.BACK: "square", Side.KNEE: "circle"}
"""Shapes that say what a box is: back loads are squares, knee loads circles."""

CHAIN_ROW_PX = 74
CHAIN_WIDTH_PX = 340
"""The chain's natural width: it shrinks to fit a phone, so its labels stay readable there."""
LABEL_WRAP = 12
"""The most characters on one line of a box's label."""
TITLE_WRAP = 9
"""The most characters on one line of a column's title (bold, so wider, and side by side)."""


def chain_positions(graph: CompensationFile) -> dict[str, tuple[float, float]]:
    """Where each box sits: one column per kind, in the order the content lists them,
    spread over the same height so the columns line up top and bottom."""
    columns = [NodeKind.WEAK_AREA, NodeKind.CHANGE, NodeKind.LOAD]
    tallest = max(sum(1 for n in graph.nodes if n.kind == kind) for kind in columns)
    positions: dict[str, tuple[float, float]] = {}
    for x, kind in enumerate(columns):
        ids = [n.id for n in graph.nodes if n.kind == kind]
        gap = (tallest - 1) / max(len(ids) - 1, 1)
        for row, node_id in enumerate(ids):
            positions[node_id] = (float(x), -(row * gap if len(ids) > 1 else (tallest - 1) / 2))
    return positions


def chain_figure_spec(graph: CompensationFile, active: ActiveChain, words: ChainWords) -> dict[str, Any]:
    """The compensation chain as three columns of boxes joined by arrows.

    The boxes and arrows the patient's weak areas start are dark and bold; the rest are faint.
    Back loads are squares and knee loads circles, and each says which part it is; an arrow
    that takes work away is dashed and says so.
    """
    positions = chain_positions(graph)
    rows = 1 + max(-y for _, y in positions.values())
    on_links = set(active.links)
    annotations: list[dict[str, Any]] = []
    lines: dict[str, tuple[list[float | None], list[float | None]]] = {
        "off": ([], []),
        "more": ([], []),
        "less": ([], []),
    }
    for position, link in enumerate(graph.links):
        (x0, y0), (x1, y1) = positions[link.source], positions[link.to]
        state = ("less" if link.effect == Effect.LESS else "more") if position in on_links else "off"
        # Stop short of each box, so the arrow head is not hidden under the marker.
        sx, sy = x0 + 0.08 * (x1 - x0), y0 + 0.08 * (y1 - y0)
        ex, ey = x0 + 0.9 * (x1 - x0), y0 + 0.9 * (y1 - y0)
        xs, ys = lines[state]
        xs.extend([sx, ex, None])
        ys.extend([sy, ey, None])
        colour = PALE if state == "off" else INK
        annotations.append(
            {
                "x": ex,
                "y": ey,
                "ax": x0 + 0.85 * (x1 - x0),
                "ay": y0 + 0.85 * (y1 - y0),
                "xref": "x",
                "yref": "y",
                "axref": "x",
                "ayref": "y",
                "text": "",
                "showarrow": True,
                "arrowhead": 2,
                "arrowsize": 1.3,
                "arrowwidth": 2,
                "arrowcolor": colour,
            }
        )
        if state == "less":
            annotations.append(
                {
                    "x": x0 + 0.78 * (x1 - x0),
                    "y": y0 + 0.78 * (y1 - y0),
                    "text": f"<i>{words.less}</i>",
                    "showarrow": False,
                    "bgcolor": WHITE,
                    "font": {"size": 12, "color": INK},
                }
            )
    data: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": xs,
            "y": ys,
            "mode": "lines",
            "line": {
                "color": PALE if state == "off" else INK,
                "width": 1.5 if state == "off" else 3,
                "dash": "dash" if state == "less" else "solid",
            },
            "hoverinfo": "skip",
            "name": state,
        }
        for state, (xs, ys) in lines.items()
    ]
    # Labels sit outside the columns (left of the weak areas, right of the loads) and under
    # the middle column, so no arrow crosses a label.
    places = {
        NodeKind.WEAK_AREA: "middle left",
        NodeKind.CHANGE: None,
        NodeKind.LOAD: "middle right",
    }
    for kind, place in places.items():
        nodes = [node for node in graph.nodes if node.kind == kind]
        on = [node.id in active.nodes for node in nodes]
        labels = [wrapped(node.short, LABEL_WRAP) for node in nodes]
        data.append(
            {
                "type": "scatter",
                "x": [positions[node.id][0] for node in nodes],
                "y": [positions[node.id][1] for node in nodes],
                "mode": "markers+text",
                "marker": {
                    "symbol": [
                        SIDE_SYMBOLS[node.side] if node.side else SYMBOLS[node.kind] for node in nodes
                    ],
                    "color": [
                        ({Side.BACK: BLUE, Side.KNEE: BRICK}[node.side] if node.side else INK)
                        if lit
                        else PALE
                        for node, lit in zip(nodes, on, strict=True)
                    ],
                    "size": [24 if lit else 16 for lit in on],
                    "line": {"color": WHITE, "width": 2},
                },
                "text": [f"<b>{label}</b>" if lit else label for label, lit in zip(labels, on, strict=True)],
                "textposition": place,
                "textfont": {"size": 13, "color": [INK if lit else SLATE for lit in on]},
                "cliponaxis": False,
                "hoverinfo": "skip",
                "name": kind.value,
            }
        )
        if place is None:
            # The middle labels sit under their marker on a white patch, above the arrows
            # that cross there (annotations are drawn over traces).
            data[-1]["mode"] = "markers"
            annotations.extend(
                {
                    "x": positions[node.id][0],
                    "y": positions[node.id][1],
                    "yshift": -14,
                    "yanchor": "top",
                    "text": text,
                    "showarrow": False,
                    "bgcolor": "rgba(255,255,255,0.9)",
                    "font": {"size": 13, "color": INK if lit else SLATE},
                }
                for node, lit, text in zip(nodes, on, data[-1]["text"], strict=True)
            )
    for x, title in enumerate(words.columns):
        annotations.append(
            {
                "x": x,
                "y": 0.75,
                "text": f"<b>{wrapped(title, TITLE_WRAP)}</b>",
                "showarrow": False,
                "font": {"size": 13, "color": INK},
                "yanchor": "bottom",
            }
        )
    annotations.append(
        {
            "x": 2,
            "y": -rows + 0.1,
            "text": f"{words.back_marker}   {words.knee_marker}",
            "showarrow": False,
            "font": {"size": 13, "color": INK},
        }
    )
    layout = still_layout(
        int(CHAIN_ROW_PX * (rows + 1.6)), [-1.2, 3.1], [-rows - 0.2, 1.35], equal_axes=False
    )
    layout["annotations"] = annotations
    layout["width"] = CHAIN_WIDTH_PX
    return {"data": data, "layout": layout}


def _marker_label(point: list[float], text: str, right: bool = True) -> dict[str, Any]:
    """A load marker's name beside it, on a white patch, so the shape is never the only clue."""
    return {
        "x": point[0],
        "y": point[1],
        "xshift": 16 if right else -16,
        "xanchor": "left" if right else "right",
        "text": text,
        "showarrow": False,
        "bgcolor": "rgba(255,255,255,0.85)",
        "font": {"color": INK, "size": 13},
    }


FRONT_LINES = (
    ("foot", "ankle"),
    ("ankle", "knee"),
    ("knee", "hip"),
    ("hip", "other_hip"),
    ("other_hip", "other_knee"),
    ("other_knee", "other_ankle"),
    ("lower_back", "shoulders"),
    ("shoulder_standing_side", "shoulder_lifted_side"),
)
"""The front view's lines, landmark to landmark; the spine also rises from the pelvis's middle."""


def _front_xy(stance: OneLegStance, height_m: float) -> tuple[list[float | None], list[float | None]]:
    hip, other = stance.points["hip"], stance.points["other_hip"]
    middle = ((hip[0] + other[0]) / 2, (hip[1] + other[1]) / 2)
    points = {**stance.points, "pelvis_middle": middle}
    return polyline(points, (*FRONT_LINES, ("pelvis_middle", "lower_back")), height_m)


def one_leg_figure_spec(
    stance: OneLegStance, level: OneLegStance, height_m: float, words: OneLegWords
) -> dict[str, Any]:
    """A front view of standing on one leg: the figure (dark), strong hips behind it (faint),
    the line of the body's weight down to the standing foot, a round knee marker and a
    square lower-back marker."""
    ghost_x, ghost_y = _front_xy(level, height_m)
    fig_x, fig_y = _front_xy(stance, height_m)
    com_x, com_y = (v / height_m for v in stance.centre_of_mass)
    knee = [v / height_m for v in stance.points["knee"]]
    back = [v / height_m for v in stance.points["lower_back"]]
    head = [v / height_m for v in stance.points["head"]]
    ghost_head = [v / height_m for v in level.points["head"]]
    data = [
        ghost_trace(ghost_x, ghost_y, words.ghost_label),
        weight_line_trace(com_x, com_y),
        figure_trace(fig_x, fig_y),
        {
            "type": "scatter",
            "x": [knee[0], back[0]],
            "y": [knee[1], back[1]],
            "mode": "markers",
            "marker": {
                "symbol": ["circle", "square"],
                "size": 22,
                "color": [BRICK, BLUE],
                "line": {"color": WHITE, "width": 2},
            },
            "hoverinfo": "skip",
            "name": "loads",
        },
    ]
    annotations = [
        _marker_label(knee, words.knee_label, right=False),
        _marker_label(back, words.back_label),
        {
            "x": ghost_head[0] - 0.09,
            "y": ghost_head[1] + 0.04,
            "text": words.ghost_label,
            "showarrow": False,
            "font": {"color": SLATE, "size": 13},
            "xanchor": "right",
        },
        {
            "x": 0.0,
            "y": -0.03,
            "text": words.standing_leg_label,
            "showarrow": False,
            "font": {"color": INK, "size": 13},
            "yanchor": "top",
        },
    ]
    layout = still_layout(460, [-0.32, 0.42], [-0.08, 1.06])
    layout["shapes"] = figure_shapes(ghost_head, head)
    layout["annotations"] = annotations
    return {"data": data, "layout": layout}


def _side_xy(rise: ChairRise, height_m: float) -> tuple[list[float | None], list[float | None]]:
    points = dict(rise.pose.points)
    lines = list(SIDE_VIEW_LINES)
    if rise.hands is not None:
        # The arms reach down to the chair's arms instead of hanging.
        lines = [line for line in lines if "elbow" not in line] + [("shoulder", "hands")]
        points["hands"] = rise.hands
    return polyline(points, lines, height_m)


def chair_figure_spec(
    rise: ChairRise, typical: ChairRise, height_m: float, words: ChairWords
) -> dict[str, Any]:
    """A side view of lifting off a chair: the figure (dark), a typical rise behind it (faint),
    the chair, the line of the body's weight to the floor, and a square lower-back marker."""
    hip = [v / height_m for v in rise.pose.points["hip"]]
    knee = [v / height_m for v in rise.pose.points["knee"]]
    seat_y = hip[1] - 0.03
    back_x = hip[0] - 0.09
    front_x = hip[0] + 0.65 * (knee[0] - hip[0])
    chair_x: list[float | None] = [back_x, back_x, None, back_x, front_x, None, front_x, front_x]
    chair_y: list[float | None] = [seat_y + 0.3, 0.0, None, seat_y, seat_y, None, seat_y, 0.0]
    if rise.hands is not None:
        hands_y = rise.hands[1] / height_m
        chair_x += [None, back_x, rise.hands[0] / height_m + 0.03]
        chair_y += [None, hands_y, hands_y]
    ghost_x, ghost_y = _side_xy(typical, height_m)
    fig_x, fig_y = _side_xy(rise, height_m)
    com_x, com_y = (v / height_m for v in rise.pose.centre_of_mass)
    back = [v / height_m for v in rise.pose.points["lower_back"]]
    head = [v / height_m for v in rise.pose.points["head"]]
    ghost_head = [v / height_m for v in typical.pose.points["head"]]
    data = [
        {
            "type": "scatter",
            "x": chair_x,
            "y": chair_y,
            "mode": "lines",
            "line": {"color": WOOD, "width": 8},
            "hoverinfo": "skip",
            "name": words.chair_label,
        },
        ghost_trace(ghost_x, ghost_y, "typical"),
        weight_line_trace(com_x, com_y),
        figure_trace(fig_x, fig_y),
        {
            "type": "scatter",
            "x": [back[0]],
            "y": [back[1]],
            "mode": "markers",
            "marker": {
                "symbol": "square",
                "size": 22,
                "color": BLUE,
                "line": {"color": WHITE, "width": 2},
            },
            "hoverinfo": "skip",
            "name": "back",
        },
    ]
    layout = still_layout(420, [-0.42, 0.32], [-0.04, 0.82])
    layout["shapes"] = figure_shapes(ghost_head, head)
    layout["annotations"] = [
        _marker_label(back, words.back_label, right=False),
        {
            "x": back_x,
            "y": seat_y + 0.32,
            "text": words.chair_label,
            "showarrow": False,
            "font": {"color": WOOD, "size": 13},
            "yanchor": "bottom",
        },
    ]
    return {"data": data, "layout": layout}


GAUGE_MAX_PERCENT = 150


def effort_gauge_spec(effort_percent: int, words: ChairWords) -> dict[str, Any]:
    """A dial from 0 to 150% with a line at 100% (all the strength there is). The number is
    written in the middle, so the dial never relies on colour."""
    return {
        "data": [
            {
                "type": "indicator",
                "mode": "gauge+number",
                "value": min(effort_percent, GAUGE_MAX_PERCENT),
                "number": {"suffix": "%", "font": {"size": 40, "color": INK}},
                "title": {"text": words.gauge_title, "font": {"size": 15, "color": INK}},
                "gauge": {
                    "axis": {
                        "range": [0, GAUGE_MAX_PERCENT],
                        "tickvals": [0, 50, 100, 150],
                        "ticksuffix": "%",
                    },
                    "bar": {"color": INK, "thickness": 0.35},
                    "steps": [
                        {"range": [0, 70], "color": PALE_GREEN},
                        {"range": [70, 100], "color": PALE_YELLOW},
                        {"range": [100, GAUGE_MAX_PERCENT], "color": PALE_RED},
                    ],
                    "threshold": {"line": {"color": RUST, "width": 5}, "thickness": 0.9, "value": 100},
                },
            }
        ],
        "layout": {
            "height": 230,
            "margin": {"l": 30, "r": 30, "t": 50, "b": 10},
            "paper_bgcolor": TRANSPARENT,
            "font": {"color": INK, "family": "sans-serif"},
        },
    }
