"""The posture explorer: presets, three controls with tap buttons, the figure and what it means."""

from __future__ import annotations

import streamlit as st

from backknee.charts.posture import posture_figure_spec
from backknee.charts.style import CHART_CONFIG
from backknee.content.pages.posture import PosturePage, PosturePreset
from backknee.mechanics.constants import POSTURE_CONTROL_RANGES_DEG, POSTURE_STEP_DEG
from backknee.ui import chrome
from backknee.ui.figures import PreparedFigure
from backknee.words.posture import Scenario, compare, describe, find_preset, posture_name, readout

CONTROLS = ("flattening", "lean", "knee")
"""The three controls, in the order the page shows them."""


def _key(control: str) -> str:
    return f"posture_{control}"


def current_scenario() -> Scenario:
    """The posture the patient has chosen so far (standing tall until they choose)."""
    return Scenario(**{f"{c}_deg": int(st.session_state.get(_key(c), 0)) for c in CONTROLS})


def _set(scenario: Scenario) -> None:
    for control in CONTROLS:
        st.session_state[_key(control)] = getattr(scenario, f"{control}_deg")


def _choose_preset(preset: PosturePreset) -> None:
    _set(Scenario(flattening_deg=preset.flattening, lean_deg=preset.lean, knee_deg=preset.knee))


def _step(control: str, direction: int) -> None:
    _set(current_scenario().step(control, direction))


@chrome.calm_fragment
def posture_explorer(page: PosturePage) -> None:
    """Presets, the three controls, the figure and the readout: one fragment, so moving a
    control reruns only this part of the page. The page puts the heading above it."""
    for control in CONTROLS:
        st.session_state.setdefault(_key(control), 0)
    scenario = current_scenario()

    with st.container(horizontal=True, key="posture_presets"):
        for preset in page.presets:
            chosen = find_preset(scenario, [preset]) is not None
            st.button(
                f"✓ {preset.label}" if chosen else preset.label,
                key=f"preset_{preset.id}",
                on_click=_choose_preset,
                args=(preset,),
                type="primary" if chosen else "secondary",
                width="stretch",
            )

    comparison = compare(scenario)
    lines = readout(comparison, page.readout)
    name = posture_name(scenario, page.presets, page.chart)
    figure_column, controls_column = st.columns(2, gap="medium")
    with figure_column:
        spec = posture_figure_spec(
            comparison.stance,
            comparison.reference,
            page.chart,
            comparison.knee_times,
            comparison.back_times,
        )
        st.plotly_chart(
            # About 0.3 ms to solve and draw, so nothing to cache but the solve (in compare).
            PreparedFigure.from_spec(spec),
            key="posture_chart",
            config={**CHART_CONFIG, "staticPlot": True},
            theme=None,
            alt=describe(name, lines, page.chart),
        )
        # Under the figure, so the words stay beside it on a tablet and right after it on a
        # phone (where the columns stack), not below all three controls.
        with st.container(border=True, key="posture_readout"):
            # One element: each element costs time on every move of a slider.
            chosen_preset = find_preset(scenario, page.presets)
            st.markdown(
                f"### {page.readout.heading}\n\n"
                + (f"**{chosen_preset.label}.** {chosen_preset.text}\n\n" if chosen_preset else "")
                + "\n".join(f"- {line}" for line in lines[:-1])
                + f"\n\n:small[{lines[-1]}]"
            )
    with controls_column:
        st.subheader(page.controls_heading)
        for control in CONTROLS:
            _control(page, control)


def _control(page: PosturePage, control: str) -> None:
    """A slider, and two buttons that move it one step: a tap alternative to dragging."""
    words = getattr(page.controls, control)
    low, high = POSTURE_CONTROL_RANGES_DEG[control]
    # The help is shown, not hidden behind a 17 px "?" that a finger can hardly hit; the
    # slider keeps its label for screen readers.
    st.markdown(f"**{words.label}**  \n{words.help}")
    st.slider(
        words.label,
        min_value=low,
        max_value=high,
        step=POSTURE_STEP_DEG,
        key=_key(control),
        label_visibility="collapsed",
    )
    value = st.session_state[_key(control)]
    with st.container(horizontal=True, key=f"posture_{control}_steps"):
        st.button(
            f"− {words.less}",
            key=f"posture_{control}_less",
            on_click=_step,
            args=(control, -1),
            disabled=value <= low,
        )
        st.button(
            f"+ {words.more}",
            key=f"posture_{control}_more",
            on_click=_step,
            args=(control, 1),
            disabled=value >= high,
        )
