"""Every fixed list of words the app uses (its vocabulary), as StrEnums: one home for each.

The content models, the mechanics and the explorer all import them from here, so this module
imports nothing of the app.
"""

from __future__ import annotations

from enum import StrEnum


class ReferenceKind(StrEnum):
    STUDY = "study"
    REVIEW = "review"
    GUIDELINE = "guideline"
    PATIENT_INFORMATION = "patient-information"
    ARTICLE = "article"
    BOOK = "book"


class Urgency(StrEnum):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    ROUTINE = "routine"


class Joint(StrEnum):
    BACK = "back"
    KNEE = "knee"
    BOTH = "both"

    def covers(self, where: Joint) -> bool:
        """Whether something for this joint suits a person whose pain is `where`."""
        return self == Joint.BOTH or where == Joint.BOTH or self == where

    def rule_reaches(self, where: Joint) -> bool:
        """Whether a rule for this joint applies to a person whose pain is `where`: a rule for
        the knee (or the back) to knee (or back) pain and to both; a rule for both only to both."""
        return where == self or (where == Joint.BOTH and self != Joint.BOTH)


class Grade(StrEnum):
    """NICE's own words for a treatment, used as the evidence grade."""

    OFFER = "offer"
    CONSIDER = "consider"
    NOT_ROUTINELY = "not-routinely"
    """NICE: "do not routinely offer": only in some cases, never as a first step for everyone."""
    DO_NOT_OFFER = "do-not-offer"
    NOT_COVERED = "not-covered"
    """The guideline makes no recommendation either way."""

    @property
    def refuses(self) -> bool:
        """A treatment NICE does not recommend (do not offer, or not routinely): never suggested."""
        return self in (Grade.NOT_ROUTINELY, Grade.DO_NOT_OFFER)


GRADE_STRENGTH = {Grade.OFFER: 1, Grade.CONSIDER: 2, Grade.NOT_COVERED: 3}
"""How strongly NICE backs a treatment it does not refuse: lower ranks first (offer above
consider above no recommendation). The guidelines' core treatments rank above all (0)."""


class Guideline(StrEnum):
    """The UK guideline behind each joint's verdict."""

    NG59 = "NICE NG59"
    """Low back pain and sciatica in over 16s (2016, updated 2020)."""
    NG226 = "NICE NG226"
    """Osteoarthritis in over 16s (2022)."""


GUIDELINE_FOR = {"back": Guideline.NG59, "knee": Guideline.NG226}
"""Whose verdict each joint carries: the back's from NG59, the knee's from NG226."""


class ReadIn(StrEnum):
    """Where we read a verdict: in the guideline's own recommendations, or only in a
    summary of it (the evidence page says so beside the verdict)."""

    GUIDELINE = "guideline"
    SUMMARY = "summary"


class TipKind(StrEnum):
    STRENGTHENING = "strengthening"
    ACTIVITY = "activity"
    MIND_BODY = "mind-body"
    SELF_MANAGEMENT = "self-management"
    POSTURE = "posture"
    WEIGHT = "weight"
    EQUIPMENT = "equipment"
    PAIN_RELIEF = "pain-relief"
    SUPPORT = "support"
    SERVICES = "services"
    OTHER_TREATMENT = "other-treatment"
    """Treatments people ask about that UK guidelines do not recommend: shown in "What the
    evidence says about other treatments", never recommended."""


class MuscleGroup(StrEnum):
    CORE = "core"
    HIPS = "hips"
    THIGHS = "thighs"
    CALVES = "calves"
    BACK = "back"
    HAMSTRINGS = "hamstrings"


class Prop(StrEnum):
    NONE = "none"
    CHAIR = "chair"
    STEP = "step"
    WALL = "wall"


class View(StrEnum):
    SIDE = "side"
    FRONT = "front"


class Difficulty(StrEnum):
    """Things a patient can say are hard, in the guided explorer."""

    STAIRS = "stairs"
    CHAIR = "chair"
    WALKING = "walking"
    STANDING = "standing"
    LIFTING = "lifting"
    SLEEP = "sleep"


class Setting(StrEnum):
    HOME = "home"
    POOL = "pool"
    GYM = "gym"


class Confidence(StrEnum):
    LOW = "low"
    SOME = "some"
    HIGH = "high"


class Activity(StrEnum):
    WALKING = "walking"
    STAIRS_UP = "stairs-up"
    STAIRS_DOWN = "stairs-down"
    STANDING_UP = "standing-up"
    SITTING_DOWN = "sitting-down"
    ONE_LEG = "one-leg-stance"
    KNEE_BEND = "knee-bend"
    STANDING = "two-leg-stance"


class BackPosture(StrEnum):
    LYING_FACE_DOWN = "lying-prone"
    LYING_ON_SIDE = "lying-on-side"
    STANDING = "standing"
    SITTING_SLUMPED = "sitting-slumped"
    SITTING_UPRIGHT = "sitting-unsupported"
    SITTING_BENT_FORWARD = "sitting-bent-forward"
    STANDING_BENT_FORWARD = "standing-bent-forward"
    LIFT_CLOSE = "lifting-close"
    LIFT_BENT_KNEES = "lifting-bent-knees"
    LIFT_ROUND_BACK = "lifting-round-back"


class BmiBand(StrEnum):
    UNDERWEIGHT = "underweight"
    HEALTHY = "healthy"
    OVERWEIGHT = "overweight"
    OBESITY = "obesity"
    SEVERE_OBESITY = "severe-obesity"


class NodeKind(StrEnum):
    WEAK_AREA = "weak-area"
    """A group of muscles that may be weak."""
    CHANGE = "change"
    """What the body does instead."""
    LOAD = "load"
    """Where the extra work lands."""


class Side(StrEnum):
    BACK = "back"
    KNEE = "knee"


class Effect(StrEnum):
    MORE = "more"
    """The link adds work where it leads."""
    LESS = "less"
    """The link takes work away where it leads (one side of a trade)."""


class Evidence(StrEnum):
    STUDIED = "studied"
    """Measured in studies of people."""
    PHYSICS = "physics"
    """Follows from how weight and levers work; our models show it."""
    LINKED = "linked"
    """Seen together in studies, or an expert's view; cause not proven."""


class Anchor(StrEnum):
    """The point that stays put between frames."""

    FEET = "feet"
    HIPS = "hips"
    KNEES = "knees"
    SHOULDERS = "shoulders"
