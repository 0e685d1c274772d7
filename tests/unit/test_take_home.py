"""The plan to take home: the PDF holds the plan's words and the warning signs, the calendar
file has one event per session, and the QR code is a real PNG."""

from __future__ import annotations

import io
from datetime import date, datetime, time

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from backknee.content.loader import load_content
from backknee.content.pages.plan import PlanPage
from backknee.explorer.advisor import Answers, advise
from backknee.explorer.plan import from_outcome, from_shared
from backknee.explorer.share import decode
from backknee.explorer.take_home import plan_calendar, plan_pdf, qr_png, session_dates
from backknee.vocab import Confidence, Urgency
from tests.paths import CONTENT
from tests.unit.codes import crafted

CONTENT_NOW = load_content(CONTENT)
WORDS = CONTENT_NOW.page("plan", PlanPage)


def plan_for(**answers):
    c = CONTENT_NOW
    outcome = advise(Answers(**answers), c.red_flags, c.rules, c.tips, c.exercises)
    view = from_outcome(outcome, c.tips, c.exercises, c.rules, WORDS)
    assert view is not None
    return view


def pdf_text(view) -> str:
    data = plan_pdf(view, WORDS, CONTENT_NOW.red_flags, CONTENT_NOW.clinic, date(2026, 11, 25))
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def squash(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_names_every_exercise_with_its_dose_and_the_pain_rule():
    view = plan_for(minutes=30, confidence=Confidence.HIGH, pain=2)
    text = pdf_text(view)
    for item in view.exercises:
        assert item.exercise.name in text
        assert squash(item.dose) in text
    assert squash(WORDS.pain_rule)[:60] in text


def test_the_pdf_lists_the_emergency_and_urgent_warning_signs_and_the_clinic():
    text = pdf_text(plan_for())
    for level in CONTENT_NOW.red_flags.levels:
        if level.level == Urgency.ROUTINE:
            continue
        assert squash(level.heading) in text
        for sign in level.back + level.knee:
            assert squash(sign.text)[:40] in text
    assert CONTENT_NOW.clinic.name in text
    assert CONTENT_NOW.clinic.phone in text


def test_the_pdf_has_a_row_to_tick_for_every_session_of_six_weeks():
    view = plan_for(minutes=30)
    text = pdf_text(view)
    for week in range(1, 7):
        for session in range(1, view.sessions_per_week + 1):
            assert WORDS.pdf_row.format(week=week, session=session) in text


def test_the_pdf_never_holds_the_patients_answers():
    """The plan has ids and words from content only: the pain score is nowhere in it."""
    text = pdf_text(plan_for(pain=9, confidence=Confidence.LOW))
    assert "9 out of 10" not in text
    assert "pain 9" not in text.lower()


def test_the_calendar_file_parses_back_with_one_event_and_reminder_per_session():
    view = plan_for(minutes=30, confidence=Confidence.HIGH)
    data = plan_calendar(view, WORDS, date(2026, 11, 30), time(10, 0), datetime(2026, 11, 25, 12, 0))
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 6 * view.sessions_per_week
    first = events[0]
    assert first.decoded("dtstart") == datetime(2026, 11, 30, 10, 0)
    assert str(first.get("summary")) == WORDS.event_title.format(week=1, session=1)
    assert all(len(list(event.walk("VALARM"))) == 1 for event in events)
    assert len({str(event.get("uid")) for event in events}) == len(events)
    for item in view.exercises:
        assert item.exercise.name in str(first.get("description"))


def test_sessions_fall_on_the_same_days_each_week():
    assert session_dates(date(2026, 11, 30), 2, 2) == [
        date(2026, 11, 30), date(2026, 12, 3), date(2026, 12, 7), date(2026, 12, 10)
    ]  # fmt: skip
    with pytest.raises(ValueError, match="sessions a week must be 2 or 3; got 4"):
        session_dates(date(2026, 11, 30), 4, 1)


def test_the_qr_code_is_a_png_made_here():
    assert qr_png("http://localhost:8501/plan?code=BK1-ABCD").startswith(b"\x89PNG")


def test_the_pdf_and_the_calendar_file_hold_only_the_tips_and_exercises_of_a_re_checked_plan():
    """A code that asks for acupuncture and TENS: the PDF and the calendar file are made from
    the plan as re-checked, so neither names them anywhere."""
    code = crafted(["acupuncture", "walking", "tens"], [("bridge", 1), ("clam", 0)])
    c = CONTENT_NOW
    view = from_shared(decode(code, c.tips.keys(), c.exercises.keys()), c.tips, c.exercises, WORDS)
    text = pdf_text(view)
    ics = plan_calendar(view, WORDS, date(2026, 11, 30), time(10, 0), datetime(2026, 11, 25, 12, 0)).decode()
    assert c.tips["walking"].title in text
    for refused in ("acupuncture", "tens"):
        name = c.tips[refused].title.split(":")[0]
        assert name not in text and name.lower() not in text.lower()
        assert name not in ics


def test_a_same_day_sign_gives_no_plan_to_take_home():
    urgent_sign = CONTENT_NOW.red_flags.signs(Urgency.URGENT)[0].id
    c = CONTENT_NOW
    outcome = advise(
        Answers(warning_signs=frozenset({urgent_sign})), c.red_flags, c.rules, c.tips, c.exercises
    )
    assert from_outcome(outcome, c.tips, c.exercises, c.rules, WORDS) is None
