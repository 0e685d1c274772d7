"""The server's settings: kiosk mode and its times are set only by the server's environment,
off unless asked for, and a value that makes no sense is refused with a clear message."""

from __future__ import annotations

import pytest

from backknee.settings import Settings, SettingsError, from_environment


def test_with_nothing_set_the_app_is_not_a_kiosk():
    assert from_environment({}) == Settings(kiosk=False, idle_seconds=90, warning_seconds=15, public_url=None)


@pytest.mark.parametrize("value", ["1", "true", "yes", "on", " 1 ", "TRUE"])
def test_kiosk_mode_is_switched_on_by_the_server(value):
    assert from_environment({"BACKKNEE_KIOSK": value}).kiosk


@pytest.mark.parametrize("value", ["", "0", "false", "no", "off"])
def test_kiosk_mode_can_be_switched_off(value):
    assert not from_environment({"BACKKNEE_KIOSK": value}).kiosk


def test_the_idle_and_warning_times_come_from_the_server():
    chosen = from_environment(
        {"BACKKNEE_KIOSK": "1", "BACKKNEE_KIOSK_IDLE_SECONDS": "120", "BACKKNEE_KIOSK_WARNING_SECONDS": "20"}
    )
    assert (chosen.idle_seconds, chosen.warning_seconds) == (120, 20)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BACKKNEE_KIOSK", "maybe"),
        ("BACKKNEE_KIOSK_IDLE_SECONDS", "2"),
        ("BACKKNEE_KIOSK_IDLE_SECONDS", "ninety"),
        ("BACKKNEE_KIOSK_IDLE_SECONDS", "-5"),
        ("BACKKNEE_KIOSK_WARNING_SECONDS", "1000"),
        ("BACKKNEE_PUBLIC_URL", "guide.example.org"),
        ("BACKKNEE_PUBLIC_URL", "https://guide.example.org/?kiosk=1"),
        ("BACKKNEE_PUBLIC_URL", "javascript:alert(1)"),
    ],
)
def test_a_setting_that_makes_no_sense_is_refused_by_name(name, value):
    with pytest.raises(SettingsError, match=name):
        from_environment({name: value})


def test_the_public_address_is_kept_without_its_last_slash():
    assert from_environment({"BACKKNEE_PUBLIC_URL": "https://guide.example.org/"}).public_url == (
        "https://guide.example.org"
    )


def test_the_server_is_tuned_unless_told_not_to():
    assert from_environment({}).tune_server
    assert from_environment({"BACKKNEE_TUNE_SERVER": "1"}).tune_server
    assert not from_environment({"BACKKNEE_TUNE_SERVER": "0"}).tune_server
    assert not from_environment({"BACKKNEE_TUNE_SERVER": " off "}).tune_server


def test_a_tuning_setting_that_makes_no_sense_stops_the_start_with_its_name():
    with pytest.raises(SettingsError, match="BACKKNEE_TUNE_SERVER must be 1"):
        from_environment({"BACKKNEE_TUNE_SERVER": "fast"})
