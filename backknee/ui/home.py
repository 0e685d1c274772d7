"""The compensation cycle on the home page: tap a step in the chart, or choose it below."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from backknee.charts.home import cycle_figure
from backknee.charts.style import CHART_CONFIG
from backknee.content.loader import Content
from backknee.content.pages.home import Cycle
from backknee.ui import chrome
from backknee.ui.figures import PreparedFigure
from backknee.ui.state import Element, Key, cycle_chart
from backknee.words.home import describe, find_step, next_step, numbered, step_from_tap


@st.cache_resource(show_spinner=False, max_entries=32)
def _figure(content_version: float, chosen_id: str | None, _cycle: Cycle) -> go.Figure:
    # Building the figure costs about 10 ms; there are only a few (one per chosen step), so
    # every session shares them. Read-only: st.plotly_chart only serialises the figure.
    return PreparedFigure(cycle_figure(_cycle, chosen_id))


def _on_tap(cycle: Cycle, chart_key: str) -> None:
    # A callback runs before the script, outside app.py's and the fragment's guards.
    try:
        tapped = step_from_tap(cycle, list(st.session_state[chart_key].selection.points))
    except Exception as error:  # a patient must never see a traceback
        chrome.log_error(error)
        return
    if tapped is not None:
        st.session_state[Key.CYCLE_STEP] = tapped


@chrome.calm_fragment
def cycle_explorer(cycle: Cycle, content: Content, sources_label: str) -> None:
    """The interactive diagram, the step chooser and the chosen step's explanation.

    A fragment: choosing a step reruns only this part of the page.
    """
    chosen = find_step(cycle, st.session_state.get(Key.CYCLE_STEP))
    # A new chart per chosen step: see state.cycle_chart.
    chart_key = cycle_chart(chosen.id if chosen else None)
    st.plotly_chart(
        _figure(content.version, chosen.id if chosen else None, cycle),
        key=chart_key,
        on_select=lambda: _on_tap(cycle, chart_key),
        selection_mode="points",
        config=CHART_CONFIG,
        theme=None,
        alt=describe(cycle),
    )
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
