"""A side view of a person standing still on both feet: where the body's weight falls, and
how hard the thigh and lower-back muscles must work to hold a posture.

Pure and small on purpose: a teaching model, not a measurement of anyone. Every published
number it uses sits in the cited tables below; every other number is a stated assumption,
named in ASSUMPTIONS and explained in docs/model.md.

Conventions: x points forward and y up, in metres, with x = 0 under the ankle joint. An angle
that tilts a segment's top end forward is positive. Both legs take the same posture and carry
half of the weight above them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

from backknee.mechanics.constants import (
    DRILLIS_CONTINI_HEIGHTS,
    GRAVITY_M_S2,
    HEIGHT_RANGE_CM,
    KNEE_CONTRACTURE_RANGE_DEG,
    LORDOSIS_RANGE_DEG,
    MASS_RANGE_KG,
    TRUNK_LEAN_RANGE_DEG,
    WINTER_ARM_PARTS,
    WINTER_SEGMENTS,
    check_range,
)

QUADRICEPS_MOMENT_ARM_M = 0.04
"""Effective lever of the thigh muscles (quadriceps) at the knee: 32-47 mm in vivo, larger near
a straight knee (MRI study of 40 adults, PMC4662057). We use 4 cm at every knee angle."""

BACK_EXTENSOR_MOMENT_ARM_M = 0.05
"""Effective lever of the back extensor muscles at the base of the spine: the 5 cm that lifting
models commonly use (reviewed by Güngör 2013)."""


@dataclass(frozen=True)
class Assumptions:
    """Numbers the model needs that no table gives; each is explained in docs/model.md."""

    lower_back_above_hip: float = 0.065
    """Distance from the hip joints to the base of the spine (L5/S1), fraction of height."""
    lower_back_behind_hip_deg: float = 13.0
    """The base of the spine sits behind the hips: the line from hips to L5/S1 leans back
    this far when standing tall (a typical adult pelvic tilt)."""
    lumbar_length: float = 0.10
    """Length of the lower back (L5/S1 to T12/L1), fraction of height."""
    heel_share_of_foot: float = 0.25
    """The ankle joint sits over a point this far along the foot from the heel."""
    standing_lean_deg: float = 3.0
    """Standing tall, the whole body leans forward this much at the ankles, which puts the
    centre of mass a few centimetres in front of the ankles, over the middle of the foot."""
    normal_lordosis_deg: float = 40.0
    """The lower-back curve of the standing-tall figure. Murata 2003 counted 30 degrees or
    less as a flattened curve."""
    hip_extension_reserve_deg: float = 10.0
    """How far the hips can straighten beyond standing tall before the knees must bend."""
    ankle_share_of_knee_bend: float = 0.4
    """When the knees bend, the shins lean forward by this share of the bend and the thighs
    lean back by the rest, so the hips move back a little, as in a crouch."""


ASSUMPTIONS = Assumptions()

_JOINT_RANGES_DEG = MappingProxyType(
    {
        "ankle_dorsiflexion_deg": (-20.0, 40.0),
        # Wide enough to sit: thighs level, shins tucked back, trunk leaning forward.
        "knee_flexion_deg": (-10.0, 130.0),
        "hip_flexion_deg": (-30.0, 150.0),
        "lordosis_deg": LORDOSIS_RANGE_DEG,
        "trunk_lean_deg": (-20.0, 60.0),
    }
)
_MAX_KNEE_BEND_DEG = 80.0


@dataclass(frozen=True)
class Body:
    """A person's size. The model scales every length with height and every mass with mass."""

    height_cm: float = 170.0
    mass_kg: float = 70.0

    def __post_init__(self) -> None:
        check_range("height", self.height_cm, HEIGHT_RANGE_CM, "cm")
        check_range("body mass", self.mass_kg, MASS_RANGE_KG, "kg")

    @property
    def height_m(self) -> float:
        return self.height_cm / 100

    @property
    def weight_n(self) -> float:
        return self.mass_kg * GRAVITY_M_S2


