"""The exercise library in a real browser: the demonstration plays and pauses on a tap, its
buttons are finger-sized, and the chosen exercise shows a tick as well as a colour."""

from __future__ import annotations

from playwright.sync_api import expect

from backknee.content.pages.exercises import ExercisesPage
from tests.e2e.helpers import (
    CONTENT_NOW,
    PHONE,
    TABLET_LANDSCAPE,
    UPDATE,
    assert_finger_sized,
    axe_violations,
    eventually,
    expect_tick,
)

PAGE = CONTENT_NOW.page("exercises", ExercisesPage)
FIRST = next(iter(CONTENT_NOW.exercises.values()))
LAST = list(CONTENT_NOW.exercises.values())[-1]


def test_play_moves_the_figure_and_pause_stops_it(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("exercises")
    chart = tab.page.locator("[data-bk-demo] svg").first
    chart.scroll_into_view_if_needed()
    tab.wait_until_still()  # drawn, and nothing fading, before the still picture is taken
    still = chart.screenshot()
    play = tab.page.get_by_role("button", name=PAGE.play_label)
    play.tap()
    expect(play).to_have_attribute("aria-pressed", "true")

    def moves() -> None:
        assert chart.screenshot() != still, "the figure moves"

    eventually(moves)  # a busy machine may start the animation late
    tab.page.get_by_role("button", name=PAGE.pause_label).tap()
    expect(play).to_have_attribute("aria-pressed", "false")

    def stays_still() -> None:
        paused = chart.screenshot()
        tab.page.wait_for_timeout(600)  # how long it must keep still: an observation, not a wait for the app
        assert chart.screenshot() == paused, "and stops"

    eventually(stays_still)  # once the pause has been taken (a busy machine may take it late)


def test_the_play_and_pause_buttons_are_big_enough_for_a_finger(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("exercises")
    buttons = [tab.page.get_by_role("button", name=label) for label in (PAGE.play_label, PAGE.pause_label)]
    for button in buttons:
        expect(button).to_be_visible()
    assert_finger_sized(buttons, "the play and pause buttons")


def test_choosing_another_exercise_shows_it_with_a_tick(visit):
    tab = visit(PHONE)
    tab.open("exercises")
    expect(tab.page.get_by_role("heading", level=2, name=FIRST.name)).to_be_visible()
    chooser = tab.page.locator(".st-key-exercises_chosen button", has_text=LAST.name)
    chooser.tap()
    expect(tab.page.get_by_role("heading", level=2, name=LAST.name)).to_be_visible(timeout=UPDATE)
    expect_tick(chooser, "✓ ", "the chosen exercise shows a tick, not only a colour")
    assert axe_violations(tab) == []
