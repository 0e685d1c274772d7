"""The weight page in a real browser: typing numbers, switching units, the loss and BMI readouts,
on tablet and phone. Every expected number comes from backknee.words.weight and backknee.mechanics.loads."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, expect

from backknee.content.pages.weight import WeightPage
from backknee.mechanics.loads import (
    cm_to_feet_inches,
    feet_inches_to_cm,
    kg_to_stones_pounds,
    stones_pounds_to_kg,
)
from backknee.words.weight import (
    Person,
    activity_bars,
    bars_in_words,
    bmi_sentences,
    loss_sentences,
    per_step_sentence,
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
    controls_under_44_px,
    expect_charts_drawn,
    outside_requests,
    press,
    shown,
    switch_label,
)

WEIGHT = CONTENT_NOW.page("weight", WeightPage)
MENU = {item.page: item.title for item in CONTENT_NOW.site.menu}
PATH = "weight"
DEFAULT = Person()


def per_step(you: Person) -> str:
    return shown(per_step_sentence(you, WEIGHT))


def knee_part(tab: Visit) -> Locator:
    """The paragraph under "Your knees" that holds the per-step sentence."""
    start = WEIGHT.per_step.split("{kg}")[0].replace("**", "").strip()
    return tab.page.get_by_test_id("stMarkdownContainer").filter(has_text=start).last


def loss_readout(tab: Visit) -> Locator:
    return tab.page.locator(".st-key-loss_readout")


def bmi_readout(tab: Visit) -> Locator:
    return tab.page.locator(".st-key-bmi_readout")


def activities_chart(tab: Visit) -> Locator:
    return tab.page.locator("svg#activities_chart")


def number_box(tab: Visit, label: str) -> Locator:
    return tab.page.get_by_role("spinbutton", name=label, exact=True)


def step_button(tab: Visit, label: str, direction: str) -> Locator:
    """The − ("down") or + ("up") button of a number box."""
    widget = tab.page.get_by_test_id("stNumberInput").filter(has=number_box(tab, label))
    return widget.get_by_test_id("stNumberInputStepUp" if direction == "up" else "stNumberInputStepDown")


def unit(tab: Visit, name: str) -> Locator:
    return tab.page.get_by_role("radio", name=name, exact=True)


def background_switch(tab: Visit) -> Locator:
    return tab.page.get_by_role("switch", name=WEIGHT.lower_thresholds_label)


def type_number(tab: Visit, label: str, value: float | int, key: str = "Enter") -> None:
    """Type a number into a box and confirm it (Enter, or Tab to the next field) as a person would."""
    box = number_box(tab, label)
    press(tab, box)
    box.fill(str(value))
    box.press(key)


def open_calculator(tab: Visit) -> None:
    """Open the page and wait for the calculator. Streamlit 1.67 loads the number boxes,
    segmented controls, toggle and charts lazily, so they can appear after wait_until_settled."""
    tab.open(PATH)
    for label in (WEIGHT.weight_kg_label, WEIGHT.height_cm_label, WEIGHT.loss_label):
        expect(number_box(tab, label)).to_be_attached(timeout=UPDATE)
    expect(unit(tab, WEIGHT.stones_label)).to_be_attached(timeout=UPDATE)
    expect(unit(tab, WEIGHT.feet_label)).to_be_attached(timeout=UPDATE)
    expect(background_switch(tab)).to_be_attached(timeout=UPDATE)
    expect(tab.page.locator(CHART)).to_have_count(2, timeout=UPDATE)
    expect(knee_part(tab)).to_contain_text(per_step(DEFAULT))


def expect_numbers_for(tab: Visit, you: Person) -> None:
    """The per-step sentence, the chart's description and the BMI readout all match `you`."""
    expect(knee_part(tab)).to_contain_text(per_step(you), timeout=UPDATE)
    tab.wait_until_settled()
    alt = WEIGHT.activities_alt.format(bars=bars_in_words(activity_bars(you, WEIGHT)))
    expect(activities_chart(tab)).to_have_accessible_name(" ".join(alt.split()))
    for line in bmi_sentences(you, WEIGHT):
        expect(bmi_readout(tab)).to_contain_text(shown(line))


def test_typing_a_weight_on_a_tablet_updates_the_knee_load_and_the_bmi(visit):
    tab = visit(TABLET_LANDSCAPE)
    open_calculator(tab)
    expect_numbers_for(tab, DEFAULT)
    heavier = Person(mass_kg=90.0)
    assert per_step(heavier) != per_step(DEFAULT)
    assert bmi_sentences(heavier, WEIGHT)[0] != bmi_sentences(DEFAULT, WEIGHT)[0]

    type_number(tab, WEIGHT.weight_kg_label, 90)
    expect_numbers_for(tab, heavier)
    expect(number_box(tab, WEIGHT.weight_kg_label)).to_have_value("90.0")
    expect(knee_part(tab)).not_to_contain_text(per_step(DEFAULT))
    assert outside_requests(tab) == [], "the numbers must never leave the app's host"
    tab.screenshot("weight-90kg")


