"""Dates written the way UK readers expect."""

from __future__ import annotations

from datetime import date


def uk_date(day: date) -> str:
    """A date as '25 November 2026'."""
    return f"{day.day} {day:%B %Y}"
