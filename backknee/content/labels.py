"""Words for each value of a fixed list, one model per list; more than one page uses some of them."""

from __future__ import annotations

from pydantic import Field

from backknee.content.base import Labels, Text


class EvidenceWords(Labels):
    studied: Text
    physics: Text
    linked: Text


class JointLabels(Labels):
    back: Text
    knee: Text
    both: Text


class DifficultyLabels(Labels):
    stairs: Text
    chair: Text
    walking: Text
    standing: Text
    lifting: Text
    sleep: Text


class SettingLabels(Labels):
    home: Text
    pool: Text
    gym: Text


class EquipmentLabels(Labels):
    chair: Text
    step: Text
    wall: Text


class ConfidenceLabels(Labels):
    low: Text
    some: Text
    high: Text


class GradeLabels(Labels):
    """How each NICE verdict reads to a patient, for example 'NICE: offer'."""

    offer: Text
    consider: Text
    not_routinely: Text = Field(alias="not-routinely")
    do_not_offer: Text = Field(alias="do-not-offer")
    not_covered: Text = Field(alias="not-covered")


class ReadInLabels(Labels):
    """What the page says beside a verdict, by where we read it (empty is not allowed: say
    something for each)."""

    guideline: Text
    summary: Text


class TipKindLabels(Labels):
    strengthening: Text
    activity: Text
    mind_body: Text = Field(alias="mind-body")
    self_management: Text = Field(alias="self-management")
    posture: Text
    weight: Text
    equipment: Text
    pain_relief: Text = Field(alias="pain-relief")
    support: Text
    services: Text
    other_treatment: Text = Field(alias="other-treatment")


class MuscleGroupLabels(Labels):
    core: Text
    hips: Text
    thighs: Text
    calves: Text
    back: Text
    hamstrings: Text
