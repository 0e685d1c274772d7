"""The items clinic staff add one file at a time (tips, exercises) and the explorer's rules."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from backknee.content.base import (
    RECOMMENDATION_PATTERN,
    Model,
    PageLink,
    RefId,
    Reviewed,
    Slug,
    Text,
    unique,
)
from backknee.mechanics.stick import Angles
from backknee.vocab import (
    GRADE_STRENGTH,
    GUIDELINE_FOR,
    Anchor,
    Confidence,
    Difficulty,
    Grade,
    Guideline,
    Joint,
    MuscleGroup,
    Prop,
    ReadIn,
    Setting,
    TipKind,
    View,
)


class Verdict(Model):
    """What one guideline says about a treatment for one joint."""

    grade: Grade
    guideline: Guideline
    """NICE NG59 for the back, NICE NG226 for the knee."""
    recommendation: Annotated[str, StringConstraints(pattern=RECOMMENDATION_PATTERN)] | None = None
    """The recommendation's number in the guideline, for example '1.4.1', when we have read it."""
    read_in: ReadIn
    """`guideline` when we read the verdict in the guideline's own recommendations;
    `summary` when we have only read it in a summary of the guideline."""
    also: Text | None = None
    """Other guidelines beside NICE, for example 'OARSI 2019: core; ACR 2019: strong'."""


class TipEvidence(Model):
    """NICE's verdict for each joint the tip is for, and only those: a tip for the knee has
    no back verdict, and a tip for both has both."""

    back: Verdict | None = None
    knee: Verdict | None = None
    differ: bool = False
    """True when other guidelines (OARSI, ACR) disagree with NICE: the evidence page marks it."""

    @model_validator(mode="after")
    def _each_from_its_guideline(self) -> TipEvidence:
        for joint, verdict in (("back", self.back), ("knee", self.knee)):
            wanted = GUIDELINE_FOR[joint]
            if verdict is not None and verdict.guideline != wanted:
                raise ValueError(f"the {joint} verdict comes from {wanted}, not {verdict.guideline}")
        return self

    def for_joint(self, joint: Joint) -> list[Verdict]:
        """The verdicts that apply to a person whose pain is `joint` (both: back and knee)."""
        wanted = (
            (self.back, self.knee)
            if joint == Joint.BOTH
            else (self.back if joint == Joint.BACK else self.knee,)
        )
        return [v for v in wanted if v is not None]

    @property
    def verdicts(self) -> list[tuple[Joint, Verdict]]:
        """Each joint with its verdict, back first."""
        return [(j, v) for j, v in ((Joint.BACK, self.back), (Joint.KNEE, self.knee)) if v is not None]


class TipTags(Model):
    at_home: bool
    minutes_per_day: int = Field(ge=0, le=120)


