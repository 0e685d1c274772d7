"""Muscles: how weak core, hip and thigh muscles pass work between the back and the knees."""

import streamlit as st

from backknee.content.pages.muscles import MusclesPage
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.muscles import chain_explorer, chair_explorer, one_leg_explorer, what_helps

content = get_content()
page = content.page("muscles", MusclesPage)

st.title(page.heading)
st.markdown(page.lead)
chain_explorer(page, content)
st.header(page.chain.heading)
st.markdown(page.intro + "\n\n" + page.chain.intro)
chrome.sources(page.sources_label, content.cite(page.references))

st.header(page.one_leg.heading)
st.markdown(page.one_leg.intro)
one_leg_explorer(page)

st.header(page.chair.heading)
st.markdown(page.chair.intro)
chair_explorer(page)

chrome.how_we_worked_this_out(page, content, page.sources_label)

st.header(page.helps_heading)
st.markdown(page.helps_intro)
chrome.sources(page.sources_label, content.cite(page.helps_references))
what_helps(page, content)
for link in page.helps_links:
    chrome.page_link(link)

chrome.clinic_contact(content)
