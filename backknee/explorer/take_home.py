"""The plan to take home: a PDF (fpdf2), a calendar file (icalendar) and a QR code (segno).

Pure: a plan and words in, bytes out, all made on this server with no request to anywhere
else. The files hold the plan (exercises, levels, tips), never the patient's answers.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from pathlib import Path

import segno
from fpdf import FPDF
from icalendar import Alarm, Calendar, Event

from backknee.charts import style
from backknee.content.pages.plan import PlanPage
from backknee.content.shared import Clinic, RedFlagsFile
from backknee.explorer.plan import PlanView
from backknee.mechanics.constants import HEAD_RADIUS
from backknee.mechanics.stick import LINES, Angles, place
from backknee.vocab import Anchor, Urgency

FONTS = Path(__file__).parent / "fonts"
INK = style.rgb(style.INK)
FAINT = (140, 150, 160)
FIGURE_HEIGHT_MM = 26.0
"""How tall a standing figure is drawn in the PDF."""
SESSION_DAYS = {2: (0, 3), 3: (0, 2, 4)}
"""Which days of the week (0 = the start day) the sessions fall on."""


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(15, 15, 15)
    pdf.set_text_color(*INK)
    pdf.set_title("Back & Knee plan")
    pdf.set_creator("Back & Knee")
    return pdf


def _heading(pdf: FPDF, text: str, size: int = 15) -> None:
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _text(pdf: FPDF, text: str, size: int = 11, bold: bool = False) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")


def _figure(
    pdf: FPDF, angles_list: list[Angles], anchor: Anchor, left: float, top: float, box: float
) -> None:
    """Draw each still of an exercise side by side, each fitted into a square `box` mm wide,
    all at one scale so the moves compare."""
    placed = [place(angles, anchor) for angles in angles_list]
    width = (
        max(max(x for x, _ in p.values()) - min(x for x, _ in p.values()) for p in placed) + 2 * HEAD_RADIUS
    )
    height = max(max(y for _, y in p.values()) for p in placed) + 2 * HEAD_RADIUS
    scale = min(FIGURE_HEIGHT_MM, (box - 4) / width, (box - 6) / height)
    for index, points in enumerate(placed):
        xs = [x for x, _ in points.values()]
        middle = (min(xs) + max(xs)) / 2
        origin_x = left + index * box + box / 2 - middle * scale
        floor_y = top + box - 3

        def at(point: tuple[float, float], ox: float = origin_x, fy: float = floor_y) -> tuple[float, float]:
            return ox + point[0] * scale, fy - point[1] * scale

        pdf.set_draw_color(*FAINT)
        pdf.set_line_width(0.3)
        pdf.line(left + index * box + 2, floor_y, left + (index + 1) * box - 2, floor_y)
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.9)
        for start, end in LINES:
            (x1, y1), (x2, y2) = at(points[start]), at(points[end])
            pdf.line(x1, y1, x2, y2)
        hx, hy = at(points["head"])
        r = HEAD_RADIUS * scale
        pdf.ellipse(hx - r, hy - r, 2 * r, 2 * r)


def plan_pdf(view: PlanView, words: PlanPage, red_flags: RedFlagsFile, clinic: Clinic, today: date) -> bytes:
    """The plan as a printable PDF: exercises drawn as stick figures with their doses and
    levels, the weeks, the pain rule, tips, the warning signs, the clinic's contact, and a
    six-week chart to tick off."""
    pdf = _pdf()
    pdf.add_page()
    _heading(pdf, words.pdf_title, 20)
    _text(pdf, words.pdf_intro)
    _text(pdf, today.strftime("%-d %B %Y"), 9)
    _heading(pdf, words.exercises_heading)
    _text(pdf, words.sessions.format(count=view.sessions_per_week))
    for item in view.exercises:
        box = 32.0
        stills = [k.angles for k in item.exercise.keyframes][:3]
        if pdf.get_y() + box + 30 > pdf.h - pdf.b_margin:
            pdf.add_page()
        top = pdf.get_y() + 1
        _figure(pdf, stills, item.exercise.anchor, pdf.l_margin, top, box)
        text_left = pdf.l_margin + box * len(stills) + 4
        pdf.set_xy(text_left, top)
        pdf.set_font("DejaVu", "B", 12)
        pdf.multi_cell(pdf.w - pdf.r_margin - text_left, 6, item.exercise.name, new_x="LEFT", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(pdf.w - pdf.r_margin - text_left, 5, item.dose, new_x="LEFT", new_y="NEXT")
        pdf.multi_cell(pdf.w - pdf.r_margin - text_left, 5, item.version, new_x="LEFT", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), top + box) + 1)
        _text(pdf, item.exercise.starting_position, 10)
        for number, step in enumerate(item.exercise.steps, start=1):
            _text(pdf, f"{number}. {step}", 10)
        for caution in item.exercise.cautions:
            _text(pdf, f"! {caution}", 10)
        pdf.ln(3)

    _heading(pdf, words.weeks_heading)
    for line in view.weeks:
        _text(pdf, line, 10)
    _heading(pdf, words.pain_rule_heading)
    _text(pdf, words.pain_rule, 10)

    if view.tips:
        _heading(pdf, words.tips_heading)
        for plan_tip in view.tips:
            _text(pdf, plan_tip.tip.title, 11, bold=True)
            _text(pdf, plan_tip.tip.summary, 10)

    _heading(pdf, words.warning_heading)
    _text(pdf, words.warning_text, 10)
    for level in red_flags.levels:
        if level.level == Urgency.ROUTINE:
            continue
        _text(pdf, level.heading, 11, bold=True)
        _text(pdf, level.action, 10)
        for sign in level.back + level.knee:
            _text(pdf, f"• {sign.text}", 10)

    _heading(pdf, words.pdf_contact_heading)
    _text(pdf, clinic.name, 11, bold=True)
    _text(pdf, f"{clinic.phone} ({clinic.phone_hours})", 10)
    _text(pdf, ", ".join(clinic.address), 10)

    pdf.add_page()
    _heading(pdf, words.pdf_tracking_heading)
    _text(pdf, words.pdf_tracking_intro, 10)
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 10)
    with pdf.table(col_widths=(50, 25, 35, 35), line_height=7) as table:
        header = table.row()
        for column in words.pdf_columns:
            header.cell(column)
        for week in range(1, view_weeks(view) + 1):
            for session in range(1, view.sessions_per_week + 1):
                row = table.row()
                row.cell(words.pdf_row.format(week=week, session=session))
                row.cell("☐")
                row.cell("")
                row.cell("")
    pdf.ln(3)
    _text(pdf, words.pdf_footer, 8)
    return bytes(pdf.output())


def view_weeks(view: PlanView) -> int:
    return len(view.weeks)


def session_dates(start: date, sessions_per_week: int, weeks: int) -> list[date]:
    """The day of each session: the same days every week, the first on `start`."""
    days = SESSION_DAYS.get(sessions_per_week)
    if days is None:
        raise ValueError(f"sessions a week must be 2 or 3; got {sessions_per_week}")
    return [start + timedelta(weeks=week, days=day) for week in range(weeks) for day in days]


def plan_calendar(view: PlanView, words: PlanPage, start: date, at: time, stamp: datetime) -> bytes:
    """A calendar file (.ics) with one event per session and a reminder 30 minutes before.

    Times are "floating" (no time zone), so a session at 10:00 stays at 10:00 wherever the
    calendar is. `stamp` is when the file was made, passed in so the file is reproducible.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Back & Knee//Exercise plan//EN")
    calendar.add("version", "2.0")
    names = ", ".join(f"{item.exercise.name} ({item.dose})" for item in view.exercises)
    dates = session_dates(start, view.sessions_per_week, len(view.weeks))
    for number, day in enumerate(dates):
        week, session = divmod(number, view.sessions_per_week)
        event = Event()
        event.add("uid", f"backknee-{start.isoformat()}-{number + 1}@backknee.local")
        event.add("dtstamp", stamp)
        event.add("summary", words.event_title.format(week=week + 1, session=session + 1))
        event.add("description", words.event_description.format(exercises=names))
        begins = datetime.combine(day, at)
        event.add("dtstart", begins)
        event.add("dtend", begins + timedelta(minutes=30))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", words.event_title.format(week=week + 1, session=session + 1))
        alarm.add("trigger", timedelta(minutes=-30))
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def qr_png(text: str, scale: int = 6) -> bytes:
    """A QR code as a PNG, drawn here (segno), for a phone camera to open the plan."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=3)
    return buffer.getvalue()
