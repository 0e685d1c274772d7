"""My plan: the plan on screen, to download as a PDF or calendar file, or to open on a phone."""

import streamlit as st

from backknee.content.pages.plan import PlanPage
from backknee.content.pages.tips import TipsPage
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.plan import (
    code_entry,
    current_plan,
    emergency_outcome,
    keep,
    left_out_note,
    open_code,
    routine_note,
    same_day_outcome,
    show_plan,
)
from backknee.ui.state import CODE_PARAM
from backknee.vocab import Urgency

content = get_content()
page = content.page("plan", PlanPage)

st.title(page.heading)
# A code from a QR scan arrives in the address; it holds ids only, never answers.
code = st.query_params.get(CODE_PARAM)
if code:
    st.query_params.clear()
    open_code(code, page, content)

view = current_plan(page, content)
if emergency_outcome():
    chrome.warning_level(content, Urgency.EMERGENCY)
elif same_day_outcome():
    chrome.warning_level(content, Urgency.URGENT)
    st.markdown(page.same_day)
    for link in page.same_day_links:
        chrome.page_link(link)
elif view is None:
    st.header(page.no_plan_heading)
    st.markdown(page.no_plan)
    chrome.page_link(page.start_link)
    code_entry(page, content)
else:
    left_out_note(view, page)
    if routine_note():
        st.info(content.page("tips", TipsPage).routine_note)
    st.markdown(page.intro)
    show_plan(view, page, content)
    keep(view, page, content)
chrome.clinic_contact(content)
