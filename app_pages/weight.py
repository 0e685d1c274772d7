"""Weight: how body weight multiplies into knee and back load, and what losing a little does."""

import streamlit as st

from backknee.content.pages.weight import WeightPage
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.weight import back_section, weight_calculator

content = get_content()
page = content.page("weight", WeightPage)

st.title(page.heading)
st.markdown(page.lead)

weight_calculator(page, content)
back_section(page, content)

st.header(page.both_heading)
st.markdown(page.both_text)
for link in page.both_links:
    chrome.page_link(link)

chrome.how_we_worked_this_out(page, content, page.sources_label)

chrome.clinic_contact(content)