def test_switching_weight_to_stones_and_pounds_shows_the_same_weight_and_takes_stones(visit):
    tab = visit(TABLET_PORTRAIT)
    open_calculator(tab)
    stones, pounds = kg_to_stones_pounds(DEFAULT.mass_kg)  # 80 kg -> 12 st 8 lb

    press(tab, unit(tab, WEIGHT.stones_label))
    expect(number_box(tab, WEIGHT.stones_field_label)).to_have_value(str(stones), timeout=UPDATE)
    tab.wait_until_settled()
    expect(number_box(tab, WEIGHT.pounds_field_label)).to_have_value(str(pounds))
    expect(number_box(tab, WEIGHT.weight_kg_label)).to_have_count(0)
    expect(unit(tab, WEIGHT.stones_label)).to_be_checked()

    type_number(tab, WEIGHT.stones_field_label, 14, key="Tab")
    # Wait for what only the server writes, so the next box is not typed into mid-rerun.
    fourteen = Person(mass_kg=stones_pounds_to_kg(14, pounds))
    expect(knee_part(tab)).to_contain_text(per_step(fourteen), timeout=UPDATE)
    tab.wait_until_settled()
    type_number(tab, WEIGHT.pounds_field_label, 2)
    kg = stones_pounds_to_kg(14, 2)  # 89.8 kg
    expect_numbers_for(tab, Person(mass_kg=kg))

    # Back to kg: the box holds the same weight, and the answer stays.
    press(tab, unit(tab, WEIGHT.kg_label))
    expect(number_box(tab, WEIGHT.weight_kg_label)).to_have_value(f"{kg:.1f}", timeout=UPDATE)
    expect_numbers_for(tab, Person(mass_kg=round(kg, 1)))
    assert per_step(Person(mass_kg=round(kg, 1))) == per_step(Person(mass_kg=kg))


def test_switching_weight_to_stones_and_pounds_keeps_the_per_step_sentence(visit):
    tab = visit(TABLET_LANDSCAPE)
    open_calculator(tab)
    press(tab, unit(tab, WEIGHT.stones_label))
    expect(number_box(tab, WEIGHT.stones_field_label)).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()
    expect(knee_part(tab)).to_contain_text(per_step(DEFAULT))


def test_switching_height_to_feet_and_inches_keeps_the_bmi_and_takes_feet(visit):
    tab = visit(TABLET_LANDSCAPE)
    open_calculator(tab)
    feet, inches = cm_to_feet_inches(DEFAULT.height_cm)  # 170 cm -> 5 ft 7 in
    expect_numbers_for(tab, DEFAULT)  # the whole BMI readout is there before it is read
    before = bmi_readout(tab).inner_text()

    press(tab, unit(tab, WEIGHT.feet_label))
    expect(number_box(tab, WEIGHT.feet_field_label)).to_have_value(str(feet), timeout=UPDATE)
    tab.wait_until_settled()
    expect(number_box(tab, WEIGHT.inches_field_label)).to_have_value(str(inches))
    expect(number_box(tab, WEIGHT.height_cm_label)).to_have_count(0)
    # Showing 170 cm as 5 ft 7 in (170.2 cm) changes nothing: the page keeps what was typed.
    expect(bmi_readout(tab)).to_have_text(before, use_inner_text=True)
    expect_numbers_for(tab, DEFAULT)

    type_number(tab, WEIGHT.feet_field_label, 6, key="Tab")
    six_foot = Person(height_cm=feet_inches_to_cm(6, inches))
    expect(bmi_readout(tab)).to_contain_text(shown(bmi_sentences(six_foot, WEIGHT)[0]), timeout=UPDATE)
    tab.wait_until_settled()
    type_number(tab, WEIGHT.inches_field_label, 0)
    taller = Person(height_cm=feet_inches_to_cm(6, 0))
    assert bmi_sentences(taller, WEIGHT) != bmi_sentences(DEFAULT, WEIGHT)
    expect_numbers_for(tab, taller)


