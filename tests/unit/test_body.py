"""The body model: its tables, its statics, its balance solver, and how it compares with
published measurements. Each test names its source."""

from __future__ import annotations

import itertools
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backknee.mechanics.body import (
    ASSUMPTIONS,
    BACK_EXTENSOR_MOMENT_ARM_M,
    QUADRICEPS_MOMENT_ARM_M,
    Body,
    Posture,
    balance,
    loads,
    pose,
    standing_tall,
)
from backknee.mechanics.constants import GRAVITY_M_S2, WINTER_SEGMENTS

AVERAGE = Body(height_cm=170, mass_kg=70)
LEG_SEGMENTS = ("foot", "shank", "thigh")

lordosis = st.integers(min_value=0, max_value=60)
lean = st.integers(min_value=0, max_value=60)
contracture = st.integers(min_value=0, max_value=30)


def flexed_knee_stance(knee_deg: float) -> Posture:
    """Standing with both knees bent and the trunk upright (the pelvis as in standing tall),
    the shins taking the model's usual share of the bend."""
    ankle = ASSUMPTIONS.standing_lean_deg + ASSUMPTIONS.ankle_share_of_knee_bend * knee_deg
    return Posture(
        ankle_dorsiflexion_deg=ankle,
        knee_flexion_deg=knee_deg,
        hip_flexion_deg=(1 - ASSUMPTIONS.ankle_share_of_knee_bend) * knee_deg,
    )


# --- The tables ---------------------------------------------------------------------------


def test_segment_masses_add_up_to_the_whole_body():
    """Winter 2009, Table 4.1: two legs plus head, arms and trunk make the whole body."""
    total = sum(
        share.mass_fraction * (2 if name in LEG_SEGMENTS else 1) for name, share in WINTER_SEGMENTS.items()
    )
    assert total == pytest.approx(1.0, abs=1e-9)


def test_the_three_trunk_parts_weigh_what_winter_gives_for_the_trunk():
    """Winter 2009, Table 4.1: the trunk (hip to shoulder) is 0.497 of body mass."""
    parts = ("pelvis", "abdomen", "thorax")
    assert sum(WINTER_SEGMENTS[p].mass_fraction for p in parts) == pytest.approx(0.497)


def test_the_placed_body_weighs_what_the_person_weighs():
    placed = pose(AVERAGE, Posture())
    assert sum(mass for mass, _ in placed.masses.values()) == pytest.approx(AVERAGE.mass_kg)


@pytest.mark.xfail(
    strict=True,
    reason="the model puts the centre of mass at 57.4% of height, just above the usual 55-57% "
    "(hanging arms and the head sit a little high): see docs/model.md",
)
def test_standing_tall_puts_the_centre_of_mass_at_55_to_57_percent_of_height():
    """The usual textbook figure for adults standing upright is 55-57% of height (near the
    second sacral vertebra; secondary sources only)."""
    _, com_height = standing_tall(AVERAGE).pose.centre_of_mass
    assert 0.55 <= com_height / AVERAGE.height_m <= 0.57


def test_standing_tall_keeps_the_centre_of_mass_over_the_feet_in_front_of_the_ankles():
    placed = standing_tall(AVERAGE).pose
    heel, toe = placed.base_of_support
    com_x, _ = placed.centre_of_mass
    assert heel < 0 < com_x < toe
    assert 0.02 < com_x < 0.06, "a few centimetres in front of the ankle, as in quiet standing"


# --- Statics ------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(lordosis, lean, contracture)
def test_joint_moments_from_the_top_down_match_those_from_the_floor_up(lordosis_deg, lean_deg, knee_deg):
    """In still standing the floor pushes up with the body's weight, right under the centre
    of mass; so the moments worked out from the weight above a joint must equal those from
    the floor and the parts below it."""
    stance = balance(AVERAGE, lordosis_deg, lean_deg, knee_deg)
    placed, result = stance.pose, stance.loads
    half_weight = AVERAGE.weight_n / 2
    com_x, _ = placed.centre_of_mass

    def half_weight_moment(part: str, joint_x: float) -> float:
        mass, (x, _) = placed.masses[part]
        return mass * GRAVITY_M_S2 / 2 * (x - joint_x)

    ankle_x = placed.points["ankle"][0]
    from_floor = half_weight * (com_x - ankle_x) - half_weight_moment("feet", ankle_x)
    assert result.ankle_moment_nm == pytest.approx(from_floor, abs=1e-6)

    knee_x = placed.points["knee"][0]
    forward_above = (
        half_weight * (com_x - knee_x)
        - half_weight_moment("feet", knee_x)
        - half_weight_moment("shanks", knee_x)
    )
    assert result.knee_moment_nm == pytest.approx(-forward_above, abs=1e-6)


