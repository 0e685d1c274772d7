"""The yardstick: a bare Streamlit app with one slider, run in the same process as our pages."""

import streamlit as st

value = st.slider("Value", 0, 100, 50, key="value")
st.write(f"The value is {value}.")
