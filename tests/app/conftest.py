"""AppTest helpers: run the real app.py, as the server would, one page at a time."""

from __future__ import annotations

import ast
from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "app.py")


def registered_pages() -> list[str]:
    """The page scripts that app.py hands to st.navigation, read from its source."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", None) == "Page"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


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
