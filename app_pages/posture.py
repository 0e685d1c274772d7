"""Posture: a figure the patient can move, showing how the back and knees share the balance."""

import streamlit as st

from backknee.content.pages.posture import PosturePage
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.posture import posture_explorer

content = get_content()
page = content.page("posture", PosturePage)

st.title(page.heading)
st.markdown(page.lead)
posture_explorer(page)
st.markdown(page.intro)
chrome.sources(page.sources_label, content.cite(page.references))
chrome.how_we_worked_this_out(page, content, page.sources_label)

st.header(page.helps_heading)
st.markdown(page.helps_intro)
chrome.facts(page.helps, content, page.sources_label)
for link in page.helps_links:
    chrome.page_link(link)

chrome.clinic_contact(content)
