"""Exercises: every exercise with a moving demonstration, still pictures and how to do it."""

import streamlit as st

from backknee.content.pages.exercises import ExercisesPage
from backknee.content.pages.plan import PlanPage
from backknee.ui.content import get_content
from backknee.ui.exercises import library

content = get_content()
page = content.page("exercises", ExercisesPage)

st.title(page.heading)
st.markdown(page.intro)
st.info(page.safety_note, icon=":material/info:")
library(page, content, content.page("plan", PlanPage))
