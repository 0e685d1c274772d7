"""The demonstration stick figure: the body model's segment lengths, on the floor, anchored."""

from __future__ import annotations

import math

import pytest

from backknee.mechanics.stick import SHANK, THIGH, TRUNK, Angles, frames, place
from backknee.vocab import Anchor

STANDING = Angles(0, 0, 0, 0, 0, 0, 0, 0, 0)
SITTING = Angles(0, 90, 90, 90, 90, 0, 0, 0, 0)
LYING_ON_BACK = Angles(-90, 0, 0, 0, 0, 0, 0, 0, 0)


def distance(a, b):
    return math.dist(a, b)


@pytest.mark.parametrize(
    "pose", [STANDING, SITTING, LYING_ON_BACK, Angles(-118, -8, 90, -8, 90, 0, 0, 0, 40)]
)
def test_every_pose_keeps_the_body_models_segment_lengths(pose):
    points = place(pose)
    assert distance(points["hip"], points["knee"]) == pytest.approx(THIGH)
    assert distance(points["knee"], points["ankle"]) == pytest.approx(SHANK)
    assert distance(points["hip"], points["shoulder"]) == pytest.approx(TRUNK)


def test_standing_puts_the_feet_on_the_floor_under_the_hips_and_the_head_on_top():
    points = place(STANDING)
    assert points["ankle"][0] == pytest.approx(0)
    assert points["hip"][0] == pytest.approx(0)
    assert min(y for _, y in points.values()) == pytest.approx(0)
    assert points["head"][1] == max(y for _, y in points.values())
    assert points["toe"][0] > points["ankle"][0], "the figure faces forward (+x)"


def test_sitting_puts_the_knees_in_front_of_the_hips():
    points = place(SITTING)
    assert points["knee"][0] > points["hip"][0]
    assert points["knee"][1] == pytest.approx(points["hip"][1])


def test_lying_on_the_back_puts_the_head_behind_and_the_body_flat():
    points = place(LYING_ON_BACK, Anchor.HIPS)
    assert points["hip"][0] == pytest.approx(0)
    assert points["shoulder"][0] < 0 < points["ankle"][0]
    assert points["shoulder"][1] == pytest.approx(points["hip"][1])


def test_the_anchor_stays_still_between_frames():
    for pose in frames([STANDING, SITTING]):
        assert place(pose, Anchor.FEET)["ankle"][0] == pytest.approx(0)


def test_frames_ease_from_each_keyframe_and_loop_back():
    poses = frames([STANDING, SITTING], steps_between=4)
    assert len(poses) == 8
    assert poses[0] == STANDING
    assert poses[4] == SITTING
    knees = [p.knee_deg for p in poses]
    assert knees[:5] == sorted(knees[:5]), "bending towards sitting"
    assert knees[4:] == sorted(knees[4:], reverse=True), "and back to standing"


def test_an_animation_needs_two_keyframes():
    with pytest.raises(ValueError, match="at least 2 keyframes; got 1"):
        frames([STANDING])
