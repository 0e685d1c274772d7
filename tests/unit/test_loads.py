"""Knee and back loads, weight loss, BMI and units: checked against hand-worked numbers and
the published tables they come from."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backknee.mechanics.loads import (
    STEPS_PER_FLIGHT,
    WILKE_1999_DISC_PRESSURE_MPA,
    back_load_compared_with_standing,
    bmi,
    bmi_band,
    cm_to_feet_inches,
    feet_inches_to_cm,
    kg_to_stones_pounds,
    knee_load_kg,
    stones_pounds_to_kg,
    weight_loss_effect,
)
from backknee.vocab import Activity, BackPosture, BmiBand

# --- Units ------------------------------------------------------------------------------


def test_fourteen_stone_two_pounds_is_89_8_kg():
    # 14 x 6.35029 + 2 x 0.45359 = 88.904 + 0.907 = 89.811 kg
    assert stones_pounds_to_kg(14, 2) == pytest.approx(89.81, abs=0.01)


def test_89_8_kg_shows_as_fourteen_stone_two_pounds():
    assert kg_to_stones_pounds(89.8) == (14, 2)


def test_pounds_that_round_to_a_whole_stone_carry_over():
    assert kg_to_stones_pounds(stones_pounds_to_kg(10, 13.8)) == (11, 0)


def test_five_foot_nine_is_175_cm():
    # (5 x 12 + 9) x 2.54 = 69 x 2.54 = 175.26 cm
    assert feet_inches_to_cm(5, 9) == pytest.approx(175.26)
    assert cm_to_feet_inches(175.26) == (5, 9)


@given(st.floats(min_value=30, max_value=300))
def test_a_weight_survives_a_trip_through_stones_and_pounds_to_within_half_a_pound(kg):
    stones, pounds = kg_to_stones_pounds(kg)
    assert stones_pounds_to_kg(stones, pounds) == pytest.approx(kg, abs=0.23)


def test_impossible_pounds_or_inches_are_refused():
    with pytest.raises(ValueError, match=re.escape("pounds must be between 0 and 13.9")):
        stones_pounds_to_kg(10, 14)
    with pytest.raises(ValueError, match=re.escape("inches must be between 0 and 11.9")):
        feet_inches_to_cm(5, 12)


# --- Knee load --------------------------------------------------------------------------


def test_walking_puts_2_61_times_body_weight_through_the_knee():
    # 80 kg x 2.61 = 208.8 kg
    assert knee_load_kg(80, Activity.WALKING) == pytest.approx(208.8)


def test_going_down_stairs_loads_the_knee_most_and_standing_least():
    loads = {activity: knee_load_kg(70, activity) for activity in Activity}
    assert max(loads, key=loads.__getitem__) == Activity.STAIRS_DOWN
    assert min(loads, key=loads.__getitem__) == Activity.STANDING


# --- Weight loss ------------------------------------------------------------------------


def test_each_kg_lost_takes_about_4_kg_off_each_walking_step():
    """Messier 2005: 40.6 N per kg lost per step; 40.6 / 9.81 = 4.14 kg."""
    effect = weight_loss_effect(1, steps_per_day=0, flights_per_day=0)
    assert effect.per_walking_step_kg == pytest.approx(4.14, abs=0.01)
    assert effect.per_day_kg == 0


def test_a_day_of_walking_counts_half_the_steps_for_each_knee():
    # 5 kg x 4.1386 kg = 20.693 kg a step; 5,000 steps, 2,500 on each knee: 51,733 kg
    effect = weight_loss_effect(5, steps_per_day=5_000, flights_per_day=0)
    assert effect.per_day_kg == pytest.approx(5 * 40.6 / 9.81 * 2_500)
    assert effect.per_year_kg == pytest.approx(effect.per_day_kg * 365)


def test_stairs_add_load_in_proportion_to_weight():
    # 1 kg lost, 1 flight of 12 steps (6 on each knee), (3.16 + 3.46) / 2 = 3.31 kg a step
    effect = weight_loss_effect(1, steps_per_day=0, flights_per_day=1)
    assert effect.per_stair_step_kg == pytest.approx(3.31)
    assert effect.per_day_kg == pytest.approx(3.31 * STEPS_PER_FLIGHT / 2)


def test_losing_more_always_takes_more_off():
    days = [weight_loss_effect(kg, 5_000, 4).per_day_kg for kg in (0, 1, 5, 10, 20)]
    assert days == sorted(days) and days[0] == 0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: knee_load_kg(20, Activity.WALKING), "weight must be between 30 and 300 kg; got 20"),
        (lambda: bmi(70, 250), "height must be between 120 and 220 cm; got 250"),
        (
            lambda: weight_loss_effect(5, 50_000, 0),
            "steps a day must be between 0 and 40,000 steps; got 50,000",
        ),
        (lambda: weight_loss_effect(-1, 5_000, 0), "weight lost must be between 0 and 30 kg; got -1"),
    ],
)
def test_values_out_of_range_are_refused_with_their_range(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


# --- The back ---------------------------------------------------------------------------


def test_back_positions_are_compared_with_standing_as_wilke_measured():
    """Wilke 1999: standing 0.50 MPa; standing bent forward 1.10 MPa (220%)."""
    assert back_load_compared_with_standing(BackPosture.STANDING) == pytest.approx(100)
    assert back_load_compared_with_standing(BackPosture.STANDING_BENT_FORWARD) == pytest.approx(220)


def test_lifting_with_bent_knees_and_close_loads_the_back_less_than_with_a_bent_back():
    """Wilke 1999: 20 kg lifted with a round back 2.3 MPa, with bent knees 1.7, held close 1.1."""
    close, knees, round_back = (
        WILKE_1999_DISC_PRESSURE_MPA[p]
        for p in (BackPosture.LIFT_CLOSE, BackPosture.LIFT_BENT_KNEES, BackPosture.LIFT_ROUND_BACK)
    )
    assert close < knees < round_back


# --- BMI --------------------------------------------------------------------------------


def test_bmi_is_weight_over_height_squared():
    # 70 / 1.70^2 = 24.22
    assert bmi(70, 170) == pytest.approx(24.22, abs=0.01)


@pytest.mark.parametrize(
    ("value", "standard", "lower"),
    [
        (18.4, BmiBand.UNDERWEIGHT, BmiBand.UNDERWEIGHT),
        (18.5, BmiBand.HEALTHY, BmiBand.HEALTHY),
        (22.9, BmiBand.HEALTHY, BmiBand.HEALTHY),
        (23.0, BmiBand.HEALTHY, BmiBand.OVERWEIGHT),
        (24.9, BmiBand.HEALTHY, BmiBand.OVERWEIGHT),
        (25.0, BmiBand.OVERWEIGHT, BmiBand.OVERWEIGHT),
        (27.5, BmiBand.OVERWEIGHT, BmiBand.OBESITY),
        (30.0, BmiBand.OBESITY, BmiBand.OBESITY),
        (37.5, BmiBand.OBESITY, BmiBand.SEVERE_OBESITY),
        (40.0, BmiBand.SEVERE_OBESITY, BmiBand.SEVERE_OBESITY),
    ],
)
def test_bmi_bands_follow_nice_with_lower_thresholds_for_some_backgrounds(value, standard, lower):
    """NICE NG246 (2025) section 1.9: overweight from 25 and obesity from 30; for people of
    South Asian, Chinese, other Asian, Middle Eastern, Black African or African-Caribbean
    family background, overweight from 23 and obesity from 27.5 (each class 2.5 lower)."""
    assert bmi_band(value) == standard
    assert bmi_band(value, lower_thresholds=True) == lower
