"""My plan: the plan on screen, to download as a PDF or calendar file, or to open on a phone."""

import streamlit as st

from backknee.models import PlanPage
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.plan_view import clear, code_entry, current_plan, keep, open_code, show_plan

content = get_content()
page = content.page("plan", PlanPage)

st.title(page.heading)
# A code from a QR scan arrives in the address; it holds ids only, never answers.
code = st.query_params.get("code")
if code:
    st.query_params.clear()
    open_code(code, page, content)

view = current_plan(page, content)
if view is None:
    st.header(page.no_plan_heading)
    st.markdown(page.no_plan)
    chrome.page_link(page.start_link)
    code_entry(page, content)
else:
    st.markdown(page.intro)
    show_plan(view, page, content)
    keep(view, page, content)
    clear(page)
chrome.clinic_contact(content)
