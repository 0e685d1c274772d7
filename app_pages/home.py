"""Home: how back and knee pain are connected, the compensation cycle, and where to go next."""

import streamlit as st

from backknee.content.pages.home import HomePage
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.home import cycle_explorer, cycle_in_words

content = get_content()
home = content.page("home", HomePage)

st.title(home.heading)
# The picture first, after one short line: on a tablet's first screen, and straight after the
# lead on a phone. The words that explain it follow.
st.markdown(home.lead)
cycle_explorer(home.cycle, content, home.sources_label)
st.header(home.cycle.heading)
st.markdown(home.cycle.intro)
cycle_in_words(home.cycle, content, home.sources_label)

st.header(home.facts_heading)
st.markdown(home.intro)
chrome.facts(home.facts, content, home.sources_label)

st.header(home.tiles_heading)
chrome.tiles(home.tiles, content.site)

chrome.clinic_contact(content)
