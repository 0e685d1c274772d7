"""AppTest helpers: run the real app.py, as the server would, one page at a time."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from backknee.content.loader import load_content
from backknee.ui.pages import page_script
from tests.conftest import CONTENT, ROOT

APP = str(ROOT / "app.py")


def registered_pages() -> list[str]:
    """The page scripts that app.py hands to st.navigation: one per entry of the menu in
    content/site.yaml."""
    return [page_script(item.page) for item in load_content(CONTENT).site.menu]


@pytest.fixture
def open_page() -> Callable[[str], AppTest]:
    """Start a fresh session and open one page: open_page('app_pages/urgent.py')."""

    def open_(script: str = "app_pages/home.py") -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30).run()
        if script != "app_pages/home.py":
            at.switch_page(script).run()
        return at

    return open_


def all_text(at: AppTest) -> str:
    """Every piece of text on the page, joined, for 'does the patient see X' checks."""
    parts = [
        e.value for kind in ("title", "header", "subheader", "markdown", "caption") for e in getattr(at, kind)
    ]
    parts += [e.body for e in at.info]
    return "\n".join(str(p) for p in parts)
