"""The page's own scripts and style, sent with st.html."""

from __future__ import annotations

import pytest

from backknee.ui import chrome
from tests.paths import ROOT

ASSETS = ROOT / "backknee" / "ui" / "assets"
SCRIPTS = sorted(ASSETS.glob("*.js"))


def test_there_are_scripts_to_check():
    assert {path.name for path in SCRIPTS} >= {"touch.js", "kiosk.js"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_the_script_has_no_angle_bracket_that_the_html_sanitiser_would_take_for_a_tag(script):
    """A '<seconds>' in a comment once stopped the whole script from running: st.html cleans
    the HTML it is given, and a tag-like word inside the script ends it there."""
    assert "<" not in script.read_text(encoding="utf-8")


def test_every_script_in_assets_is_sent_with_the_page():
    assert sorted(chrome.SCRIPTS) == [path.name for path in SCRIPTS], (
        "a script in backknee/ui/assets/ that chrome.SCRIPTS does not name is never sent"
    )
