"""The weight calculator: the patient's numbers in either units, and what they mean."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from backknee.charts.weight import bar_figure_spec
from backknee.content.base import RefId
from backknee.content.loader import Content
from backknee.content.pages.weight import WeightPage
from backknee.mechanics.constants import (
    FLIGHTS_RANGE,
    HEIGHT_RANGE_CM,
    LOSS_RANGE_KG,
    MASS_RANGE_KG,
    STEPS_RANGE,
)
from backknee.mechanics.loads import (
    cm_to_feet_inches,
    feet_inches_to_cm,
    kg_to_stones_pounds,
    stones_pounds_to_kg,
)
from backknee.ui import chrome
from backknee.ui.figures import chart
from backknee.ui.state import Element, Key, keep_widget, restore
from backknee.vocab import Activity, BackPosture
from backknee.words.weight import (
    Person,
    activity_bars,
    back_bars,
    bars_in_words,
    bmi_sentences,
    loss_is_advised,
    loss_sentences,
    per_step_sentence,
    rounded,
)

DEFAULT = Person()
KG, STONES, CM, FEET = "kg", "st", "cm", "ft"


def _defaults() -> None:
    session = st.session_state
    # MASS_KG and HEIGHT_CM_VALUE hold what the patient entered; the boxes only show it in the
    # unit they chose, so switching units never changes the answer.
    session.setdefault(Key.MASS_KG, DEFAULT.mass_kg)
    session.setdefault(Key.HEIGHT_CM_VALUE, DEFAULT.height_cm)
    for key, value in {
        Key.WEIGHT_UNIT: KG,
        Key.HEIGHT_UNIT: CM,
        Key.LOWER_THRESHOLDS: DEFAULT.lower_thresholds,
    }.items():
        keep_widget(key, value)
    _loss_defaults()
    # Opened again, the boxes show what was entered; then they keep what is typed in them.
    # (A unit switched to shows the answer anew: _show.)
    for key, value in _boxes().items():
        restore(key, value)


def _loss_defaults() -> None:
    # Kept by the loss part itself too: it reruns on its own when one of its boxes changes.
    for key, value in {
        Key.STEPS_PER_DAY: DEFAULT.steps_per_day,
        Key.FLIGHTS_PER_DAY: DEFAULT.flights_per_day,
        Key.LOSS_KG: DEFAULT.loss_kg,
    }.items():
        keep_widget(key, value)


def _boxes() -> dict[Key, float]:
    """What each weight and height box shows for the weight and height entered."""
    session = st.session_state
    stones, pounds = kg_to_stones_pounds(session[Key.MASS_KG])
    feet, inches = cm_to_feet_inches(session[Key.HEIGHT_CM_VALUE])
    return {
        Key.WEIGHT_KG: float(round(_within(session[Key.MASS_KG], MASS_RANGE_KG), 1)),
        Key.WEIGHT_ST: stones,
        Key.WEIGHT_LB: pounds,
        Key.HEIGHT_CM: float(round(_within(session[Key.HEIGHT_CM_VALUE], HEIGHT_RANGE_CM))),
        Key.HEIGHT_FT: feet,
        Key.HEIGHT_IN: inches,
    }


def _kg_typed() -> None:
    st.session_state[Key.MASS_KG] = float(st.session_state[Key.WEIGHT_KG])


def _stones_typed() -> None:
    session = st.session_state
    session[Key.MASS_KG] = stones_pounds_to_kg(session[Key.WEIGHT_ST], session[Key.WEIGHT_LB])


def _cm_typed() -> None:
    st.session_state[Key.HEIGHT_CM_VALUE] = float(st.session_state[Key.HEIGHT_CM])


def _feet_typed() -> None:
    session = st.session_state
    session[Key.HEIGHT_CM_VALUE] = feet_inches_to_cm(session[Key.HEIGHT_FT], session[Key.HEIGHT_IN])


def _show(keys: tuple[Key, ...]) -> None:
    # Show the same weight or height in the other unit; what the patient entered stays as it was.
    boxes = _boxes()
    for key in keys:
        st.session_state[key] = boxes[key]


def _weight_unit_changed() -> None:
    _show((Key.WEIGHT_KG, Key.WEIGHT_ST, Key.WEIGHT_LB))


def _height_unit_changed() -> None:
    _show((Key.HEIGHT_CM, Key.HEIGHT_FT, Key.HEIGHT_IN))


def _within(value: float, allowed: tuple[float, float]) -> float:
    return min(max(value, allowed[0]), allowed[1])


def _out_of_range() -> bool:
    session = st.session_state
    low, high = MASS_RANGE_KG
    short, tall = HEIGHT_RANGE_CM
    return not (low <= session[Key.MASS_KG] <= high and short <= session[Key.HEIGHT_CM_VALUE] <= tall)


def person() -> Person:
    """What the patient has entered so far, in kg and cm, brought within the model's ranges
    (the page says so when it does that)."""
    session = st.session_state
    return Person(
        mass_kg=_within(session[Key.MASS_KG], MASS_RANGE_KG),
        height_cm=_within(session[Key.HEIGHT_CM_VALUE], HEIGHT_RANGE_CM),
        steps_per_day=int(session[Key.STEPS_PER_DAY]),
        flights_per_day=int(session[Key.FLIGHTS_PER_DAY]),
        loss_kg=int(session[Key.LOSS_KG]),
        lower_thresholds=bool(session[Key.LOWER_THRESHOLDS]),
    )


@dataclass(frozen=True)
class Measure:
    """One measurement the patient can give in either of two units: metric in one box, or
    UK units in two (stones and pounds, feet and inches)."""

    unit_key: Key
    unit_label: str
    metric: str
    metric_label: str
    uk: str
    uk_label: str
    metric_box: tuple[Key, str, float, float, str, Callable[[], None]]
    """(key, label, lowest, highest, display format, what typing in it does)"""
    uk_boxes: tuple[tuple[Key, str, int, int], tuple[Key, str, int, int]]
    """(key, label, lowest, highest) for the larger and the smaller UK unit"""
    uk_typed: Callable[[], None]
    unit_changed: Callable[[], None]


def _measure_input(measure: Measure) -> None:
    st.segmented_control(
        measure.unit_label,
        [measure.metric, measure.uk],
        format_func=lambda unit: measure.metric_label if unit == measure.metric else measure.uk_label,
        key=measure.unit_key,
        required=True,
        on_change=measure.unit_changed,
    )
    if st.session_state[measure.unit_key] == measure.uk:
        with st.container(horizontal=True):
            for key, label, low, high in measure.uk_boxes:
                st.number_input(
                    label, min_value=low, max_value=high, step=1, key=key, on_change=measure.uk_typed
                )
    else:
        key, label, low_m, high_m, shown_as, typed = measure.metric_box
        st.number_input(
            label, min_value=low_m, max_value=high_m, step=1.0, format=shown_as, key=key, on_change=typed
        )


def _measures(page: WeightPage) -> tuple[Measure, Measure]:
    # The UK boxes' ranges come from the model's: 30-300 kg is 4-47 stones, 120-220 cm 3-7 feet.
    (low_st, _), (high_st, _) = (kg_to_stones_pounds(kg) for kg in MASS_RANGE_KG)
    (low_ft, _), (high_ft, _) = (cm_to_feet_inches(cm) for cm in HEIGHT_RANGE_CM)
    weight = Measure(
        unit_key=Key.WEIGHT_UNIT,
        unit_label=page.weight_unit_label,
        metric=KG,
        metric_label=page.kg_label,
        uk=STONES,
        uk_label=page.stones_label,
        metric_box=(Key.WEIGHT_KG, page.weight_kg_label, *MASS_RANGE_KG, "%.1f", _kg_typed),
        uk_boxes=(
            (Key.WEIGHT_ST, page.stones_field_label, low_st, high_st),
            (Key.WEIGHT_LB, page.pounds_field_label, 0, 13),
        ),
        uk_typed=_stones_typed,
        unit_changed=_weight_unit_changed,
    )
    height = Measure(
        unit_key=Key.HEIGHT_UNIT,
        unit_label=page.height_unit_label,
        metric=CM,
        metric_label=page.cm_label,
        uk=FEET,
        uk_label=page.feet_label,
        metric_box=(Key.HEIGHT_CM, page.height_cm_label, *HEIGHT_RANGE_CM, "%.0f", _cm_typed),
        uk_boxes=(
            (Key.HEIGHT_FT, page.feet_field_label, low_ft, high_ft),
            (Key.HEIGHT_IN, page.inches_field_label, 0, 11),
        ),
        uk_typed=_feet_typed,
        unit_changed=_height_unit_changed,
    )
    return weight, height


def _inputs(page: WeightPage) -> None:
    st.markdown(f"## {page.inputs_heading}\n\n{page.inputs_note}")
    for measure in _measures(page):
        _measure_input(measure)


@chrome.calm_fragment
def weight_calculator(page: WeightPage, content: Content) -> None:
    """The inputs and everything that depends on them: one fragment, so changing a number
    reruns only this part of the page; the savings boxes rerun only their own part, a fragment
    inside this one (weight_loss). The chart comes first (the inputs beside it), so it is
    on a tablet's first screen and right after the lead on a phone, where the columns stack."""
    _defaults()
    # What was entered is in the session before any box is drawn (a box's change runs before
    # the page), so the chart is sent first: on a phone, where the columns stack, the boxes
    # below it are then never drawn in the chart's place and pushed down when it comes.
    you = person()
    bars = activity_bars(you, page)
    walking = page.activity_label(Activity.WALKING)
    chart_column, inputs_column = st.columns([3, 2], gap="medium")
    with chart_column:
        chart(
            bar_figure_spec(bars, highlight=walking),
            Element.ACTIVITIES_CHART,
            page.activities_alt.format(bars=bars_in_words(bars)),
        )
        st.markdown(f"{per_step_sentence(you, page)}\n\n:small[{page.illustration}]")
    with inputs_column:
        _inputs(page)
        if _out_of_range():
            st.warning(page.out_of_range.format(kg=rounded(you.mass_kg), cm=rounded(you.height_cm)))

    # Words that never change are one element each: every element costs time on each rerun.
    def cited(references: list[RefId]) -> str:
        return chrome.small_sources(page.sources_label, content.cite(references))

    st.markdown(
        f"## {page.knee_heading}\n\n{page.intro}\n\n### {page.activities_heading}\n\n"
        f"{page.activities_intro}\n\n{cited(page.references)}"
    )
    st.markdown(f"## {page.loss_heading}\n\n{page.loss_intro}")
    weight_loss(page, content)
    st.markdown(f"{page.loss_guideline}\n\n{cited(page.loss_guideline_references)}")

    st.markdown(f"## {page.bmi_heading}\n\n{page.bmi_intro}")
    st.toggle(page.lower_thresholds_label, key=Key.LOWER_THRESHOLDS)
    st.caption(page.lower_thresholds_help)
    with st.container(border=True, key=Element.BMI_READOUT):
        st.markdown("\n\n".join([*bmi_sentences(you, page), cited(page.bmi_references)]))


