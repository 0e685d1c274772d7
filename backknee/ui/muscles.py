"""The muscles page's three explorers: the chain, standing on one leg, and standing up from a
chair. Each is its own fragment, so a tap reruns only the part it changes."""

from __future__ import annotations

import streamlit as st

from backknee.charts.muscles import (
    chain_figure_spec,
    chair_figure_spec,
    effort_gauge_spec,
    one_leg_figure_spec,
)
from backknee.content.loader import Content
from backknee.content.pages.muscles import MusclesPage
from backknee.mechanics.constants import HIP_SHARE_CHOICES, THIGH_STRENGTH_CHOICES
from backknee.ui import chrome
from backknee.ui.figures import chart
from backknee.ui.state import Cards, Element, Key, keep_widget
from backknee.words.muscles import (
    chain_for,
    chain_markdown,
    chair_view,
    describe_chain,
    describe_chair,
    describe_one_leg,
    one_leg_view,
)
from backknee.words.posture import AVERAGE_BODY


def chosen_areas() -> list[str]:
    """The weak areas picked so far (none until the patient picks)."""
    return list(st.session_state.get(Key.MUSCLES_WEAK) or [])


@chrome.calm_fragment
def chain_explorer(page: MusclesPage, content: Content) -> None:
    """Pick weak areas; see the chain light up, where the work lands, and the steps in words.
    The chain comes first (the choices beside it), so it is on a tablet's first screen and
    right after the lead on a phone, where the columns stack."""
    graph = content.compensation
    words = page.chain
    chart_column, pick_column = st.columns([3, 2], gap="medium")
    with pick_column:
        keep_widget(Key.MUSCLES_WEAK, [])
        st.pills(
            words.pick_label,
            options=[node.id for node in graph.weak_areas],
            # style.css ticks a picked one, so the choice never shows by colour alone. (A tick in
            # the label itself would change the widget's labels as it is tapped, which AppTest's
            # fragment runs do not survive.)
            format_func=lambda node_id: graph.node(node_id).label,
            selection_mode="multi",
            key=Key.MUSCLES_WEAK,
        )
    active = chain_for(graph, chosen_areas())
    with chart_column:
        chart(
            chain_figure_spec(graph, active, words),
            Element.MUSCLES_CHAIN_CHART,
            describe_chain(graph, active, words),
        )
    with pick_column, st.container(border=True, key=Element.MUSCLES_CHAIN_WORDS):
        st.markdown(chain_markdown(graph, active, page, content.cite))


def _percent(value: int) -> str:
    return f"{value}%"


def _percent_control(label: str, choices: tuple[int, ...], key: Key, help_text: str) -> int:
    """A row of percentages to tap (100% until the patient taps another), the words under
    it, and the one chosen."""
    keep_widget(key, 100)
    st.segmented_control(label, choices, format_func=_percent, key=key, required=True)
    st.caption(help_text)
    return int(st.session_state[key])


def _readout(lines: tuple[str, ...], illustration: str) -> None:
    """What a view means, one line a point, and that the figure is an illustration."""
    st.markdown("\n".join(f"- {line}" for line in lines) + f"\n\n:small[{illustration}]")


@chrome.calm_fragment
def one_leg_explorer(page: MusclesPage) -> None:
    """The hip control, the front view and what it means."""
    words = page.one_leg
    hip_percent = _percent_control(
        words.control_label, HIP_SHARE_CHOICES, Key.MUSCLES_HIP_PERCENT, words.control_help
    )
    view = one_leg_view(hip_percent, words)
    figure_column, words_column = st.columns(2, gap="medium")
    with figure_column:
        chart(
            one_leg_figure_spec(view.stance, view.level, AVERAGE_BODY.height_m, words),
            Element.MUSCLES_ONE_LEG_CHART,
            describe_one_leg(view, words),
        )
    with words_column, st.container(border=True, key=Element.MUSCLES_ONE_LEG_READOUT):
        _readout(view.lines, page.illustration)


@chrome.calm_fragment
def chair_explorer(page: MusclesPage) -> None:
    """The thigh control, the arms switch, the side view, the effort gauge and what it means."""
    words = page.chair
    thigh_percent = _percent_control(
        words.control_label, THIGH_STRENGTH_CHOICES, Key.MUSCLES_THIGH_PERCENT, words.control_help
    )
    keep_widget(Key.MUSCLES_ARMS, False)
    st.toggle(words.arms_label, key=Key.MUSCLES_ARMS, help=None)
    st.caption(words.arms_help)
    view = chair_view(thigh_percent, bool(st.session_state.get(Key.MUSCLES_ARMS)), words)
    figure_column, words_column = st.columns(2, gap="medium")
    with figure_column:
        chart(
            chair_figure_spec(view.rise, view.typical, AVERAGE_BODY.height_m, words),
            Element.MUSCLES_CHAIR_CHART,
            describe_chair(view, words),
        )
    with words_column:
        chart(effort_gauge_spec(view.effort_percent, words), Element.MUSCLES_GAUGE, view.lines[0])
        with st.container(border=True, key=Element.MUSCLES_CHAIR_READOUT):
            _readout(view.lines, page.illustration)


def what_helps(page: MusclesPage, content: Content) -> None:
    """Exercises for each weak area, in the order the content gives. (The chain names the
    picked areas' exercises; this part is outside its fragment, so it does not change with
    a tap.)"""
    for area in chrome.cards(page.areas, key_prefix=Cards.MUSCLES_AREA):
        st.markdown(
            f"### {area.heading}\n\n{area.why}\n\n"
            + "\n".join(f"- **{idea.name}.** {idea.how}" for idea in area.exercises)
            + f"\n\n{chrome.small_sources(page.sources_label, content.cite(area.references))}"
        )
