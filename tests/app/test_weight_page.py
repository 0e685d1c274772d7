"""The weight page in a real Streamlit session: the units, the inputs and every readout follow
the model, and nothing about the patient leaves the session."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from backknee.charts.weight import bar_figure_spec
from backknee.content.loader import load_content
from backknee.content.pages.weight import WeightPage
from backknee.mechanics.loads import feet_inches_to_cm, kg_to_stones_pounds, stones_pounds_to_kg
from backknee.words.weight import (
    Person,
    activity_bars,
    amount,
    back_bars,
    bars_in_words,
    bmi_sentences,
    loss_is_advised,
    loss_sentences,
    per_step_sentence,
)
from tests.app.helpers import all_text, away_and_back, pictures
from tests.paths import CONTENT

SCRIPT = "app_pages/weight.py"
PAGE = load_content(CONTENT).page("weight", WeightPage)


@pytest.fixture
def weight(open_page):
    return open_page(SCRIPT)


def shown(at) -> str:
    return all_text(at)


def test_the_page_opens_with_an_example_person_and_every_readout(weight):
    text = shown(weight)
    example = Person()
    assert per_step_sentence(example, PAGE) in text
    for line in loss_sentences(example, PAGE) + bmi_sentences(example, PAGE):
        assert line in text
    assert PAGE.inputs_note in text


def test_a_new_weight_changes_the_knee_load_the_loss_and_the_bmi(weight):
    weight.number_input(key="weight_kg").set_value(95.0).run()
    person = Person(mass_kg=95.0)
    text = shown(weight)
    assert per_step_sentence(person, PAGE) in text
    assert bmi_sentences(person, PAGE)[0] in text


def test_switching_to_stones_keeps_the_same_weight(weight):
    weight.number_input(key="weight_kg").set_value(89.8).run()
    before = per_step_sentence(Person(mass_kg=89.8), PAGE)
    weight.segmented_control(key="weight_unit").set_value("st").run()
    assert (weight.number_input(key="weight_st").value, weight.number_input(key="weight_lb").value) == (14, 2)
    assert before in shown(weight)


def test_a_weight_in_stones_and_pounds_is_used_in_kg(weight):
    weight.segmented_control(key="weight_unit").set_value("st").run()
    weight.number_input(key="weight_st").set_value(16).run()
    weight.number_input(key="weight_lb").set_value(7).run()
    assert per_step_sentence(Person(mass_kg=stones_pounds_to_kg(16, 7)), PAGE) in shown(weight)


def test_switching_back_to_kg_carries_the_weight_over(weight):
    weight.segmented_control(key="weight_unit").set_value("st").run()
    weight.number_input(key="weight_st").set_value(12).run()
    weight.number_input(key="weight_lb").set_value(0).run()
    weight.segmented_control(key="weight_unit").set_value("kg").run()
    assert weight.number_input(key="weight_kg").value == pytest.approx(round(stones_pounds_to_kg(12, 0), 1))


def test_height_in_feet_and_inches_changes_the_bmi(weight):
    weight.segmented_control(key="height_unit").set_value("ft").run()
    weight.number_input(key="height_ft").set_value(6).run()
    weight.number_input(key="height_in").set_value(0).run()
    assert bmi_sentences(Person(height_cm=6 * 12 * 2.54), PAGE)[0] in shown(weight)


def test_the_amount_to_lose_and_the_steps_change_the_savings(weight):
    weight.number_input(key="loss_kg").set_value(10).run()
    weight.number_input(key="steps_per_day").set_value(8000).run()
    for line in loss_sentences(Person(loss_kg=10, steps_per_day=8000), PAGE):
        assert line in shown(weight)


def test_losing_nothing_asks_for_an_amount(weight):
    weight.number_input(key="loss_kg").set_value(0).run()
    assert PAGE.loss_none in shown(weight)


def test_lower_thresholds_can_move_a_bmi_into_another_band(weight):
    weight.number_input(key="weight_kg").set_value(70.0).run()
    standard = bmi_sentences(Person(mass_kg=70.0), PAGE)[1]
    lower = bmi_sentences(Person(mass_kg=70.0, lower_thresholds=True), PAGE)[1]
    assert standard != lower
    assert standard in shown(weight)
    weight.toggle(key="lower_thresholds").set_value(True).run()
    assert lower in shown(weight)


def test_every_chart_is_described_in_words_with_its_numbers(weight):
    found = pictures(weight)
    assert bars_in_words(activity_bars(Person(), PAGE)) in found["activities_chart"].alt
    assert bars_in_words(back_bars(PAGE)) in found["back_chart"].alt


def test_no_answer_goes_into_the_address(weight):
    weight.number_input(key="weight_kg").set_value(101.0).run()
    weight.toggle(key="lower_thresholds").set_value(True).run()
    assert dict(weight.query_params) == {}


def test_a_weight_the_guide_cannot_use_is_named_and_the_nearest_is_used(weight):
    weight.segmented_control(key="weight_unit").set_value("st").run()
    weight.number_input(key="weight_st").set_value(4).run()
    weight.number_input(key="weight_lb").set_value(0).run()  # 4 st = 25.4 kg, below 30 kg
    assert [w.value for w in weight.warning] == [PAGE.out_of_range.format(kg="30", cm="170")]
    assert per_step_sentence(Person(mass_kg=30), PAGE) in shown(weight)


def test_the_page_links_to_posture_and_the_warning_signs(weight):
    labels = {link.proto.label for link in weight.get("page_link")}
    assert {link.label for link in PAGE.both_links} <= labels


# --- Leaving the page and coming back ------------------------------------------------------


def test_a_weight_typed_in_kg_is_still_in_the_box_and_the_words_after_another_page(weight):
    weight.number_input(key="weight_kg").set_value(67.0).run()
    away_and_back(weight, SCRIPT)
    assert weight.number_input(key="weight_kg").value == 67.0
    you = Person(mass_kg=67.0)
    text = shown(weight)
    assert per_step_sentence(you, PAGE) in text
    assert bmi_sentences(you, PAGE)[0] in text


def test_a_weight_in_stones_and_pounds_comes_back_in_stones_and_pounds(weight):
    weight.segmented_control(key="weight_unit").set_value("st").run()
    weight.number_input(key="weight_st").set_value(10).run()
    weight.number_input(key="weight_lb").set_value(8).run()
    away_and_back(weight, SCRIPT)
    assert weight.segmented_control(key="weight_unit").value == "st"
    assert (weight.number_input(key="weight_st").value, weight.number_input(key="weight_lb").value) == (10, 8)
    assert per_step_sentence(Person(mass_kg=stones_pounds_to_kg(10, 8)), PAGE) in shown(weight)


def test_a_height_in_cm_or_in_feet_and_inches_comes_back_as_it_was_typed(weight):
    weight.number_input(key="height_cm").set_value(182.0).run()
    away_and_back(weight, SCRIPT)
    assert weight.number_input(key="height_cm").value == 182.0
    assert bmi_sentences(Person(height_cm=182.0), PAGE)[0] in shown(weight)

    weight.segmented_control(key="height_unit").set_value("ft").run()
    weight.number_input(key="height_ft").set_value(5).run()
    weight.number_input(key="height_in").set_value(2).run()
    away_and_back(weight, SCRIPT, away="app_pages/posture.py")
    assert weight.segmented_control(key="height_unit").value == "ft"
    assert (weight.number_input(key="height_ft").value, weight.number_input(key="height_in").value) == (5, 2)
    assert bmi_sentences(Person(height_cm=feet_inches_to_cm(5, 2)), PAGE)[0] in shown(weight)


def test_the_loss_the_steps_the_stairs_and_the_switch_come_back_as_they_were_left(weight):
    weight.number_input(key="weight_kg").set_value(100.0).run()
    weight.number_input(key="loss_kg").set_value(12).run()
    weight.number_input(key="steps_per_day").set_value(9000).run()
    weight.number_input(key="flights_per_day").set_value(7).run()
    weight.toggle(key="lower_thresholds").set_value(True).run()
    away_and_back(weight, SCRIPT)
    assert weight.number_input(key="loss_kg").value == 12
    assert weight.number_input(key="steps_per_day").value == 9000
    assert weight.number_input(key="flights_per_day").value == 7
    assert weight.toggle(key="lower_thresholds").value is True
    you = Person(mass_kg=100.0, loss_kg=12, steps_per_day=9000, flights_per_day=7, lower_thresholds=True)
    text = shown(weight)
    for line in loss_sentences(you, PAGE) + bmi_sentences(you, PAGE):
        assert line in text


# --- The words and charts behind the page -------------------------------------------------


def test_large_weights_read_as_kilograms_or_tonnes_to_two_figures():
    said = [amount(kg, PAGE) for kg in (400, 1_400, 5_555, 51_733, 18_882_545)]
    assert said == [
        PAGE.kilograms.format(value="400"),
        PAGE.tonnes.format(value="1.4"),
        PAGE.tonnes.format(value="5.6"),
        PAGE.tonnes.format(value="52"),
        PAGE.tonnes.format(value="19,000"),
    ]


def test_weight_loss_is_not_suggested_to_someone_in_the_healthy_range():
    healthy = Person(mass_kg=60, height_cm=170)  # BMI 20.8
    assert not loss_is_advised(healthy)
    assert loss_sentences(healthy, PAGE) == [PAGE.loss_not_advised]


def test_the_lower_thresholds_can_make_weight_loss_relevant():
    person = Person(mass_kg=70, height_cm=170)  # BMI 24.2: healthy, or overweight from 23
    assert not loss_is_advised(person)
    assert loss_is_advised(Person(mass_kg=70, height_cm=170, lower_thresholds=True))


def test_the_amount_to_lose_never_takes_bmi_below_the_healthy_range():
    # 80 kg at 170 cm: 18.5 x 1.7^2 = 53.5 kg, so at most 26.5 kg; asked for 30
    lines = loss_sentences(Person(mass_kg=80, height_cm=170, loss_kg=30), PAGE)
    assert lines[0] == PAGE.loss_capped.format(kg="27")
    assert lines[1] == PAGE.loss_per_step.format(kg=f"{int(26.535 * 40.6 / 9.81 + 0.5)}", bags="110")


def test_bmi_is_shown_to_one_decimal_so_it_never_seems_to_disagree_with_its_band():
    # 71.1 kg at 170 cm is 24.6: "about 25" beside "healthy" would look wrong
    value, band = bmi_sentences(Person(mass_kg=71.1, height_cm=170), PAGE)
    assert value == PAGE.bmi_value.format(bmi="24.6")
    assert band == PAGE.band_text("healthy")


def test_a_bmi_that_rounds_up_to_25_is_overweight_in_both_parts_of_the_page():
    # 72.2 kg at 170 cm is 24.98, shown as 25.0: the BMI part and the weight-loss part must agree
    person = Person(mass_kg=72.2, height_cm=170)
    value, band = bmi_sentences(person, PAGE)
    assert value == PAGE.bmi_value.format(bmi="25.0")
    assert band == PAGE.band_text("overweight")
    assert loss_is_advised(person)
    assert loss_sentences(person, PAGE) != [PAGE.loss_not_advised]


def test_the_loss_readout_names_bags_of_sugar_for_a_step():
    lines = loss_sentences(Person(loss_kg=5), PAGE)
    assert lines[0] == PAGE.loss_per_step.format(kg="21", bags="21")


def test_the_bar_chart_spec_is_a_valid_plotly_figure_with_numbers_on_every_bar():
    bars = activity_bars(Person(mass_kg=80), PAGE)
    figure = go.Figure(bar_figure_spec(bars, highlight="Walking"))  # plotly checks every property
    assert list(figure.data[0].text) == [text for _, _, text in bars]
    assert "<b>Walking</b>" in figure.data[0].y
    assert figure.layout.dragmode is False


def test_kg_and_stones_agree_for_the_example_person():
    stones, pounds = kg_to_stones_pounds(Person().mass_kg)
    assert stones_pounds_to_kg(stones, pounds) == pytest.approx(Person().mass_kg, abs=0.23)


def test_switching_units_back_and_forth_never_changes_the_answer(weight):
    """75 kg shows as 11 st 11 lb (74.84 kg): showing it that way must not change the
    result, and switching back must show 75 kg again."""
    before = per_step_sentence(Person(), PAGE)
    for unit in ("st", "kg", "st"):
        weight.segmented_control(key="weight_unit").set_value(unit).run()
        assert before in shown(weight)
    weight.segmented_control(key="weight_unit").set_value("kg").run()
    assert weight.number_input(key="weight_kg").value == Person().mass_kg
