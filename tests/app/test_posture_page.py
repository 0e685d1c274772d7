"""The posture page in a real Streamlit session: presets, sliders and tap buttons all change
the figure and the readout, and always to what the model says."""

from __future__ import annotations

import pytest

from backknee.content.loader import load_content
from backknee.content.pages.posture import PosturePage
from backknee.words.posture import Scenario, compare, readout
from tests.app.helpers import Picture, all_text, away_and_back, pictures
from tests.paths import CONTENT

SCRIPT = "app_pages/posture.py"
PAGE = load_content(CONTENT).page("posture", PosturePage)


@pytest.fixture
def posture(open_page):
    return open_page(SCRIPT)


def readout_shown(at) -> str:
    return all_text(at)


def expected_lines(scenario: Scenario) -> list[str]:
    return readout(compare(scenario), PAGE.readout)


def chart(at) -> Picture:
    return pictures(at)["posture_chart"]


def test_the_page_opens_standing_tall_with_its_readout(posture):
    text = readout_shown(posture)
    for line in expected_lines(Scenario()):
        assert line in text
    assert posture.button(key="preset_standing-tall").label.startswith("✓")


@pytest.mark.parametrize("preset", PAGE.presets, ids=lambda p: p.id)
def test_each_preset_sets_the_three_controls_and_the_readout_follows_the_model(posture, preset):
    posture.button(key=f"preset_{preset.id}").click().run()
    assert not posture.exception
    assert posture.slider(key="posture_flattening").value == preset.flattening
    assert posture.slider(key="posture_lean").value == preset.lean
    assert posture.slider(key="posture_knee").value == preset.knee
    text = readout_shown(posture)
    for line in expected_lines(Scenario(preset.flattening, preset.lean, preset.knee)):
        assert line in text
    assert preset.text in text
    assert posture.button(key=f"preset_{preset.id}").label == f"✓ {preset.label}"


def test_moving_a_slider_changes_the_readout_and_the_figure(posture):
    before = chart(posture)
    posture.slider(key="posture_lean").set_value(40).run()
    assert not posture.exception
    for line in expected_lines(Scenario(lean_deg=40)):
        assert line in readout_shown(posture)
    after = chart(posture)
    assert after.markup != before.markup
    assert not any(b.label.startswith("✓") for b in posture.button if b.key.startswith("preset_"))


def test_the_tap_buttons_move_a_slider_one_step_each_way(posture):
    posture.button(key="posture_knee_more").click().run()
    posture.button(key="posture_knee_more").click().run()
    assert posture.slider(key="posture_knee").value == 10
    assert PAGE.readout.knees_held_bent.format(degrees=10) in readout_shown(posture)
    posture.button(key="posture_knee_less").click().run()
    assert posture.slider(key="posture_knee").value == 5


def test_a_tap_button_is_disabled_at_the_end_of_its_range(posture):
    assert posture.button(key="posture_flattening_less").disabled
    posture.slider(key="posture_flattening").set_value(40).run()
    assert posture.button(key="posture_flattening_more").disabled
    assert not posture.button(key="posture_flattening_less").disabled


def test_the_chart_is_described_in_words_that_change_with_the_posture(posture):
    def description() -> str:
        return chart(posture).alt

    tall = description()
    posture.button(key="preset_stooped").click().run()
    stooped = description()
    assert "Standing tall" in tall and "Stooped" in stooped
    assert expected_lines(Scenario(30, 30, 0))[0] in stooped
    assert tall != stooped


def test_the_figure_is_a_still_picture_that_takes_no_taps(posture):
    figure = chart(posture)
    assert figure.frames == 0 and figure.tappable == 0


def test_the_page_explains_how_it_was_worked_out_and_what_helps(posture):
    text = readout_shown(posture)
    for section in PAGE.method:
        assert section.heading in text and section.body in text
    assert PAGE.helps_heading in text
    for item in PAGE.helps:
        assert item.text in text
    links = {link.proto.label for link in posture.get("page_link")}
    assert {link.label for link in PAGE.helps_links} <= links


def test_nothing_about_the_chosen_posture_goes_into_the_address(posture):
    posture.button(key="preset_stooped").click().run()
    assert dict(posture.query_params) == {}


def test_the_controls_come_back_where_they_were_left_after_another_page(posture):
    stooped = next(p for p in PAGE.presets if p.id == "stooped")
    posture.button(key="preset_stooped").click().run()
    posture.slider(key="posture_lean").set_value(40).run()  # then moved on from the preset
    posture.button(key="posture_knee_more").click().run()
    away_and_back(posture, SCRIPT)
    left = Scenario(stooped.flattening, 40, stooped.knee + 5)
    assert posture.slider(key="posture_flattening").value == left.flattening_deg
    assert posture.slider(key="posture_lean").value == left.lean_deg
    assert posture.slider(key="posture_knee").value == left.knee_deg
    text = readout_shown(posture)
    for line in expected_lines(left):
        assert line in text


def test_a_chosen_preset_is_still_chosen_after_another_page(posture):
    preset = next(p for p in PAGE.presets if (p.flattening, p.lean, p.knee) != (0, 0, 0))
    posture.button(key=f"preset_{preset.id}").click().run()
    away_and_back(posture, SCRIPT, away="app_pages/weight.py")
    assert posture.button(key=f"preset_{preset.id}").label == f"✓ {preset.label}"
    assert posture.slider(key="posture_flattening").value == preset.flattening
    text = readout_shown(posture)
    assert preset.text in text
    for line in expected_lines(Scenario(preset.flattening, preset.lean, preset.knee)):
        assert line in text
