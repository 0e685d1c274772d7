"""The one way a chart is shown: an SVG picture drawn in Python (backknee/charts/svg.py) and put
on the page as it is, so no page loads the plotly bundle (4.7 MB, 1.3 MB compressed).

Through `st.markdown`, not `st.html`: Streamlit 1.67 cleans `st.html` with DOMPurify's HTML
profile, which removes every SVG element. Each picture is one line inside a <div>, so Markdown
takes it as a raw HTML block and changes nothing in it. The SVG is our own, built from the
clinic's content with every word escaped (backknee/charts/svg.py), never a patient's text."""

from __future__ import annotations

from html import escape
from typing import Any

import streamlit as st

from backknee.charts.svg import svg


def picture(drawn: str) -> None:
    """Show a picture already drawn (a cached one, such as the cycle's)."""
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
