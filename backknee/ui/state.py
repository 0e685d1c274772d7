"""Every key the app uses in a session, by name, and the two ways of forgetting them.

Streamlit keeps what a patient chooses in `st.session_state`, under string keys; a widget
given `key=` keeps its value there under that key, and any element given `key=` also gets
the CSS class `st-key-<key>`, which style.css and the browser tests look for. Every such key
is named here and nowhere else (tests/unit/test_session_keys.py fails on one written out in
another module), so `start_again` and `clear_answers` can remove exactly the keys they mean.

Streamlit drops a widget's value at the end of any run that does not draw the widget: when
the patient opens another page, or picks the other unit on the weight page. So what the
patient chose is kept under keys of our own (`keep_widget`; on the weight page, the weight
and height entered), and a page opened again draws each widget from them (`restore`).

All of it lives in this session's memory only: never in the URL, never stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import StrEnum

import streamlit as st


class Key(StrEnum):
    """The keys that hold something in the session: an answer, a choice, or a widget's state."""

    CLEARED = "_cleared"
    """True for the one run after "Clear my answers", so the footer can say it was done."""
    CLEAR_EVERYTHING = "clear_everything"
    """The "Clear my answers" button at the foot of every page."""
    KIOSK_START_AGAIN = "kiosk_start_again"
    """A shared tablet: the Start again button, always on screen (the idle reset taps it too)."""

    PAGE_SHOWN = "page_shown"
    """The page the latest full run drew (its address), to tell when another page is opened."""
    RESTORED = "restored"
    """The widgets drawn again from what was kept since the page was opened (`restore`)."""

    CYCLE_STEP = "cycle_step"
    """Home: the id of the cycle step chosen, by a tap on the chart or in the chooser."""

    MASS_KG = "mass_kg"
    """Weight: the weight the patient entered, in kg, whichever unit they typed it in."""
    HEIGHT_CM_VALUE = "height_cm_value"
    """Weight: the height the patient entered, in cm, whichever unit they typed it in."""
    WEIGHT_UNIT = "weight_unit"
    """Weight: the unit chosen for weight (kg, or stones and pounds)."""
    HEIGHT_UNIT = "height_unit"
    """Weight: the unit chosen for height (cm, or feet and inches)."""
    WEIGHT_KG = "weight_kg"
    """Weight: the box for weight in kg."""
    WEIGHT_ST = "weight_st"
    """Weight: the box for the stones of a weight."""
    WEIGHT_LB = "weight_lb"
    """Weight: the box for the pounds of a weight."""
    HEIGHT_CM = "height_cm"
    """Weight: the box for height in cm."""
    HEIGHT_FT = "height_ft"
    """Weight: the box for the feet of a height."""
    HEIGHT_IN = "height_in"
    """Weight: the box for the inches of a height."""
    STEPS_PER_DAY = "steps_per_day"
    """Weight: the steps a day the patient entered."""
    FLIGHTS_PER_DAY = "flights_per_day"
    """Weight: the flights of stairs a day the patient entered."""
    LOSS_KG = "loss_kg"
    """Weight: the weight loss, in kg, the patient wants to see."""
    LOWER_THRESHOLDS = "lower_thresholds"
    """Weight: the switch for the lower BMI thresholds."""

    MUSCLES_WEAK = "muscles_weak"
    """Muscles: the ids of the weak areas picked for the chain."""
    MUSCLES_HIP_PERCENT = "muscles_hip_percent"
    """Muscles: the hip strength chosen for standing on one leg, in percent."""
    MUSCLES_THIGH_PERCENT = "muscles_thigh_percent"
    """Muscles: the thigh strength chosen for standing up from a chair, in percent."""
    MUSCLES_ARMS = "muscles_arms"
    """Muscles: the switch for pushing up with the arms from the chair."""

    EXERCISES_FILTER_JOINT = "exercises_filter_joint"
    """Exercises: the joint the library is filtered to."""
    EXERCISES_FILTER_MUSCLES = "exercises_filter_muscles"
    """Exercises: the muscle groups the library is filtered to."""
    EXERCISES_CHOSEN = "exercises_chosen"
    """Exercises: the id of the exercise shown."""

    TIPS_ANSWERS = "tips_answers"
    """What helps: the explorer's answers, a dict by `Answer` (the widgets forget theirs)."""
    TIPS_SCREEN = "tips_screen"
    """What helps: the explorer's screen shown (a `Screen` value)."""
    TIPS_MODE = "tips_mode"
    """What helps: "guided" (the explorer) or "browse" (every tip)."""
    TIPS_BACK = "tips_back"
    """What helps: the explorer's Back button."""
    TIPS_NEXT = "tips_next"
    """What helps: the explorer's Next button."""
    TIPS_START_AGAIN = "tips_start_again"
    """What helps: the explorer's Start again button."""
    TIPS_BROWSE_ONCE_CHECKED = "tips_browse_once_checked"
    """What helps: after same-day signs, the button to browse the tips once checked."""
    TIPS_FILTER_JOINT = "tips_filter_joint"
    """What helps, browsing: the joint the tips are filtered to."""
    TIPS_FILTER_KIND = "tips_filter_kind"
    """What helps, browsing: the kinds of tip shown."""
    TIPS_FILTER_GRADE = "tips_filter_grade"
    """What helps, browsing: the grades of evidence shown."""
    TIPS_FILTER_HOME = "tips_filter_home"
    """What helps, browsing: the switch for tips done at home only."""

    PLAN_OUTCOME = "plan_outcome"
    """The explorer's latest outcome (an `Outcome`), for the plan page."""
    PLAN_SHARED = "plan_shared"
    """My plan: a plan opened from a code, what the code held that we have (an `OpenedCode`)."""
    PLAN_QR = "plan_qr"
    """My plan: (the plan's address, its square code as a PNG), drawn once per plan."""
    PLAN_CODE_TYPED = "plan_code_typed"
    """My plan: the box a share code is typed into."""
    PLAN_PDF = "plan_pdf"
    """My plan: the PDF download button."""
    PLAN_START = "plan_start"
    """My plan: the first day chosen for the calendar."""
    PLAN_TIME = "plan_time"
    """My plan: the time of day chosen for the calendar."""
    PLAN_ICS = "plan_ics"
    """My plan: the calendar download button."""


