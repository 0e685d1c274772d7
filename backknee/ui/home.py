"""The compensation cycle on the home page: tap a step in the picture, or choose it below."""

from __future__ import annotations

import streamlit as st

from backknee.charts.home import cycle_figure_spec
from backknee.charts.svg import svg
from backknee.content.loader import Content
from backknee.content.pages.home import Cycle
from backknee.ui import chrome
from backknee.ui.figures import picture
from backknee.ui.state import Element, Key
from backknee.words.home import describe, find_step, next_step, numbered


@st.cache_resource(show_spinner=False, max_entries=32)
def _picture(content_version: float, chosen_id: str | None, _cycle: Cycle) -> str:
    # One picture per chosen step, shared by every session (a string: read-only).
    return svg(cycle_figure_spec(_cycle, chosen_id), Element.CYCLE_CHART, describe(_cycle))


@chrome.calm_fragment
def cycle_explorer(cycle: Cycle, content: Content, sources_label: str) -> None:
    """The interactive diagram, the step chooser and the chosen step's explanation.

    A fragment: choosing a step reruns only this part of the page.
    """
    chosen = find_step(cycle, st.session_state.get(Key.CYCLE_STEP))
    # A tap on a step in the picture taps the same step of the chooser below (static/touch.js).
    picture(_picture(content.version, chosen.id if chosen else None, cycle))
    st.pills(
        cycle.choose_label,
        options=[step.id for step in cycle.steps],
        format_func=lambda step_id: _chooser_label(cycle, step_id),
        key=Key.CYCLE_STEP,
    )
    with st.container(border=True, key=Element.CYCLE_EXPLANATION):
        if chosen is None:
            st.markdown(cycle.prompt)
            return
        # The first heading after the page's title, so a second-level one (style.css draws it
        # smaller, to fit the box).
        st.header(numbered(cycle, chosen))
        st.markdown(chosen.explanation)
        st.markdown(cycle.leads_to.format(next=next_step(cycle, chosen).label))
        if chosen.link:
            chrome.page_link(chosen.link)
        if chosen.references:
            chrome.sources(sources_label, content.cite(chosen.references))


def cycle_in_words(cycle: Cycle, content: Content, sources_label: str) -> None:
    """The same cycle as a numbered list, for screen readers and for print."""
    st.subheader(cycle.text_heading)
    st.markdown("\n".join(f"1. **{step.label}.** {step.explanation}" for step in cycle.steps))
    with st.container(border=True):
        chrome.fact_card(cycle.closing, content, sources_label)


def _chooser_label(cycle: Cycle, step_id: str) -> str:
    step = find_step(cycle, step_id)
    return numbered(cycle, step) if step else step_id
