"""The page's own scripts (files in static/, which Streamlit serves at app/static/) and style."""

from __future__ import annotations

import pytest

from backknee.content.loader import load_content
from backknee.ui import chrome
from tests.paths import CONTENT, ROOT

STATIC = ROOT / "static"
SCRIPTS = sorted(STATIC.glob("*.js"))
CONFIG = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")


def test_there_are_scripts_to_check():
    assert {path.name for path in SCRIPTS} >= {"touch.js", "kiosk.js"}


def test_streamlit_serves_the_static_folder():
    assert "enableStaticServing = true" in CONFIG, "without it, app/static/ answers 404 and no script runs"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_the_script_has_no_angle_bracket_that_could_end_a_script_tag(script):
    """A '<seconds>' in a comment once stopped a whole inline script from running. The
    scripts are files now, but one may yet be pasted inline while debugging."""
    assert "<" not in script.read_text(encoding="utf-8")


def test_every_script_in_static_is_sent_with_the_page_or_to_a_kiosk():
    assert sorted(chrome.SCRIPTS + chrome.KIOSK_SCRIPTS) == [path.name for path in SCRIPTS], (
        "a script in static/ that neither chrome.SCRIPTS nor chrome.KIOSK_SCRIPTS names is never sent"
    )


def test_no_script_is_sent_inline():
    """The proxy's Content-Security-Policy refuses inline scripts: each is a file, by its address."""
    assets = chrome._page_assets(load_content(CONTENT).site)
    assert "<script>" not in assets
    assert '<script src="/app/static/touch.js"></script>' in assets
