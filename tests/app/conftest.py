"""AppTest fixtures: run the real app.py, as the server would, one page at a time. The
helpers the tests share are in helpers.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.helpers import APP


@pytest.fixture
def open_page() -> Callable[[str], AppTest]:
    """Start a fresh session and open one page: open_page('app_pages/urgent.py')."""

    def open_(script: str = "app_pages/home.py") -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30).run()
        if script != "app_pages/home.py":
            at.switch_page(script).run()
        return at

    return open_
