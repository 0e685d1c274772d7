"""Standing on one leg, front view: weak hips, a dropped pelvis, a sideways lean, and what it
does to the inner knee and the lower back (Hardcastle 1985, Simic 2012, Hunt 2008)."""

from __future__ import annotations

import itertools

import pytest

from backknee.mechanics.body import Body
from backknee.mechanics.constants import GRAVITY_M_S2
from backknee.mechanics.one_leg import MAX_DROP_DEG, level, pelvis_drop_deg, stand_on_one_leg, without_leaning

BODY = Body(170, 70)
SHARES = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4]


def test_strong_hips_hold_the_pelvis_level_and_the_body_upright():
    stance = stand_on_one_leg(BODY, 1.0)
    assert stance.pelvis_drop_deg == 0
    assert stance.trunk_lean_deg == 0
    assert stance.lower_back_moment_nm == pytest.approx(0, abs=1e-9)


def test_with_the_pelvis_level_the_weight_above_the_hip_sits_about_10_cm_to_the_side():
    """The textbook picture: body weight acts about 10 cm from the standing hip."""
    stance = level(BODY)
    above_hip_kg = BODY.mass_kg * (1 - 0.100 - 0.0465 - 0.0145)
    lever_m = stance.hip_moment_nm / (above_hip_kg * GRAVITY_M_S2)
    assert lever_m == pytest.approx(0.10, abs=0.01)


def test_the_standing_foot_is_under_the_centre_of_mass():
    for share in SHARES:
        stance = stand_on_one_leg(BODY, share)
        assert stance.centre_of_mass[0] == pytest.approx(stance.points["ankle"][0], abs=1e-9)
        assert stance.points["foot"][1] == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize("share", [0.9, 0.8, 0.7, 0.6, 0.5])
def test_the_lean_is_just_enough_for_the_hip_muscles_to_hold_what_they_can(share):
    stance = stand_on_one_leg(BODY, share)
    assert stance.balanced
    assert stance.hip_moment_nm == pytest.approx(share * level(BODY).hip_moment_nm, rel=1e-3)


def test_weaker_hips_drop_the_pelvis_further_and_lean_further():
    stances = [stand_on_one_leg(BODY, share) for share in SHARES]
    drops = [s.pelvis_drop_deg for s in stances]
    leans = [s.trunk_lean_deg for s in stances]
    assert drops == sorted(drops) and drops[1] > drops[0]
    assert all(b > a for a, b in itertools.pairwise(leans))


def test_leaning_takes_off_the_inner_knee_what_the_dropped_pelvis_would_add():
    """Simic 2012: leaning over the standing leg lowers the knee's load. In this still model
    the lean makes up exactly for the hips (see docs/model.md), so the page gives no number
    for it; what it does show is the load without the lean."""
    for share in SHARES[1:6]:
        leaning, upright = stand_on_one_leg(BODY, share), without_leaning(BODY, share)
        assert leaning.knee_moment_nm < level(BODY).knee_moment_nm < upright.knee_moment_nm


def test_with_the_foot_under_the_weight_the_lean_cuts_the_knee_by_the_hips_shortfall():
    """The identity that keeps the page from giving a knee number for the lean."""
    for share in SHARES[1:6]:
        ratio = stand_on_one_leg(BODY, share).knee_moment_nm / level(BODY).knee_moment_nm
        assert ratio == pytest.approx(share, rel=2e-3)


def test_and_puts_it_on_the_side_of_the_lower_back():
    backs = [stand_on_one_leg(BODY, share).lower_back_moment_nm for share in SHARES[:6]]
    assert all(b > a for a, b in itertools.pairwise(backs))


def test_the_lower_back_bends_by_the_lean_plus_the_drop():
    stance = stand_on_one_leg(BODY, 0.7)
    assert stance.lower_back_bend_deg == pytest.approx(stance.trunk_lean_deg + stance.pelvis_drop_deg)


def test_without_the_lean_a_dropped_pelvis_loads_the_inner_knee_more():
    """The mechanism usually given for Chang 2005: people whose hip muscles worked harder as
    they walked had less worsening of the inner knee."""
    assert without_leaning(BODY, 0.7).knee_moment_nm > level(BODY).knee_moment_nm


def test_the_knee_moment_from_above_equals_the_floors_push_less_the_shin_and_foot():
    """Statics, two ways: the weight above the knee (the model), and from the floor up: the
    whole body's weight pushing up under the foot, less the shin's and foot's own weight."""
    for share in (1.0, 0.8, 0.6):
        stance = stand_on_one_leg(BODY, share)
        knee_x, ankle_x = stance.points["knee"][0], stance.points["ankle"][0]
        foot_x = stance.points["foot"][0]
        shin_x = knee_x + 0.433 * (ankle_x - knee_x)
        g = GRAVITY_M_S2
        from_floor = (
            BODY.weight_n * (foot_x - knee_x)
            - 0.0465 * BODY.mass_kg * g * (shin_x - knee_x)
            - 0.0145 * BODY.mass_kg * g * (foot_x - knee_x)
        )
        assert stance.knee_moment_nm == pytest.approx(from_floor, rel=1e-6)


def test_the_pelvis_drops_one_and_a_half_degrees_per_tenth_missing_up_to_the_limit():
    assert pelvis_drop_deg(0.9) == pytest.approx(1.5)
    assert pelvis_drop_deg(0.6) == pytest.approx(6.0)
    assert pelvis_drop_deg(0.3) == MAX_DROP_DEG


def test_hips_too_weak_for_any_allowed_lean_are_not_balanced():
    assert not stand_on_one_leg(BODY, 0.4).balanced


def test_the_answer_is_the_same_shape_for_every_size():
    small, large = stand_on_one_leg(Body(150, 50), 0.7), stand_on_one_leg(Body(190, 110), 0.7)
    assert small.trunk_lean_deg == pytest.approx(large.trunk_lean_deg, abs=0.02)


def test_a_share_out_of_range_is_named():
    with pytest.raises(ValueError, match=r"hip muscle share must be between 0\.3 and 1 "):
        stand_on_one_leg(BODY, 1.2)
