"""The plan page: the plan on screen, the PDF and calendar downloads, and the share code."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import streamlit as st

from backknee.content.loader import Content
from backknee.content.pages.plan import PlanPage
from backknee.errors import InvalidShareCode
from backknee.explorer.advisor import Outcome, OutcomeKind
from backknee.explorer.plan import PlanView, from_outcome, from_shared
from backknee.explorer.share import OpenedCode, decode, encode
from backknee.explorer.take_home import plan_calendar, plan_pdf, qr_png
from backknee.settings import settings
from backknee.ui import chrome
from backknee.ui.state import CODE_PARAM, Element, Key, keep_widget, plan_exercise


def current_plan(page: PlanPage, content: Content) -> PlanView | None:
    """The plan from the explorer in this session, else one opened from a code (re-checked
    each time it is shown, against the content as it is now)."""
    outcome = st.session_state.get(Key.PLAN_OUTCOME)
    if isinstance(outcome, Outcome):
        # After a Yes to the emergency or same-day signs there is no plan, not even one
        # opened from a code earlier.
        return from_outcome(outcome, content.tips, content.exercises, content.rules, page)
    opened = st.session_state.get(Key.PLAN_SHARED)
    if isinstance(opened, OpenedCode):
        try:
            return from_shared(opened, content.tips, content.exercises, page)
        except InvalidShareCode:
            return None
    return None


def open_code(code: str, page: PlanPage, content: Content) -> bool:
    """Open the plan in a code; on any problem, say so calmly and never show the code."""
    try:
        opened = decode(code, content.tips.keys(), content.exercises.keys())
        from_shared(opened, content.tips, content.exercises, page)
    except InvalidShareCode:
        st.warning(page.code_invalid)
        return False
    st.session_state[Key.PLAN_SHARED] = opened
    return True


def left_out_note(view: PlanView, page: PlanPage) -> None:
    """What a code held that we did not open, calmly, in words (never the code itself)."""
    if view.left_out:
        st.info(page.left_out_intro + "\n\n" + "\n".join(f"- {line}" for line in view.left_out))


def code_entry(page: PlanPage, content: Content) -> None:
    """A box to type a share code into, for a patient who has one but no plan here."""
    with st.form(Element.PLAN_CODE_FORM, border=True):
        code = st.text_input(page.code_label, key=Key.PLAN_CODE_TYPED, max_chars=80)
        submitted = st.form_submit_button(page.code_button)
    if submitted and code and open_code(code, page, content):
        st.rerun()


def show_plan(view: PlanView, page: PlanPage, content: Content) -> None:
    """The plan on screen: the exercises, the weeks, the pain rule, the tips, the warning signs."""
    st.header(page.exercises_heading)
    st.markdown(page.sessions.format(count=view.sessions_per_week))
    chrome.page_link(page.demo_link)
    for item in view.exercises:
        with st.container(border=True, key=plan_exercise(item.exercise.id)):
            st.markdown(
                f"### {item.exercise.name}\n\n**{item.dose}.** {item.version}\n\n"
                + "\n".join(f"- *{reason}*" for reason in item.reasons)
            )
    st.header(page.weeks_heading)
    st.markdown("\n".join(f"- {line}" for line in view.weeks))
    st.header(page.pain_rule_heading)
    st.markdown(page.pain_rule)
    chrome.sources(page.sources_label, content.cite(page.pain_rule_references))
    if view.tips:
        st.header(page.tips_heading)
        st.markdown("\n".join(f"- **{t.tip.title}.** {t.tip.summary}" for t in view.tips))
    st.header(page.warning_heading)
    st.markdown(page.warning_text)
    chrome.urgent_link(content.site)


@chrome.calm_fragment
def keep(view: PlanView, page: PlanPage, content: Content) -> None:
    """How the plan leaves with the patient: downloads made only when tapped (nothing is built
    or kept until then), and the code. A shared tablet offers no downloads (they would stay
    in its downloads for the next patient): the plan leaves by QR code to the patient's phone."""
    st.header(page.keep_heading)
    if chrome.kiosk_mode():
        st.markdown(content.site.kiosk.qr_intro)
    else:
        downloads(view, page, content)
        st.subheader(page.share_heading)
        st.markdown(page.share_intro)
    code = encode(view.shared)
    st.markdown(page.code_shown.format(code=f"`{code}`"))
    address = f"{app_address()}plan?{CODE_PARAM}={code}"
    # Drawn once per plan (7 ms) and kept with the plan in this session only.
    drawn = st.session_state.get(Key.PLAN_QR)
    if not drawn or drawn[0] != address:
        drawn = st.session_state[Key.PLAN_QR] = (address, qr_png(address))
    st.image(drawn[1], alt=page.qr_alt, width=220)


def app_address() -> str:
    """The app's address as a phone should open it, ending in '/': the server's public
    address when set (a clinic tablet may reach the app at an address no phone can), else the
    address this page was opened at."""
    public = settings().public_url
    return f"{public}/" if public else f"{str(st.context.url).split('?')[0].rsplit('/', 1)[0]}/"


def downloads(view: PlanView, page: PlanPage, content: Content) -> None:
    """The PDF and the calendar file (never on a shared tablet)."""
    st.download_button(
        page.pdf_label,
        data=lambda: plan_pdf(view, page, content.red_flags, content.clinic, date.today()),
        file_name="back-and-knee-plan.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key=Key.PLAN_PDF,
        on_click="ignore",
    )
    st.caption(page.pdf_help)
    keep_widget(Key.PLAN_START, date.today() + timedelta(days=1))
    keep_widget(Key.PLAN_TIME, time(10, 0))
    with st.container(horizontal=True):
        start = st.date_input(page.start_date_label, key=Key.PLAN_START, format="DD/MM/YYYY")
        at = st.time_input(page.time_label, key=Key.PLAN_TIME, step=timedelta(minutes=30))
    st.download_button(
        page.calendar_label,
        data=lambda: plan_calendar(view, page, start, at, datetime.now()),
        file_name="back-and-knee-sessions.ics",
        mime="text/calendar",
        icon=":material/calendar_month:",
        key=Key.PLAN_ICS,
        on_click="ignore",
    )
    st.caption(page.calendar_help)


def _outcome_kind() -> OutcomeKind | None:
    outcome = st.session_state.get(Key.PLAN_OUTCOME)
    return outcome.kind if isinstance(outcome, Outcome) else None


def emergency_outcome() -> bool:
    """The explorer stopped at the emergency signs in this session."""
    return _outcome_kind() == OutcomeKind.EMERGENCY


def same_day_outcome() -> bool:
    """The explorer found same-day signs: what to do today, and no plan until checked."""
    return _outcome_kind() == OutcomeKind.SAME_DAY


def routine_note() -> bool:
    """The patient said some routine signs sound like them: see a GP or physio as well."""
    outcome = st.session_state.get(Key.PLAN_OUTCOME)
    return isinstance(outcome, Outcome) and bool(outcome.notes)