class Tip(Reviewed):
    """content/tips/<id>.yaml: one piece of advice, with its evidence and how to do it."""

    id: Slug
    kind: TipKind
    title: Text = Field(max_length=60)
    summary: Text = Field(max_length=160)
    why: Text
    why_links: list[PageLink] = Field(default_factory=list)
    steps: list[Text] = Field(min_length=1)
    helps: Joint
    evidence: TipEvidence
    cautions: list[Text] = Field(default_factory=list)
    references: list[RefId] = Field(min_length=1)
    tags: TipTags

    @model_validator(mode="after")
    def _verdicts_for_its_joints_only(self) -> Tip:
        for joint, verdict in ((Joint.BACK, self.evidence.back), (Joint.KNEE, self.evidence.knee)):
            meant = self.helps in (joint, Joint.BOTH)
            if meant and verdict is None:
                raise ValueError(f"this tip is for the {joint.value} too: give evidence.{joint.value}")
            if not meant and verdict is not None:
                raise ValueError(
                    f"this tip is only for the {self.helps.value}: remove evidence.{joint.value}, "
                    "so the page shows no verdict for a joint the tip is not for"
                )
        return self

    @model_validator(mode="after")
    def _never_recommend_what_nice_does_not(self) -> Tip:
        refused = [v for v in self.evidence.for_joint(self.helps) if v.grade.refuses]
        if refused and self.kind != TipKind.OTHER_TREATMENT:
            raise ValueError(
                f"NICE says '{refused[0].grade.value}' for this: make its kind other-treatment, "
                "so the app shows what the evidence says and never suggests it"
            )
        if self.kind == TipKind.OTHER_TREATMENT and not any(
            v.grade.refuses or v.grade == Grade.NOT_COVERED for v in self.evidence.for_joint(self.helps)
        ):
            raise ValueError("an other-treatment tip is one UK guidelines do not recommend: give its grade")
        return self

    @cached_property
    def recommendable(self) -> bool:
        """Never a treatment NICE does not recommend (do not offer, or not routinely), nor one
        kept for the evidence page."""
        return self.kind != TipKind.OTHER_TREATMENT and not any(
            v.grade.refuses for v in self.evidence.for_joint(self.helps)
        )

    def suggestible(self, where: Joint) -> bool:
        """Whether the explorer may suggest this tip to a person whose pain is `where`: a tip for
        their joints, and never one NICE does not recommend for any of them."""
        return self._for_joint[where][0]

    def strength(self, where: Joint) -> int:
        """How strongly NICE backs this tip for a person whose pain is `where`: the best of its
        verdicts for their joints (GRADE_STRENGTH: 1 offer, 2 consider, 3 no recommendation)."""
        return self._for_joint[where][1]

    @cached_property
    def _for_joint(self) -> dict[Joint, tuple[bool, int]]:
        """(suggestible, strength) for each joint, worked out once: the explorer asks often."""
        worst = len(GRADE_STRENGTH) + 1
        found = {}
        for where in Joint:
            verdicts = self.evidence.for_joint(where)
            suggestible = (
                self.recommendable and self.helps.covers(where) and not any(v.grade.refuses for v in verdicts)
            )
            strength = min((GRADE_STRENGTH.get(v.grade, worst) for v in verdicts), default=worst)
            found[where] = (suggestible, strength)
        return found


class Dose(Model):
    """How much, for the standard version: sets, and repetitions or a hold, or both."""

    sets: int = Field(ge=1, le=5)
    reps: int | None = Field(default=None, ge=1, le=30)
    hold_seconds: int | None = Field(default=None, ge=1, le=60)
    each_side: bool = False

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Dose:
        if self.reps is None and self.hold_seconds is None:
            raise ValueError("give reps, hold_seconds or both")
        return self


class Keyframe(Model):
    """One still of the demonstration, as joint angles in degrees (see backknee/mechanics/stick.py).

    `trunk_deg`: the trunk's tilt from upright (90 = lying face down or on hands and knees,
    -90 = lying on the back). `hip_deg`: the thigh's angle forward from the line of the
    trunk (0 = straight, 90 = a right angle, as in sitting). `knee_deg`: knee bend (0 =
    straight). `shoulder_deg`: the arm's angle forward from hanging along the trunk (180 =
    overhead). `ankle_deg`: toes pointed down (positive) from a right angle. The `other_`
    angles are the far leg and arm; they default to the near ones.
    """

    trunk_deg: float = Field(ge=-180, le=180)
    hip_deg: float = Field(ge=-60, le=160)
    knee_deg: float = Field(ge=0, le=160)
    other_hip_deg: float | None = Field(default=None, ge=-60, le=160)
    other_knee_deg: float | None = Field(default=None, ge=0, le=160)
    shoulder_deg: float = Field(default=0, ge=-90, le=200)
    other_shoulder_deg: float | None = Field(default=None, ge=-90, le=200)
    elbow_deg: float = Field(default=0, ge=0, le=160)
    ankle_deg: float = Field(default=0, ge=-30, le=60)
    other_ankle_deg: float | None = Field(default=None, ge=-30, le=60)
    label: Text | None = Field(default=None, max_length=30)

    @property
    def angles(self) -> Angles:
        """The pose for the figure; the far leg and arm follow the near ones unless given."""
        return Angles(
            trunk_deg=self.trunk_deg,
            hip_deg=self.hip_deg,
            knee_deg=self.knee_deg,
            other_hip_deg=self.hip_deg if self.other_hip_deg is None else self.other_hip_deg,
            other_knee_deg=self.knee_deg if self.other_knee_deg is None else self.other_knee_deg,
            shoulder_deg=self.shoulder_deg,
            other_shoulder_deg=self.shoulder_deg
            if self.other_shoulder_deg is None
            else self.other_shoulder_deg,
            elbow_deg=self.elbow_deg,
            ankle_deg=self.ankle_deg,
            other_ankle_deg=self.ankle_deg if self.other_ankle_deg is None else self.other_ankle_deg,
        )


