"""The exercise library: filters, a chooser, and the chosen exercise's demonstration."""

from __future__ import annotations

import streamlit as st

from backknee.charts.exercises import demo_figure_spec, describe, stills_figure_spec
from backknee.charts.svg import svg
from backknee.content.items import Exercise
from backknee.content.loader import Content
from backknee.content.pages.exercises import ExercisesPage
from backknee.content.pages.plan import PlanPage
from backknee.explorer.plan import dose_text
from backknee.explorer.screens import filter_exercises
from backknee.ui import chrome
from backknee.ui.figures import animation, picture
from backknee.ui.state import Element, Key, exercise_demo, exercise_stills
from backknee.vocab import Joint, MuscleGroup


@st.cache_resource(show_spinner=False, max_entries=64)
def _pictures(content_version: float, exercise_id: str, alt: str, _exercise: Exercise) -> tuple[str, str]:
    # The moving figure and the stills, drawn once per exercise and shared by every session
    # (strings: read-only); drawing both took about 3 ms a time.
    return (
        svg(demo_figure_spec(_exercise), exercise_demo(exercise_id), alt),
        svg(stills_figure_spec(_exercise), exercise_stills(exercise_id), alt),
    )


@chrome.calm_fragment
def library(page: ExercisesPage, content: Content, plan_words: PlanPage) -> None:
    """The filters, the chooser and the chosen exercise: one fragment, so a tap reruns only this."""
    st.segmented_control(
        page.joint_filter_label,
        [j.value for j in Joint],
        format_func=lambda v: page.joint_labels.of(Joint(v)),
        key=Key.EXERCISES_FILTER_JOINT,
    )
    st.pills(
        page.muscle_filter_label,
        [m.value for m in MuscleGroup],
        format_func=lambda v: page.muscle_labels.of(MuscleGroup(v)),
        selection_mode="multi",
        key=Key.EXERCISES_FILTER_MUSCLES,
    )
    shown = filter_exercises(
        list(content.exercises.values()),
        joint=st.session_state.get(Key.EXERCISES_FILTER_JOINT),
        muscles=st.session_state.get(Key.EXERCISES_FILTER_MUSCLES) or [],
    )
    if not shown:
        st.info(page.no_results)
        return
    ids = [e.id for e in shown]
    if st.session_state.get(Key.EXERCISES_CHOSEN) not in ids:
        st.session_state[Key.EXERCISES_CHOSEN] = ids[0]
    st.pills(
        page.heading,
        ids,
        format_func=lambda e: content.exercises[e].name,
        key=Key.EXERCISES_CHOSEN,
        required=True,
        label_visibility="collapsed",
    )
    show(content.exercises[st.session_state[Key.EXERCISES_CHOSEN]], page, content, plan_words)


def show(exercise: Exercise, page: ExercisesPage, content: Content, plan_words: PlanPage) -> None:
    """One exercise: the animation, the stills, and how to do it."""
    with st.container(border=True, key=Element.EXERCISE_DETAIL):
        st.header(exercise.name)
        st.markdown(exercise.summary)
        demo_column, words_column = st.columns(2, gap="medium")
        with demo_column:
            moving, stills = _pictures(content.version, exercise.id, describe(exercise, page), exercise)
            animation(moving, exercise_demo(exercise.id), play=page.play_label, pause=page.pause_label)
            st.caption(page.stills_label)
            picture(stills)
        with words_column:
            targets = ", ".join(page.muscle_labels.of(m) for m in exercise.targets)
            st.markdown(
                f"**{page.targets_label}:** {targets}\n\n"
                f"**{page.starting_label}.** {exercise.starting_position}\n\n"
                f"**{page.steps_label}:**\n\n"
                + "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
                + f"\n\n**{page.dose_label}:** {dose_text(exercise.dose, plan_words)}\n\n"
                f"**{page.easier_label}.** {exercise.easier}\n\n"
                f"**{page.harder_label}.** {exercise.harder}\n\n"
                + (
                    f"**{page.cautions_label}**\n\n" + "\n".join(f"- {c}" for c in exercise.cautions)
                    if exercise.cautions
                    else ""
                )
                + f"\n\n{chrome.small_sources(page.sources_label, content.cite(exercise.references))}"
            )