class Element(StrEnum):
    """Keys of elements that hold nothing (boxes, a form, charts that take no taps): each
    gives the element a stable identity and the CSS class `st-key-<key>`."""

    URGENT_NOTICE = "urgent_notice"
    """Every page but the warning signs: the urgent-help notice at the top."""
    KIOSK_BAR = "kiosk_bar"
    """A shared tablet: the box that holds Start again, fixed on screen."""
    CLINIC_CONTACT = "clinic_contact"
    """The clinic's contact block."""
    CYCLE_CHART = "cycle_chart"
    """Home: the cycle's picture."""
    CYCLE_EXPLANATION = "cycle_explanation"
    """Home: the chosen cycle step's explanation."""
    POSTURE_PRESETS = "posture_presets"
    """Posture: the row of preset buttons."""
    POSTURE_CHART = "posture_chart"
    """Posture: the figure."""
    POSTURE_READOUT = "posture_readout"
    """Posture: what the figure means."""
    ACTIVITIES_CHART = "activities_chart"
    """Weight: the knee load of everyday activities."""
    LOSS_READOUT = "loss_readout"
    """Weight: what losing weight would do."""
    BMI_READOUT = "bmi_readout"
    """Weight: the BMI sentences."""
    BACK_CHART = "back_chart"
    """Weight: the back load of positions."""
    MUSCLES_CHAIN_CHART = "muscles_chain_chart"
    """Muscles: the chain."""
    MUSCLES_CHAIN_WORDS = "muscles_chain_words"
    """Muscles: the chain in words."""
    MUSCLES_ONE_LEG_CHART = "muscles_one_leg_chart"
    """Muscles: standing on one leg, from the front."""
    MUSCLES_ONE_LEG_READOUT = "muscles_one_leg_readout"
    """Muscles: what standing on one leg means."""
    MUSCLES_CHAIR_CHART = "muscles_chair_chart"
    """Muscles: standing up from a chair, from the side."""
    MUSCLES_GAUGE = "muscles_gauge"
    """Muscles: the effort gauge for standing up."""
    MUSCLES_CHAIR_READOUT = "muscles_chair_readout"
    """Muscles: what standing up from a chair means."""
    EXERCISE_DETAIL = "exercise_detail"
    """Exercises: the chosen exercise."""
    TIPS_PLAN_LINK = "tips_plan_link"
    """What helps: the place of the link to the plan, kept when the link is not shown."""
    TIPS_SCREEN_BOX = "tips_screen_box"
    """What helps: the box around the explorer's screen."""
    TIPS_NAV = "tips_nav"
    """What helps: the row of Back, Next and Start again."""
    PLAN_CODE_FORM = "plan_code_form"
    """My plan: the form a share code is typed into."""


