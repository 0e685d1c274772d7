"""The guided explorer ("What helps") and the plan page in a real browser: the safety check,
the questions, the suggestions, the plan with its PDF and calendar file, and the plan code.
Every expected word comes from the content files and every suggestion from backknee.explorer.advisor."""

from __future__ import annotations

from io import BytesIO
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, expect
from pypdf import PdfReader

from backknee.explorer.advisor import WEEKS, advise
from backknee.explorer.plan import from_outcome
from backknee.explorer.screens import answers_from
from backknee.explorer.share import encode
from backknee.vocab import Confidence, Difficulty, Joint
from tests.e2e.explorer import (
    MINUTES,
    PAIN,
    PLAN,
    TIPS,
    next_button,
    screen_box,
    walk_to_plan,
    walk_to_stop,
    walk_to_today,
)
from tests.e2e.helpers import (
    CONTENT_NOW,
    PHONE,
    TABLET_LANDSCAPE,
    UPDATE,
    Visit,
    axe_violations,
    controls_under_44_px,
    one_line,
    outside_requests,
    press,
)

STORE = {  # the answers the journey gives, as the explorer keeps them
    "emergency": "no",
    "urgent": "no",
    "routine": "no",
    "where": Joint.BOTH.value,
    "pain": PAIN,
    "hard": [Difficulty.STAIRS.value],
    "minutes": MINUTES,
    "confidence": Confidence.LOW.value,
}
OUTCOME = advise(
    answers_from(STORE, CONTENT_NOW.red_flags),
    CONTENT_NOW.red_flags,
    CONTENT_NOW.rules,
    CONTENT_NOW.tips,
    CONTENT_NOW.exercises,
)
assert OUTCOME.plan is not None, "the journey's answers must lead to a plan"
FIRST_TIP = CONTENT_NOW.tips[OUTCOME.tips[0].tip_id].title
EXERCISES = [CONTENT_NOW.exercises[p.exercise_id].name for p in OUTCOME.plan.exercises]
SESSIONS = WEEKS * OUTCOME.plan.sessions_per_week
PLAN_VIEW = from_outcome(OUTCOME, CONTENT_NOW.tips, CONTENT_NOW.exercises, CONTENT_NOW.rules, PLAN)
assert PLAN_VIEW is not None
CODE = encode(PLAN_VIEW.shared)


def exercise_names(tab: Visit) -> Locator:
    """The names of the plan's exercises, in order (expect(...).to_have_text([...]))."""
    return tab.page.locator("[class*=st-key-plan_exercise_] h3")


def download(tab: Visit, key: str) -> tuple[str, bytes]:
    """Tap a download button; the file's suggested name and its bytes."""
    button = tab.page.locator(f".st-key-{key}").get_by_role("button")
    with tab.page.expect_download(timeout=30_000) as started:
        press(tab, button)
    file = started.value
    path = file.path()
    return file.suggested_filename, path.read_bytes()


def plan_code(tab: Visit) -> Locator:
    """The plan code the page shows."""
    before = PLAN.code_shown.split("{code}")[0]
    return tab.page.locator("[data-testid=stMarkdownContainer]").filter(has_text=before).locator("code")


