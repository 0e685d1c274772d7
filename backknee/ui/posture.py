"""The posture explorer: presets, three controls with tap buttons, the figure and what it means."""

from __future__ import annotations

import streamlit as st

from backknee.charts.posture import posture_figure_spec
from backknee.content.pages.posture import PosturePage, PosturePreset
from backknee.mechanics.constants import POSTURE_CONTROL_RANGES_DEG, POSTURE_STEP_DEG
from backknee.ui import chrome
from backknee.ui.figures import chart
from backknee.ui.state import (
    POSTURE_CONTROLS,
    Element,
    keep_widget,
    posture_control,
    posture_preset,
    posture_step,
    posture_steps,
)
from backknee.words.posture import Scenario, compare, describe, find_preset, posture_name, readout


def current_scenario() -> Scenario:
    """The posture the patient has chosen so far (standing tall until they choose)."""
    return Scenario(
        **{f"{c}_deg": int(st.session_state.get(posture_control(c), 0)) for c in POSTURE_CONTROLS}
    )


def _set(scenario: Scenario) -> None:
    for control in POSTURE_CONTROLS:
        st.session_state[posture_control(control)] = getattr(scenario, f"{control}_deg")


def _choose_preset(preset: PosturePreset) -> None:
    _set(Scenario(flattening_deg=preset.flattening, lean_deg=preset.lean, knee_deg=preset.knee))


def _step(control: str, direction: int) -> None:
    _set(current_scenario().step(control, direction))


@chrome.calm_fragment
def posture_explorer(page: PosturePage) -> None:
    """The figure and the readout, then the presets and the three controls: one fragment, so
    moving a control reruns only this part of the page. The figure comes first, so it is on a
    tablet's first screen (the controls beside it) and right after the lead on a phone (where
    the columns stack)."""
    for control in POSTURE_CONTROLS:
        keep_widget(posture_control(control), 0)
    scenario = current_scenario()

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
        # About 0.3 ms to solve and draw, so nothing to cache but the solve (in compare).
        chart(spec, Element.POSTURE_CHART, describe(name, lines, page.chart))
        # Under the figure, so the words stay beside it on a tablet and right after it on a
        # phone (where the columns stack), not below all three controls.
        with st.container(border=True, key=Element.POSTURE_READOUT):
            # One element: each element costs time on every move of a slider.
            chosen_preset = find_preset(scenario, page.presets)
            st.markdown(
                f"## {page.readout.heading}\n\n"
                + (f"**{chosen_preset.label}.** {chosen_preset.text}\n\n" if chosen_preset else "")
                + "\n".join(f"- {line}" for line in lines[:-1])
                + f"\n\n:small[{lines[-1]}]"
            )
    with controls_column:
        st.header(page.try_heading)
        st.markdown(page.presets_label)
        with st.container(key=Element.POSTURE_PRESETS):
            for preset in page.presets:
                chosen = find_preset(scenario, [preset]) is not None
                st.button(
                    f"✓ {preset.label}" if chosen else preset.label,
                    key=posture_preset(preset.id),
                    on_click=_choose_preset,
                    args=(preset,),
                    type="primary" if chosen else "secondary",
                    width="stretch",
                )
        st.subheader(page.controls_heading)
        for control in POSTURE_CONTROLS:
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
        key=posture_control(control),
        label_visibility="collapsed",
    )
    value = st.session_state[posture_control(control)]
    with st.container(horizontal=True, key=posture_steps(control)):
        st.button(
            f"− {words.less}",
            key=posture_step(control, -1),
            on_click=_step,
            args=(control, -1),
            disabled=value <= low,
        )
        st.button(
            f"+ {words.more}",
            key=posture_step(control, 1),
            on_click=_step,
            args=(control, 1),
            disabled=value >= high,
        )
