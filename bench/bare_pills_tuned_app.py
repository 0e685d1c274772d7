"""The bare pills app with the app's two server fixes (backknee/ui/server.py): for bench/tuning.py,
which shows what they save on a bare app too, like for like."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st

from backknee.ui import server

choice = st.pills("Choose", ["one", "two", "three", "four", "five", "six"], key="choice")
st.write(f"You chose {choice}.")
server.tune(content=None)
