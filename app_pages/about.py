"""About and sources: who made the guide, what it is not, every reference, and review dates."""

from datetime import date

import streamlit as st

from backknee.models import AboutPage
from backknee.ui import chrome
from backknee.ui.content import get_content

content = get_content()
page = content.page("about", AboutPage)

st.title(page.heading)
st.markdown(page.intro)
for section in page.sections:
    st.header(section.heading)
    st.markdown(section.body)

st.header(page.references_heading)
st.markdown(page.references_intro)
chrome.reference_list(content.references.values())

st.header(page.reviews_heading)
st.markdown(page.reviews_intro)
chrome.review_list(content.reviews, page, date.today())

chrome.clinic_contact(content)
