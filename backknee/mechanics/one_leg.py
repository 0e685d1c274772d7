"""A front view of a person standing still on one leg: how weak hip muscles pass work from the
knee to the lower back.

The hip muscles on the outside of the standing leg (the abductors) hold the pelvis level.
If they cannot do the whole job, the pelvis drops on the side of the lifted leg (the
Trendelenburg sign, Hardcastle 1985) and the body leans over the standing leg to bring its
weight closer to the hip (the trick Hardcastle describes). Leaning also moves the weight
closer to the knee, so the inner side of the knee takes less (Simic 2012, Hunt 2008), while
the lower back bends sideways and its side muscles take more.

A teaching model built on the same segment tables as the side view (body.py). Conventions:
x points sideways from the standing foot towards the lifted leg, y up, in metres, with x = 0
under the standing ankle. Angles are in degrees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from backknee.mechanics.body import ABOVE_LOWER_BACK, ASSUMPTIONS, Body, Posture, pose
from backknee.mechanics.constants import DRILLIS_CONTINI_HEIGHTS, GRAVITY_M_S2, WINTER_SEGMENTS, check_range

HIP_CENTRES_APART = 0.10
"""Distance between the two hip joint centres, as a fraction of height: about 17 cm for a
170 cm adult. Bell 1989 puts the hip centres about 72% of the width between the bony points
at the front of the pelvis apart; that width is typically 23-25 cm."""

DROP_PER_SHORTFALL_DEG = 15.0
"""Our illustration, not a measurement: the pelvis drops 1.5 degrees for every 10% of the
job the hip muscles cannot do."""

MAX_DROP_DEG = 8.0
"""The pelvis drops no further than this: the hip's ligaments and the band down the outside
of the thigh stop it (our illustration)."""

MAX_LEAN_DEG = 25.0
"""The furthest sideways lean the model allows; past it, a person would hold on to something."""

HIP_SHARE_RANGE = (0.3, 1.0)
"""How much of the job of holding the pelvis level the hip muscles can do: 1 is all of it."""

SHOULDER_HALF_WIDTH = 0.129
"""Half the shoulder width, as a fraction of height (Drillis and Contini, in Winter 2009:
0.259 across). Only for drawing."""

LIFTED_SHIN_SHOWS = 0.6
"""For drawing only: how much of the lifted leg's shin shows from the front, bent back."""


@dataclass(frozen=True)
class OneLegStance:
    """Standing on one leg, as seen from the front. Moments in newton-metres, lengths in metres."""

    hip_share: float
    """How much of the job of holding the pelvis level the hip muscles can do (1 = all)."""
    pelvis_drop_deg: float
    """How far the pelvis drops on the side of the lifted leg."""
    trunk_lean_deg: float
    """How far the upper body leans over the standing leg, from upright."""
    balanced: bool
    """False if even the largest lean the model allows cannot make up for the hip muscles."""
    points: dict[str, tuple[float, float]]
    hip_moment_nm: float
    """What the hip muscles of the standing leg must hold."""
    knee_moment_nm: float
    """The knee adduction moment: the body's weight passing inside the knee presses its inner
    side together. Positive means the weight passes inside the knee."""
    lower_back_moment_nm: float
    """Side-bending moment at the base of the spine: what its side muscles must hold."""
    upper_body_offset_m: float
    """How far to the side of the base of the spine the upper body's weight sits."""
    lower_back_bend_deg: float
    """How far the lower back bends sideways: the lean plus the pelvis drop."""
    centre_of_mass: tuple[float, float]


def _upper_body_heights(body: Body) -> dict[str, tuple[float, float]]:
    """Each part above the base of the spine: its mass (kg) and how high above the base of
    the spine its centre of mass sits (m), taken from the side view standing tall."""
    placed = pose(body, Posture())
    base_y = placed.points["lower_back"][1]
    return {name: (placed.masses[name][0], placed.masses[name][1][1] - base_y) for name in ABOVE_LOWER_BACK}


