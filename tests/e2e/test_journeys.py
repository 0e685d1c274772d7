"""What a patient does in a real browser, at the screen sizes people use."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from backknee.content.pages.home import HomePage
from backknee.ui.chrome import FAVICON
from tests.e2e.helpers import (
    CONTENT_NOW,
    DESKTOP,
    LOOPBACK,
    PHONE,
    SCREENS,
    TABLET_LANDSCAPE,
    TABLET_PORTRAIT,
    UPDATE,
    Screen,
    Visit,
    assert_finger_sized,
    axe_violations,
    controls_under_44_px,
    eventually,
    new_tab,
    outside_requests,
    running_app,
    tap_centre,
)

HOME = CONTENT_NOW.page("home", HomePage)
MENU = [item for item in CONTENT_NOW.site.menu if not item.kiosk]  # the welcome page is a kiosk's only
PAGES = [  # (menu title, address, main heading), from content/site.yaml's menu
    (item.title, "" if item.page == "home" else item.page, CONTENT_NOW.pages[item.page].heading)
    for item in MENU
]
IN_BAR = [page for page, item in zip(PAGES, MENU, strict=True) if not item.hidden]
"""The pages in the menu bar; the rest are reached from links on other pages."""


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.name)
def test_home_loads_and_every_page_can_be_reached_from_the_navigation(visit, screen):
    tab = visit(screen)
    tab.open()
    expect(tab.page.locator("h1").first).to_have_text(HOME.heading)
    expect(tab.page).to_have_title(f"{PAGES[0][0]} · Back & Knee")
    tab.screenshot("home")
    for title, _, heading in IN_BAR[1:] + IN_BAR[:1]:
        tab.go_to(title, heading)
        expect(tab.page.locator("h1").first).to_have_text(heading)
        tab.screenshot(title.lower().replace(" ", "-").replace("?", ""))


def test_a_deep_link_on_a_freshly_started_server_still_shows_the_whole_app(browser):
    with running_app() as url:
        tab = new_tab(browser, Screen("fresh-server", 1024, 768, touch=False), url)
        try:
            tab.open("about")
            expect(tab.menu_links()).to_have_count(len(IN_BAR), timeout=30_000)
            expect(tab.page.get_by_role("link", name=CONTENT_NOW.site.urgent_line)).to_have_count(1)
            expect(tab.page.get_by_test_id("stSidebarNav")).to_have_count(0)
        finally:
            tab.close()


@pytest.mark.parametrize("screen", [TABLET_LANDSCAPE, PHONE], ids=lambda s: s.name)
def test_the_warning_signs_are_one_tap_from_every_page(visit, screen):
    for _, path, _ in PAGES:
        if path == "urgent":
            continue
        tab = visit(screen)
        tab.open(path)
        tab.page.get_by_role("link", name=CONTENT_NOW.site.urgent_line).tap()
        tab.page.get_by_role("heading", level=1, name=CONTENT_NOW.pages["urgent"].heading).wait_for()
        emergency = CONTENT_NOW.red_flags.levels[0].heading
        tab.wait_until_settled(expect_text=emergency)
        expect(tab.page.get_by_role("heading", level=2, name=emergency)).to_be_visible()


def test_tapping_a_step_in_the_cycle_shows_its_explanation(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open()
    step = HOME.cycle.steps[2]
    expect(tab.page.locator(".st-key-cycle_explanation").get_by_text(HOME.cycle.prompt)).to_be_visible()
    tap_step(tab, 2)
    explanation = tab.page.locator(".st-key-cycle_explanation")
    expect(explanation).to_contain_text(f"3. {step.label}", timeout=UPDATE)
    expect(explanation).to_contain_text(" ".join(step.explanation.split())[:60], timeout=UPDATE)
    tab.screenshot("cycle-tapped")


def test_choosing_a_step_below_the_cycle_shows_its_explanation(visit):
    tab = visit(PHONE)
    tab.open()
    step = HOME.cycle.steps[4]
    tab.page.get_by_role("radio", name=f"5. {step.label}").tap()
    explanation = tab.page.locator(".st-key-cycle_explanation")
    # The heading, the explanation and the line under it come in one rerun but are drawn one
    # after another: wait for the line itself, not for the heading and then read once.
    expect(explanation).to_contain_text(f"5. {step.label}", timeout=UPDATE)
    expect(explanation).to_contain_text("This leads to: " + HOME.cycle.steps[5].label, timeout=UPDATE)


def test_a_chosen_step_links_to_the_page_that_helps_and_the_link_works(visit):
    # Choosing a step reruns only the cycle (a fragment), which skips st.navigation: the link
    # must still find its page.
    tab = visit(TABLET_LANDSCAPE)
    tab.open()
    step = next(step for step in HOME.cycle.steps if step.link)
    number = HOME.cycle.steps.index(step) + 1
    tab.page.get_by_role("radio", name=f"{number}. {step.label}").tap()
    explanation = tab.page.locator(".st-key-cycle_explanation")
    explanation.get_by_role("link", name=step.link.label).tap()
    heading = CONTENT_NOW.pages[step.link.page].heading
    expect(tab.page.get_by_role("heading", level=1, name=heading)).to_be_visible(timeout=UPDATE)


def tap_step(tab: Visit, index: int) -> None:
    """Tap a step's marker in the cycle's picture with a finger."""
    marker = tab.page.locator("svg#cycle_chart [data-bk-step]").nth(index)
    marker.scroll_into_view_if_needed()
    assert_finger_sized([marker], "each step is a finger-sized target; steps")
    tap_centre(tab, marker)


@pytest.mark.parametrize("screen", [TABLET_LANDSCAPE, PHONE], ids=lambda s: s.name)
def test_no_request_leaves_the_app_host_during_a_full_visit(visit, screen):
    tab = visit(screen)
    tab.open()
    tap_step(tab, 1)
    explanation = tab.page.locator(".st-key-cycle_explanation")
    expect(explanation).to_contain_text(f"2. {HOME.cycle.steps[1].label}")
    tab.wait_until_settled()  # the tap's run has ended and its chooser is drawn
    tab.page.get_by_role("radio", name=f"1. {HOME.cycle.steps[0].label}").tap()
    expect(explanation).to_contain_text("1. Back pain")
    for title, _, heading in IN_BAR[1:]:
        tab.go_to(title, heading)
    for _, path, heading in PAGES:
        if (_, path, heading) not in IN_BAR:
            tab.open(path)
            tab.wait_until_settled(expect_text=heading)
    assert any(url.startswith("ws://127.0.0.1") for url in tab.requests), "the app's own socket is recorded"
    assert len(tab.requests) > 10, "the visit should have loaded the app"
    assert outside_requests(tab) == []
    # Every chart is an SVG picture drawn in Python: no page fetches plotly's 4.7 MB bundle.
    assert [url for url in tab.requests if "plotly" in url.lower()] == []


@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=lambda s: s.name)
@pytest.mark.parametrize(("title", "path", "heading"), PAGES, ids=[p[0] for p in PAGES])
def test_axe_finds_no_accessibility_violations(visit, screen, title, path, heading):
    tab = visit(screen)
    tab.open(path)
    assert axe_violations(tab) == []  # once still: no fade running, every chart drawn


def test_axe_finds_no_violations_with_a_step_of_the_cycle_chosen(visit):
    tab = visit(PHONE)
    tab.open()
    step = next(step for step in HOME.cycle.steps if step.link and step.references)
    number = HOME.cycle.steps.index(step) + 1
    tab.page.get_by_role("radio", name=f"{number}. {step.label}").tap()
    link = tab.page.locator(".st-key-cycle_explanation").get_by_role("link", name=step.link.label)
    expect(link).to_be_visible(timeout=UPDATE)
    assert axe_violations(tab) == []  # once still: no fade running, every chart drawn


def test_a_whole_tile_on_home_is_one_link(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open()
    tile = HOME.tiles[0]
    card = tab.page.locator(".st-key-tile_1")
    words = card.get_by_text(tile.text)  # the words under the title, not the link itself
    tap_centre(tab, words)
    heading = CONTENT_NOW.pages[tile.page].heading
    expect(tab.page.get_by_role("heading", level=1, name=heading)).to_be_visible(timeout=UPDATE)


@pytest.mark.parametrize("screen", [TABLET_LANDSCAPE, TABLET_PORTRAIT], ids=lambda s: s.name)
def test_every_control_is_big_enough_for_a_finger_on_a_tablet(visit, screen):
    for _, path, _ in PAGES:
        tab = visit(screen)
        tab.open(path)
        small = controls_under_44_px(tab)
        assert small == [], f"on /{path}: controls smaller than 44 px"


def test_the_favicon_is_drawn_locally(visit):
    tab = visit(DESKTOP)
    tab.open()
    expect(tab.page.locator("link[rel~=icon]")).not_to_have_count(0)
    icons = tab.page.eval_on_selector_all("link[rel~=icon]", "links => links.map(l => l.href)")
    assert icons
    for href in icons:
        host = urlsplit(href).hostname
        assert href.startswith("data:") or host in LOOPBACK, href
    ours = tab.page.locator(f'link[rel~=icon][href="{FAVICON}"]')  # not Streamlit's own
    expect(ours).not_to_have_count(0)


@pytest.mark.parametrize(("title", "path", "heading"), PAGES, ids=[p[0] for p in PAGES])
def test_no_page_scrolls_sideways_on_a_phone(visit, title, path, heading):
    tab = visit(PHONE)
    tab.open(path)

    def no_wider_than_the_phone() -> None:
        # Streamlit scrolls inside stMain, so that is where a too-wide page shows.
        wide = tab.page.evaluate(
            "Math.max(document.documentElement.scrollWidth,"
            " document.querySelector('[data-testid=stMain]').scrollWidth)"
        )
        assert wide <= PHONE.width, f"/{path} is {wide} px wide on a {PHONE.width} px phone"

    eventually(no_wider_than_the_phone)
