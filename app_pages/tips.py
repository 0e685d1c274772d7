"""What helps: the guided explorer (safety check first) and every tip to browse."""

import streamlit as st

from backknee.content.pages.tips import TipsPage
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.tips import explorer

content = get_content()
page = content.page("tips", TipsPage)

st.title(page.heading)
st.markdown(page.intro)
chrome.sources(page.sources_label, content.cite(page.references))
explorer(page, content)
chrome.clinic_contact(content)
