"""The guided explorer walked as a patient would, for the browser tests that need a plan, a
stop or a same-day answer (test_tips.py, test_kiosk.py). Plain code, no tests."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Locator, expect

from backknee.content.pages.plan import PlanPage
from backknee.content.pages.tips import TipsPage
from backknee.vocab import Confidence, Difficulty, Joint
from tests.e2e.helpers import CONTENT_NOW, UPDATE, Visit, option, pill, press

TIPS = CONTENT_NOW.page("tips", TipsPage)
PLAN = CONTENT_NOW.page("plan", PlanPage)
PAIN = 6
MINUTES = 20
SAFETY_QUESTIONS = [TIPS.emergency_question, TIPS.urgent_question, TIPS.routine_question]
QUESTION_COUNT = 6


def screen_box(tab: Visit) -> Locator:
    return tab.page.locator(".st-key-tips_screen_box")


def next_button(tab: Visit) -> Locator:
    return tab.page.locator(".st-key-tips_next").get_by_role("button")


def choose(tab: Visit, target: Locator) -> None:
    """Tap a segmented control's choice and wait until the app has taken it."""
    expect(target).to_be_attached(timeout=UPDATE)
    press(tab, target)
    expect(target).to_be_checked(timeout=UPDATE)
    tab.wait_until_settled()


def tap_next(tab: Visit, expect_question: int | None) -> None:
    """Tap Next and wait for the question after it (None: a screen without a question)."""
    expect(next_button(tab)).to_be_enabled(timeout=UPDATE)
    press(tab, next_button(tab))
    if expect_question is not None:
        progress = TIPS.progress.format(step=expect_question, total=QUESTION_COUNT)
        expect(tab.page.get_by_text(progress, exact=True)).to_be_visible(timeout=UPDATE)
    else:
        expect(next_button(tab)).to_have_count(0, timeout=UPDATE)
    tab.wait_until_settled()


def open_tips(tab: Visit) -> None:
    tab.open("tips")
    expect(tab.page.get_by_role("heading", level=1, name=TIPS.heading)).to_be_visible()
    expect(option(tab, TIPS.emergency_question, TIPS.yes_label)).to_be_attached(timeout=UPDATE)


def walk_to_plan(tab: Visit, check: Callable[[str], None] = lambda step: None) -> None:
    """The whole explorer with the journey's answers, then the plan link; `check` runs on
    each screen (named) once it has settled."""
    open_tips(tab)
    for number, question in enumerate(SAFETY_QUESTIONS, start=1):
        check(f"safety {number}")
        choose(tab, option(tab, question, TIPS.no_label))
        tap_next(tab, number + 1)
    check("where")
    choose(tab, option(tab, TIPS.where_question, TIPS.where_labels.of(Joint.BOTH)))
    choose(tab, option(tab, TIPS.pain_question, str(PAIN)))
    tap_next(tab, 5)
    check("hard")
    stairs = pill(tab, TIPS.hard_question, TIPS.hard_labels.of(Difficulty.STAIRS))
    press(tab, stairs)
    expect(stairs).to_have_attribute("aria-pressed", "true", timeout=UPDATE)
    tab.wait_until_settled()
    tap_next(tab, 6)
    check("suits")
    choose(tab, option(tab, TIPS.minutes_question, TIPS.minutes_label.format(minutes=MINUTES)))
    choose(tab, option(tab, TIPS.confidence_question, TIPS.confidence_labels.of(Confidence.LOW)))
    tap_next(tab, None)
    expect(screen_box(tab).get_by_role("heading", name=TIPS.result_heading)).to_be_visible(timeout=UPDATE)
    check("result")
    press(tab, screen_box(tab).get_by_role("link", name=TIPS.plan_link.label))
    expect(tab.page.get_by_role("heading", level=1, name=PLAN.heading)).to_be_visible(timeout=UPDATE)
    expect(tab.page.get_by_role("heading", name=PLAN.exercises_heading)).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()
    check("plan")


def walk_to_stop(tab: Visit) -> None:
    open_tips(tab)
    choose(tab, option(tab, TIPS.emergency_question, TIPS.yes_label))
    tap_next(tab, None)
    expect(
        screen_box(tab).get_by_role("heading", name=re.compile(re.escape(TIPS.emergency_result_heading)))
    ).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()  # the whole stop screen, before anything is checked to be missing


def walk_to_today(tab: Visit) -> None:
    """No to the emergency signs, Yes to the same-day signs: the explorer asks nothing more."""
    open_tips(tab)
    choose(tab, option(tab, TIPS.emergency_question, TIPS.no_label))
    tap_next(tab, 2)
    choose(tab, option(tab, TIPS.urgent_question, TIPS.yes_label))
    tap_next(tab, None)
    expect(
        screen_box(tab).get_by_role("heading", name=re.compile(re.escape(TIPS.same_day_heading)))
    ).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()
