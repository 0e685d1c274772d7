"""A stick figure for exercise demonstrations: joint angles in, points to draw out.

The segment lengths are the body model's (Drillis and Contini, as fractions of height), so
every demonstration is drawn from the same body as the posture and muscles pages. Pure:
no plotting here (see backknee/charts/exercises.py).

Angles are directions in the drawing plane, measured from straight up, positive towards the
front (+x): 0 is up, 90 is forward, 180 is down. The figure faces +x. Lengths are fractions
of height; the lowest point rests on the floor (y = 0), and the exercise's anchor point
stays at x = 0 from frame to frame, so feet planted on the floor do not slide.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from backknee.mechanics.constants import DRILLIS_CONTINI_HEIGHTS, HEAD_RADIUS
from backknee.vocab import Anchor

_D = DRILLIS_CONTINI_HEIGHTS
THIGH = _D["hip"] - _D["knee"]
SHANK = _D["knee"] - _D["ankle"]
FOOT = _D["foot_length"] * 0.75
"""Ankle to toes (the heel is a quarter of the foot behind the ankle)."""
TRUNK = _D["shoulder"] - _D["hip"]
NECK_AND_HEAD = (_D["chin"] + 1.0) / 2 - _D["shoulder"]
UPPER_ARM = _D["upper_arm"]
FOREARM_AND_HAND = _D["forearm"] + _D["hand"] / 2


Point = tuple[float, float]


@dataclass(frozen=True)
class Angles:
    """One pose, in degrees (see content/README.md, exercises)."""

    trunk_deg: float
    hip_deg: float
    knee_deg: float
    other_hip_deg: float
    other_knee_deg: float
    shoulder_deg: float
    other_shoulder_deg: float
    elbow_deg: float
    ankle_deg: float
    other_ankle_deg: float = 0.0

    def towards(self, other: Angles, share: float) -> Angles:
        """The pose `share` of the way from this one to `other` (0 = this, 1 = other)."""
        return Angles(*(a + share * (b - a) for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[float, ...]:
        return (
            self.trunk_deg,
            self.hip_deg,
            self.knee_deg,
            self.other_hip_deg,
            self.other_knee_deg,
            self.shoulder_deg,
            self.other_shoulder_deg,
            self.elbow_deg,
            self.ankle_deg,
            self.other_ankle_deg,
        )


def _step(start: Point, length: float, direction_deg: float) -> Point:
    direction = math.radians(direction_deg)
    return start[0] + length * math.sin(direction), start[1] + length * math.cos(direction)


def _leg(
    hip: Point, trunk_deg: float, hip_deg: float, knee_deg: float, ankle_deg: float
) -> tuple[Point, ...]:
    thigh = trunk_deg + 180 - hip_deg
    shank = thigh + knee_deg
    knee = _step(hip, THIGH, thigh)
    ankle = _step(knee, SHANK, shank)
    toe = _step(ankle, FOOT, shank - 90 + ankle_deg)
    return knee, ankle, toe


def _arm(shoulder: Point, trunk_deg: float, shoulder_deg: float, elbow_deg: float) -> tuple[Point, ...]:
    upper = trunk_deg + 180 - shoulder_deg
    elbow = _step(shoulder, UPPER_ARM, upper)
    hand = _step(elbow, FOREARM_AND_HAND, upper - elbow_deg)
    return elbow, hand


def place(angles: Angles, anchor: Anchor = Anchor.FEET) -> dict[str, Point]:
    """Every joint of the figure for one pose, on the floor, with the anchor at x = 0."""
    hip: Point = (0.0, 0.0)
    shoulder = _step(hip, TRUNK, angles.trunk_deg)
    knee, ankle, toe = _leg(hip, angles.trunk_deg, angles.hip_deg, angles.knee_deg, angles.ankle_deg)
    other_knee, other_ankle, other_toe = _leg(
        hip, angles.trunk_deg, angles.other_hip_deg, angles.other_knee_deg, angles.other_ankle_deg
    )
    elbow, hand = _arm(shoulder, angles.trunk_deg, angles.shoulder_deg, angles.elbow_deg)
    other_elbow, other_hand = _arm(shoulder, angles.trunk_deg, angles.other_shoulder_deg, angles.elbow_deg)
    head = _step(shoulder, NECK_AND_HEAD, angles.trunk_deg)
    points = {
        "hip": hip,
        "shoulder": shoulder,
        "head": head,
        "knee": knee,
        "ankle": ankle,
        "toe": toe,
        "other_knee": other_knee,
        "other_ankle": other_ankle,
        "other_toe": other_toe,
        "elbow": elbow,
        "hand": hand,
        "other_elbow": other_elbow,
        "other_hand": other_hand,
    }
    # The head is a circle: its lowest point is below its centre.
    floor = min(min(y for _, y in points.values()), head[1] - HEAD_RADIUS)
    anchor_x = {
        Anchor.FEET: ankle[0],
        Anchor.HIPS: hip[0],
        Anchor.KNEES: knee[0],
        Anchor.SHOULDERS: shoulder[0],
    }[anchor]
    return {name: (x - anchor_x, y - floor) for name, (x, y) in points.items()}


LINES = (
    ("head", "shoulder"),
    ("shoulder", "hip"),
    ("hip", "other_knee"),
    ("other_knee", "other_ankle"),
    ("other_ankle", "other_toe"),
    ("hip", "knee"),
    ("knee", "ankle"),
    ("ankle", "toe"),
    ("shoulder", "other_elbow"),
    ("other_elbow", "other_hand"),
    ("shoulder", "elbow"),
    ("elbow", "hand"),
)
"""The figure's lines. The far leg and arm come first, so the near ones are drawn over them."""

FAR_LINES = LINES[2:5] + LINES[8:10]
"""The far leg and far arm, drawn fainter so the two sides can be told apart."""


def frames(keyframes: list[Angles], steps_between: int = 6) -> list[Angles]:
    """The poses of the animation: each keyframe, then `steps_between` poses easing to the
    next, and back to the first at the end, so the movement loops smoothly."""
    if len(keyframes) < 2:
        raise ValueError(f"an animation needs at least 2 keyframes; got {len(keyframes)}")
    poses: list[Angles] = []
    loop = [*keyframes, keyframes[0]]
    for start, end in itertools.pairwise(loop):
        for step in range(steps_between):
            # Ease in and out: slow at each keyframe, as a person moves.
            share = (1 - math.cos(math.pi * step / steps_between)) / 2
            poses.append(start.towards(end, share))
    return poses
