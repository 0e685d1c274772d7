"""Each picture sits in a box of Streamlit's own making, sized before any code or style has
arrived, so nothing below it moves when the picture appears. The picture fills its box: no
scroll bar inside it, and no more than a sliver of empty room under it, on a phone, a tablet
and a laptop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import CHART, DESKTOP, PHONE, TABLET_PORTRAIT, eventually

PAGES = ["", "posture", "weight", "muscles", "exercises"]
"""Every page with a picture in a box (home's is the cycle)."""
SLIVER = 0.12
"""The most of a box's height that may be left empty under its picture: a column narrower
than the box (a 390 px phone's is 358 px) shrinks the picture a little more than its box."""

MEASURE = """rooms => rooms.map(room => {
  const box = room.getBoundingClientRect();
  const picture = room.querySelector('svg.bk-chart').getBoundingClientRect();
  return {name: room.className.match(/bk_room_\\S+/)[0], height: box.height,
          spills: room.scrollHeight - room.clientHeight, empty: box.bottom - picture.bottom};
})"""


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
@pytest.mark.parametrize("screen", [PHONE, TABLET_PORTRAIT, DESKTOP], ids=lambda s: s.name)
def test_each_picture_fills_its_box_without_spilling_out(visit, screen, path):
    tab = visit(screen)
    tab.open(path)
    expect(tab.page.locator(CHART).first).to_be_visible()
    rooms = tab.page.locator("[class*='st-key-bk_room_']")
    expect(rooms.first).to_be_visible()

    def filled() -> None:
        boxes = rooms.evaluate_all(MEASURE)
        assert boxes, f"{path or 'home'}: no picture box"
        for box in boxes:
            assert box["spills"] <= 0, f"{box['name']} spills {box['spills']} px out of its box"
            assert 0 <= box["empty"] <= SLIVER * box["height"], (
                f"{box['name']}: {box['empty']:.0f} px empty under the picture, in a box "
                f"{box['height']:.0f} px tall"
            )

    eventually(filled)


HELD = ("/rehype-raw.", "/Html.")
"""Streamlit's code for HTML inside Markdown (which draws a picture) and for st.html (which
carries our style): each loads only once a page needs it, after the plain words are drawn."""

SIZES = """rooms => rooms.map(r => [r.className.match(/bk_room_\\S+/)[0],
                                  Math.round(r.getBoundingClientRect().height)])"""


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_each_box_has_its_pictures_size_before_the_code_that_draws_it_arrives(visit, path):
    """So the words below a picture are drawn in their place at once, and never jump down
    when it appears (the layout shift Lighthouse scores)."""
    tab = visit(PHONE)
    held = []
    tab.page.route(lambda url: any(part in url for part in HELD), lambda route: held.append(route))
    tab.page.goto(f"{tab.base_url}/{path}")
    rooms = tab.page.locator("[class*='st-key-bk_room_']")
    expect(rooms.first).to_be_attached()
    expect(tab.page.locator(CHART)).to_have_count(0)
    waiting = dict(rooms.evaluate_all(SIZES))

    eventually(lambda: _asserted(len(held) == len(HELD), f"{len(held)} of {HELD} asked for"))
    for route in held:
        route.continue_()
    expect(tab.page.locator(CHART).first).to_be_visible()
    drawn = dict(rooms.evaluate_all(SIZES))
    assert waiting == drawn, f"{path or 'home'}: box heights before and after the picture came"


def _asserted(ok: bool, message: str) -> None:
    assert ok, message
