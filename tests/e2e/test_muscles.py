"""The muscles page in a real browser: picking weak muscles to light up the chain, the hip and
thigh controls, the chair's arms, on tablet and phone. Every expected word comes from the
content files and every number from backknee.words.muscles."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, expect

from backknee.content.pages.muscles import MusclesPage
from backknee.mechanics.constants import HIP_SHARE_CHOICES, THIGH_STRENGTH_CHOICES
from backknee.words.muscles import (
    chain_for,
    chain_steps,
    chair_view,
    describe_chain,
    describe_chair,
    describe_one_leg,
    helps_lines,
    lands_sentence,
    one_leg_view,
)
from tests.e2e.helpers import (
    CHART,
    CONTENT_NOW,
    DESKTOP,
    PHONE,
    TABLET_LANDSCAPE,
    TABLET_PORTRAIT,
    UPDATE,
    Visit,
    assert_finger_sized,
    assert_fits_across,
    assert_nothing_overflows_sideways,
    axe_violations,
    expect_charts_drawn,
    expect_tick,
    one_line,
    option,
    outside_requests,
    pill,
    press,
    shown,
    switch_label,
)

MUSCLES = CONTENT_NOW.page("muscles", MusclesPage)
GRAPH = CONTENT_NOW.compensation
AREAS = {node.id: node for node in GRAPH.weak_areas}
PATH = "muscles"


def area_pill(tab: Visit, area: str) -> Locator:
    """A weak area's button (once picked, style.css puts a tick before it)."""
    return pill(tab, MUSCLES.chain.pick_label, AREAS[area].label)


def choice(tab: Visit, control_label: str, percent: int) -> Locator:
    return option(tab, control_label, f"{percent}%")


def hip_choice(tab: Visit, percent: int) -> Locator:
    return choice(tab, MUSCLES.one_leg.control_label, percent)


def thigh_choice(tab: Visit, percent: int) -> Locator:
    return choice(tab, MUSCLES.chair.control_label, percent)


def arms_switch(tab: Visit) -> Locator:
    return tab.page.get_by_role("switch", name=MUSCLES.chair.arms_label, exact=True)


def arms_label(tab: Visit) -> Locator:
    """The switch itself is visually hidden; a finger lands on its label."""
    return switch_label(tab, arms_switch(tab))


def chart(tab: Visit, key: str) -> Locator:
    return tab.page.locator(f"svg#{key}")


def chain_words(tab: Visit) -> Locator:
    return tab.page.locator(".st-key-muscles_chain_words")


def one_leg_readout(tab: Visit) -> Locator:
    return tab.page.locator(".st-key-muscles_one_leg_readout")


def chair_readout(tab: Visit) -> Locator:
    return tab.page.locator(".st-key-muscles_chair_readout")


def open_muscles(tab: Visit) -> None:
    """Open the page and wait for the explorers. Streamlit 1.67 loads the pills, segmented
    controls, switch and charts lazily, so they can appear after wait_until_settled."""
    tab.open(PATH)
    for area in AREAS:
        expect(area_pill(tab, area)).to_be_attached(timeout=UPDATE)
    expect(hip_choice(tab, 100)).to_be_attached(timeout=UPDATE)
    expect(thigh_choice(tab, 100)).to_be_attached(timeout=UPDATE)
    expect(arms_switch(tab)).to_be_attached(timeout=UPDATE)
    expect(tab.page.locator(CHART)).to_have_count(4, timeout=UPDATE)  # chain, one leg, chair, effort gauge
    expect(chain_words(tab)).to_contain_text(MUSCLES.chain.pick_prompt)


def expect_lines(readout: Locator, lines: tuple[str, ...]) -> None:
    """Each line of a readout is one bullet, in order."""
    expect(readout.locator("li")).to_have_text([shown(line) for line in lines], timeout=UPDATE)