class Answer(StrEnum):
    """The explorer's answers, each kept in `Key.TIPS_ANSWERS` under this name and asked by a
    widget keyed `answer_widget(name)`."""

    EMERGENCY = "emergency"
    """Yes or No to the emergency signs (a `Screen` value too)."""
    URGENT = "urgent"
    """Yes or No to the same-day signs (a `Screen` value too)."""
    ROUTINE = "routine"
    """Yes or No to the routine signs (a `Screen` value too)."""
    WHERE = "where"
    """Where it hurts (a `Joint` value)."""
    USE_PEG = "use_peg"
    """Whether the patient chose the three PEG questions over one pain number."""
    PEG_1 = "peg_1"
    """The first PEG answer (pain), 0-10."""
    PEG_2 = "peg_2"
    """The second PEG answer (enjoyment of life), 0-10."""
    PEG_3 = "peg_3"
    """The third PEG answer (general activity), 0-10."""
    PAIN = "pain"
    """The one pain number, 0-10."""
    HARD = "hard"
    """What is hard (`Difficulty` values)."""
    SETTINGS = "settings"
    """Where the patient can do things (`Setting` values)."""
    EQUIPMENT = "equipment"
    """What the patient has to hand (`Prop` values)."""
    MINUTES = "minutes"
    """Minutes a day."""
    CONFIDENCE = "confidence"
    """How sure the patient feels (a `Confidence` value)."""


PEG_ANSWERS = (Answer.PEG_1, Answer.PEG_2, Answer.PEG_3)
"""The three PEG answers, in the order they are asked."""


def answer_widget(name: Answer) -> str:
    """The widget that asks one of the explorer's questions."""
    return f"tips_w_{name}"


POSTURE_CONTROLS = ("flattening", "lean", "knee")
"""Posture: the three controls, in the order the page shows them."""


def posture_control(control: str) -> str:
    """Posture: the slider for one control, holding its angle in degrees."""
    return f"posture_{control}"


def posture_step(control: str, direction: int) -> str:
    """Posture: the button that moves a control one step down (-1) or up (+1)."""
    return f"posture_{control}_{'less' if direction < 0 else 'more'}"


def posture_steps(control: str) -> str:
    """Posture: the row of a control's two step buttons (holds nothing)."""
    return f"posture_{control}_steps"


def posture_preset(preset_id: str) -> str:
    """Posture: the button for one preset."""
    return f"preset_{preset_id}"


def exercise_demo(exercise_id: str) -> str:
    """Exercises: one exercise's moving demonstration (holds nothing)."""
    return f"exercise_demo_{exercise_id}"


def exercise_stills(exercise_id: str) -> str:
    """Exercises: one exercise's still pictures (holds nothing)."""
    return f"exercise_stills_{exercise_id}"


def plan_exercise(exercise_id: str) -> str:
    """My plan: the box of one exercise in the plan (holds nothing)."""
    return f"plan_exercise_{exercise_id}"


class TipList(StrEnum):
    """Where on the page of tips a tip card is shown."""

    RESULT = "result"
    """The explorer's result."""
    BROWSE = "browse"
    """Every tip, to browse."""
    OTHER = "other"
    """The other treatments (not recommended here)."""


def tip_box(where: TipList, tip_id: str) -> str:
    """What helps: the box of one tip card (holds nothing)."""
    return f"tip_{where}_{tip_id}"


def warning_level_box(level: str) -> str:
    """The warning signs: the box of one level (holds nothing)."""
    return f"level_{level}"


