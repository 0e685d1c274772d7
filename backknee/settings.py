"""How this server runs the app: read once, at start, from the environment (never from a URL).

    BACKKNEE_KIOSK=1                      a shared clinic tablet (off unless set)
    BACKKNEE_KIOSK_IDLE_SECONDS=90        quiet time before "Are you still there?"
    BACKKNEE_KIOSK_WARNING_SECONDS=15     the countdown before everything is cleared
    BACKKNEE_PUBLIC_URL=https://...       the address a patient's phone opens from a QR code
    BACKKNEE_TUNE_SERVER=0                Streamlit's server left as it ships (on unless set to 0;
                                          backknee/ui/server.py says what it changes)

`make kiosk` sets the first. docs/deploy.md says how a clinic sets them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

KIOSK = "BACKKNEE_KIOSK"
IDLE = "BACKKNEE_KIOSK_IDLE_SECONDS"
WARNING = "BACKKNEE_KIOSK_WARNING_SECONDS"
PUBLIC_URL = "BACKKNEE_PUBLIC_URL"
TUNE_SERVER = "BACKKNEE_TUNE_SERVER"
ON = {"1", "true", "yes", "on"}
OFF = {"", "0", "false", "no", "off"}


class SettingsError(ValueError):
    """A setting the server cannot start with, said so that whoever set it can fix it."""


@dataclass(frozen=True)
class Settings:
    kiosk: bool = False
    idle_seconds: int = 90
    warning_seconds: int = 15
    public_url: str | None = None
    """Where a phone opens a plan's QR code. Unset: the address the page was opened at."""
    tune_server: bool = True
    """Off: Streamlit's server as it ships, for bench/ to measure what the tuning saves, and a
    way back should it ever misbehave on a clinic's server."""


def _seconds(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or not low <= int(text) <= high:
        raise SettingsError(f"{name} must be a whole number of seconds from {low} to {high}, not {text!r}")
    return int(text)


def from_environment(env: Mapping[str, str]) -> Settings:
    """The settings in `env`; a value that makes no sense stops the start with a clear message."""
    kiosk = env.get(KIOSK, "").strip().lower()
    if kiosk not in ON | OFF:
        raise SettingsError(f"{KIOSK} must be 1 (a shared tablet) or 0, not {kiosk!r}")
    tune = env.get(TUNE_SERVER, "").strip().lower()
    if tune not in ON | OFF:
        raise SettingsError(f"{TUNE_SERVER} must be 1 (the server tuned, as usual) or 0, not {tune!r}")
    public_url = env.get(PUBLIC_URL, "").strip().rstrip("/") or None
    if public_url:
        parts = urlsplit(public_url)
        if parts.scheme not in {"https", "http"} or not parts.netloc or parts.query or parts.fragment:
            raise SettingsError(f"{PUBLIC_URL} must be the app's address, such as https://guide.example.org")
    return Settings(
        kiosk=kiosk in ON,
        idle_seconds=_seconds(env, IDLE, Settings.idle_seconds, low=5, high=3600),
        warning_seconds=_seconds(env, WARNING, Settings.warning_seconds, low=3, high=300),
        public_url=public_url,
        tune_server=tune in ON or not tune,
    )


@cache
def settings() -> Settings:
    """This server's settings, read from its environment the first time they are asked for."""
    return from_environment(os.environ)
