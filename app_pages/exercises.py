"""Exercises: every exercise with a moving demonstration, still pictures and how to do it."""

import streamlit as st

from backknee.models import ExercisesPage, PlanPage
from backknee.ui.content import get_content
from backknee.ui.exercises_view import library

content = get_content()
page = content.page("exercises", ExercisesPage)

st.title(page.heading)
st.markdown(page.intro)
st.info(page.safety_note, icon="ℹ️")
library(page, content, content.page("plan", PlanPage))