class Cards(StrEnum):
    """Rows of cards whose cards get numbered keys, for style.css and the browser tests."""

    TILE = "tile"
    """Home: the tiles to the other pages."""
    MUSCLES_AREA = "muscles_area"
    """Muscles: what helps each weak area."""


def card(cards: Cards, number: int) -> str:
    """Card `number` (from 1) of a row of cards (holds nothing)."""
    return f"{cards}_{number}"


CODE_PARAM = "code"
"""My plan: the query parameter a share code arrives in from a square code (ids only, never
answers: anything in a URL ends up in browser history and logs)."""


START_AGAIN_KEYS = (
    Key.TIPS_ANSWERS,
    Key.TIPS_SCREEN,
    Key.TIPS_MODE,
    Key.TIPS_BACK,
    Key.TIPS_NEXT,
    Key.TIPS_START_AGAIN,
    Key.TIPS_BROWSE_ONCE_CHECKED,
    Key.TIPS_FILTER_JOINT,
    Key.TIPS_FILTER_KIND,
    Key.TIPS_FILTER_GRADE,
    Key.TIPS_FILTER_HOME,
    Key.PLAN_OUTCOME,
    Key.PLAN_SHARED,
    Key.PLAN_QR,
    Key.PLAN_CODE_TYPED,
    Key.PLAN_PDF,
    Key.PLAN_START,
    Key.PLAN_TIME,
    Key.PLAN_ICS,
)
"""What the explorer's Start again forgets: the explorer and the plan, nothing else."""


def _explorer_and_plan() -> Iterator[str]:
    yield from START_AGAIN_KEYS
    yield from (answer_widget(name) for name in Answer)


def _everything() -> Iterator[str]:
    """Every key named here that can hold something in this session. (A preset's button is
    not among them: its key is made from the content's ids, and a button holds nothing but
    whether it was tapped in the run it was tapped in.)"""
    yield from Key
    yield from (answer_widget(name) for name in Answer)
    for control in POSTURE_CONTROLS:
        yield posture_control(control)
        yield posture_step(control, -1)
        yield posture_step(control, 1)


def kept(widget: str) -> str:
    """Where the session keeps what a widget was left at, while the widget is not drawn."""
    return f"kept_{widget}"


def page_opened(page: str) -> None:
    """Call on every full run, with the page it draws: a page opened from another one (or for
    the first time) draws its widgets again from what was kept (`restore`)."""
    session = st.session_state
    if session.get(Key.PAGE_SHOWN) != page:
        session[Key.PAGE_SHOWN] = page
        session[Key.RESTORED] = frozenset()


def restore(widget: str, value: object) -> None:
    """Call just before drawing `widget`: the first time it is drawn since its page was
    opened, it shows `value` (worked out from what was kept); after that it keeps what the
    patient does with it. Whether the session still holds the widget's key is no guide: a
    value written under the key before the widget was first drawn outlives the page, while
    what the patient then typed does not (seen with the stones box, Streamlit 1.67)."""
    session = st.session_state
    restored: frozenset[str] = session.get(Key.RESTORED, frozenset())
    if widget not in restored or widget not in session:
        session[widget] = value
        session[Key.RESTORED] = restored | {widget}


def keep_widget(widget: str, default: object) -> None:
    """Call just before drawing `widget`: the first time ever it shows `default`; drawn again
    after its page was left, what the patient left it at (kept under `kept(widget)`, which
    Streamlit never forgets)."""
    session = st.session_state
    restore(widget, session.get(kept(widget), default))
    session[kept(widget)] = session[widget]


def _forget(keys: Iterable[str]) -> None:
    session = st.session_state
    for key in list(keys):  # every key first: _everything reads the session
        session.pop(key, None)
        session.pop(kept(key), None)


def start_again() -> None:
    """Forget every answer and the plan, and go back to the first question."""
    _forget(_explorer_and_plan())


def forget_everything() -> None:
    """Forget the whole session, every key, named here or not (a shared tablet's Start
    again, and its idle reset): nothing of one patient is left for the next."""
    st.session_state.clear()


def clear_answers() -> None:
    """Forget every answer and choice in this session (the "Clear my answers" button, for a
    shared tablet), and say so on the next run."""
    _forget(_everything())
    st.session_state[Key.CLEARED] = True
