"""The ranges, steps and choices of the physical models and their controls: one home for each."""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

POSTURE_STEP_DEG = 5


POSTURE_CONTROL_RANGES_DEG = {"flattening": (0, 40), "lean": (0, 45), "knee": (0, 30)}
"""The posture page's controls: how far each can go, in steps of POSTURE_STEP_DEG."""


HIP_SHARE_CHOICES = (100, 90, 80, 70, 60, 50, 40)
"""The muscles page's hip control: how much of the job (%) the hip muscles can do."""


THIGH_STRENGTH_CHOICES = (120, 100, 80, 60, 50, 40, 30)
"""The muscles page's thigh control: strength as a % of a typical older adult's."""


GRAVITY_M_S2 = 9.81


@dataclass(frozen=True)
class SegmentShare:
    """One body segment's share of body mass, and where its centre of mass lies along it."""

    mass_fraction: float
    com_from_top: float
    """Fraction of the segment's length from its upper end, for the leg segments; the trunk
    parts use their midpoint (see ASSUMPTIONS)."""


WINTER_SEGMENTS = MappingProxyType(
    {
        # Winter DA (2009). Biomechanics and Motor Control of Human Movement, 4th ed., Table
        # 4.1 (Dempster's cadaver data). Leg segments are per leg.
        "foot": SegmentShare(0.0145, 0.50),
        "shank": SegmentShare(0.0465, 0.433),
        "thigh": SegmentShare(0.100, 0.433),
        # The trunk (0.497 in Table 4.1) in its three parts: pelvis, abdomen, thorax.
        "pelvis": SegmentShare(0.142, 0.50),
        "abdomen": SegmentShare(0.139, 0.50),
        "thorax": SegmentShare(0.216, 0.50),
        "head_and_neck": SegmentShare(0.081, 0.0),
        # Both arms together: upper arms 2 x 0.028, forearms 2 x 0.016, hands 2 x 0.006.
        "arms": SegmentShare(0.100, 0.0),
    }
)
"""Segment masses as fractions of body mass (Winter 2009, Table 4.1)."""


WINTER_ARM_PARTS = MappingProxyType(
    {
        # (mass fraction, centre of mass as a fraction of length from the upper end)
        "upper_arm": (0.028, 0.436),
        "forearm": (0.016, 0.430),
        "hand": (0.006, 0.506),
    }
)
"""One arm's parts (Winter 2009, Table 4.1), used to place the arms' centre of mass."""


DRILLIS_CONTINI_HEIGHTS = MappingProxyType(
    {
        # Drillis R, Contini R (1966), as drawn in Winter (2009), Fig. 4.1. Fractions of height.
        "ankle": 0.039,
        "knee": 0.285,
        "hip": 0.530,
        "shoulder": 0.818,
        "chin": 0.870,
        "eye": 0.936,
        "foot_length": 0.152,
        "upper_arm": 0.186,
        "forearm": 0.146,
        "hand": 0.108,
    }
)
"""Landmark heights and segment lengths as fractions of standing height."""


LORDOSIS_RANGE_DEG = (0.0, 60.0)


TRUNK_LEAN_RANGE_DEG = (0.0, 60.0)


KNEE_CONTRACTURE_RANGE_DEG = (0.0, 30.0)


HEIGHT_RANGE_CM = (120.0, 220.0)


MASS_RANGE_KG = (30.0, 300.0)


def check_range(name: str, value: float, allowed: tuple[float, float], unit: str) -> None:
    low, high = allowed
    if not (math.isfinite(value) and low <= value <= high):
        raise ValueError(f"{name} must be between {low:,g} and {high:,g} {unit}; got {value:,g}")


STEPS_RANGE = (0, 40_000)


FLIGHTS_RANGE = (0, 100)


LOSS_RANGE_KG = (0, 30)
"""Messier's result is a straight line well beyond 30 kg; the page's box stops there."""


HEAD_RADIUS = 0.062
"""The head's radius as a fraction of height (chin to crown is 0.13 of height: Drillis and
Contini, in Winter 2009). Every stick figure uses it."""
