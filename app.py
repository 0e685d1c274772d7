"""Back & Knee: the router. Page config, navigation, shared chrome, then the chosen page."""

import streamlit as st

from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.pages import page_script

st.set_page_config(page_title="Back & Knee", page_icon="🦵", layout="centered")
chrome.apply_style()

try:
    content = get_content()
except Exception as error:  # ContentError, or the folder could not be read at all
    chrome.show_updating_page(error)
    st.stop()

page = st.navigation(
    [
        st.Page(
            page_script(item.page),
            title=item.title,
            icon=item.icon,
            url_path=item.page,
            default=item.page == "home",
            visibility="hidden" if item.hidden else "visible",
        )
        for item in content.site.menu
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
