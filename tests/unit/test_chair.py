"""Standing up from a chair: thigh effort, forward lean and the chair's arms (Samuel 2013,
Hughes 1996, Turcot 2012, Janssen 2002)."""

from __future__ import annotations

import pytest

from backknee.body import GRAVITY_M_S2, Body
from backknee.chair import TYPICAL_KNEE_STRENGTH_NM_PER_KG, rise

BODY = Body(170, 70)


def test_typical_thighs_use_well_under_all_their_strength():
    assert 0.5 <= rise(BODY, 1.0).effort <= 0.65


def test_thighs_a_fifth_weaker_use_about_three_quarters_as_older_adults_do():
    """Samuel 2013: 73% of maximum thigh strength to rise, in 84 adults aged 60-88. Knee
    arthritis goes with thighs about 20% weaker (Slemenda 1997)."""
    assert rise(BODY, 0.8).effort == pytest.approx(0.73, abs=0.05)


def test_the_weight_is_over_the_feet_at_lift_off():
    for strength in (1.2, 1.0, 0.6, 0.5):
        found = rise(BODY, strength)
        heel, toe = found.pose.base_of_support
        assert heel - 1e-6 <= found.feet_centre_of_pressure_m <= toe


def test_weak_thighs_lean_further_forward_to_take_work_off_the_knees():
    """Turcot 2012: people with knee arthritis leaned about 46 degrees, against 38."""
    typical, weak = rise(BODY, 1.0), rise(BODY, 0.5)
    assert weak.trunk_lean_deg > typical.trunk_lean_deg + 5
    assert 40 <= weak.trunk_lean_deg <= 55
    assert weak.effort == pytest.approx(1.0, abs=0.01)


def test_leaning_further_puts_more_on_the_lower_back():
    assert rise(BODY, 0.5).lower_back_moment_nm > rise(BODY, 1.0).lower_back_moment_nm


def test_strong_thighs_do_not_lean_more_than_needed_for_balance():
    assert rise(BODY, 1.5).trunk_lean_deg == pytest.approx(rise(BODY, 1.0).trunk_lean_deg)


def test_pushing_on_the_chair_arms_lowers_the_thigh_effort_and_the_lean():
    without, with_arms = rise(BODY, 0.8), rise(BODY, 0.8, uses_arms=True)
    assert with_arms.effort < without.effort
    assert with_arms.trunk_lean_deg < without.trunk_lean_deg
    assert with_arms.hip_moment_nm < without.hip_moment_nm


def test_very_weak_thighs_cannot_stand_without_the_arms_but_can_with_them():
    assert not rise(BODY, 0.4).can_stand
    assert rise(BODY, 0.4, uses_arms=True).can_stand


def test_the_knee_moment_balances_the_weight_above_the_knees():
    """Statics: per knee, half of the weight above the knees times its distance behind them."""
    found = rise(BODY, 1.0)
    knee_x = found.pose.points["knee"][0]
    parts = ("thighs", "pelvis", "abdomen", "thorax", "head_and_neck", "arms")
    by_hand = (
        sum(found.pose.masses[p][0] * GRAVITY_M_S2 * (knee_x - found.pose.masses[p][1][0]) for p in parts) / 2
    )
    assert found.knee_moment_nm == pytest.approx(by_hand)
    assert found.effort == pytest.approx(by_hand / (TYPICAL_KNEE_STRENGTH_NM_PER_KG * BODY.mass_kg))


def test_with_the_arms_the_floor_and_the_hands_hold_the_whole_weight_about_any_point():
    found = rise(BODY, 1.0, uses_arms=True)
    assert found.hands is not None
    arms_n = 0.2 * BODY.weight_n
    moment_about_ankle = (BODY.weight_n - arms_n) * found.feet_centre_of_pressure_m + arms_n * found.hands[0]
    assert moment_about_ankle == pytest.approx(BODY.weight_n * found.pose.centre_of_mass[0])


def test_a_strength_out_of_range_is_named():
    with pytest.raises(ValueError, match=r"thigh strength must be between 0\.3 and 1\.5"):
        rise(BODY, 2.0)
