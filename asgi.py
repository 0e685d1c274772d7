"""Back & Knee's server: app.py served by Streamlit, each page with our own head, and the first
run's work done while the first browser loads (backknee/ui/server.py). `streamlit run asgi.py`
finds `app` below and serves it: make run, make serve, the containers and the tests all start
the app this way. It imports little, so the server listens as soon as a bare app's would."""

import streamlit as st
from starlette.middleware import Middleware

from backknee import APP_NAME
from backknee.ui.server import PageHead, warming_up

app = st.App("app.py", middleware=[Middleware(PageHead, title=APP_NAME)], lifespan=warming_up)
