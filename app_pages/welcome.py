"""Welcome: the first screen on a shared clinic tablet (kiosk mode only), large tiles to the
main pages."""

import streamlit as st

from backknee.content.pages.welcome import WelcomePage
from backknee.ui import chrome
from backknee.ui.content import get_content

content = get_content()
welcome = content.page("welcome", WelcomePage)

st.title(welcome.heading)
st.markdown(welcome.intro)
chrome.tiles(welcome.tiles, content.site)
st.info(welcome.privacy, icon=":material/lock:")