def _leg_parts(body: Body) -> dict[str, tuple[float, float]]:
    """One leg's parts: mass (kg) and how far down the leg, from the hip, the centre of mass
    sits, as a fraction of the hip-to-ankle length."""
    d = DRILLIS_CONTINI_HEIGHTS
    leg = d["hip"] - d["ankle"]
    thigh = d["hip"] - d["knee"]
    s = WINTER_SEGMENTS
    m = body.mass_kg
    return {
        "thigh": (s["thigh"].mass_fraction * m, s["thigh"].com_from_top * thigh / leg),
        "shank": (s["shank"].mass_fraction * m, (thigh + s["shank"].com_from_top * (leg - thigh)) / leg),
        # The foot's weight sits on the floor under the ankle, seen from the front.
        "foot": (s["foot"].mass_fraction * m, 1.0),
    }


def _place(body: Body, pelvis_drop_deg: float, trunk_lean_deg: float) -> OneLegStance:
    """Place the body for a pelvis drop and a lean, with the standing foot under the centre of
    mass, and work out the loads. `hip_share` and `balanced` are filled in by the caller."""
    h = body.height_m
    d = DRILLIS_CONTINI_HEIGHTS
    g = GRAVITY_M_S2
    drop = math.radians(pelvis_drop_deg)
    lean = math.radians(trunk_lean_deg)
    apart = HIP_CENTRES_APART * h
    base_above_hips = ASSUMPTIONS.lower_back_above_hip * h
    leg_length = (d["hip"] - d["ankle"]) * h

    # First with the standing hip at x = 0; the foot's place is found below.
    other_hip = (apart * math.cos(drop), -apart * math.sin(drop))
    middle = (other_hip[0] / 2, other_hip[1] / 2)
    # The pelvis tips with the drop, so the base of the spine moves towards the lifted leg.
    lower_back = (middle[0] + base_above_hips * math.sin(drop), middle[1] + base_above_hips * math.cos(drop))
    pelvis_mass = WINTER_SEGMENTS["pelvis"].mass_fraction * body.mass_kg
    above_hip: list[tuple[float, float, float]] = [(pelvis_mass, middle[0], middle[1])]
    for mass, height in _upper_body_heights(body).values():
        above_hip.append(
            (mass, lower_back[0] - height * math.sin(lean), lower_back[1] + height * math.cos(lean))
        )
    leg_parts = _leg_parts(body)
    for mass, share in leg_parts.values():
        # The lifted leg hangs straight down from its hip (its foot just off the floor).
        above_hip.append((mass, other_hip[0], other_hip[1] - share * leg_length))

    # The standing leg leans in so that the foot is under the centre of mass. Its parts lie
    # along the hip-to-ankle line, so their sideways places are shares of the ankle's.
    total_mass = body.mass_kg
    moment_of_rest = sum(mass * x for mass, x, _ in above_hip)
    along = sum(mass * share for mass, share in leg_parts.values())
    ankle_x = moment_of_rest / (total_mass - along)
    if abs(ankle_x) >= leg_length:
        raise ValueError(f"no standing posture for a pelvis drop of {pelvis_drop_deg:g} degrees")
    ankle_y = -math.sqrt(leg_length**2 - ankle_x**2)
    knee_share = (d["hip"] - d["knee"]) / (d["hip"] - d["ankle"])
    knee = (knee_share * ankle_x, knee_share * ankle_y)
    standing_leg = [(mass, share * ankle_x, share * ankle_y) for mass, share in leg_parts.values()]

    everything = above_hip + standing_leg
    com_x = sum(mass * x for mass, x, _ in everything) / total_mass
    com_y = sum(mass * y for mass, _, y in everything) / total_mass
    above_knee = above_hip + standing_leg[:1]
    upper = above_hip[1 : 1 + len(ABOVE_LOWER_BACK)]
    upper_mass = sum(mass for mass, _, _ in upper)
    upper_x = sum(mass * x for mass, x, _ in upper) / upper_mass

    # Move everything so the standing ankle, and the foot under it, is at x = 0 and the
    # floor at y = 0.
    shift_x, shift_y = -ankle_x, -ankle_y + d["ankle"] * h

    def moved(point: tuple[float, float]) -> tuple[float, float]:
        return point[0] + shift_x, point[1] + shift_y

    shoulder_height = (d["shoulder"] - d["hip"]) * h - base_above_hips
    head_height = ((d["chin"] + 1.0) / 2 - d["hip"]) * h - base_above_hips
    points = {
        "foot": moved((ankle_x, ankle_y - d["ankle"] * h)),
        "ankle": moved((ankle_x, ankle_y)),
        "knee": moved(knee),
        "hip": moved((0.0, 0.0)),
        "other_hip": moved(other_hip),
        "other_knee": moved((other_hip[0], other_hip[1] - knee_share * leg_length)),
        # The lifted foot, bent back at the knee: from the front the shin looks shorter.
        "other_ankle": moved(
            (
                other_hip[0],
                other_hip[1] - knee_share * leg_length - LIFTED_SHIN_SHOWS * (1 - knee_share) * leg_length,
            )
        ),
        "lower_back": moved(lower_back),
        "shoulders": moved(
            (
                lower_back[0] - shoulder_height * math.sin(lean),
                lower_back[1] + shoulder_height * math.cos(lean),
            )
        ),
        "shoulder_standing_side": moved(
            (
                lower_back[0] - shoulder_height * math.sin(lean) - SHOULDER_HALF_WIDTH * h * math.cos(lean),
                lower_back[1] + shoulder_height * math.cos(lean) - SHOULDER_HALF_WIDTH * h * math.sin(lean),
            )
        ),
        "shoulder_lifted_side": moved(
            (
                lower_back[0] - shoulder_height * math.sin(lean) + SHOULDER_HALF_WIDTH * h * math.cos(lean),
                lower_back[1] + shoulder_height * math.cos(lean) + SHOULDER_HALF_WIDTH * h * math.sin(lean),
            )
        ),
        "head": moved(
            (lower_back[0] - head_height * math.sin(lean), lower_back[1] + head_height * math.cos(lean))
        ),
    }
    knee_moment = g * sum(mass * (x - knee[0]) for mass, x, _ in above_knee)
    upper_offset = upper_x - lower_back[0]
    return OneLegStance(
        hip_share=1.0,
        pelvis_drop_deg=pelvis_drop_deg,
        trunk_lean_deg=trunk_lean_deg,
        balanced=True,
        points=points,
        hip_moment_nm=g * moment_of_rest,
        knee_moment_nm=knee_moment,
        lower_back_moment_nm=g * upper_mass * abs(upper_offset),
        upper_body_offset_m=abs(upper_offset),
        lower_back_bend_deg=pelvis_drop_deg + trunk_lean_deg,
        centre_of_mass=moved((com_x, com_y)),
    )