def test_a_weight_typed_in_kg_is_still_in_the_box_after_another_page_from_the_menu(visit):
    tab = visit(TABLET_LANDSCAPE)
    open_calculator(tab)
    typed = Person(mass_kg=67.0)
    assert per_step(typed) != per_step(DEFAULT)

    type_number(tab, WEIGHT.weight_kg_label, 67)
    expect_numbers_for(tab, typed)
    tab.go_to(MENU["posture"], CONTENT_NOW.pages["posture"].heading)
    tab.go_to(MENU["weight"], WEIGHT.heading)

    # The box is drawn again (lazily): it shows what was typed, and the words use it.
    expect(number_box(tab, WEIGHT.weight_kg_label)).to_have_value("67.0")
    expect_numbers_for(tab, typed)


def test_tapping_plus_on_weight_to_lose_changes_the_loss_readout(visit):
    tab = visit(TABLET_PORTRAIT)
    open_calculator(tab)
    for line in loss_sentences(DEFAULT, WEIGHT):
        expect(loss_readout(tab)).to_contain_text(shown(line))
    more = Person(loss_kg=DEFAULT.loss_kg + 1)
    assert loss_sentences(more, WEIGHT)[0] != loss_sentences(DEFAULT, WEIGHT)[0]

    press(tab, step_button(tab, WEIGHT.loss_label, "up"))
    expect(loss_readout(tab)).to_contain_text(shown(loss_sentences(more, WEIGHT)[0]), timeout=UPDATE)
    tab.wait_until_settled()
    for line in loss_sentences(more, WEIGHT):
        expect(loss_readout(tab)).to_contain_text(shown(line))
    expect(number_box(tab, WEIGHT.loss_label)).to_have_value(f"{more.loss_kg:.0f}")
    expect(knee_part(tab)).to_contain_text(per_step(DEFAULT))  # the weight itself did not change


def test_steps_changed_in_the_savings_part_are_kept_after_another_page_and_a_new_weight(visit):
    # The savings part reruns on its own when its boxes change (a fragment inside the
    # calculator), so it must keep what was tapped there itself.
    tab = visit(TABLET_LANDSCAPE)
    open_calculator(tab)
    more_steps = Person(steps_per_day=DEFAULT.steps_per_day + 500)
    assert loss_sentences(more_steps, WEIGHT) != loss_sentences(DEFAULT, WEIGHT)

    press(tab, step_button(tab, WEIGHT.steps_label, "up"))
    expect(number_box(tab, WEIGHT.steps_label)).to_have_value(f"{more_steps.steps_per_day}")
    for line in loss_sentences(more_steps, WEIGHT):
        expect(loss_readout(tab)).to_contain_text(shown(line), timeout=UPDATE)
    tab.wait_until_settled()
    tab.go_to(MENU["posture"], CONTENT_NOW.pages["posture"].heading)
    tab.go_to(MENU["weight"], WEIGHT.heading)

    expect(number_box(tab, WEIGHT.steps_label)).to_have_value(f"{more_steps.steps_per_day}", timeout=UPDATE)
    for line in loss_sentences(more_steps, WEIGHT):
        expect(loss_readout(tab)).to_contain_text(shown(line))
    # A weight in the healthy range: the whole calculator reruns, the savings part with it.
    lighter = Person(mass_kg=60.0, steps_per_day=more_steps.steps_per_day)
    assert loss_sentences(lighter, WEIGHT) != loss_sentences(more_steps, WEIGHT)
    type_number(tab, WEIGHT.weight_kg_label, lighter.mass_kg)
    expect_numbers_for(tab, lighter)
    for line in loss_sentences(lighter, WEIGHT):
        expect(loss_readout(tab)).to_contain_text(shown(line))
    expect(number_box(tab, WEIGHT.steps_label)).to_have_value(f"{more_steps.steps_per_day}")


def test_the_family_background_switch_uses_the_lower_bmi_bands(visit):
    tab = visit(TABLET_LANDSCAPE)
    open_calculator(tab)
    usual = Person(mass_kg=70.0)  # BMI 24.2 at 170 cm
    lower = Person(mass_kg=70.0, lower_thresholds=True)
    assert bmi_sentences(usual, WEIGHT)[1] != bmi_sentences(lower, WEIGHT)[1]

    type_number(tab, WEIGHT.weight_kg_label, 70)
    expect_numbers_for(tab, usual)
    switch = background_switch(tab)
    expect(switch).not_to_be_checked()

    # The switch itself is visually hidden; a finger lands on its label.
    press(tab, switch_label(tab, switch))
    expect(bmi_readout(tab)).to_contain_text(bmi_sentences(lower, WEIGHT)[1], timeout=UPDATE)
    tab.wait_until_settled()
    expect(switch).to_be_checked()
    expect(bmi_readout(tab)).not_to_contain_text(bmi_sentences(usual, WEIGHT)[1])
    expect_numbers_for(tab, lower)


