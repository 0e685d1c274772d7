"""The "Clear my answers" button at the foot of every page forgets everything in the session."""

from __future__ import annotations

from backknee.content.loader import load_content
from backknee.ui.state import Answer, Key, answer_widget, posture_control
from tests.app.helpers import away_and_back
from tests.paths import CONTENT

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


def test_clearing_forgets_the_explorers_answers_even_on_the_screen_shown(open_page):
    at = open_page("app_pages/tips.py")
    at.segmented_control(key=answer_widget(Answer.EMERGENCY)).set_value("no").run()
    assert at.session_state[Key.TIPS_ANSWERS] == {Answer.EMERGENCY: "no"}
    at.button(key=Key.CLEAR_EVERYTHING).click().run()
    assert not at.exception
    assert at.segmented_control(key=answer_widget(Answer.EMERGENCY)).value is None
    assert not at.session_state[Key.TIPS_ANSWERS]


def test_clearing_on_one_page_forgets_what_was_entered_on_another(open_page):
    at = open_page("app_pages/weight.py")
    at.number_input(key=Key.WEIGHT_KG).set_value(123.0).run()
    at.switch_page("app_pages/home.py").run()
    at.pills(key=Key.CYCLE_STEP).set_value("knee-load").run()
    assert at.session_state[Key.MASS_KG] == 123.0, "kept while the patient looks at another page"
    at.button(key=Key.CLEAR_EVERYTHING).click().run()
    assert at.pills(key=Key.CYCLE_STEP).value is None
    assert Key.MASS_KG not in at.session_state
    at.switch_page("app_pages/weight.py").run()
    assert at.number_input(key=Key.WEIGHT_KG).value != 123.0


def test_clearing_puts_the_posture_controls_back_to_standing_tall(open_page):
    at = open_page("app_pages/posture.py")
    at.slider(key=posture_control("lean")).set_value(40).run()
    at.button(key=Key.CLEAR_EVERYTHING).click().run()
    assert at.slider(key=posture_control("lean")).value == 0


def test_clearing_on_another_page_forgets_choices_kept_for_coming_back(open_page):
    at = open_page("app_pages/posture.py")
    at.slider(key=posture_control("lean")).set_value(40).run()
    away_and_back(at, "app_pages/muscles.py", away="app_pages/weight.py")
    at.segmented_control(key=Key.MUSCLES_HIP_PERCENT).set_value(60).run()
    at.switch_page("app_pages/weight.py").run()
    at.segmented_control(key=Key.WEIGHT_UNIT).set_value("st").run()
    at.switch_page("app_pages/home.py").run()
    at.button(key=Key.CLEAR_EVERYTHING).click().run()
    at.switch_page("app_pages/posture.py").run()
    assert at.slider(key=posture_control("lean")).value == 0
    at.switch_page("app_pages/muscles.py").run()
    assert at.segmented_control(key=Key.MUSCLES_HIP_PERCENT).value == 100
    at.switch_page("app_pages/weight.py").run()
    assert at.segmented_control(key=Key.WEIGHT_UNIT).value == "kg"
