"""Shared clinic tablets: nothing of one patient's choices may be left for the next.

A browser opened once with ?kiosk=<seconds> starts afresh at home after that long without a
touch (a new page load is a new session); every page has a button that clears everything.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from backknee.content.pages.home import HomePage
from backknee.content.pages.muscles import MusclesPage
from tests.e2e.helpers import CONTENT_NOW, TABLET_LANDSCAPE, UPDATE

MUSCLES = CONTENT_NOW.page("muscles", MusclesPage)
HOME = CONTENT_NOW.page("home", HomePage)
HIPS = next(node for node in CONTENT_NOW.compensation.weak_areas if node.id == "hips")
IDLE_SECONDS = 10
"""The kiosk's idle time in these tests (?kiosk=N). Its clock starts as the page loads, so the
load, the wait for the page to settle and the first tap must all fit inside it: 2.5-3.5 s on a
2-core machine with one core busy, which 3 s did not always cover."""


def pick_hips(tab) -> None:
    tab.page.locator(".st-key-muscles_weak button", has_text=HIPS.label).tap()
    expect(tab.page.locator(".st-key-muscles_chain_words")).not_to_contain_text(
        MUSCLES.chain.pick_prompt, timeout=UPDATE
    )


def test_a_kiosk_left_alone_starts_afresh_at_home_with_nothing_chosen(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open(f"?kiosk={IDLE_SECONDS}")
    tab.open("muscles")
    pick_hips(tab)
    # No touch for IDLE_SECONDS: the app goes home as a new session (the idle time, then a fresh
    # page load, which can take 30 s on a busy machine).
    tab.wait_for_heading(HOME.heading, timeout=IDLE_SECONDS * 1000 + 30_000)
    expect(tab.page, "it went home").not_to_have_url(re.compile("muscles"))
    tab.wait_until_settled()
    tab.page.evaluate("localStorage.removeItem('backknee-kiosk-idle-seconds')")  # stop the timer
    tab.open("muscles")
    expect(tab.page.locator(".st-key-muscles_chain_words")).to_contain_text(MUSCLES.chain.pick_prompt)


def test_a_browser_that_is_not_a_kiosk_is_never_reset(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("muscles")
    pick_hips(tab)
    tab.page.wait_for_timeout(4_000)  # an observation, not a wait for the app: nothing may happen
    expect(tab.page).to_have_url(re.compile(r"/muscles$"))
    expect(tab.page.locator(".st-key-muscles_chain_words")).not_to_contain_text(MUSCLES.chain.pick_prompt)


def test_the_clear_button_at_the_foot_of_a_page_clears_every_choice(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("muscles")
    pick_hips(tab)
    tab.page.get_by_role("button", name=CONTENT_NOW.site.clear_label).tap()
    expect(tab.page.get_by_text(CONTENT_NOW.site.cleared)).to_be_visible(timeout=UPDATE)
    expect(tab.page.locator(".st-key-muscles_chain_words")).to_contain_text(MUSCLES.chain.pick_prompt)
