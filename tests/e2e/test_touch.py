"""Touch everywhere: a finger that lands on a chart and drags scrolls the page (no chart traps
it), and every slider has buttons to tap instead of dragging (WCAG 2.5.7)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import CHART, CONTENT_NOW, TABLET_PORTRAIT, Visit, eventually

PAGES_WITH_CHARTS = ["", "posture", "weight", "muscles", "exercises"]
ALL_PAGES = ["" if item.page == "home" else item.page for item in CONTENT_NOW.site.menu if not item.kiosk]
MAIN_SCROLL = "document.querySelector('[data-testid=stMain]').scrollTop"


def swipe_up(tab: Visit, x: float, y: float) -> None:
    """A finger put down at (x, y) and dragged 250 px up, as real touch events (Chromium's
    synthesized touch scroll gesture scrolls nothing here, even over plain text)."""
    cdp = tab.page.context.new_cdp_session(tab.page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 25 * step}]}
        )
        tab.page.wait_for_timeout(16)  # one frame between moves, as a finger moves; not a wait for the app
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def scrolled(tab: Visit, path: str, number: int, before: float) -> None:
    after = tab.page.evaluate(MAIN_SCROLL)
    assert after > before + 50, f"{path or 'home'}: chart {number + 1} kept the finger ({before} -> {after})"


@pytest.mark.parametrize("path", PAGES_WITH_CHARTS, ids=lambda p: p or "home")
def test_a_finger_dragged_on_any_chart_scrolls_the_page(visit, path):
    tab = visit(TABLET_PORTRAIT)
    tab.open(path)
    tab.wait_until_still()
    charts = tab.page.locator(CHART)
    expect(charts.first).to_be_visible()
    for number in range(charts.count()):
        chart = charts.nth(number)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box, f"chart {number + 1} is not on screen"
        # Start where the chart is, but never so low that the page has nothing left to scroll.
        y = box["y"] + min(box["height"] / 2, 200)
        x = box["x"] + box["width"] / 2
        assert chart.evaluate("(c, [x, y]) => c.contains(document.elementFromPoint(x, y))", [x, y]), (
            f"{path or 'home'}: the finger would not land on chart {number + 1}"
        )
        before = tab.page.evaluate(MAIN_SCROLL)
        swipe_up(tab, x, y)

        eventually(lambda before=before, number=number: scrolled(tab, path, number, before))


SLIDERS_AND_THEIR_BUTTONS = """() => [...document.querySelectorAll('[data-testid=stSlider]')].map(slider => {
    const next = slider.closest('[data-testid=stElementContainer]')?.nextElementSibling;
    const buttons = next ? next.querySelectorAll('button').length : 0;
    return [slider.querySelector('label')?.innerText ?? '?', buttons];
})"""


def test_every_slider_has_buttons_to_tap_instead(visit):
    tab = visit(TABLET_PORTRAIT)
    found: dict[str, int] = {}
    for path in ALL_PAGES:
        tab.open(path)
        for label, buttons in tab.page.evaluate(SLIDERS_AND_THEIR_BUTTONS):
            found[f"{path or 'home'}: {label}"] = buttons
    assert found, "no slider found at all: this test would check nothing"
    assert {slider: n for slider, n in found.items() if n < 2} == {}, "a slider without a step each way"


HOVER_ONLY = """() => [...document.querySelectorAll(
        '[data-testid=stElementToolbar], [data-testid=stHeaderActionElements]')]
    .filter(e => getComputedStyle(e).display !== 'none').map(e => e.dataset.testid)"""


def test_nothing_is_shown_only_on_hover(visit):
    tab = visit(TABLET_PORTRAIT)
    for path in ALL_PAGES:
        tab.open(path)
        tab.wait_until_still()
        if path not in PAGES_WITH_CHARTS:  # so the drag test above misses no chart
            expect(tab.page.locator(CHART)).to_have_count(0)
        for target in [*tab.page.locator(f"{CHART}, [data-testid=stImage], h2").all()][:6]:
            target.hover()
            assert tab.page.evaluate(HOVER_ONLY) == [], f"{path or 'home'}: shown on hover"
