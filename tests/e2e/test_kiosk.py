"""Shared clinic tablets: nothing of one patient's choices may be left for the next.

A browser opened once with ?kiosk=<seconds> starts afresh at home after that long without a
touch (a new page load is a new session); every page has a button that clears everything.
"""

from __future__ import annotations

from playwright.sync_api import expect

from backknee.content.loader import load_content
from backknee.content.pages.home import HomePage
from backknee.content.pages.muscles import MusclesPage
from tests.conftest import CONTENT
from tests.e2e.conftest import TABLET_LANDSCAPE

CONTENT_NOW = load_content(CONTENT)
MUSCLES = CONTENT_NOW.page("muscles", MusclesPage)
HOME = CONTENT_NOW.page("home", HomePage)
HIPS = next(node for node in CONTENT_NOW.compensation.weak_areas if node.id == "hips")


def pick_hips(tab) -> None:
    tab.page.locator(".st-key-muscles_weak button", has_text=HIPS.label).tap()
    expect(tab.page.locator(".st-key-muscles_chain_words")).not_to_contain_text(
        MUSCLES.chain.pick_prompt, timeout=15_000
    )


def test_a_kiosk_left_alone_starts_afresh_at_home_with_nothing_chosen(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("?kiosk=3")
    tab.open("muscles")
    pick_hips(tab)
    # No touch for 3 seconds: the app goes home as a new session.
    tab.page.wait_for_function(
        "(h) => [...document.querySelectorAll('h1')].some(e => e.innerText.trim() === h)",
        arg=HOME.heading,
        timeout=15_000,
    )
    assert "muscles" not in tab.page.url, "it went home"
    tab.wait_until_settled()
    tab.page.evaluate("localStorage.removeItem('backknee-kiosk-idle-seconds')")  # stop the timer
    tab.open("muscles")
    expect(tab.page.locator(".st-key-muscles_chain_words")).to_contain_text(MUSCLES.chain.pick_prompt)


def test_a_browser_that_is_not_a_kiosk_is_never_reset(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("muscles")
    pick_hips(tab)
    tab.page.wait_for_timeout(4_000)
    assert tab.page.url.endswith("/muscles")
    expect(tab.page.locator(".st-key-muscles_chain_words")).not_to_contain_text(MUSCLES.chain.pick_prompt)


def test_the_clear_button_at_the_foot_of_a_page_clears_every_choice(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("muscles")
    pick_hips(tab)
    tab.page.get_by_role("button", name=CONTENT_NOW.site.clear_label).tap()
    expect(tab.page.get_by_text(CONTENT_NOW.site.cleared)).to_be_visible(timeout=15_000)
    expect(tab.page.locator(".st-key-muscles_chain_words")).to_contain_text(MUSCLES.chain.pick_prompt)
