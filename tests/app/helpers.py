"""What the AppTest tests share: the app's entry point, the pages it registers, and the text
on a page. The fixtures are in conftest.py."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from backknee.content.loader import load_content
from backknee.ui.pages import page_script
from tests.paths import CONTENT, ROOT

APP = str(ROOT / "app.py")


def registered_pages(kiosk: bool = False) -> list[str]:
    """The page scripts that app.py hands to st.navigation: one per entry of the menu in
    content/site.yaml (a kiosk's welcome page only on a kiosk)."""
    return [page_script(item.page) for item in load_content(CONTENT).site.menu if kiosk or not item.kiosk]


def all_text(at: AppTest) -> str:
    """Every piece of text on the page, joined, for 'does the patient see X' checks."""
    parts = [
        e.value for kind in ("title", "header", "subheader", "markdown", "caption") for e in getattr(at, kind)
    ]
    parts += [e.body for e in at.info]
    return "\n".join(str(p) for p in parts)
