"""Back & Knee: the logic behind the patient-education app.

Nothing in this package imports streamlit except the ``backknee.ui`` sub-package.
"""

APP_NAME = "Back & Knee"
"""The app's name: in the browser's tab, after each page's title (app.py), and before the
app's first run (asgi.py)."""
