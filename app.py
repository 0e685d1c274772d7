"""Back & Knee: the router. Page config, navigation, shared chrome, then the chosen page."""

import streamlit as st

from backknee import APP_NAME
from backknee.ui import chrome, server
from backknee.ui.content import get_content
from backknee.ui.pages import menu_pages
from backknee.ui.state import page_opened

st.set_page_config(page_title=APP_NAME, page_icon=chrome.FAVICON, layout="centered")
chrome.apply_style()

try:
    kiosk = chrome.kiosk_mode()
    content = get_content()
except Exception as error:  # a ContentError, a SettingsError, or content/ could not be read
    chrome.show_updating_page(error)
    st.stop()

page = st.navigation(
    menu_pages(content.site, kiosk),
    position="top",
)
st.set_page_config(page_title=f"{page.title} · {APP_NAME}")
page_opened(page.url_path)

chrome.menu_label(content.site)
chrome.redraw_after_reconnect()
if kiosk:
    chrome.kiosk_bar(content.site)
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
chrome.page_scripts(content.site)
server.tune(content)  # once per server process, not per tap: see backknee/ui/server.py