def test_muscle_forces_are_the_moment_divided_by_the_muscle_lever():
    stance = balance(AVERAGE, 10, 30, 0)
    assert stance.loads.quadriceps_force_n == pytest.approx(
        stance.loads.knee_moment_nm / QUADRICEPS_MOMENT_ARM_M
    )
    assert stance.loads.back_extensor_force_n == pytest.approx(
        stance.loads.lower_back_moment_nm / BACK_EXTENSOR_MOMENT_ARM_M
    )


def test_a_knee_held_straight_by_the_weight_in_front_needs_no_thigh_muscle_force():
    result = standing_tall(AVERAGE).loads
    assert result.knee_moment_nm < 0, "standing tall, the weight falls just in front of the knee"
    assert result.quadriceps_force_n == 0


# --- Balance and compensation ---------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(lordosis, lean, contracture)
def test_every_solved_posture_keeps_the_weight_where_standing_tall_keeps_it(lordosis_deg, lean_deg, knee_deg):
    stance = balance(AVERAGE, lordosis_deg, lean_deg, knee_deg)
    target_x, _ = standing_tall(AVERAGE).pose.centre_of_mass
    heel, toe = stance.pose.base_of_support
    com_x, _ = stance.pose.centre_of_mass
    assert stance.balanced
    assert com_x == pytest.approx(target_x, abs=0.001)
    assert heel < com_x < toe
    assert stance.posture.knee_flexion_deg >= knee_deg, "a stiff knee never straightens further"


def test_the_same_choice_always_gives_the_same_posture():
    assert balance(AVERAGE, 15, 25, 10) == balance(AVERAGE, 15, 25, 10)


def test_the_angles_are_the_same_for_every_body_size():
    small, large = Body(height_cm=150, mass_kg=50), Body(height_cm=200, mass_kg=130)
    assert balance(small, 10, 30, 5).posture == balance(large, 10, 30, 5).posture


def test_more_trunk_lean_gives_a_larger_lower_back_moment():
    moments = [
        balance(AVERAGE, trunk_lean_deg=lean_deg).loads.lower_back_moment_nm for lean_deg in range(0, 61, 10)
    ]
    assert moments == sorted(moments)
    assert len(set(moments)) == len(moments)


def test_a_flattened_lower_back_makes_the_knees_bend_to_keep_balance():
    """Oshima 2019 (the knee-hip-spine chain) and Murata 2003 (a flatter lower back goes with
    knees that do not straighten)."""
    bends = [balance(AVERAGE, lordosis_deg=curve).posture.knee_flexion_deg for curve in range(40, -1, -5)]
    assert bends == sorted(bends), "a flatter back never needs less knee bend"
    assert bends[0] == 0
    assert bends[-1] > 10


def test_the_chain_tips_the_pelvis_back_before_the_knees_bend():
    """Oshima 2019: lost lower-back curve -> pelvis tilts back -> hips straighten -> knees
    bend -> ankles bend. A little flattening is met by the pelvis alone."""
    upright = standing_tall(AVERAGE).posture
    slight = balance(AVERAGE, lordosis_deg=32).posture
    flat = balance(AVERAGE, lordosis_deg=0).posture
    assert slight.pelvis_tilt_deg < upright.pelvis_tilt_deg
    assert slight.knee_flexion_deg == 0
    assert flat.hip_flexion_deg == pytest.approx(-ASSUMPTIONS.hip_extension_reserve_deg)
    assert flat.knee_flexion_deg > 0
    assert flat.ankle_dorsiflexion_deg > upright.ankle_dorsiflexion_deg


def test_a_knee_that_cannot_straighten_flattens_the_lower_back_and_leaves_the_pelvis_in_place():
    """Lee 2013: braced knees at 15 and 30 degrees flattened the lower-back curve and bent
    the hips (femoropelvic angle), while pelvic tilt hardly changed."""
    postures = [balance(AVERAGE, knee_contracture_deg=bend).posture for bend in (0, 15, 30)]
    curves = [p.lordosis_deg for p in postures]
    hips = [p.hip_flexion_deg for p in postures]
    assert curves[0] > curves[1] > curves[2]
    assert hips[0] < hips[1] < hips[2]
    assert [p.pelvis_tilt_deg for p in postures] == pytest.approx([postures[0].pelvis_tilt_deg] * 3, abs=0.5)


def test_a_stiffer_knee_tips_the_trunk_further_forward():
    """Harato 2008: a simulated 30-degree knee flexion contracture increased the forward lean
    of the trunk in walking. (They saw the pelvis tip forward too; in standing, Lee 2013 saw
    it stay put, and the model follows Lee: see docs/model.md.)"""
    tilts = [balance(AVERAGE, knee_contracture_deg=bend).posture.thorax_tilt_deg for bend in (0, 15, 30)]
    assert tilts[0] < tilts[1] < tilts[2]


# --- Against published measurements -----------------------------------------------------------

