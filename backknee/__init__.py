"""Back & Knee: the logic behind the patient-education app.

Nothing in this package imports streamlit except the ``backknee.ui`` sub-package.
"""
