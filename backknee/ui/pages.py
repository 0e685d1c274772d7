"""Where each page's script lives: content/pages/<id>.yaml belongs to app_pages/<id>.py.

The folder is not called `pages/` on purpose. Streamlit treats a `pages/` folder beside the
main script as an old-style multipage app until `st.navigation` has run once: the first
visitor to open a deep link (say /urgent) after a server start would get a page without
our navigation, our urgent-help notice or our error handling. tests/unit/test_layers.py
keeps it that way.
"""

from __future__ import annotations


def page_script(page_id: str) -> str:
    """The script path of a page, as registered with st.navigation in app.py."""
    return f"app_pages/{page_id}.py"