def level(body: Body) -> OneLegStance:
    """Standing on one leg with the pelvis level and the upper body upright."""
    return _place(body, 0.0, 0.0)


def pelvis_drop_deg(hip_share: float) -> float:
    """How far the pelvis drops when the hip muscles can do only this share of the job."""
    check_range("hip muscle share", hip_share, HIP_SHARE_RANGE, "")
    return min(MAX_DROP_DEG, DROP_PER_SHORTFALL_DEG * (1.0 - hip_share))


def without_leaning(body: Body, hip_share: float) -> OneLegStance:
    """What the dropped pelvis would do if the body did not lean: the upper body tips with
    the pelvis, away from the standing leg."""
    drop = pelvis_drop_deg(hip_share)
    found = _place(body, drop, -drop)
    return replace(found, hip_share=hip_share, balanced=False)


_TOLERANCE_DEG = 0.01


@lru_cache(maxsize=256)
def stand_on_one_leg(body: Body, hip_share: float) -> OneLegStance:
    """The posture a person takes on one leg when the hip muscles can do `hip_share` of the
    job of holding the pelvis level (1 = all of it; the least the model takes is 0.3).

    The pelvis drops by DROP_PER_SHORTFALL_DEG per share missing (our illustration), and the
    body leans over the standing leg just far enough that the hip muscles hold what they can:
    found by bisection, since leaning further always moves the weight towards the hip.
    """
    drop = pelvis_drop_deg(hip_share)
    can_hold = hip_share * level(body).hip_moment_nm
    if drop == 0.0:
        return replace(level(body), hip_share=hip_share)
    low, high = 0.0, MAX_LEAN_DEG
    balanced = _place(body, drop, high).hip_moment_nm <= can_hold
    while high - low > _TOLERANCE_DEG:
        middle = (low + high) / 2
        if _place(body, drop, middle).hip_moment_nm > can_hold:
            low = middle
        else:
            high = middle
    return replace(_place(body, drop, high), hip_share=hip_share, balanced=balanced)