@dataclass(frozen=True)
class Posture:
    """Joint angles in degrees, feet flat on the floor.

    `hip_flexion_deg` is the pelvis's angle to the thigh (negative: the hip straightens past
    standing tall). `lordosis_deg` is the lower-back curve: 40 is the standing-tall figure's,
    0 is flat; a flatter curve tips everything above it forward. `trunk_lean_deg` bends the
    upper back forward on the lower back, as in a stoop.
    """

    ankle_dorsiflexion_deg: float = ASSUMPTIONS.standing_lean_deg
    knee_flexion_deg: float = 0.0
    hip_flexion_deg: float = 0.0
    lordosis_deg: float = ASSUMPTIONS.normal_lordosis_deg
    trunk_lean_deg: float = 0.0

    def __post_init__(self) -> None:
        for name, allowed in _JOINT_RANGES_DEG.items():
            check_range(name.removesuffix("_deg").replace("_", " "), getattr(self, name), allowed, "degrees")

    @property
    def shank_tilt_deg(self) -> float:
        return self.ankle_dorsiflexion_deg

    @property
    def thigh_tilt_deg(self) -> float:
        return self.ankle_dorsiflexion_deg - self.knee_flexion_deg

    @property
    def pelvis_tilt_deg(self) -> float:
        """The pelvis's forward tilt from upright: positive tilts it forward, negative back."""
        return self.thigh_tilt_deg + self.hip_flexion_deg

    @property
    def lumbar_tilt_deg(self) -> float:
        """The lower back's forward tilt; half of any flattening of the curve shows here."""
        return self.pelvis_tilt_deg + (ASSUMPTIONS.normal_lordosis_deg - self.lordosis_deg) / 2

    @property
    def thorax_tilt_deg(self) -> float:
        """The upper body's forward tilt: all of the flattening, plus any stoop."""
        return (
            self.pelvis_tilt_deg + ASSUMPTIONS.normal_lordosis_deg - self.lordosis_deg + self.trunk_lean_deg
        )


Point = tuple[float, float]


@dataclass(frozen=True)
class Pose:
    """Where everything is, in metres: landmarks, segment centres of mass and their masses."""

    points: dict[str, Point]
    masses: dict[str, tuple[float, Point]]
    """Each part's mass in kg (both legs counted, for leg segments) and its centre of mass."""

    @property
    def centre_of_mass(self) -> Point:
        total = sum(mass for mass, _ in self.masses.values())
        x = sum(mass * point[0] for mass, point in self.masses.values()) / total
        y = sum(mass * point[1] for mass, point in self.masses.values()) / total
        return x, y

    @property
    def base_of_support(self) -> tuple[float, float]:
        """From heel to toe along the floor (x in metres)."""
        return self.points["heel"][0], self.points["toe"][0]


def _along(start: Point, length: float, tilt_deg: float) -> Point:
    tilt = math.radians(tilt_deg)
    return start[0] + length * math.sin(tilt), start[1] + length * math.cos(tilt)


def _between(start: Point, end: Point, share: float) -> Point:
    return start[0] + share * (end[0] - start[0]), start[1] + share * (end[1] - start[1])


def _arm_drop() -> tuple[float, float, float]:
    """How far below the shoulder (fraction of height) the elbow, the wrist and the arms'
    centre of mass hang when the arms hang straight down."""
    upper, fore, hand = (DRILLIS_CONTINI_HEIGHTS[k] for k in ("upper_arm", "forearm", "hand"))
    parts = WINTER_ARM_PARTS
    drops = (
        (parts["upper_arm"], parts["upper_arm"][1] * upper),
        (parts["forearm"], upper + parts["forearm"][1] * fore),
        (parts["hand"], upper + fore + parts["hand"][1] * hand),
    )
    mass = sum(part[0] for part, _ in drops)
    return upper, upper + fore, sum(part[0] * drop for part, drop in drops) / mass


ELBOW_DROP, WRIST_DROP, ARM_COM_DROP = _arm_drop()
_LANDMARK = DRILLIS_CONTINI_HEIGHTS
_SHANK_LENGTH = _LANDMARK["knee"] - _LANDMARK["ankle"]
_THIGH_LENGTH = _LANDMARK["hip"] - _LANDMARK["knee"]
_HEAD_ABOVE_SHOULDER = (_LANDMARK["chin"] + 1.0) / 2 - _LANDMARK["shoulder"]


def _thorax_length(assumptions: Assumptions = ASSUMPTIONS) -> float:
    lower_back_height = _LANDMARK["hip"] + assumptions.lower_back_above_hip * math.cos(
        math.radians(assumptions.lower_back_behind_hip_deg)
    )
    return _LANDMARK["shoulder"] - lower_back_height - assumptions.lumbar_length


_THORAX_LENGTH = _thorax_length()


