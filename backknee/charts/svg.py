"""Every chart as an SVG picture the page draws itself, so no page fetches the 4.7 MB plotly bundle.

The chart builders return plain plotly-style specs (the tests check each against plotly's
own schema); `svg(spec, ...)` draws the part of that language the charts use: lines with
gaps, markers of a few shapes with their labels, circles and lines under the figure, notes
with or without arrows, horizontal bars, a dial, and an animation's frames. Anything else in
a spec raises `ValueError`, so a new kind of mark cannot go missing silently.

The picture is an image with its words for screen readers (role="img" and aria-label), is
drawn at its natural size in CSS pixels, and shrinks to fit a narrow screen. Pure: strings only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from backknee.charts.style import INK

Spec = dict[str, Any]

DEFAULT_FONT_PX = 14
CHAR_WIDTH_EM = 0.56
"""An average character's width in sans-serif, as a fraction of the font size (for sizing a
label's white patch and a bar label's column; the browser sets the text itself)."""
LINE_HEIGHT_EM = 1.2

_TAG = re.compile(r"(</?[bi]>)")


@dataclass(frozen=True)
class Frame:
    """Where the data's units land in pixels: x to the right, y up in the data, down on screen."""

    width: float
    height: float
    left: float
    top: float
    x0: float
    y1: float
    x_scale: float
    y_scale: float

    def x(self, value: float) -> float:
        return self.left + (value - self.x0) * self.x_scale

    def y(self, value: float) -> float:
        return self.top + (self.y1 - value) * self.y_scale


def _n(value: float) -> str:
    """A number for an SVG attribute: one decimal place is finer than a screen pixel."""
    text = f"{value:.1f}"
    return "0" if text in ("-0.0", "0.0") else text.removesuffix(".0")


def _pick(value: Any, index: int) -> Any:
    """A trace's setting for one point: the list's item, or the one value for all points."""
    return value[index] if isinstance(value, list | tuple) else value


def _lines_of(text: str) -> list[list[tuple[str, bool, bool]]]:
    """Plotly's rich text (<br>, <b>, <i>) as lines of (words, bold, italic) runs, escaped."""
    lines = []
    bold = italic = False
    for raw in str(text).split("<br>"):
        runs: list[tuple[str, bool, bool]] = []
        for part in _TAG.split(raw):
            if part in ("<b>", "</b>"):
                bold = part == "<b>"
            elif part in ("<i>", "</i>"):
                italic = part == "<i>"
            elif part:
                runs.append((escape(part), bold, italic))
        lines.append(runs)
    return lines


def _line_length(line: list[tuple[str, bool, bool]]) -> int:
    return sum(len(words) for words, _, _ in line)


def text_block(
    text: str,
    x: float,
    y: float,
    *,
    size: float,
    colour: str,
    anchor: str = "middle",
    valign: str = "middle",
    background: str | None = None,
    css_class: str | None = None,
) -> str:
    """Lines of text at (x, y) in pixels: `anchor` start, middle or end across; `valign` top,
    middle or bottom says where (x, y) sits on the block."""
    lines = _lines_of(text)
    step = size * LINE_HEIGHT_EM
    block = step * len(lines)
    top = {"top": y, "middle": y - block / 2, "bottom": y - block}[valign]
    parts = []
    if background:
        wide = max(_line_length(line) for line in lines) * size * CHAR_WIDTH_EM + 6
        left = {"start": x - 3, "middle": x - wide / 2, "end": x - wide + 3}[anchor]
        parts.append(
            f'<rect x="{_n(left)}" y="{_n(top - 1)}" width="{_n(wide)}" height="{_n(block + 2)}" '
            f'rx="3" fill="{background}"/>'
        )
    tspans = []
    for number, line in enumerate(lines):
        baseline = top + step * number + size * 0.92
        runs = "".join(
            "<tspan"
            + (' font-weight="bold"' if bold else "")
            + (' font-style="italic"' if italic else "")
            + f">{words}</tspan>"
            for words, bold, italic in line
        )
        tspans.append(f'<tspan x="{_n(x)}" y="{_n(baseline)}">{runs or " "}</tspan>')
    named = f' class="{css_class}"' if css_class else ""
    parts.append(
        f'<text{named} font-size="{_n(size)}" fill="{colour}" text-anchor="{anchor}">{"".join(tspans)}</text>'
    )
    return "".join(parts)


def _path(frame: Frame, xs: Sequence[float | None], ys: Sequence[float | None]) -> str:
    """One path through the points, lifting the pen at each None."""
    commands: list[str] = []
    pen_down = False
    for x, y in zip(xs, ys, strict=True):
        if x is None or y is None:
            pen_down = False
            continue
        commands.append(f"{'L' if pen_down else 'M'}{_n(frame.x(x))} {_n(frame.y(y))}")
        pen_down = True
    return "".join(commands)


