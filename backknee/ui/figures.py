"""The one way a chart is shown: an SVG picture drawn in Python (backknee/charts/svg.py) and put
on the page as it is, so no page loads the plotly bundle (4.7 MB, 1.3 MB compressed).

Through `st.markdown`, not `st.html`: Streamlit 1.67 cleans `st.html` with DOMPurify's HTML
profile, which removes every SVG element. Each picture is one line inside a <div>, so Markdown
takes it as a raw HTML block and changes nothing in it. The SVG is our own, built from the
clinic's content with every word escaped (backknee/charts/svg.py), never a patient's text."""

from __future__ import annotations

import math
import re
from html import escape
from typing import Any

import streamlit as st

from backknee.charts.svg import svg

_SIZE = re.compile(r'<svg [^>]*?id="([\w-]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"')
"""A picture's id and size, as backknee/charts/svg.py opens every picture."""


ROOM_WIDTH_PX = 340
"""The widest a picture is drawn: it fits the column of a phone 375 px wide or more, and of a
tablet's two columns, so its box is its exact size almost everywhere (a narrower column
leaves a few pixels under it)."""

DEMO_CONTROLS_PX = 60
"""Room above an exercise's moving figure for its Play and Pause buttons: 48 px buttons (the
kiosk's size) and the gap under them, with a little to spare."""


def room_size(width: float, height: float, above: float = 0) -> tuple[int, int]:
    """The box a picture `width` by `height` is shown in: no wider than ROOM_WIDTH_PX, shrunk
    in proportion, with `above` pixels more on top for what sits over it."""
    shown = min(width, ROOM_WIDTH_PX)
    return math.ceil(shown), math.ceil(shown * height / width + above)


def _room(drawn: str, above: float = 0) -> tuple[str, int, int] | None:
    size = _SIZE.search(drawn)
    if size is None:
        return None
    key, width, height = size.groups()
    return (f"bk_room_{key}", *room_size(float(width), float(height), above))


def _show(html: str, room: tuple[str, int, int] | None) -> None:
    """Put one picture's HTML in a box of its size, centred in its column.

    Streamlit draws HTML inside Markdown only once the code for it has loaded, and reveals
    what was waiting for code up to 300 ms late, after the plain words around it; our own
    style comes just as late. So the box's size is Streamlit's own (a container's width and
    height, set with no code to load): the words below it are drawn in their place from the
    start, and nothing jumps down when the picture appears (a layout shift, which Lighthouse
    scores)."""
    if room is None:
        st.markdown(html, unsafe_allow_html=True)
        return
    key, width, height = room
    centred = st.container(horizontal_alignment="center", gap=None)
    with centred, centred.container(key=key, width=width, height=height, border=False, gap=None):
        st.markdown(html, unsafe_allow_html=True)


def picture(drawn: str) -> None:
    """Show a picture already drawn (a cached one, such as the cycle's), in a box that holds
    its room from the start (see _show)."""
    _show(f'<div class="bk-picture">{drawn}</div>', _room(drawn))


def chart(spec: dict[str, Any], key: str, alt: str) -> None:
    """Show a chart's spec as a picture whose id is `key`, with its words for a screen reader.

    Nothing on it answers a drag or a pinch, so a finger's swipe over it scrolls the page."""
    picture(svg(spec, key, alt))


def animation(drawn: str, key: str, play: str, pause: str) -> None:
    """An animated picture already drawn (its id is `key`), with Play and Pause buttons
    (static/touch.js runs them). It never moves by itself, and shows its first frame until Play."""
    _show(
        f'<div class="bk-picture bk-demo" data-bk-demo="{escape(key)}">'
        f'<div class="bk-demo-controls">'
        f'<button type="button" class="bk-play" aria-controls="{escape(key)}" aria-pressed="false">'
        f"▶ {escape(play)}</button>"
        f'<button type="button" class="bk-pause" aria-controls="{escape(key)}">❚❚ {escape(pause)}</button>'
        f"</div>{drawn}</div>",
        _room(drawn, above=DEMO_CONTROLS_PX),
    )