def pose(body: Body, posture: Posture) -> Pose:
    """Place every landmark and segment centre of mass for this body in this posture."""
    h = body.height_m
    a = ASSUMPTIONS
    foot = _LANDMARK["foot_length"] * h
    ankle = (0.0, _LANDMARK["ankle"] * h)
    heel = (-a.heel_share_of_foot * foot, 0.0)
    toe = ((1 - a.heel_share_of_foot) * foot, 0.0)
    knee = _along(ankle, _SHANK_LENGTH * h, posture.shank_tilt_deg)
    hip = _along(knee, _THIGH_LENGTH * h, posture.thigh_tilt_deg)
    lower_back = _along(
        hip, a.lower_back_above_hip * h, posture.pelvis_tilt_deg - a.lower_back_behind_hip_deg
    )
    mid_back = _along(lower_back, a.lumbar_length * h, posture.lumbar_tilt_deg)
    shoulder = _along(mid_back, _THORAX_LENGTH * h, posture.thorax_tilt_deg)
    head = _along(shoulder, _HEAD_ABOVE_SHOULDER * h, posture.thorax_tilt_deg)
    elbow = (shoulder[0], shoulder[1] - ELBOW_DROP * h)
    wrist = (shoulder[0], shoulder[1] - WRIST_DROP * h)

    m = body.mass_kg
    s = WINTER_SEGMENTS
    masses = {
        "feet": (2 * s["foot"].mass_fraction * m, _between(ankle, toe, s["foot"].com_from_top)),
        "shanks": (2 * s["shank"].mass_fraction * m, _between(knee, ankle, s["shank"].com_from_top)),
        "thighs": (2 * s["thigh"].mass_fraction * m, _between(hip, knee, s["thigh"].com_from_top)),
        "pelvis": (s["pelvis"].mass_fraction * m, _between(lower_back, hip, s["pelvis"].com_from_top)),
        "abdomen": (
            s["abdomen"].mass_fraction * m,
            _between(mid_back, lower_back, s["abdomen"].com_from_top),
        ),
        "thorax": (s["thorax"].mass_fraction * m, _between(shoulder, mid_back, s["thorax"].com_from_top)),
        "head_and_neck": (s["head_and_neck"].mass_fraction * m, head),
        "arms": (s["arms"].mass_fraction * m, (shoulder[0], shoulder[1] - ARM_COM_DROP * h)),
    }
    points = {
        "toe": toe,
        "heel": heel,
        "ankle": ankle,
        "knee": knee,
        "hip": hip,
        "lower_back": lower_back,
        "mid_back": mid_back,
        "shoulder": shoulder,
        "head": head,
        "elbow": elbow,
        "wrist": wrist,
    }
    return Pose(points=points, masses=masses)


ABOVE_LOWER_BACK = ("abdomen", "thorax", "head_and_neck", "arms")
ABOVE_HIPS = ("pelvis", *ABOVE_LOWER_BACK)


@dataclass(frozen=True)
class Loads:
    """What holding the posture costs, per leg where a leg is named.

    Moments are external (what gravity does), in newton-metres: positive at the knee means
    the weight falls behind the knee and tries to bend it, so the thigh muscles must hold it;
    positive at the hip and lower back means the weight falls in front, so the buttock and
    back muscles must hold it; positive at the ankle means it falls in front of the ankle,
    held by the calf muscles. Forces are in newtons.
    """

    ankle_moment_nm: float
    knee_moment_nm: float
    hip_moment_nm: float
    lower_back_moment_nm: float
    quadriceps_force_n: float
    back_extensor_force_n: float
    knee_compression_n: float
    lower_back_compression_n: float


def _moment_about(
    pose: Pose, parts: tuple[str, ...], joint: Point, share: float = 1.0
) -> tuple[float, float]:
    """The weight of these parts (N, times `share`) and its moment about a joint (N·m,
    positive when the weight falls in front of the joint)."""
    weight = moment = 0.0
    for name in parts:
        mass, (x, _) = pose.masses[name]
        w = mass * GRAVITY_M_S2 * share
        weight += w
        moment += w * (x - joint[0])
    return weight, moment


def loads(pose: Pose) -> Loads:
    """The joint moments of quiet standing on both legs, and the muscle and joint forces
    they need (one muscle group per joint, no co-contraction: a lower bound)."""
    points = pose.points
    back_weight, back_moment = _moment_about(pose, ABOVE_LOWER_BACK, points["lower_back"])
    _, hip_moment = _moment_about(pose, ABOVE_HIPS, points["hip"], share=0.5)
    knee_weight, knee_forward = _moment_about(pose, (*ABOVE_HIPS, "thighs"), points["knee"], share=0.5)
    _, ankle_moment = _moment_about(pose, (*ABOVE_HIPS, "thighs", "shanks"), points["ankle"], share=0.5)
    knee_moment = -knee_forward

    quadriceps = max(knee_moment, 0.0) / QUADRICEPS_MOMENT_ARM_M
    extensors = max(back_moment, 0.0) / BACK_EXTENSOR_MOMENT_ARM_M
    shank_tilt = math.atan2(points["knee"][0] - points["ankle"][0], points["knee"][1] - points["ankle"][1])
    lumbar_tilt = math.atan2(
        points["mid_back"][0] - points["lower_back"][0], points["mid_back"][1] - points["lower_back"][1]
    )
    return Loads(
        ankle_moment_nm=ankle_moment,
        knee_moment_nm=knee_moment,
        hip_moment_nm=hip_moment,
        lower_back_moment_nm=back_moment,
        quadriceps_force_n=quadriceps,
        back_extensor_force_n=extensors,
        knee_compression_n=quadriceps + knee_weight * math.cos(shank_tilt),
        lower_back_compression_n=extensors + back_weight * math.cos(lumbar_tilt),
    )


