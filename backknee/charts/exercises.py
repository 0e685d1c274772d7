"""Exercise demonstrations as plain chart specs: an animation of frames, and the same
moves as still pictures side by side (for reduced motion, and for print).

Plain specs, as the other charts (a rerun skips plotly's checks); tests/unit/test_chart_specs.py
builds a checked `go.Figure` from each. Drawn from backknee/mechanics/stick.py, so from the body
model's segment lengths.
"""

from __future__ import annotations

import math
from typing import Any

from backknee.charts.style import GHOST, INK, WOOD, floor_shape, polyline, still_layout
from backknee.content.items import Exercise
from backknee.content.pages.exercises import ExercisesPage
from backknee.mechanics.constants import HEAD_RADIUS
from backknee.mechanics.stick import FAR_LINES, LINES, Angles, frames, place
from backknee.vocab import Prop, View

FRAME_MS = 110
STILLS_WIDTH_PX = 360
"""The row of stills at most this wide, so its numbers and words stay readable on a phone."""
HEAD_POINTS = 16


def _figure_traces(angles: Angles, exercise: Exercise, dx: float = 0.0) -> list[dict[str, Any]]:
    """Two traces: the far leg and arm (faint), then the near ones, trunk and head (dark)."""
    # Moved `dx` to the right (a still's place in the row); lengths are fractions of height.
    points = {name: (x + dx, y) for name, (x, y) in place(angles, exercise.anchor).items()}
    near = tuple(line for line in LINES if line not in FAR_LINES)
    far_x, far_y = polyline(points, FAR_LINES)
    near_x, near_y = polyline(points, near)
    hx, hy = points["head"]
    for step in range(HEAD_POINTS + 1):
        turn = 2 * math.pi * step / HEAD_POINTS
        near_x.append(hx + HEAD_RADIUS * math.cos(turn))
        near_y.append(hy + HEAD_RADIUS * math.sin(turn))
    return [
        {"type": "scatter", "x": far_x, "y": far_y, "mode": "lines", "line": {"color": GHOST, "width": 6},
         "hoverinfo": "skip", "name": "far side"},
        {"type": "scatter", "x": near_x, "y": near_y, "mode": "lines",
         "line": {"color": INK, "width": 6}, "hoverinfo": "skip", "name": "near side"},
    ]  # fmt: skip


def _prop_trace(exercise: Exercise, first: Angles, dx: float = 0.0) -> dict[str, Any] | None:
    """A chair behind the hips, a step under the front foot, or a wall behind the back, placed
    from the first still."""
    points = place(first, exercise.anchor)
    if exercise.prop == Prop.CHAIR:
        hip_x, hip_y = points["hip"]
        seat_y = max(hip_y - 0.03, 0.12)
        back_x = min(hip_x - 0.12, points["ankle"][0] - 0.25)
        xs: list[float | None] = [
            back_x,
            back_x,
            None,
            back_x,
            back_x + 0.2,
            None,
            back_x + 0.2,
            back_x + 0.2,
        ]
        ys: list[float | None] = [seat_y + 0.28, 0, None, seat_y, seat_y, None, seat_y, 0]
    elif exercise.prop == Prop.STEP:
        ankle_x = points["ankle"][0]
        xs = [ankle_x - 0.06, ankle_x - 0.06, ankle_x + 0.16, ankle_x + 0.16]
        ys = [0, 0.1, 0.1, 0]
    elif exercise.prop == Prop.WALL:
        wall_x = min(x for x, _ in points.values()) - 0.03
        xs, ys = [wall_x, wall_x], [0, 1.0]
    else:
        return None
    return {
        "type": "scatter",
        "x": [x + dx if x is not None else None for x in xs],
        "y": ys,
        "mode": "lines",
        "line": {"color": WOOD, "width": 6},
        "hoverinfo": "skip",
        "name": exercise.prop.value,
    }


def _extent(poses: list[Angles], exercise: Exercise) -> tuple[float, float, float]:
    """Left, right and top of every pose, so the axes never move while it plays."""
    xs, ys = [], []
    for pose in poses:
        for x, y in place(pose, exercise.anchor).values():
            xs.append(x)
            ys.append(y)
    return min(xs) - 0.15, max(xs) + 0.15, max(ys) + 0.12


def _layout(left: float, right: float, top: float, height: int) -> dict[str, Any]:
    layout = still_layout(height, [left, right], [-0.04, top])
    layout["shapes"] = [floor_shape()]
    return layout


def demo_figure_spec(exercise: Exercise) -> dict[str, Any]:
    """The animation: the first still, with frames easing through every keyframe and back. The
    page adds Play and Pause buttons (backknee/ui/figures.py); it never plays by itself."""
    stills = [k.angles for k in exercise.keyframes]
    poses = frames(stills)
    left, right, top = _extent(poses, exercise)
    prop = _prop_trace(exercise, stills[0])
    extra = [prop] if prop else []
    layout = _layout(left, right, top, 380)
    layout["meta"] = {"frame_ms": FRAME_MS}  # how long each frame shows (backknee/charts/svg.py)
    return {
        "data": [*extra, *_figure_traces(stills[0], exercise)],
        "layout": layout,
        "frames": [
            {"name": str(number), "data": [*extra, *_figure_traces(pose, exercise)]}
            for number, pose in enumerate(poses)
        ],
    }


def stills_figure_spec(exercise: Exercise) -> dict[str, Any]:
    """Every keyframe side by side, numbered and labelled, on one floor."""
    stills = [k.angles for k in exercise.keyframes]
    left, right, top = _extent(stills, exercise)
    width = right - left
    data: list[dict[str, Any]] = []
    annotations = []
    for number, (keyframe, pose) in enumerate(zip(exercise.keyframes, stills, strict=True)):
        dx = number * width
        prop = _prop_trace(exercise, pose, dx)
        if prop:
            data.append(prop)
        data.extend(_figure_traces(pose, exercise, dx))
        annotations.append(
            {"x": dx + (left + right) / 2, "y": top + 0.1, "yanchor": "top", "showarrow": False,
             "text": f"<b>{number + 1}</b>" + (f". {keyframe.label}" if keyframe.label else ""),
             "font": {"size": 14, "color": INK}}
        )  # fmt: skip
    layout = _layout(left, left + width * len(stills), top + 0.1, 200)
    layout["width"] = STILLS_WIDTH_PX
    layout["annotations"] = annotations
    return {"data": data, "layout": layout}


def describe(exercise: Exercise, words: ExercisesPage) -> str:
    """The demonstration in words, for screen readers and anyone who cannot see it."""
    view = words.front_view if exercise.view == View.FRONT else words.side_view
    frames_text = "; ".join(
        f"{n}. {k.label or ''}".strip() for n, k in enumerate(exercise.keyframes, start=1)
    )
    return words.alt.format(name=exercise.name, view=view.lower(), frames=frames_text)