PERRY_1975_QUADRICEPS_PERCENT = {15: 75, 30: 210, 60: 410}
"""Quadriceps force needed to hold flexed-knee stance, as these figures are widely quoted
from Perry J, Antonelli D, Ford W (1975), J Bone Joint Surg Am 57(7):961-967. NOT VERIFIED:
neither the paper nor its abstract could be found in the sources we can search, so we do not
know whether they are percentages of body weight or of the load on one knee. The test below
therefore checks the shape of the rise, and the size only loosely."""


def test_quadriceps_demand_rises_steeply_with_standing_knee_flexion_as_perry_found():
    model = {
        bend: loads(pose(AVERAGE, flexed_knee_stance(bend))).quadriceps_force_n / AVERAGE.weight_n * 100
        for bend in PERRY_1975_QUADRICEPS_PERCENT
    }
    # The steep rise: doubling the bend from 15 to 30 more than doubles the force, and so
    # does doubling it again (Perry: 2.8 times, then 1.95 times).
    perry = PERRY_1975_QUADRICEPS_PERCENT
    assert model[30] / model[15] == pytest.approx(perry[30] / perry[15], rel=0.2)
    assert model[60] / model[30] == pytest.approx(perry[60] / perry[30], rel=0.2)
    # The size: within a factor of 2 of the quoted figures read as % of body weight (the model
    # gives about 60% of them: see docs/model.md for why it may be lower).
    for bend, quoted in perry.items():
        assert quoted / 2 <= model[bend] <= quoted * 2


WILKE_1999_DISC_PRESSURE_MPA = {"relaxed standing": 0.50, "standing bent forward": 1.10}
"""Wilke 1999, Spine 24(8):755-762: pressure inside the L4-5 disc of one 70 kg man."""


def test_the_model_ranks_standing_postures_by_back_load_as_wilke_measured():
    upright = standing_tall(AVERAGE).loads.lower_back_compression_n
    bent_forward = balance(AVERAGE, lordosis_deg=20, trunk_lean_deg=45).loads.lower_back_compression_n
    measured = WILKE_1999_DISC_PRESSURE_MPA
    wilke_ratio = measured["standing bent forward"] / measured["relaxed standing"]  # 2.2
    # Bent forward: upper back 45 degrees on a lower back 20 degrees flatter, 65 degrees in
    # all (Wilke does not give the angle; docs/model.md says which we chose). Model: 2.05.
    assert bent_forward / upright == pytest.approx(wilke_ratio, rel=0.15)


def test_more_stoop_always_loads_the_lower_back_more():
    """Nachemson 1981: leaning forward while standing loads the lower back more than standing
    upright; the further the lean, the more."""
    compressions = [
        balance(AVERAGE, lordosis_deg=40 - step, trunk_lean_deg=step).loads.lower_back_compression_n
        for step in range(0, 41, 10)
    ]
    assert all(a < b for a, b in itertools.pairwise(compressions))


# --- Input checks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Body(height_cm=300), "height must be between 120 and 220 cm; got 300"),
        (lambda: Body(mass_kg=20), "body mass must be between 30 and 300 kg; got 20"),
        (lambda: Body(height_cm=math.nan), "height must be between 120 and 220 cm; got nan"),
        (lambda: Posture(knee_flexion_deg=140), "knee flexion must be between -10 and 130 degrees; got 140"),
        (
            lambda: balance(AVERAGE, lordosis_deg=-5),
            "lower-back curve must be between 0 and 60 degrees; got -5",
        ),
        (lambda: balance(AVERAGE, trunk_lean_deg=75), "trunk lean must be between 0 and 60 degrees; got 75"),
        (
            lambda: balance(AVERAGE, knee_contracture_deg=40),
            "knee stiffness must be between 0 and 30 degrees; got 40",
        ),
    ],
)
def test_a_value_out_of_range_is_refused_with_its_name_and_range(make, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        make()


@pytest.mark.xfail(
    strict=True,
    reason="the model's head, arms and trunk balance 0.58 of the way from hip to shoulder, "
    "against Winter's 0.626: the trunk parts use their midpoints (see docs/model.md)",
)
def test_head_arms_and_trunk_together_balance_where_winter_puts_them():
    """Winter 2009, Table 4.1: the centre of mass of head, arms and trunk (HAT) lies 0.626
    of the way from hip to shoulder."""
    placed = pose(AVERAGE, Posture(ankle_dorsiflexion_deg=0))
    parts = ("pelvis", "abdomen", "thorax", "head_and_neck", "arms")
    mass = sum(placed.masses[p][0] for p in parts)
    height = sum(placed.masses[p][0] * placed.masses[p][1][1] for p in parts) / mass
    hip, shoulder = placed.points["hip"][1], placed.points["shoulder"][1]
    assert (height - hip) / (shoulder - hip) == pytest.approx(0.626, abs=0.02)