def _dash(dash: str | None, width: float) -> str:
    if dash in (None, "solid"):
        return ""
    if dash == "dot":
        return f' stroke-dasharray="0.1 {_n(width * 1.8)}"'
    if dash == "dash":
        return f' stroke-dasharray="{_n(width * 3)} {_n(width * 2.4)}"'
    raise ValueError(f"a line's dash must be solid, dot or dash; got {dash!r}")


def _stroke(line: Spec) -> str:
    width = float(line.get("width", 2))
    return (
        f'fill="none" stroke="{line.get("color", "#000")}" stroke-width="{_n(width)}" '
        f'stroke-linecap="round" stroke-linejoin="round"{_dash(line.get("dash"), width)}'
    )


def _marker(symbol: str, cx: float, cy: float, size: float, paint: str) -> str:
    """One marker of plotly's size (its diameter in pixels) centred at (cx, cy)."""
    r = size / 2
    if symbol == "circle":
        return f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" {paint}/>'
    if symbol == "square":
        return f'<rect x="{_n(cx - r)}" y="{_n(cy - r)}" width="{_n(size)}" height="{_n(size)}" {paint}/>'
    if symbol == "diamond":
        d = r * 1.3
        points = [(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)]
    elif symbol == "triangle-right":
        points = [(cx + r * 1.15, cy), (cx - r * 0.75, cy - r * 1.1), (cx - r * 0.75, cy + r * 1.1)]
    elif symbol == "circle-cross":
        cross = f"M{_n(cx - r)} {_n(cy)}H{_n(cx + r)}M{_n(cx)} {_n(cy - r)}V{_n(cy + r)}"
        stroke = re.search(r'stroke="[^"]*" stroke-width="[^"]*"', paint)
        return (
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" {paint}/>'
            f'<path d="{cross}" fill="none" {stroke.group(0) if stroke else ""}/>'
        )
    else:
        raise ValueError(
            f"a marker must be a circle, square, diamond, triangle-right or circle-cross; got {symbol!r}"
        )
    coordinates = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
    return f'<polygon points="{coordinates}" {paint}/>'


_PLACES = {
    "top center": ("middle", "bottom", 0, -1),
    "bottom center": ("middle", "top", 0, 1),
    "middle center": ("middle", "middle", 0, 0),
    "middle right": ("start", "middle", 1, 0),
    "middle left": ("end", "middle", -1, 0),
    "bottom right": ("start", "top", 1, 1),
    "top right": ("start", "bottom", 1, -1),
}


def _scatter(frame: Frame, trace: Spec, index: int) -> str:
    mode = trace.get("mode", "lines")
    xs, ys = trace["x"], trace["y"]
    parts = [f'<g class="bk-trace" data-name="{escape(str(trace.get("name", index)))}">']
    if "lines" in mode:
        parts.append(f'<path d="{_path(frame, xs, ys)}" {_stroke(trace.get("line", {}))}/>')
    marker = trace.get("marker", {})
    drawn = "markers" in mode and marker.get("opacity", 1) != 0
    font = trace.get("textfont", {})
    places = trace.get("textposition", "middle center")
    steps = trace.get("customdata")
    for point, (x, y) in enumerate(zip(xs, ys, strict=True)):
        if x is None or y is None:
            continue
        cx, cy = frame.x(x), frame.y(y)
        size = float(_pick(marker.get("size", 6), point)) if "markers" in mode else 0.0
        pieces = []
        if drawn:
            line = marker.get("line", {})
            width = float(_pick(line.get("width", 0), point))
            fill, edge = _pick(marker.get("color", "#000"), point), _pick(line.get("color", "none"), point)
            paint = f'fill="{fill}" stroke="{edge}" stroke-width="{_n(width)}"'
            pieces.append(_marker(_pick(marker.get("symbol", "circle"), point), cx, cy, size, paint))
        if "text" in mode and trace.get("text") is not None:
            anchor, valign, across, down = _PLACES[_pick(places, point)]
            gap = size / 2 + 3 if (across or down) else 0
            pieces.append(
                text_block(
                    _pick(trace["text"], point),
                    cx + across * gap,
                    cy + down * gap,
                    size=float(font.get("size", DEFAULT_FONT_PX)),
                    colour=str(_pick(font.get("color", "#000"), point)),
                    anchor=anchor,
                    valign=valign,
                )
            )
        # A point that stands for a choice (its customdata) is one group, marker and words,
        # so a tap anywhere on it is a tap on that choice (static/touch.js).
        parts.append(f'<g data-bk-step="{point}">{"".join(pieces)}</g>' if steps else "".join(pieces))
    parts.append("</g>")
    return "".join(parts)


