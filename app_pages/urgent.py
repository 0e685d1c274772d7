"""Is this urgent? The warning signs for back and knee, grouped by what to do."""

import streamlit as st

from backknee.content.pages.urgent import UrgentPage
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.state import warning_level_box

content = get_content()
page = content.page("urgent", UrgentPage)
flags = content.red_flags

st.title(page.heading)
st.markdown(page.intro)
chrome.sources(page.sources_label, content.cite(page.references))

# Each heading with its words as one element: every element costs time on each rerun.
for level in flags.levels:
    with st.container(border=True, key=warning_level_box(level.level)):
        st.markdown(f"## {level.icon} {level.heading}\n\n**{level.action}**")
        for column, label, signs in zip(
            st.columns(2), (flags.back_label, flags.knee_label), (level.back, level.knee), strict=True
        ):
            with column:
                st.markdown(f"### {label}\n\n{chrome.warning_sign_lines(signs)}")
        chrome.sources(page.sources_label, content.cite(level.references))

st.info(page.not_sure, icon=":material/call:")
st.markdown(page.clinic_note)
chrome.clinic_contact(content)
