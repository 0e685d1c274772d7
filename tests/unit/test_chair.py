"""Standing up from a chair: thigh effort, forward lean and the chair's arms (Samuel 2013,
Hughes 1996, Turcot 2012, Janssen 2002)."""

from __future__ import annotations

import pytest

from backknee.mechanics.body import Body
from backknee.mechanics.chair import ARMS_SHARE_OF_WEIGHT, rise
from backknee.mechanics.constants import GRAVITY_M_S2

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


@pytest.mark.parametrize("uses_arms", [False, True])
def test_the_knee_moment_from_above_equals_the_floors_push_less_the_shins_and_feet(uses_arms):
    """Statics, two ways: the model sums the weight above the knees (less the arms' push);
    from the floor up, it is the floor's push under the feet, less the shins' and feet's
    own weight. Per knee. A push behind the knee bends it, so the thigh muscles hold the
    opposite of the floor's moment."""
    found = rise(BODY, 0.6, uses_arms=uses_arms)
    g = GRAVITY_M_S2
    knee_x = found.pose.points["knee"][0]
    floor_n = BODY.weight_n * (1 - (ARMS_SHARE_OF_WEIGHT if uses_arms else 0.0))
    below = sum(
        found.pose.masses[part][0] * g * (found.pose.masses[part][1][0] - knee_x)
        for part in ("shanks", "feet")
    )
    from_floor = (floor_n * (found.feet_centre_of_pressure_m - knee_x) - below) / 2
    assert found.knee_moment_nm == pytest.approx(-from_floor, rel=1e-6)


def test_the_chairs_arms_cut_the_hip_moment_by_about_a_third_and_the_effort_by_a_fifth():
    """The figures docs/model.md gives, against Janssen 2002's review (arm rests: hip moments
    down by half; our push is straight up only, so less)."""
    without, with_arms = rise(BODY, 0.8), rise(BODY, 0.8, uses_arms=True)
    assert 1 - with_arms.hip_moment_nm / without.hip_moment_nm == pytest.approx(0.32, abs=0.02)
    assert 1 - with_arms.effort / without.effort == pytest.approx(0.20, abs=0.02)


def test_a_strength_out_of_range_is_named():
    with pytest.raises(ValueError, match=r"thigh strength must be between 0\.3 and 1\.5"):
        rise(BODY, 2.0)