def _shape(frame: Frame, shape: Spec) -> str:
    """A line or circle in the data's units; x in fractions of the picture's width if
    `xref` is "paper" (the floor, from edge to edge)."""
    line = shape.get("line", {})
    if shape.get("xref") == "paper":
        x0, x1 = shape["x0"] * frame.width, shape["x1"] * frame.width
    else:
        x0, x1 = frame.x(shape["x0"]), frame.x(shape["x1"])
    y0, y1 = frame.y(shape["y0"]), frame.y(shape["y1"])
    stroke = f'stroke="{line.get("color", "#000")}" stroke-width="{_n(float(line.get("width", 2)))}"'
    if shape["type"] == "line":
        return f'<line x1="{_n(x0)}" y1="{_n(y0)}" x2="{_n(x1)}" y2="{_n(y1)}" {stroke}/>'
    if shape["type"] == "circle":
        fill = shape.get("fillcolor", "none")
        return (
            f'<ellipse cx="{_n((x0 + x1) / 2)}" cy="{_n((y0 + y1) / 2)}" rx="{_n(abs(x1 - x0) / 2)}" '
            f'ry="{_n(abs(y1 - y0) / 2)}" fill="{fill}" {stroke}/>'
        )
    raise ValueError(f"a shape must be a line or a circle; got {shape['type']!r}")


def _arrow(frame: Frame, note: Spec) -> str:
    """A note's arrow from (ax, ay) to (x, y), both in the data's units, stopping `standoff`
    pixels short of the head's point and `startstandoff` from its tail."""
    hx, hy = frame.x(note["x"]), frame.y(note["y"])
    tx, ty = frame.x(note["ax"]), frame.y(note["ay"])
    length = math.hypot(hx - tx, hy - ty) or 1.0
    ux, uy = (hx - tx) / length, (hy - ty) / length
    end, start = float(note.get("standoff", 0)), float(note.get("startstandoff", 0))
    hx, hy = hx - ux * end, hy - uy * end
    tx, ty = tx + ux * start, ty + uy * start
    width = float(note.get("arrowwidth", 2))
    head = 3.2 * width * float(note.get("arrowsize", 1))
    colour = note.get("arrowcolor", "#000")
    bx, by = hx - ux * head, hy - uy * head
    wing = head * 0.55
    points = [(hx, hy), (bx - uy * wing, by + ux * wing), (bx + uy * wing, by - ux * wing)]
    coordinates = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
    return (
        f'<line x1="{_n(tx)}" y1="{_n(ty)}" x2="{_n(bx + ux * 0.5)}" y2="{_n(by + uy * 0.5)}" '
        f'stroke="{colour}" stroke-width="{_n(width)}"/>'
        f'<polygon points="{coordinates}" fill="{colour}"/>'
    )


def _note(frame: Frame, note: Spec) -> str:
    if note.get("showarrow"):
        if note.get("text"):
            raise ValueError(f"an arrow cannot carry words here; got {note['text']!r}")
        return _arrow(frame, note)
    font = note.get("font", {})
    x = frame.x(note["x"]) + float(note.get("xshift", 0))
    y = frame.y(note["y"]) - float(note.get("yshift", 0))
    anchor = {"left": "start", "right": "end"}.get(note.get("xanchor", "center"), "middle")
    valign = {"top": "top", "bottom": "bottom"}.get(note.get("yanchor", "middle"), "middle")
    return text_block(
        note.get("text", ""),
        x,
        y,
        size=float(font.get("size", DEFAULT_FONT_PX)),
        colour=str(font.get("color", "#000")),
        anchor=anchor,
        valign=valign,
        background=note.get("bgcolor"),
    )


def _frame(spec: Spec) -> Frame:
    layout = spec["layout"]
    height = float(layout["height"])
    margin = {"l": 0, "r": 0, "t": 10, "b": 10, **layout.get("margin", {})}
    x_range, y_range = layout["xaxis"]["range"], layout["yaxis"]["range"]
    x_span, y_span = x_range[1] - x_range[0], y_range[1] - y_range[0]
    plot_height = height - margin["t"] - margin["b"]
    y_scale = plot_height / y_span
    if layout["yaxis"].get("scaleanchor") == "x":
        # One unit the same both ways: as tall as the layout says, or, if a width is given
        # too, as big as fits both (a wide row of stills is then shorter, and its words stay
        # readable when the picture shrinks to a phone).
        if "width" in layout:
            y_scale = min(y_scale, (float(layout["width"]) - margin["l"] - margin["r"]) / x_span)
            height = margin["t"] + margin["b"] + y_span * y_scale
        x_scale = y_scale
        width = margin["l"] + margin["r"] + x_span * x_scale
    else:
        width = float(layout["width"])
        x_scale = (width - margin["l"] - margin["r"]) / x_span
    return Frame(width, height, margin["l"], margin["t"], x_range[0], y_range[1], x_scale, y_scale)


