"""The posture page in a real browser: choosing a posture, moving the controls, on tablet and phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, expect

from backknee.content.pages.posture import PosturePage
from backknee.mechanics.constants import POSTURE_STEP_DEG
from tests.e2e.helpers import (
    CONTENT_NOW,
    DESKTOP,
    PHONE,
    TABLET_LANDSCAPE,
    TABLET_PORTRAIT,
    UPDATE,
    Visit,
    assert_fits_across,
    assert_nothing_overflows_sideways,
    axe_violations,
    outside_requests,
    press,
)

POSTURE = CONTENT_NOW.page("posture", PosturePage)
PATH = "posture"
PRESETS = {preset.label: preset for preset in POSTURE.presets}
WORDS = POSTURE.readout


def sentence(template: str) -> re.Pattern[str]:
    """A readout sentence with any whole number where the app fills in {degrees}."""
    return re.compile(re.escape(template).replace(re.escape("{degrees}"), r"\d+"))


def all_of(*patterns: str | re.Pattern[str]) -> re.Pattern[str]:
    """Text that holds every one of these (literal strings or patterns), in any order."""
    parts = [p.pattern if isinstance(p, re.Pattern) else re.escape(p) for p in patterns]
    return re.compile("^" + "".join(f"(?=[\\s\\S]*{part})" for part in parts))


def readout(tab: Visit) -> Locator:
    return tab.page.locator(".st-key-posture_readout")


def chart(tab: Visit) -> Locator:
    return tab.page.locator("svg#posture_chart")


def preset_button(tab: Visit, label: str) -> Locator:
    return tab.page.locator(f".st-key-preset_{PRESETS[label].id}").get_by_role("button")


def slider(tab: Visit, control: str) -> Locator:
    return tab.page.get_by_role("slider", name=getattr(POSTURE.controls, control).label)


def step_button(tab: Visit, control: str, direction: str) -> Locator:
    return tab.page.locator(f".st-key-posture_{control}_{direction}").get_by_role("button")


def open_explorer(tab: Visit) -> None:
    """Open the page and wait for the explorer. Streamlit 1.67 loads the slider and chart code
    lazily, so they can appear about a second after wait_until_settled returns."""
    tab.open(PATH)
    for control in ("flattening", "lean", "knee"):
        expect(slider(tab, control)).to_be_attached(timeout=UPDATE)
    expect(chart(tab)).to_be_visible(timeout=UPDATE)


def test_tapping_a_preset_on_a_tablet_shows_what_the_knees_do_and_marks_it_chosen(visit):
    tab = visit(TABLET_LANDSCAPE)
    open_explorer(tab)
    expect(readout(tab)).to_contain_text(WORDS.knees_straight)
    expect(chart(tab)).to_have_role("img")
    expect(chart(tab)).to_have_attribute("aria-label", all_of("Posture: Standing tall."))
    before = chart(tab).get_attribute("aria-label")
    assert before and "Posture: Standing tall." in before

    preset_button(tab, "Stooped").tap()
    expect(tab.page.get_by_role("button", name="✓ Stooped", exact=True)).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()

    expect(readout(tab)).to_contain_text(sentence(WORDS.knees_bend))
    expect(readout(tab)).to_contain_text(PRESETS["Stooped"].text)
    expect(readout(tab)).not_to_contain_text(WORDS.knees_straight)
    expect(preset_button(tab, "Standing tall")).to_have_text("Standing tall")  # no longer ticked
    expect(slider(tab, "flattening")).to_have_value(str(PRESETS["Stooped"].flattening))
    expect(slider(tab, "lean")).to_have_value(str(PRESETS["Stooped"].lean))
    # The whole new description (the posture and what the knees do), not only its start.
    expect(chart(tab)).to_have_attribute(
        "aria-label", all_of("Posture: Stooped.", sentence(WORDS.knees_bend)), timeout=UPDATE
    )
    after = chart(tab).get_attribute("aria-label")
    assert after and after != before
    assert re.search(sentence(WORDS.knees_bend), after), "the chart's description says the knees bend"
    expect(chart(tab)).to_have_accessible_name(after)
    tab.screenshot("posture-stooped")


def test_moving_a_slider_with_the_keyboard_updates_the_readout(visit):
    tab = visit(DESKTOP)
    open_explorer(tab)
    knee = slider(tab, "knee")
    expect(knee).to_have_value("0")
    knee.focus()
    for _ in range(3):
        tab.page.keyboard.press("ArrowRight")
    expect(knee).to_have_value(str(3 * POSTURE_STEP_DEG))
    expect(readout(tab)).to_contain_text(WORDS.knees_held_bent.format(degrees=15), timeout=UPDATE)
    tab.wait_until_settled()
    expect(knee).to_have_value("15")  # the rerun keeps the value the person chose
    expect(tab.page.get_by_test_id("stSliderThumbValue").nth(2)).to_have_text("15")
    expect(readout(tab)).not_to_contain_text(WORDS.knees_straight)
    expect(chart(tab)).to_have_attribute(
        "aria-label", re.compile("knees 15 degrees short of straight"), timeout=UPDATE
    )
    # 15 degrees is no preset, so none is ticked
    expect(tab.page.locator(".st-key-posture_presets").get_by_role("button", name="✓")).to_have_count(0)


def test_tapping_more_bent_moves_the_knee_slider_one_step(visit):
    tab = visit(TABLET_PORTRAIT)
    open_explorer(tab)
    knee = slider(tab, "knee")
    expect(knee).to_have_value("0")
    expect(step_button(tab, "knee", "less")).to_be_disabled()  # already straight
    more = step_button(tab, "knee", "more")
    expect(more).to_have_text(f"+ {POSTURE.controls.knee.more}")

    more.tap()
    expect(readout(tab)).to_contain_text(WORDS.knees_held_bent.format(degrees=5), timeout=UPDATE)
    tab.wait_until_settled()
    expect(knee).to_have_value(str(POSTURE_STEP_DEG))
    expect(step_button(tab, "knee", "less")).to_be_enabled()
    expect(slider(tab, "lean")).to_have_value("0")  # the other controls stay where they were
    expect(slider(tab, "flattening")).to_have_value("0")

    more.tap()
    expect(knee).to_have_value(str(2 * POSTURE_STEP_DEG), timeout=UPDATE)
    expect(readout(tab)).to_contain_text(WORDS.knees_held_bent.format(degrees=10), timeout=UPDATE)
    assert outside_requests(tab) == [], "moving the figure must not reach outside the app's host"


def test_on_a_phone_the_explorer_fits_the_screen_and_a_preset_tap_works(visit):
    tab = visit(PHONE)
    open_explorer(tab)
    parts = [preset_button(tab, label) for label in PRESETS] + [chart(tab), readout(tab)]
    for part in parts:
        part.scroll_into_view_if_needed()
        expect(part).to_be_in_viewport()
        assert_fits_across(part, PHONE.width)
    assert_nothing_overflows_sideways(tab)

    preset_button(tab, "Stiff knees").tap()
    expect(tab.page.get_by_role("button", name="✓ Stiff knees", exact=True)).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()
    expect(readout(tab)).to_contain_text(WORDS.knees_held_bent.format(degrees=PRESETS["Stiff knees"].knee))
    expect(slider(tab, "knee")).to_have_value(str(PRESETS["Stiff knees"].knee))
    assert_nothing_overflows_sideways(tab)
    tab.screenshot("posture-stiff-knees")


@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=lambda s: s.name)
def test_axe_finds_no_violations_with_a_posture_chosen(visit, screen):
    # The menu-driven axe test covers the page as it opens; this covers a chosen (primary) preset,
    # a moved slider and the longer readout.
    tab = visit(screen)
    open_explorer(tab)
    press(tab, preset_button(tab, "Slumped"))
    expect(tab.page.get_by_role("button", name="✓ Slumped", exact=True)).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()
    expect(slider(tab, "lean")).to_have_value(str(PRESETS["Slumped"].lean))
    expect(chart(tab)).to_have_attribute("aria-label", re.compile(r"Posture: Slumped\."), timeout=UPDATE)
    expect(chart(tab)).to_be_visible()
    assert axe_violations(tab) == []