def test_on_a_phone_the_calculator_fits_the_screen_and_works_by_tap(visit):
    tab = visit(PHONE)
    open_calculator(tab)
    parts = [
        number_box(tab, WEIGHT.weight_kg_label),
        step_button(tab, WEIGHT.weight_kg_label, "up"),
        unit(tab, WEIGHT.stones_label),
        unit(tab, WEIGHT.feet_label),
        activities_chart(tab),
        loss_readout(tab),
        bmi_readout(tab),
    ]
    for part in parts:
        part.scroll_into_view_if_needed()
        expect(part).to_be_in_viewport()
        assert_fits_across(part, PHONE.width)
    assert_nothing_overflows_sideways(tab)

    press(tab, step_button(tab, WEIGHT.weight_kg_label, "up"))
    heavier = Person(mass_kg=DEFAULT.mass_kg + 1)
    expect_numbers_for(tab, heavier)
    expect(number_box(tab, WEIGHT.weight_kg_label)).to_have_value(f"{heavier.mass_kg:.1f}")

    press(tab, step_button(tab, WEIGHT.loss_label, "down"))
    fewer = Person(mass_kg=heavier.mass_kg, loss_kg=DEFAULT.loss_kg - 1)
    expect(loss_readout(tab)).to_contain_text(shown(loss_sentences(fewer, WEIGHT)[0]), timeout=UPDATE)
    tab.wait_until_settled()

    press(tab, unit(tab, WEIGHT.stones_label))
    expect(number_box(tab, WEIGHT.pounds_field_label)).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()
    for label in (WEIGHT.stones_field_label, WEIGHT.pounds_field_label):
        assert_fits_across(number_box(tab, label), PHONE.width)
    assert_nothing_overflows_sideways(tab)
    assert outside_requests(tab) == [], "the numbers must never leave the app's host"
    tab.screenshot("weight-stones")


@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=lambda s: s.name)
def test_axe_finds_no_violations_with_numbers_changed(visit, screen):
    # The menu-driven axe test covers the page as it opens; this covers the feet-and-inches
    # boxes, the switch turned on and new readouts.
    tab = visit(screen)
    open_calculator(tab)
    type_number(tab, WEIGHT.weight_kg_label, 70)
    expect_numbers_for(tab, Person(mass_kg=70.0))
    press(tab, unit(tab, WEIGHT.feet_label))
    expect(number_box(tab, WEIGHT.inches_field_label)).to_be_visible(timeout=UPDATE)
    tab.wait_until_settled()
    press(tab, switch_label(tab, background_switch(tab)))
    expect(background_switch(tab)).to_be_checked(timeout=UPDATE)
    lower = bmi_sentences(Person(mass_kg=70.0, lower_thresholds=True), WEIGHT)[1]
    expect(bmi_readout(tab)).to_contain_text(shown(lower), timeout=UPDATE)
    tab.wait_until_settled()
    expect_charts_drawn(tab)
    assert axe_violations(tab) == []


def show_every_box(tab: Visit) -> None:
    """Switch to stones and to feet, so the narrower boxes are on screen to be measured too."""
    for name in (WEIGHT.stones_label, WEIGHT.feet_label):
        press(tab, unit(tab, name))
        expect(unit(tab, name)).to_be_checked(timeout=UPDATE)
        tab.wait_until_settled()
    expect(number_box(tab, WEIGHT.pounds_field_label)).to_be_visible(timeout=UPDATE)
    expect(number_box(tab, WEIGHT.inches_field_label)).to_be_visible(timeout=UPDATE)


def test_the_step_buttons_and_unit_choices_are_finger_sized_on_a_tablet(visit):
    tab = visit(TABLET_PORTRAIT)
    open_calculator(tab)
    show_every_box(tab)
    steps = tab.page.locator("[data-testid=stNumberInputStepDown], [data-testid=stNumberInputStepUp]")
    expect(steps).to_have_count(2 * 7)  # stones, pounds, feet, inches, loss, steps, flights
    units = tab.page.get_by_test_id("stButtonGroup").get_by_role("radio")
    expect(units).to_have_count(4)
    targets = steps.all() + units.all()
    for target in targets:
        expect(target).to_be_visible()
    assert_finger_sized(targets, "step buttons and unit choices")


@pytest.mark.parametrize("screen", [TABLET_LANDSCAPE, TABLET_PORTRAIT], ids=lambda s: s.name)
def test_every_weight_control_is_big_enough_for_a_finger_on_a_tablet(visit, screen):
    tab = visit(screen)
    open_calculator(tab)
    show_every_box(tab)
    small = controls_under_44_px(tab)
    assert small == [], f"on /weight: controls smaller than 44 px: {small}"
