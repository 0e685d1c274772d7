"""The Streamlit settings that keep patients private and the app calm are really set."""

from __future__ import annotations

import tomllib

from tests.paths import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_nothing_is_sent_to_streamlit_and_no_outside_host_is_asked_for_an_address():
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["browser"]["serverAddress"] == "localhost"


def test_a_patient_never_sees_error_details_or_links_to_outside_help():
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["client"]["showErrorLinks"] is False
    assert CONFIG["client"]["toolbarMode"] == "minimal"


def test_the_server_runs_for_production_on_a_shared_tablet():
    server = CONFIG["server"]
    assert server["headless"] is True
    assert server["fileWatcherType"] == "none"
    assert server["enableXsrfProtection"] is True
    assert server["disconnectedSessionTTL"] <= 60, "a left session must not linger for the next patient"


def test_the_text_is_at_least_16_px():
    assert CONFIG["theme"]["baseFontSize"] >= 16
