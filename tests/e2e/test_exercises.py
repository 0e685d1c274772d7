"""The exercise library in a real browser: the demonstration plays and pauses on a tap, its
buttons are finger-sized, and the chosen exercise shows a tick as well as a colour."""

from __future__ import annotations

from playwright.sync_api import expect

from backknee.content.loader import load_content
from backknee.content.pages.exercises import ExercisesPage
from tests.conftest import CONTENT
from tests.e2e.conftest import PHONE, TABLET_LANDSCAPE
from tests.e2e.test_journeys import axe_violations

CONTENT_NOW = load_content(CONTENT)
PAGE = CONTENT_NOW.page("exercises", ExercisesPage)
FIRST = next(iter(CONTENT_NOW.exercises.values()))
LAST = list(CONTENT_NOW.exercises.values())[-1]


def test_play_moves_the_figure_and_pause_stops_it(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("exercises")
    chart = tab.page.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    still = chart.screenshot()
    tab.page.locator(".updatemenu-button", has_text=PAGE.play_label).tap()
    tab.page.wait_for_timeout(600)
    assert chart.screenshot() != still, "the figure moves"
    tab.page.locator(".updatemenu-button", has_text=PAGE.pause_label).tap()
    tab.page.wait_for_timeout(300)
    paused = chart.screenshot()
    tab.page.wait_for_timeout(600)
    assert chart.screenshot() == paused, "and stops"


def test_the_play_and_pause_buttons_are_big_enough_for_a_finger(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("exercises")
    for label in (PAGE.play_label, PAGE.pause_label):
        box = tab.page.locator(".updatemenu-button", has_text=label).bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44, (label, box)


def test_choosing_another_exercise_shows_it_with_a_tick(visit):
    tab = visit(PHONE)
    tab.open("exercises")
    expect(tab.page.get_by_role("heading", level=2, name=FIRST.name)).to_be_visible()
    chooser = tab.page.locator(".st-key-exercises_chosen button", has_text=LAST.name)
    chooser.tap()
    expect(tab.page.get_by_role("heading", level=2, name=LAST.name)).to_be_visible(timeout=15_000)
    tick = chooser.locator("p").evaluate("p => getComputedStyle(p, '::before').content")
    assert tick == '"✓ "'
    assert axe_violations(tab) == []
