"""A side view of the moment a person lifts off a chair: how much of their thigh strength it
takes, and how leaning forward or pushing on the chair's arms makes up for weak thighs.

At lift-off the thighs are level and the body's weight must be over the feet. The thigh
muscles (quadriceps) straighten the knees; the further the body leans forward, the closer its
weight comes to the knees and the less the thighs must do, but the more the back muscles
must hold. People with knee arthritis lean further forward to stand up (Turcot 2012). Older
people use about three quarters of their thigh strength to stand up (Samuel 2013); those who
find it hard use nearly all of it (Hughes 1996).

A slow, steady rise: real people also use momentum, which this still model leaves out. Built
on the side view in body.py (same conventions: x forward, y up, metres, x = 0 under the ankle).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from backknee.mechanics.body import (
    ABOVE_HIPS,
    ABOVE_LOWER_BACK,
    BACK_EXTENSOR_MOMENT_ARM_M,
    Body,
    Pose,
    Posture,
    pose,
)
from backknee.mechanics.constants import GRAVITY_M_S2, check_range

TYPICAL_KNEE_STRENGTH_NM_PER_KG = 1.7
"""The most a typical older adult's thigh muscles can give, per leg, per kg of body weight:
between the 1.40-1.64 (women) and 1.74-2.16 (men) that Šarabon 2021 pooled from 411 studies."""

SHIN_LEAN_DEG = 20.0
"""At lift-off the feet are tucked back a little, so the shins lean forward this far."""

ARMS_SHARE_OF_WEIGHT = 0.2
"""Pushing on the chair's arms takes a fifth of the body's weight off the legs (our
assumption; Janssen 2002 reviews studies in which arm rests made rising easier)."""

HANDS_ALONG_THIGH = 0.25
"""The hands push on the chair's arms a quarter of the way from the hips to the knees."""

ARMREST_ABOVE_SEAT = 0.12
"""The chair's arms are this far above the seat (fraction of height; about 20 cm). Only the
hands' place forward matters to the sums: the push is straight up."""

MAX_LEAN_DEG = 60.0
"""The furthest forward the model lets the trunk lean, from upright."""

STRENGTH_RANGE = (0.3, 1.5)
"""Thigh strength the model takes, as a share of a typical older adult's."""


@dataclass(frozen=True)
class ChairRise:
    """The moment of lifting off the seat. Moments in newton-metres, per leg where a leg is named."""

    strength_share: float
    """Thigh strength as a share of a typical older adult's (1 = typical)."""
    uses_arms: bool
    trunk_lean_deg: float
    """How far the trunk leans forward from upright."""
    effort: float
    """The share of the thighs' strength that standing up takes (1 = all of it)."""
    can_stand: bool
    """False if even the most forward lean the model allows needs more than all of it."""
    knee_moment_nm: float
    hip_moment_nm: float
    lower_back_moment_nm: float
    back_extensor_force_n: float
    pose: Pose
    hands: tuple[float, float] | None
    feet_centre_of_pressure_m: float
    """Where the floor pushes up under the feet: at or in front of the heel, for balance."""


def _sitting(body: Body, trunk_lean_deg: float) -> Posture:
    return Posture(
        ankle_dorsiflexion_deg=SHIN_LEAN_DEG,
        knee_flexion_deg=SHIN_LEAN_DEG + 90.0,
        hip_flexion_deg=90.0 + trunk_lean_deg,
    )


class _LiftOff(NamedTuple):
    pose: Pose
    knee_moment_nm: float
    hip_moment_nm: float
    lower_back_moment_nm: float
    feet_x: float
    hands: tuple[float, float] | None


def _lift_off(body: Body, trunk_lean_deg: float, uses_arms: bool) -> _LiftOff:
    """Moments at the knee, hip and base of the spine, and where the feet press, at lift-off."""
    placed = pose(body, _sitting(body, trunk_lean_deg))
    points = placed.points
    g = GRAVITY_M_S2
    arms_n = ARMS_SHARE_OF_WEIGHT * body.weight_n if uses_arms else 0.0
    hands = (
        (
            points["hip"][0] + HANDS_ALONG_THIGH * (points["knee"][0] - points["hip"][0]),
            points["hip"][1] + ARMREST_ABOVE_SEAT * body.height_m,
        )
        if uses_arms
        else None
    )
    hands_x = hands[0] if hands else 0.0

    def moment(parts: tuple[str, ...], joint_x: float) -> float:
        """The weight of these parts, less the arms' push, about a joint (positive forward)."""
        weight_moment = sum(
            placed.masses[name][0] * g * (placed.masses[name][1][0] - joint_x) for name in parts
        )
        return weight_moment - arms_n * (hands_x - joint_x)

    knee_moment = -moment((*ABOVE_HIPS, "thighs"), points["knee"][0]) / 2
    hip_moment = moment(ABOVE_HIPS, points["hip"][0]) / 2
    lower_back_moment = moment(ABOVE_LOWER_BACK, points["lower_back"][0])
    centre_x = placed.centre_of_mass[0]
    feet_x = (body.weight_n * centre_x - arms_n * hands_x) / (body.weight_n - arms_n)
    return _LiftOff(placed, knee_moment, hip_moment, lower_back_moment, feet_x, hands)


_TOLERANCE_DEG = 0.01


def _bisect(too_little: Callable[[float], bool], low: float, high: float) -> float:
    """The smallest lean in [low, high] for which `too_little(lean)` is False."""
    while high - low > _TOLERANCE_DEG:
        middle = (low + high) / 2
        if too_little(middle):
            low = middle
        else:
            high = middle
    return high


@lru_cache(maxsize=256)
def rise(body: Body, strength_share: float = 1.0, uses_arms: bool = False) -> ChairRise:
    """Stand up from a chair with thighs of this strength (a share of a typical older
    adult's), with or without pushing on the chair's arms.

    The trunk leans as little as it can: just enough to bring the weight over the heels,
    and further only if the thighs would otherwise need more than all their strength.
    """
    check_range("thigh strength", strength_share, STRENGTH_RANGE, "times typical")
    strongest = strength_share * TYPICAL_KNEE_STRENGTH_NM_PER_KG * body.mass_kg
    heel_x = pose(body, _sitting(body, 0.0)).base_of_support[0]

    def behind_heels(lean: float) -> bool:
        return _lift_off(body, lean, uses_arms).feet_x < heel_x

    def too_hard(lean: float) -> bool:
        return _lift_off(body, lean, uses_arms).knee_moment_nm > strongest

    lean = 0.0 if not behind_heels(0.0) else _bisect(behind_heels, 0.0, MAX_LEAN_DEG)
    can_stand = not too_hard(MAX_LEAN_DEG)
    if too_hard(lean):
        lean = _bisect(too_hard, lean, MAX_LEAN_DEG) if can_stand else MAX_LEAN_DEG
    found = _lift_off(body, lean, uses_arms)
    return ChairRise(
        strength_share=strength_share,
        uses_arms=uses_arms,
        trunk_lean_deg=lean,
        effort=found.knee_moment_nm / strongest,
        can_stand=can_stand,
        knee_moment_nm=found.knee_moment_nm,
        hip_moment_nm=found.hip_moment_nm,
        lower_back_moment_nm=found.lower_back_moment_nm,
        back_extensor_force_n=max(found.lower_back_moment_nm, 0.0) / BACK_EXTENSOR_MOMENT_ARM_M,
        pose=found.pose,
        hands=found.hands,
        feet_centre_of_pressure_m=found.feet_x,
    )