class Exercise(Reviewed):
    """content/exercises/<id>.yaml: one exercise, how to do it, and its demonstration."""

    id: Slug
    name: Text = Field(max_length=40)
    summary: Text = Field(max_length=160)
    targets: list[MuscleGroup] = Field(min_length=1)
    helps: Joint
    starting_position: Text
    steps: list[Text] = Field(min_length=1)
    dose: Dose
    easier: Text
    harder: Text
    cautions: list[Text] = Field(min_length=1)
    """At least one: when to stop or take care."""
    references: list[RefId] = Field(min_length=1)
    view: View = View.SIDE
    prop: Prop = Prop.NONE
    anchor: Anchor = Anchor.FEET
    """The point that stays still in the demonstration (feet, hips, knees or shoulders)."""
    keyframes: list[Keyframe] = Field(min_length=2, max_length=8)


class RuleWhen(Model):
    """When a rule applies: every condition given must hold; a list means any one of it."""

    where: list[Joint] = Field(default_factory=list)
    hard: list[Difficulty] = Field(default_factory=list)
    settings: list[Setting] = Field(default_factory=list)
    confidence: list[Confidence] = Field(default_factory=list)
    pain_at_least: int | None = Field(default=None, ge=0, le=10)
    pain_at_most: int | None = Field(default=None, ge=0, le=10)
    minutes_at_least: int | None = Field(default=None, ge=0, le=120)


class Rule(Model):
    """One rule of content/rules.yaml: when it applies, what it suggests, and why, in words
    the patient sees beside each suggestion."""

    id: Slug
    because: Text
    when: RuleWhen = Field(default_factory=RuleWhen)
    tips: list[Slug] = Field(default_factory=list)
    exercises: list[Slug] = Field(default_factory=list)
    weight: int = Field(default=1, ge=1, le=5)
    """How strongly this rule pushes its suggestions up the list, among tips NICE backs as
    strongly: what the patient told us."""
    core: bool = False
    """The guideline's core treatments for one joint: always suggested, and first."""
    always: bool = False
    """Its tips are always suggested when it applies: the cap on the list never cuts them."""
    at_least_one: bool = False
    """The plan always holds at least one of its exercises when it applies, whatever the kit."""

    @model_validator(mode="after")
    def _suggests_something(self) -> Rule:
        if not self.tips and not self.exercises:
            raise ValueError(f"the rule '{self.id}' must suggest at least one tip or exercise")
        if self.at_least_one and not self.exercises:
            raise ValueError(f"the rule '{self.id}' has at_least_one: true, so it needs exercises")
        if self.core:
            others = self.when.model_dump(exclude={"where"}, exclude_defaults=True)
            if len(self.when.where) != 1 or self.when.where[0] == Joint.BOTH or others or not self.tips:
                raise ValueError(
                    f"the core rule '{self.id}' is for one joint and everyone with it: give tips, and "
                    "when: {where: [knee]} or {where: [back]} and nothing else"
                )
        return self

    @property
    def shown_always(self) -> bool:
        return self.core or self.always


class RulesFile(Reviewed):
    """content/rules.yaml: how the guided explorer turns answers into suggestions."""

    rules: list[Rule] = Field(min_length=1)
    tip_order: list[Slug] = Field(min_length=1)
    """Every tip the explorer may suggest, once: the order for tips that tie on NICE's
    verdict and on what the patient told us."""
    exercise_order: list[Slug] = Field(min_length=1)
    """Every exercise, once: the order for exercises that tie, and for filling a plan."""

    @model_validator(mode="after")
    def _ids_unique(self) -> RulesFile:
        unique([r.id for r in self.rules], "rule id")
        unique(self.tip_order, "tip in tip_order")
        unique(self.exercise_order, "exercise in exercise_order")
        return self

    def reasons(self, rule_ids: Iterable[str]) -> tuple[str, ...]:
        """What the patient reads beside a suggestion: each rule's `because`, in order."""
        return tuple(self.by_id[r].because for r in rule_ids if r in self.by_id)

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @cached_property
    def tip_rank(self) -> dict[str, int]:
        """Each tip's place in tip_order (a tip not listed comes last)."""
        return {tip_id: number for number, tip_id in enumerate(self.tip_order)}

    @cached_property
    def exercise_rank(self) -> dict[str, int]:
        return {exercise_id: number for number, exercise_id in enumerate(self.exercise_order)}
