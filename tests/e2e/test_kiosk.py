"""Shared clinic tablets in a real browser. Kiosk mode is set by the kiosk server's environment
(helpers.KIOSK_ENV: short idle times), never by the address: the tablet opens at a welcome
screen, warns a patient left alone, keeps everything for one who says "I'm still here", then
clears every trace for the next patient, the Back button included. It offers no download and
no link off the app, and every target is at least 48 px."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, expect

from backknee.content.pages.home import HomePage
from backknee.content.pages.muscles import MusclesPage
from backknee.content.pages.welcome import WelcomePage
from backknee.explorer.advisor import advise
from backknee.explorer.screens import answers_from
from tests.e2e.explorer import PLAN, TIPS, open_tips, screen_box, walk_to_plan
from tests.e2e.helpers import (
    CONTENT_NOW,
    KIOSK_IDLE_SECONDS,
    KIOSK_WARNING_SECONDS,
    TABLET_LANDSCAPE,
    UPDATE,
    Visit,
    axe_violations,
    controls_under_44_px,
    press,
)

KIOSK = CONTENT_NOW.site.kiosk
WELCOME = CONTENT_NOW.page("welcome", WelcomePage)
MUSCLES = CONTENT_NOW.page("muscles", MusclesPage)
HOME = CONTENT_NOW.page("home", HomePage)
HIPS = next(node for node in CONTENT_NOW.compensation.weak_areas if node.id == "hips")
MENU = {item.page: item.title for item in CONTENT_NOW.site.menu}
QUIET = (KIOSK_IDLE_SECONDS + 2) * 1000 + UPDATE
"""ms to wait for the warning: the idle time, then a little for the clock check, then a
busy machine's delay."""
CLEARED = (KIOSK_WARNING_SECONDS + 2) * 1000 + 30_000
"""ms from the warning to the welcome screen: the countdown, then a fresh page load (up to
30 s on a busy machine)."""
LINKS_OFF_THE_APP = """() => [...document.querySelectorAll('a[href]')]
    .filter(a => new URL(a.href, location.href).origin !== location.origin || a.target === '_blank')
    .map(a => a.href)"""
JOURNEY_PLAN = advise(
    answers_from(
        {
            "emergency": "no", "urgent": "no", "routine": "no", "where": "both", "pain": 6,
            "hard": ["stairs"], "minutes": 20, "confidence": "low",
        },
        CONTENT_NOW.red_flags,
    ),
    CONTENT_NOW.red_flags, CONTENT_NOW.rules, CONTENT_NOW.tips, CONTENT_NOW.exercises,
).plan  # fmt: skip
assert JOURNEY_PLAN is not None
EXERCISE_NAMES = [CONTENT_NOW.exercises[p.exercise_id].name for p in JOURNEY_PLAN.exercises]


def still_there(tab: Visit) -> Locator:
    return tab.page.get_by_role("alertdialog", name=KIOSK.still_there_heading)


def start_again(tab: Visit) -> Locator:
    """The kiosk's Start again: the only button of that name (the explorer's own is not shown)."""
    return tab.page.get_by_role("button", name=KIOSK.start_again)


def expect_nothing_of_the_last_patient(tab: Visit, where: str) -> None:
    """No plan, no exercise of the last patient's plan, no answer chosen in the explorer."""
    expect(tab.page.get_by_role("heading", name=PLAN.exercises_heading), where).to_have_count(0)
    for name in EXERCISE_NAMES:
        expect(tab.page.get_by_role("heading", name=name, exact=True), where).to_have_count(0)
    expect(screen_box(tab).locator('[role=radio][aria-checked="true"]'), where).to_have_count(0)
    expect(tab.page.locator('[aria-pressed="true"]'), where).to_have_count(0)


def expect_no_download_and_no_link_off_the_app(tab: Visit, where: str) -> None:
    expect(tab.page.get_by_test_id("stDownloadButton"), where).to_have_count(0)
    assert tab.page.evaluate(LINKS_OFF_THE_APP) == [], where


def test_a_kiosk_opens_at_the_welcome_screen_with_big_tiles_and_start_again(kiosk_visit):
    tab = kiosk_visit(TABLET_LANDSCAPE)
    tab.open()
    tab.wait_for_heading(WELCOME.heading)
    for tile in WELCOME.tiles:
        expect(tab.page.get_by_role("link", name=MENU[tile.page]).last).to_be_visible()
        expect(tab.page.get_by_text(tile.text)).to_be_visible()
    expect(start_again(tab)).to_be_in_viewport()
    assert controls_under_44_px(tab, size=48) == []
    assert axe_violations(tab) == []
    expect_no_download_and_no_link_off_the_app(tab, "welcome")


