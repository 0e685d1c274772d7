"""The one way a chart is shown: an SVG picture drawn in Python (backknee/charts/svg.py) and put
on the page as it is, so no page loads the plotly bundle (4.7 MB, 1.3 MB compressed).

Through `st.markdown`, not `st.html`: Streamlit 1.67 cleans `st.html` with DOMPurify's HTML
profile, which removes every SVG element. Each picture is one line inside a <div>, so Markdown
takes it as a raw HTML block and changes nothing in it. The SVG is our own, built from the
clinic's content with every word escaped (backknee/charts/svg.py), never a patient's text."""

from __future__ import annotations

import re
from html import escape
from typing import Any

import streamlit as st

from backknee.charts.svg import svg

_SIZE = re.compile(r'<svg [^>]*?id="([\w-]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"')
"""A picture's id and size, as backknee/charts/svg.py opens every picture."""


def picture(drawn: str) -> None:
    """Show a picture already drawn (a cached one, such as the cycle's), in a box that holds
    its room from the start.

    Streamlit draws HTML inside Markdown only once its code for that has loaded, after the
    words around it: without the box, the words below would jump down when the picture
    appears (a layout shift, which Lighthouse scores). The box is the picture's size, shrunk
    to the column as the picture is (style.css: max-width 100%, height auto)."""
    size = _SIZE.search(drawn)
    if size is None:
        st.markdown(f'<div class="bk-picture">{drawn}</div>', unsafe_allow_html=True)
        return
    key, width, height = size.groups()
    room = f"bk_room_{key}"
    # Style alone is kept out of the page's flow, and Streamlit's code for it loads first.
    rule = f"max-width: {width}px; aspect-ratio: {width} / {height}; margin: 0 auto;"
    st.html(f"<style>.st-key-{room} {{ {rule} }}</style>")
    with st.container(key=room):
        st.markdown(f'<div class="bk-picture">{drawn}</div>', unsafe_allow_html=True)


def chart(spec: dict[str, Any], key: str, alt: str) -> None:
    """Show a chart's spec as a picture whose id is `key`, with its words for a screen reader.

    Nothing on it answers a drag or a pinch, so a finger's swipe over it scrolls the page."""
    picture(svg(spec, key, alt))


def animation(drawn: str, key: str, play: str, pause: str) -> None:
    """An animated picture already drawn (its id is `key`), with Play and Pause buttons
    (static/touch.js runs them). It never moves by itself, and shows its first frame until Play."""
    st.markdown(
        f'<div class="bk-picture bk-demo" data-bk-demo="{escape(key)}">'
        f'<div class="bk-demo-controls">'
        f'<button type="button" class="bk-play" aria-controls="{escape(key)}" aria-pressed="false">'
        f"▶ {escape(play)}</button>"
        f'<button type="button" class="bk-pause" aria-controls="{escape(key)}">❚❚ {escape(pause)}</button>'
        f"</div>{drawn}</div>",
        unsafe_allow_html=True,
    )