@dataclass(frozen=True)
class Stance:
    """A balanced posture and what it costs."""

    body: Body
    posture: Posture
    pose: Pose
    loads: Loads
    balanced: bool
    """False if even the most the model allows (knees bent 80 degrees, or the lower back
    flat and the pelvis tipped forward 30 degrees) could not bring the weight over the feet."""


def _compensated(
    compensation_deg: float, lordosis_deg: float, trunk_lean_deg: float, knee_contracture_deg: float
) -> Posture:
    """The posture after `compensation_deg` of the chain the studies describe.

    Positive: the weight is too far forward. The pelvis tilts back and the hips straighten
    (Oshima 2019); once the hips can straighten no further, the knees bend and the ankles
    follow. Negative: the weight is too far back, as when a knee cannot straighten. The
    pelvis stays put while the hips bend and the lower back flattens (Lee 2013, braced knees);
    once the back is flat, the pelvis tips forward too (Harato 2008).
    """
    a = ASSUMPTIONS
    back = max(compensation_deg, 0.0)
    forward = max(-compensation_deg, 0.0)
    flattening = min(forward, lordosis_deg)
    tip_forward = forward - flattening
    knee = max(knee_contracture_deg, (back - a.hip_extension_reserve_deg) / (1 - a.ankle_share_of_knee_bend))
    ankle = a.standing_lean_deg + a.ankle_share_of_knee_bend * knee
    thigh = ankle - knee
    pelvis = a.standing_lean_deg - back + tip_forward
    return Posture(
        ankle_dorsiflexion_deg=ankle,
        knee_flexion_deg=knee,
        hip_flexion_deg=pelvis - thigh,
        lordosis_deg=lordosis_deg - flattening,
        trunk_lean_deg=trunk_lean_deg,
    )


_TOLERANCE_DEG = 0.01


def balance(
    body: Body,
    lordosis_deg: float = ASSUMPTIONS.normal_lordosis_deg,
    trunk_lean_deg: float = 0.0,
    knee_contracture_deg: float = 0.0,
) -> Stance:
    """The posture that keeps the centre of mass where it is when standing tall, given a
    lower-back curve, a stoop and a knee that cannot straighten fully (a flexion contracture).

    One number, the amount of compensation, is found by bisection: moving along the chain
    moves the centre of mass steadily one way, so there is one answer. The answer does not
    depend on height or mass (everything scales together).
    """
    check_range("lower-back curve", lordosis_deg, LORDOSIS_RANGE_DEG, "degrees")
    check_range("trunk lean", trunk_lean_deg, TRUNK_LEAN_RANGE_DEG, "degrees")
    check_range("knee stiffness", knee_contracture_deg, KNEE_CONTRACTURE_RANGE_DEG, "degrees")
    a = ASSUMPTIONS
    target_x = pose(body, Posture()).centre_of_mass[0]
    if (lordosis_deg, trunk_lean_deg, knee_contracture_deg) == (a.normal_lordosis_deg, 0, 0):
        # Standing tall needs no compensation: return it exactly, not to the solver's tolerance.
        placed = pose(body, Posture())
        return Stance(body=body, posture=Posture(), pose=placed, loads=loads(placed), balanced=True)

    def offset(compensation: float) -> float:
        posture = _compensated(compensation, lordosis_deg, trunk_lean_deg, knee_contracture_deg)
        return pose(body, posture).centre_of_mass[0] - target_x

    low = -(lordosis_deg + 30.0)
    high = a.hip_extension_reserve_deg + (1 - a.ankle_share_of_knee_bend) * _MAX_KNEE_BEND_DEG
    balanced = offset(high) <= 0 <= offset(low)
    while high - low > _TOLERANCE_DEG:
        middle = (low + high) / 2
        if offset(middle) > 0:
            low = middle
        else:
            high = middle
    posture = _compensated((low + high) / 2, lordosis_deg, trunk_lean_deg, knee_contracture_deg)
    placed = pose(body, posture)
    return Stance(body=body, posture=posture, pose=placed, loads=loads(placed), balanced=balanced)


def standing_tall(body: Body) -> Stance:
    """The reference posture: a normal lower-back curve, no stoop, knees straight."""
    return balance(body)
