"""The "Clear my answers" button at the foot of every page forgets everything in the session."""

from __future__ import annotations

from backknee.content.loader import load_content
from tests.conftest import CONTENT

SITE = load_content(CONTENT).site


def test_clearing_forgets_a_weight_typed_on_the_weight_page(open_page):
    at = open_page("app_pages/weight.py")
    at.number_input(key="weight_kg").set_value(123.0).run()
    assert at.session_state["mass_kg"] == 123.0
    at.button(key="clear_everything").click().run()
    assert at.success[0].value == SITE.cleared
    assert "mass_kg" not in at.session_state or at.session_state["mass_kg"] != 123.0
    assert at.number_input(key="weight_kg").value != 123.0


def test_clearing_forgets_the_muscles_pages_choices(open_page):
    at = open_page("app_pages/muscles.py")
    at.pills(key="muscles_weak").set_value(["hips"]).run()
    at.segmented_control(key="muscles_hip_percent").set_value(60).run()
    at.button(key="clear_everything").click().run()
    assert not at.session_state["muscles_weak"]
    assert at.session_state["muscles_hip_percent"] == 100