def test_a_patient_left_alone_is_warned_can_stay_and_is_then_cleared_for_the_next_one(kiosk_visit):
    tab = kiosk_visit(TABLET_LANDSCAPE)
    tab.open()
    tab.wait_for_heading(WELCOME.heading)
    walk_to_plan(tab)  # every tap on the way starts the quiet time again
    expect_no_download_and_no_link_off_the_app(tab, "the plan")
    expect(tab.page.get_by_text(KIOSK.qr_intro)).to_be_visible()
    expect(tab.page.get_by_role("img", name=PLAN.qr_alt)).to_be_visible()
    assert controls_under_44_px(tab, size=48) == []
    assert axe_violations(tab) == []

    # Left alone: the warning, with its countdown, and the plan still behind it.
    expect(still_there(tab)).to_be_visible(timeout=QUIET)
    expect(still_there(tab)).to_contain_text(re.compile(r"\b\d+ seconds"))
    assert axe_violations(tab) == []
    press(tab, still_there(tab).get_by_role("button", name=KIOSK.still_here))
    expect(still_there(tab)).to_have_count(0)
    expect(tab.page.get_by_role("heading", level=1, name=PLAN.heading)).to_be_visible()
    expect(tab.page.get_by_role("heading", name=EXERCISE_NAMES[0], exact=True)).to_be_visible()

    # Left alone again, past the countdown: the welcome screen, with nothing of the plan.
    # The reset ends by loading the welcome screen as a new page: wait for that page (which
    # has no mark of ours), not only for the welcome the old page shows first.
    tab.page.evaluate("window.bkOldPage = true")
    expect(still_there(tab)).to_be_visible(timeout=QUIET)
    tab.page.wait_for_function("() => window.bkOldPage === undefined", timeout=CLEARED)
    tab.wait_for_heading(WELCOME.heading, timeout=CLEARED)
    expect(tab.page).to_have_url(re.compile(r"^[^?#]+/$"))
    tab.wait_until_settled()

    # Every page, by the menu: none holds an answer, a choice or the plan.
    for page_id in ("home", "posture", "weight", "muscles", "tips", "urgent", "about"):
        tab.go_to(MENU[page_id], CONTENT_NOW.pages[page_id].heading)
        expect_nothing_of_the_last_patient(tab, page_id)
        expect_no_download_and_no_link_off_the_app(tab, page_id)
    tab.go_to(MENU["tips"], TIPS.heading)
    press(tab, tab.page.get_by_role("link", name=TIPS.plan_link.label))
    tab.wait_for_heading(PLAN.heading)
    expect(tab.page.get_by_role("heading", name=PLAN.no_plan_heading)).to_be_visible()
    expect_nothing_of_the_last_patient(tab, "plan")

    # And back through the browser's history, into the last patient's pages.
    for step in range(tab.page.evaluate("history.length") - 1):
        tab.page.go_back(wait_until="commit")
        if tab.page.url == "about:blank":
            break
        tab.wait_until_settled()
        expect_nothing_of_the_last_patient(tab, f"{step + 1} back: {tab.page.url}")
    assert step >= 8, "the walk back went through every page visited since the reset, and before"


def test_a_tablet_that_slept_past_the_warning_is_cleared_as_it_wakes(kiosk_visit):
    tab = kiosk_visit(TABLET_LANDSCAPE)
    tab.open("muscles")
    press(tab, tab.page.locator(".st-key-muscles_weak button", has_text=HIPS.label))
    expect(tab.page.locator(".st-key-muscles_chain_words")).not_to_contain_text(MUSCLES.chain.pick_prompt)
    # Asleep: no timer runs, but the clock moves on. Wake it twenty minutes later.
    tab.page.evaluate(
        """() => { const now = Date.now.bind(Date); Date.now = () => now() + 20 * 60 * 1000;
                   window.bkOldPage = true;
                   setTimeout(() => document.dispatchEvent(new Event('visibilitychange'))); }"""
    )
    # As above: the new page, not only the welcome the old one shows first.
    tab.page.wait_for_function("() => window.bkOldPage === undefined", timeout=30_000)
    tab.wait_for_heading(WELCOME.heading, timeout=30_000)
    tab.wait_until_settled()
    tab.go_to(MENU["muscles"], MUSCLES.heading)
    expect(tab.page.locator(".st-key-muscles_chain_words")).to_contain_text(MUSCLES.chain.pick_prompt)


def test_start_again_clears_everything_at_once(kiosk_visit):
    tab = kiosk_visit(TABLET_LANDSCAPE)
    tab.open()
    tab.wait_for_heading(WELCOME.heading)
    open_tips(tab)
    press(tab, screen_box(tab).get_by_role("radio", name=TIPS.no_label))
    expect(screen_box(tab).get_by_role("radio", name=TIPS.no_label)).to_be_checked()
    expect(start_again(tab)).to_be_in_viewport()
    press(tab, start_again(tab))
    tab.wait_for_heading(WELCOME.heading)
    tab.wait_until_settled()
    tab.go_to(MENU["tips"], TIPS.heading)
    expect_nothing_of_the_last_patient(tab, "tips after Start again")


def test_the_address_cannot_make_a_browser_a_kiosk(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("?kiosk=1")
    tab.wait_for_heading(HOME.heading)
    expect(start_again(tab)).to_have_count(0)
    tab.page.wait_for_timeout(3_000)  # an observation, not a wait for the app: nothing may appear
    expect(still_there(tab)).to_have_count(0)


def test_the_clear_button_at_the_foot_of_a_page_clears_every_choice(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("muscles")
    press(tab, tab.page.locator(".st-key-muscles_weak button", has_text=HIPS.label))
    expect(tab.page.locator(".st-key-muscles_chain_words")).not_to_contain_text(MUSCLES.chain.pick_prompt)
    tab.page.get_by_role("button", name=CONTENT_NOW.site.clear_label).tap()
    expect(tab.page.get_by_text(CONTENT_NOW.site.cleared)).to_be_visible(timeout=UPDATE)
    expect(tab.page.locator(".st-key-muscles_chain_words")).to_contain_text(MUSCLES.chain.pick_prompt)