def test_picking_weak_hips_on_a_tablet_lights_the_chain_that_lands_on_the_back_and_knees(visit):
    tab = visit(TABLET_LANDSCAPE)
    open_muscles(tab)
    words = MUSCLES.chain
    chain_chart = chart(tab, "muscles_chain_chart")
    expect(chain_chart).to_have_role("img")
    expect(chain_chart).to_have_accessible_name(one_line(words.alt_none))
    hips = chain_for(GRAPH, ["hips"])
    assert hips.lands_on_both, "weak hips pass work to the back and to the knees"
    steps = chain_steps(GRAPH, hips, words)

    press(tab, area_pill(tab, "hips"))
    expect(chain_words(tab)).to_contain_text(shown(lands_sentence(hips, words)), timeout=UPDATE)
    tab.wait_until_settled()
    expect(area_pill(tab, "hips")).to_have_attribute("aria-pressed", "true")
    expect_tick(area_pill(tab, "hips"), "✓ ", "a picked area shows a tick, not only a colour")
    expect(area_pill(tab, "thighs")).to_have_attribute("aria-pressed", "false")
    expect(area_pill(tab, "thighs")).to_have_text(AREAS["thighs"].label)
    expect_tick(area_pill(tab, "thighs"), "", "an area not picked has no tick")
    expect(chain_words(tab)).not_to_contain_text(words.pick_prompt)
    expect(chain_words(tab).get_by_role("heading", name=words.list_heading)).to_be_visible()
    numbered = chain_words(tab).locator("ol > li")
    expect(numbered).to_have_count(len(steps))
    expect(numbered.first).to_contain_text(shown(steps[0]))
    expect(numbered.last).to_contain_text(shown(steps[-1]))
    for line in helps_lines(hips, MUSCLES):  # the exercises that help, named under the chain
        expect(chain_words(tab)).to_contain_text(shown(line))
    # The chart's description now names the picked muscles, in plain words read aloud.
    description = one_line(describe_chain(GRAPH, hips, words))
    assert AREAS["hips"].label in description and "*" not in description
    expect(chain_chart).to_have_accessible_name(description, timeout=UPDATE)

    press(tab, area_pill(tab, "hips"))  # a second tap puts it back
    expect(chain_words(tab)).to_contain_text(words.pick_prompt, timeout=UPDATE)
    tab.wait_until_settled()
    expect(area_pill(tab, "hips")).to_have_attribute("aria-pressed", "false")
    expect(chain_words(tab).locator("ol > li")).to_have_count(0)
    expect(chain_chart).to_have_accessible_name(one_line(words.alt_none))
    tab.screenshot("muscles-hips")


def test_picking_two_weak_areas_lists_both_chains_step_by_step(visit):
    tab = visit(DESKTOP)
    open_muscles(tab)
    words = MUSCLES.chain
    press(tab, area_pill(tab, "thighs"))
    thighs = chain_for(GRAPH, ["thighs"])
    expect(chain_words(tab).locator("ol > li")).to_have_count(len(thighs.links), timeout=UPDATE)
    tab.wait_until_settled()
    press(tab, area_pill(tab, "core"))
    both = chain_for(GRAPH, ["thighs", "core"])
    assert len(both.links) > len(thighs.links)
    expect(chain_words(tab).locator("ol > li")).to_have_count(len(both.links), timeout=UPDATE)
    tab.wait_until_settled()
    expect(chain_words(tab)).to_contain_text(shown(lands_sentence(both, words)))
    for area in ("thighs", "core"):
        expect(area_pill(tab, area)).to_have_attribute("aria-pressed", "true")
        expect(chart(tab, "muscles_chain_chart")).to_have_accessible_name(
            re.compile(re.escape(AREAS[area].label))
        )