FIT = "display: block; max-width: 100%; height: auto; margin: 0 auto"
"""A picture's own style: at its natural size, shrinking to fit its box (and a phone), never
wider than the column."""


def _open(width: float, height: float, key: str, description: str) -> str:
    # Named by aria-label, not <title>: a title would also pop up under a mouse, and nothing
    # here is shown only on hover. Its own style shrinks it to its box from the first frame,
    # before the app's style sheet has arrived (backknee/ui/figures.py).
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bk-chart" id="{key}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" width="{_n(width)}" height="{_n(height)}" '
        f'style="{FIT}" role="img" aria-label="{escape(description)}" font-family="sans-serif">'
    )


def _traces(frame: Frame, data: Sequence[Spec]) -> Iterator[str]:
    for index, trace in enumerate(data):
        if trace.get("type", "scatter") != "scatter":
            raise ValueError(f"a figure's traces must be scatter traces; got {trace.get('type')!r}")
        yield _scatter(frame, trace, index)


def svg(spec: Spec, key: str, description: str) -> str:
    """The spec drawn as one SVG picture whose id is `key` (unique on its page), described in
    words by `description` for screen readers (the chart's alternative text)."""
    data = spec["data"]
    kinds = {trace.get("type", "scatter") for trace in data}
    if kinds == {"bar"}:
        return _bars(spec, key, description)
    if kinds == {"indicator"}:
        return _dial(spec, key, description)
    frame = _frame(spec)
    layout = spec["layout"]
    below = [s for s in layout.get("shapes", []) if s.get("layer") == "below"]
    above = [s for s in layout.get("shapes", []) if s.get("layer") != "below"]
    frames = spec.get("frames")
    parts = [_open(frame.width, frame.height, key, description)]
    parts.extend(_shape(frame, shape) for shape in below)
    if frames:
        parts.append(_animation(frame, frames, _frame_ms(layout)))
    else:
        parts.extend(_traces(frame, data))
    parts.extend(_shape(frame, shape) for shape in above)
    parts.extend(_note(frame, note) for note in layout.get("annotations", []))
    parts.append("</svg>")
    return "".join(parts)


def _frame_ms(layout: Spec) -> int:
    """How long each frame of an animation shows: the layout's `meta.frame_ms`, which its
    builder must set (backknee/charts/exercises.py FRAME_MS)."""
    if "frame_ms" not in layout.get("meta", {}):
        raise ValueError("an animation's layout must say how long a frame shows: meta.frame_ms")
    return int(layout["meta"]["frame_ms"])


def _animation(frame: Frame, frames: Sequence[Spec], frame_ms: int) -> str:
    """Each frame as a group, the first shown and the rest hidden; static/touch.js shows them
    in turn, `data-frame-ms` apart, while Play is on. It never moves by itself."""
    groups = []
    for number, shown in enumerate(frames):
        drawn = "".join(_traces(frame, shown["data"]))
        hidden = ' visibility="hidden"' if number else ""
        groups.append(f'<g class="bk-frame"{hidden}>{drawn}</g>')
    return f'<g class="bk-frames" data-frame-ms="{frame_ms}">{"".join(groups)}</g>'