def test_a_patient_answers_every_question_on_a_tablet_and_takes_the_plan_home(visit):
    tab = visit(TABLET_LANDSCAPE)
    first_tip: list[str] = []

    def on_screen(step: str) -> None:
        if step == "result":
            cards = screen_box(tab).locator("[class*=st-key-tip_result_]")
            expect(cards).to_have_count(len(OUTCOME.tips))
            title = cards.first.locator("h3").first
            expect(title).to_have_text(FIRST_TIP, use_inner_text=True)
            first_tip.append(title.inner_text())

    walk_to_plan(tab, on_screen)
    assert first_tip == [FIRST_TIP]
    expect(exercise_names(tab)).to_have_text(EXERCISES, use_inner_text=True)
    expect(tab.page.locator("[data-testid=stMain]")).to_contain_text(
        one_line(PLAN.sessions.format(count=OUTCOME.plan.sessions_per_week)), use_inner_text=True
    )

    name, pdf = download(tab, "plan_pdf")
    assert name.endswith(".pdf")
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
    text = one_line(" ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages))
    for exercise in EXERCISES:
        assert exercise in text, f"the PDF names {exercise}"

    name, ics = download(tab, "plan_ics")
    assert name.endswith(".ics")
    calendar = ics.decode("utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert calendar.count("BEGIN:VEVENT") == SESSIONS


def test_a_yes_to_the_emergency_signs_stops_at_the_urgent_advice(visit):
    tab = visit(TABLET_LANDSCAPE)
    walk_to_stop(tab)
    box = screen_box(tab)
    expect(box).to_contain_text(one_line(TIPS.emergency_result_text)[:60], timeout=UPDATE)
    expect(tab.page.locator("[class*=st-key-tip_]"), "no tip card").to_have_count(0)
    plan_link = box.get_by_role("link", name=TIPS.plan_link.label)
    expect(plan_link, "no plan link in the explorer").to_have_count(0)
    expect(
        tab.page.get_by_role("link", name=TIPS.plan_link.label),
        "no plan link anywhere on the stop screen (an exercise plan is not right for you today)",
    ).to_have_count(0)
    expect(next_button(tab)).to_have_count(0)
    press(tab, box.get_by_role("link", name=CONTENT_NOW.site.urgent_link_label))
    heading = CONTENT_NOW.pages["urgent"].heading
    expect(tab.page.get_by_role("heading", level=1, name=heading)).to_be_visible(timeout=UPDATE)


def test_a_yes_to_the_same_day_signs_says_get_help_today_first_prescribes_nothing_and_offers_browsing(visit):
    tab = visit(TABLET_LANDSCAPE)
    walk_to_today(tab)
    box = screen_box(tab)
    urgent = next(level for level in CONTENT_NOW.red_flags.levels if level.level.value == "urgent")
    first_words = box.locator("h2, [data-testid=stAlertContentWarning]")
    expect(first_words.first).to_contain_text(TIPS.same_day_heading)
    expect(first_words.nth(1)).to_contain_text(one_line(urgent.action)[:60])
    expect(box).to_contain_text(TIPS.same_day_text)
    expect(box.get_by_role("heading", name=TIPS.once_checked_heading)).to_be_visible()
    expect(tab.page.locator("[class*=st-key-tip_]")).to_have_count(0)
    expect(tab.page.get_by_role("link", name=TIPS.plan_link.label)).to_have_count(0)
    expect(next_button(tab)).to_have_count(0)
    expect(box).not_to_contain_text(one_line(PLAN.pain_rule)[:40])
    assert axe_violations(tab) == []
    assert controls_under_44_px(tab) == []
    tab.screenshot("tips-same-day")
    press(tab, box.get_by_role("button", name=TIPS.browse_button))
    expect(tab.page.get_by_role("heading", name=TIPS.browse_heading)).to_be_visible(timeout=UPDATE)
    expect(tab.page.locator("[class*=st-key-tip_browse_]").first).to_be_visible(timeout=UPDATE)


@pytest.mark.parametrize("screen", [TABLET_LANDSCAPE, PHONE], ids=lambda s: s.name)
def test_axe_finds_no_violations_on_any_step_of_the_explorer_or_the_plan(visit, screen):
    found: dict[str, list[str]] = {}

    def on_screen(step: str) -> None:
        found[step] = axe_violations(tab)  # once still: no fade running, every chart drawn

    tab = visit(screen)
    walk_to_plan(tab, on_screen)
    tab = visit(screen)
    walk_to_stop(tab)
    on_screen("stop")
    assert {step: violations for step, violations in found.items() if violations} == {}
    assert set(found) == {
        "safety 1",
        "safety 2",
        "safety 3",
        "where",
        "hard",
        "suits",
        "result",
        "plan",
        "stop",
    }


def test_every_control_of_the_explorer_and_the_plan_is_big_enough_for_a_finger(visit):
    found: dict[str, list[str]] = {}

    def on_screen(step: str) -> None:
        found[step] = controls_under_44_px(tab)

    tab = visit(TABLET_LANDSCAPE)
    walk_to_plan(tab, on_screen)
    tab = visit(TABLET_LANDSCAPE)
    walk_to_stop(tab)
    on_screen("stop")
    assert {step: small for step, small in found.items() if small} == {}, "controls smaller than 44 px"


def test_no_request_leaves_the_app_host_and_no_answer_reaches_the_address(visit):
    tab = visit(TABLET_LANDSCAPE)
    addresses: list[str] = []
    walk_to_plan(tab, lambda step: addresses.append(tab.page.url))
    download(tab, "plan_pdf")
    download(tab, "plan_ics")
    addresses.append(tab.page.url)
    answers = {str(v) for value in STORE.values() for v in (value if isinstance(value, list) else [value])}
    for address in addresses:
        parts = urlsplit(address)
        assert parts.query == "" and parts.fragment == "", address
        assert not [a for a in answers if a in parts.path.lower()], address
    assert any(url.startswith("ws://127.0.0.1") for url in tab.requests), "the app's own socket is recorded"
    assert outside_requests(tab) == []


def test_a_plan_code_typed_on_a_phone_opens_the_same_plan(visit):
    tablet = visit(TABLET_LANDSCAPE)
    walk_to_plan(tablet)
    expect(plan_code(tablet)).to_have_text(CODE, use_inner_text=True)
    code = plan_code(tablet).inner_text().strip()
    assert code == CODE
    expect(exercise_names(tablet)).to_have_text(EXERCISES, use_inner_text=True)
    names = exercise_names(tablet).all_inner_texts()
    assert names == EXERCISES

    phone = visit(PHONE)
    phone.open("plan")
    expect(phone.page.get_by_role("heading", name=PLAN.no_plan_heading)).to_be_visible()
    box = phone.page.get_by_label(PLAN.code_label)
    press(phone, box)
    box.fill(code)
    expect(box, f"the code box takes the whole plan code ({len(code)} characters)").to_have_value(code)
    press(phone, phone.page.get_by_role("button", name=PLAN.code_button))
    expect(phone.page.get_by_role("heading", name=PLAN.exercises_heading)).to_be_visible(timeout=UPDATE)
    phone.wait_until_settled()
    expect(exercise_names(phone)).to_have_text(names, use_inner_text=True)
    expect(plan_code(phone)).to_have_text(code, use_inner_text=True)
    assert "code" not in urlsplit(phone.page.url).query