def test_hips_that_do_70_percent_of_the_job_drop_the_pelvis_and_lean_the_body_on_a_tablet(visit):
    tab = visit(TABLET_LANDSCAPE)
    open_muscles(tab)
    words = MUSCLES.one_leg
    strong, weaker = one_leg_view(100, words), one_leg_view(70, words)
    expect(hip_choice(tab, 100)).to_be_checked()
    expect_lines(one_leg_readout(tab), strong.lines)
    assert words.level in strong.lines and words.level not in weaker.lines

    press(tab, hip_choice(tab, 70))
    expect(one_leg_readout(tab)).to_contain_text(weaker.lines[0], timeout=UPDATE)
    tab.wait_until_settled()
    expect(hip_choice(tab, 70)).to_be_checked()
    expect(hip_choice(tab, 100)).not_to_be_checked()
    # The drop, the lean, the inner knee, the knee without leaning and the lower back.
    expect_lines(one_leg_readout(tab), weaker.lines)
    expect(one_leg_readout(tab)).not_to_contain_text(words.level)
    expect(one_leg_readout(tab)).to_contain_text(MUSCLES.illustration)
    expect(chart(tab, "muscles_one_leg_chart")).to_have_accessible_name(
        one_line(describe_one_leg(weaker, words)), timeout=UPDATE
    )
    expect(thigh_choice(tab, 100)).to_be_checked()  # the chair's control stays where it was
    tab.screenshot("muscles-hips-70")


def gauge_number(tab: Visit) -> Locator:
    """The big number in the middle of the effort gauge."""
    return chart(tab, "muscles_gauge").locator("text.bk-dial-number")


def test_weaker_thighs_lean_further_and_pushing_on_the_chairs_arms_lowers_the_effort(visit):
    tab = visit(TABLET_PORTRAIT)
    open_muscles(tab)
    words = MUSCLES.chair
    typical = chair_view(100, False, words)
    weak, weak_with_arms = chair_view(50, False, words), chair_view(50, True, words)
    assert weak.rise.trunk_lean_deg > typical.rise.trunk_lean_deg
    assert weak_with_arms.effort_percent < weak.effort_percent
    expect(thigh_choice(tab, 100)).to_be_checked()
    expect_lines(chair_readout(tab), typical.lines)
    expect(gauge_number(tab)).to_have_text(f"{typical.effort_percent}%")

    press(tab, thigh_choice(tab, 50))
    expect(chair_readout(tab)).to_contain_text(weak.lines[0], timeout=UPDATE)
    tab.wait_until_settled()
    expect(thigh_choice(tab, 50)).to_be_checked()
    expect_lines(chair_readout(tab), weak.lines)  # leans further than with stronger thighs
    expect(gauge_number(tab)).to_have_text(f"{weak.effort_percent}%")
    expect(chart(tab, "muscles_gauge")).to_have_accessible_name(one_line(weak.lines[0]))
    expect(chart(tab, "muscles_chair_chart")).to_have_accessible_name(one_line(describe_chair(weak, words)))

    expect(arms_switch(tab)).not_to_be_checked()
    press(tab, arms_label(tab))
    expect(chair_readout(tab)).to_contain_text(weak_with_arms.lines[0], timeout=UPDATE)
    tab.wait_until_settled()
    expect(arms_switch(tab)).to_be_checked()
    expect_lines(chair_readout(tab), weak_with_arms.lines)
    expect(gauge_number(tab)).to_have_text(f"{weak_with_arms.effort_percent}%")
    expect(chart(tab, "muscles_gauge")).to_have_accessible_name(one_line(weak_with_arms.lines[0]))
    expect(thigh_choice(tab, 50)).to_be_checked()  # the thighs stay as chosen
    tab.screenshot("muscles-chair-arms")


