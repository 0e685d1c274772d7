"""The first screen shows the picture. On a landscape tablet (1024 x 768) the top of each
explainer page's interactive picture is on the first screen; on a phone the picture comes
straight after its one-line lead. The urgent line above every page is slim, one tap, and a
link to a screen reader; the phone's menu button says what it is; and the menu's icons come
from the app's own host, the same on every device."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from backknee.content.base import Pictured
from tests.e2e.helpers import CONTENT_NOW, PHONE, TABLET_LANDSCAPE, TABLET_PORTRAIT, Visit, eventually

PICTURES = {
    "home": "svg#cycle_chart",
    "posture": "svg#posture_chart",
    "weight": "svg#activities_chart",
    "muscles": "svg#muscles_chain_chart",
}
"""Each explainer page's interactive picture."""
SEEN = 120
"""px of the picture that must be on the first screen: its top edge alone would not show it."""
URGENT_LINE = CONTENT_NOW.site.urgent_line


def page_of(page_id: str) -> Pictured:
    page = CONTENT_NOW.pages[page_id]
    assert isinstance(page, Pictured)
    return page


def picture_top(tab: Visit, page_id: str) -> float:
    """Where the picture's top is, in px from the top of the window, once it has settled."""
    picture = tab.page.locator(PICTURES[page_id]).first
    expect(picture).to_be_visible()

    def measured() -> float:
        box = picture.bounding_box()
        assert box and box["height"] > SEEN, (page_id, box)
        return box["y"]

    return eventually(measured)


def test_every_explainer_page_has_a_picture_to_measure():
    assert set(PICTURES) == {p for p, page in CONTENT_NOW.pages.items() if isinstance(page, Pictured)}


@pytest.mark.parametrize("page_id", PICTURES)
def test_the_picture_is_on_the_first_screen_of_a_landscape_tablet(visit, page_id):
    tab = visit(TABLET_LANDSCAPE)
    tab.open("" if page_id == "home" else page_id)
    top = picture_top(tab, page_id)
    assert top + SEEN <= TABLET_LANDSCAPE.height, (
        f"{page_id}: the picture starts {top:.0f} px down a {TABLET_LANDSCAPE.height} px screen"
    )


@pytest.mark.parametrize("page_id", PICTURES)
def test_on_a_phone_the_picture_follows_its_one_line_lead(visit, page_id):
    tab = visit(PHONE)
    tab.open("" if page_id == "home" else page_id)
    lead = tab.page.get_by_text(page_of(page_id).lead, exact=True)
    expect(lead).to_be_visible()
    top = picture_top(tab, page_id)

    def follows() -> None:
        box = lead.bounding_box()
        line = float(lead.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
        assert box and box["height"] < 1.5 * line, f"{page_id}: the lead takes {box} (a line is {line} px)"
        gap = top - (box["y"] + box["height"])
        assert 0 <= gap < 60, f"{page_id}: {gap:.0f} px between the lead and the picture"

    eventually(follows)


@pytest.mark.parametrize("screen", [TABLET_LANDSCAPE, TABLET_PORTRAIT, PHONE], ids=lambda s: s.name)
def test_the_urgent_line_is_one_slim_link_at_the_top(visit, screen):
    tab = visit(screen)
    tab.open("posture")
    line = tab.page.get_by_role("link", name=URGENT_LINE)
    expect(line).to_have_count(1)
    expect(line).to_be_in_viewport()

    def slim() -> None:
        box = line.bounding_box()
        title = tab.page.locator("h1").first.bounding_box()
        assert box and title
        assert 44 <= box["height"] <= 60, f"the urgent line is {box['height']:.0f} px tall"
        assert box["y"] < title["y"], "above the page's title"

    eventually(slim)


def test_the_phone_menu_button_has_a_visible_label(visit):
    tab = visit(PHONE)
    tab.open()
    button = tab.page.get_by_test_id("stExpandSidebarButton")
    expect(button).to_be_visible()
    # The word is drawn by style.css (a computed style, which no waiting assertion reads) and
    # is the button's name, so a screen reader says what the patient sees.
    expect(tab.page.get_by_role("button", name=CONTENT_NOW.site.menu_label, exact=True)).to_be_visible()

    def word_shown() -> None:
        shown = button.evaluate("b => getComputedStyle(b, '::after').content")
        assert shown == f'"{CONTENT_NOW.site.menu_label}"', shown
        assert (button.bounding_box() or {"width": 0})["width"] >= 44 + 30, "the arrow and the word"

    eventually(word_shown)


def test_the_menu_icons_are_drawn_with_the_font_the_app_serves_itself(visit):
    tab = visit(TABLET_LANDSCAPE)
    tab.open()
    links = tab.menu_links()
    expect(links.first).to_be_visible()
    expect(links.locator("[data-testid=stIconMaterial]")).to_have_count(links.count())

    def icon_font_loaded() -> None:
        loaded = "() => [...document.fonts].some(f => f.family.includes('Material') && f.status === 'loaded')"
        assert tab.page.evaluate(loaded), "the icon font has not loaded"

    eventually(icon_font_loaded)
    fonts = [url for url in tab.requests if "MaterialSymbols" in url]
    assert fonts and all(url.startswith(tab.base_url) for url in fonts), fonts
