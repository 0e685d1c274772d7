"""Back & Knee: the router. Page config, navigation, shared chrome, then the chosen page."""

import streamlit as st

from backknee.errors import ContentError
from backknee.ui import chrome
from backknee.ui.content import get_content

st.set_page_config(page_title="Back & Knee", page_icon="🦵", layout="centered")
chrome.apply_style()

try:
    content = get_content()
except ContentError as error:
    chrome.show_updating_page(error)
    st.stop()

page = st.navigation(
    [
        st.Page("app_pages/home.py", title="Home", icon="🏠", url_path="home", default=True),
        st.Page("app_pages/urgent.py", title="Is this urgent?", icon="🚑", url_path="urgent"),
        st.Page("app_pages/about.py", title="About and sources", icon="📚", url_path="about"),
    ],
    position="top",
)
st.set_page_config(page_title=f"{page.title} · Back & Knee")

if page.url_path != "urgent":
    chrome.urgent_notice(content.site)
body = st.empty()
try:
    with body.container():
        page.run()
except Exception as error:  # a patient must never see a traceback, nor half a page
    body.empty()
    chrome.show_updating_page(error)
chrome.footer(content.site)