def test_on_a_phone_every_muscles_control_fits_the_screen_is_finger_sized_and_works_by_tap(visit):
    # The menu-driven size check runs on tablets only; on a phone the controls wrap and stack.
    tab = visit(PHONE)
    open_muscles(tab)
    controls = (
        [area_pill(tab, area) for area in AREAS]
        + [hip_choice(tab, percent) for percent in HIP_SHARE_CHOICES]
        + [thigh_choice(tab, percent) for percent in THIGH_STRENGTH_CHOICES]
        + [arms_label(tab)]
    )
    for control in controls:
        control.scroll_into_view_if_needed()
        expect(control).to_be_in_viewport()
        assert_fits_across(control, PHONE.width)
    assert_finger_sized(controls, "controls on a phone")
    for key in ("muscles_chain_chart", "muscles_one_leg_chart", "muscles_chair_chart", "muscles_gauge"):
        assert_fits_across(chart(tab, key), PHONE.width)
    assert_nothing_overflows_sideways(tab)

    press(tab, area_pill(tab, "thighs"))
    thighs = chain_for(GRAPH, ["thighs"])
    expect(chain_words(tab)).to_contain_text(shown(lands_sentence(thighs, MUSCLES.chain)), timeout=UPDATE)
    tab.wait_until_settled()
    press(tab, hip_choice(tab, 40))
    weakest = one_leg_view(40, MUSCLES.one_leg)
    expect(one_leg_readout(tab)).to_contain_text(weakest.lines[0], timeout=UPDATE)  # hold on to something
    tab.wait_until_settled()
    press(tab, arms_label(tab))
    expect(arms_switch(tab)).to_be_checked(timeout=UPDATE)
    expect_lines(chair_readout(tab), chair_view(100, True, MUSCLES.chair).lines)
    tab.wait_until_settled()
    assert_nothing_overflows_sideways(tab)
    tab.screenshot("muscles-phone")


def test_nothing_the_patient_picks_goes_into_the_address_or_leaves_the_app(visit):
    tab = visit(TABLET_LANDSCAPE)
    open_muscles(tab)
    address = tab.page.url
    press(tab, area_pill(tab, "calves"))
    expect(area_pill(tab, "calves")).to_have_attribute("aria-pressed", "true", timeout=UPDATE)
    tab.wait_until_settled()
    press(tab, hip_choice(tab, 60))
    expect(one_leg_readout(tab)).to_contain_text(one_leg_view(60, MUSCLES.one_leg).lines[0], timeout=UPDATE)
    tab.wait_until_settled()
    press(tab, thigh_choice(tab, 30))
    expect(chair_readout(tab)).to_contain_text(chair_view(30, False, MUSCLES.chair).lines[0], timeout=UPDATE)
    tab.wait_until_settled()
    press(tab, arms_label(tab))
    expect(arms_switch(tab)).to_be_checked(timeout=UPDATE)
    tab.wait_until_settled()

    expect(tab.page).to_have_url(address)
    parts = urlsplit(tab.page.url)
    assert (parts.path, parts.query, parts.fragment) == (f"/{PATH}", "", "")
    assert outside_requests(tab) == [], "the choices must never leave the app's host"

    # A fresh load of the same address starts clean: nothing was remembered in it.
    open_muscles(tab)
    expect(area_pill(tab, "calves")).to_have_attribute("aria-pressed", "false")
    expect(hip_choice(tab, 100)).to_be_checked()
    expect(thigh_choice(tab, 100)).to_be_checked()
    expect(arms_switch(tab)).not_to_be_checked()


@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=lambda s: s.name)
def test_axe_finds_no_violations_with_muscles_picked_and_controls_moved(visit, screen):
    # The menu-driven axe test covers the page as it opens; this covers pressed pills, the
    # numbered chain, chosen percentages, the switch turned on and the longer readouts.
    tab = visit(screen)
    open_muscles(tab)
    press(tab, area_pill(tab, "hips"))
    expect(chain_words(tab).locator("ol > li").first).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()
    press(tab, hip_choice(tab, 70))
    expect(hip_choice(tab, 70)).to_be_checked(timeout=UPDATE)
    tab.wait_until_settled()
    press(tab, arms_label(tab))
    expect(arms_switch(tab)).to_be_checked(timeout=UPDATE)
    tab.wait_until_settled()
    expect_charts_drawn(tab)
    assert axe_violations(tab) == []