def _bars(spec: Spec, key: str, description: str) -> str:
    """Horizontal bars, first at the top: labels on the left, each bar's text after it."""
    (trace,) = spec["data"]
    layout = spec["layout"]
    font = float(layout.get("font", {}).get("size", DEFAULT_FONT_PX))
    text_font = trace.get("textfont", {})
    labels, values, texts = trace["y"], trace["x"], trace.get("text", [""] * len(trace["y"]))
    margin = {"l": 0, "r": 80, "t": 10, "b": 10, **layout.get("margin", {})}
    height = float(layout["height"])
    width = float(layout.get("width", 420))
    label_width = (
        max(_line_length(line) for label in labels for line in _lines_of(label)) * font * CHAR_WIDTH_EM + 10
    )
    left = margin["l"] + label_width
    plot_width = width - left - margin["r"]
    band = (height - margin["t"] - margin["b"]) / len(labels)
    thickness = band * (1 - float(layout.get("bargap", 0.2)))
    largest = max(max(values), 1e-9)
    parts = [_open(width, height, key, description)]
    for number, (label, value, text) in enumerate(zip(labels, values, texts, strict=True)):
        middle = margin["t"] + band * (number + 0.5)
        length = plot_width * value / largest
        colour = _pick(trace.get("marker", {}).get("color", "#000"), number)
        parts.append(
            f'<rect x="{_n(left)}" y="{_n(middle - thickness / 2)}" width="{_n(length)}" '
            f'height="{_n(thickness)}" fill="{colour}"/>'
        )
        parts.append(text_block(label, left - 8, middle, size=font, colour=INK, anchor="end"))
        parts.append(
            text_block(
                text,
                left + length + 6,
                middle,
                size=float(text_font.get("size", font)),
                colour=str(text_font.get("color", "#000")),
                anchor="start",
            )
        )
    parts.append("</svg>")
    return "".join(parts)


def _arc(cx: float, cy: float, r: float, start: float, end: float) -> str:
    """A path along a circle from `start` to `end`, in degrees counter-clockwise from the right."""
    (x0, y0), (x1, y1) = (
        (cx + r * math.cos(math.radians(a)), cy - r * math.sin(math.radians(a))) for a in (start, end)
    )
    large = 1 if abs(end - start) > 180 else 0
    sweep = 1 if end < start else 0
    return f"M{_n(x0)} {_n(y0)}A{_n(r)} {_n(r)} 0 {large} {sweep} {_n(x1)} {_n(y1)}"


def _dial(spec: Spec, key: str, description: str) -> str:
    """A half-circle dial: coloured bands, the value's bar, a threshold line, ticks and the number."""
    (trace,) = spec["data"]
    layout = spec["layout"]
    gauge = trace["gauge"]
    low, high = (float(v) for v in gauge["axis"]["range"])
    height = float(layout["height"])
    width = float(layout.get("width", 320))
    cx, cy = width / 2, height - 30
    outer = min(width / 2 - 56, height - 80)
    band = outer * 0.3
    mid = outer - band / 2

    def angle(value: float) -> float:
        return 180 - 180 * (min(max(value, low), high) - low) / (high - low)

    parts = [_open(width, height, key, description)]
    parts.append(
        text_block(
            trace["title"]["text"],
            cx,
            6,
            size=float(trace["title"]["font"]["size"]),
            colour=INK,
            valign="top",
        )
    )
    for step in gauge.get("steps", []):
        a, b = step["range"]
        parts.append(
            f'<path d="{_arc(cx, cy, mid, angle(a), angle(b))}" fill="none" stroke="{step["color"]}" '
            f'stroke-width="{_n(band)}"/>'
        )
    value = float(trace["value"])
    bar = gauge.get("bar", {})
    if value > low:
        thickness = band * float(bar.get("thickness", 0.35))
        parts.append(
            f'<path d="{_arc(cx, cy, mid, 180, angle(value))}" fill="none" '
            f'stroke="{bar.get("color", "#000")}" stroke-width="{_n(thickness)}"/>'
        )
    threshold = gauge.get("threshold")
    if threshold:
        a = math.radians(angle(float(threshold["value"])))
        inner_r, outer_r = outer - band, outer + 2
        line = threshold["line"]
        parts.append(
            f'<line x1="{_n(cx + inner_r * math.cos(a))}" y1="{_n(cy - inner_r * math.sin(a))}" '
            f'x2="{_n(cx + outer_r * math.cos(a))}" y2="{_n(cy - outer_r * math.sin(a))}" '
            f'stroke="{line["color"]}" stroke-width="{_n(float(line["width"]))}"/>'
        )
    suffix = gauge["axis"].get("ticksuffix", "")
    for tick in gauge["axis"].get("tickvals", []):
        a = math.radians(angle(float(tick)))
        tx, ty = cx + (outer + 14) * math.cos(a), cy - (outer + 14) * math.sin(a)
        anchor = "end" if math.cos(a) < -0.3 else "start" if math.cos(a) > 0.3 else "middle"
        parts.append(text_block(f"{tick}{suffix}", tx, ty, size=12, colour=INK, anchor=anchor))
    number = trace.get("number", {})
    parts.append(
        text_block(
            f"<b>{round(value)}{number.get('suffix', '')}</b>",
            cx,
            cy,
            size=float(number.get("font", {}).get("size", 32)),
            colour=str(number.get("font", {}).get("color", "#000")),
            valign="bottom",
            css_class="bk-dial-number",
        )
    )
    parts.append("</svg>")
    return "".join(parts)