@chrome.calm_fragment
def weight_loss(page: WeightPage, content: Content) -> None:
    """The amount to lose, the steps and the flights, and what losing it would save: a
    fragment inside the calculator, so one of these boxes reruns only this part (a new
    weight, height or threshold reruns the whole calculator, and this with it)."""
    _loss_defaults()
    you = person()
    loss_column, steps_column, flights_column = st.columns(3)
    with loss_column:
        st.number_input(
            page.loss_label, min_value=LOSS_RANGE_KG[0], max_value=LOSS_RANGE_KG[1], step=1, key=Key.LOSS_KG
        )
    with steps_column:
        low_steps, high_steps = STEPS_RANGE
        st.number_input(
            page.steps_label,
            min_value=low_steps,
            max_value=high_steps,
            step=500,
            key=Key.STEPS_PER_DAY,
        )
        st.caption(page.steps_help)
    with flights_column:
        st.number_input(
            page.flights_label,
            min_value=FLIGHTS_RANGE[0],
            max_value=FLIGHTS_RANGE[1],
            step=1,
            key=Key.FLIGHTS_PER_DAY,
        )
        st.caption(page.flights_help)
    with st.container(border=True, key=Element.LOSS_READOUT):
        # One element, its sources with it, like the BMI box.
        lines = "\n".join(f"- {line}" for line in loss_sentences(you, page))
        advised = loss_is_advised(you)
        note = f"\n\n:small[{page.illustration}]" if advised else ""
        references = page.loss_references if advised else page.loss_not_advised_references
        st.markdown(f"{lines}{note}\n\n{chrome.small_sources(page.sources_label, content.cite(references))}")


def back_section(page: WeightPage, content: Content) -> None:
    """Which positions load the back more: the same for everyone, so outside the fragment."""
    st.header(page.back_heading)
    st.markdown(page.back_intro)
    bars = back_bars(page)
    standing = page.posture_label(BackPosture.STANDING)
    chart(
        bar_figure_spec(bars, highlight=standing),
        Element.BACK_CHART,
        page.back_alt.format(bars=bars_in_words(bars)),
    )
    chrome.sources(page.sources_label, content.cite(page.back_references))
    st.subheader(page.back_tips_heading)
    chrome.facts(page.back_tips, content, page.sources_label)
