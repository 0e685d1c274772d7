"""The browser yardstick for a tap: a bare Streamlit app with one pills widget."""

import streamlit as st

choice = st.pills("Choose", ["one", "two", "three", "four", "five", "six"], key="choice")
st.write(f"You chose {choice}.")
