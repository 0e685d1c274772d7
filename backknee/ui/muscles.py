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
from backknee.charts.style import CHART_CONFIG
from backknee.content.loader import Content
from backknee.content.pages.muscles import MusclesPage
from backknee.mechanics.constants import HIP_SHARE_CHOICES, THIGH_STRENGTH_CHOICES
from backknee.ui import chrome
from backknee.ui.figures import PreparedFigure
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

WEAK_KEY = "muscles_weak"
HIP_KEY = "muscles_hip_percent"
THIGH_KEY = "muscles_thigh_percent"
ARMS_KEY = "muscles_arms"
STATIC = {**CHART_CONFIG, "staticPlot": True}


def chosen_areas() -> list[str]:
    return list(st.session_state.get(WEAK_KEY) or [])


@chrome.calm_fragment
def chain_explorer(page: MusclesPage, content: Content) -> None:
    """Pick weak areas; see the chain light up, where the work lands, and the steps in words."""
    graph = content.compensation
    words = page.chain
    st.pills(
        words.pick_label,
        options=[node.id for node in graph.weak_areas],
        # style.css ticks a picked one, so the choice never shows by colour alone. (A tick in
        # the label itself would change the widget's labels as it is tapped, which AppTest's
        # fragment runs do not survive.)
        format_func=lambda node_id: graph.node(node_id).label,
        selection_mode="multi",
        key=WEAK_KEY,
    )
    active = chain_for(graph, chosen_areas())
    st.plotly_chart(
        PreparedFigure.from_spec(chain_figure_spec(graph, active, words)),
        key="muscles_chain_chart",
        config=STATIC,
        theme=None,
        alt=describe_chain(graph, active, words),
    )
    with st.container(border=True, key="muscles_chain_words"):
        st.markdown(chain_markdown(graph, active, page, content.cite))


def _percent(value: int) -> str:
    return f"{value}%"


@chrome.calm_fragment
def one_leg_explorer(page: MusclesPage) -> None:
    """The hip control, the front view and what it means."""
    words = page.one_leg
    st.session_state.setdefault(HIP_KEY, 100)
    st.segmented_control(
        words.control_label,
        HIP_SHARE_CHOICES,
        format_func=_percent,
        key=HIP_KEY,
        required=True,
        help=None,
    )
    st.caption(words.control_help)
    view = one_leg_view(int(st.session_state[HIP_KEY]), words)
    figure_column, words_column = st.columns(2, gap="medium")
    with figure_column:
        st.plotly_chart(
            PreparedFigure.from_spec(
                one_leg_figure_spec(view.stance, view.level, AVERAGE_BODY.height_m, words)
            ),
            key="muscles_one_leg_chart",
            config=STATIC,
            theme=None,
            alt=describe_one_leg(view, words),
        )
    with words_column, st.container(border=True, key="muscles_one_leg_readout"):
        st.markdown("\n".join(f"- {line}" for line in view.lines) + f"\n\n:small[{page.illustration}]")


@chrome.calm_fragment
def chair_explorer(page: MusclesPage) -> None:
    """The thigh control, the arms switch, the side view, the effort gauge and what it means."""
    words = page.chair
    st.session_state.setdefault(THIGH_KEY, 100)
    st.segmented_control(
        words.control_label,
        THIGH_STRENGTH_CHOICES,
        format_func=_percent,
        key=THIGH_KEY,
        required=True,
    )
    st.caption(words.control_help)
    st.toggle(words.arms_label, key=ARMS_KEY, help=None)
    st.caption(words.arms_help)
    view = chair_view(int(st.session_state[THIGH_KEY]), bool(st.session_state.get(ARMS_KEY)), words)
    figure_column, words_column = st.columns(2, gap="medium")
    with figure_column:
        st.plotly_chart(
            PreparedFigure.from_spec(
                chair_figure_spec(view.rise, view.typical, AVERAGE_BODY.height_m, words)
            ),
            key="muscles_chair_chart",
            config=STATIC,
            theme=None,
            alt=describe_chair(view, words),
        )
    with words_column:
        st.plotly_chart(
            PreparedFigure.from_spec(effort_gauge_spec(view.effort_percent, words)),
            key="muscles_gauge",
            config=STATIC,
            theme=None,
            alt=view.lines[0],
        )
        with st.container(border=True, key="muscles_chair_readout"):
            st.markdown("\n".join(f"- {line}" for line in view.lines) + f"\n\n:small[{page.illustration}]")


def what_helps(page: MusclesPage, content: Content) -> None:
    """Exercises for each weak area, in the order the content gives. (The chain names the
    picked areas' exercises; this part is outside its fragment, so it does not change with
    a tap.)"""
    for area in chrome.cards(page.areas, key_prefix="muscles_area"):
        st.markdown(
            f"### {area.heading}\n\n{area.why}\n\n"
            + "\n".join(f"- **{idea.name}.** {idea.how}" for idea in area.exercises)
            + f"\n\n:small[{chrome.sources_line(page.sources_label, content.cite(area.references))}]"
        )
