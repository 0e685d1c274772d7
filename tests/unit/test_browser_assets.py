"""The page's own script and style, sent with st.html."""

from __future__ import annotations

from tests.conftest import ROOT

SCRIPT = ROOT / "backknee" / "ui" / "assets" / "browser_fixes.js"


def test_the_script_has_no_angle_bracket_that_the_html_sanitiser_would_take_for_a_tag():
    """A '<seconds>' in a comment once stopped the whole script from running: st.html cleans
    the HTML it is given, and a tag-like word inside the script ends it there."""
    assert "<" not in SCRIPT.read_text(encoding="utf-8")
