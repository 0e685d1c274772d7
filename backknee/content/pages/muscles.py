"""content/pages/muscles.yaml: the words of the muscles page."""

from __future__ import annotations

from pydantic import Field, model_validator

from backknee.content.base import (
    ExplainsMethod,
    Model,
    PageLink,
    Pictured,
    RefId,
    Slug,
    Text,
    check_templates,
    unique,
)
from backknee.content.labels import EvidenceWords


class ExerciseIdea(Model):
    """An exercise for one weak area: its name and one line on how it is done."""

    name: Text = Field(max_length=40)
    how: Text


class AreaHelp(Model):
    """What strengthens one weak area of content/compensation.yaml."""

    area: Slug
    heading: Text
    why: Text
    exercises: list[ExerciseIdea] = Field(min_length=1)
    references: list[RefId] = Field(min_length=1)


class ChainWords(Model):
    heading: Text
    intro: Text
    pick_label: Text
    pick_prompt: Text
    columns: list[Text] = Field(min_length=3, max_length=3)
    """Headings over the diagram's three columns: weak areas, what the body does, where work lands."""
    back_marker: Text
    knee_marker: Text
    lands_back: Text
    lands_knee: Text
    lands_both: Text
    trade: Text
    list_heading: Text
    less: Text
    evidence: EvidenceWords
    helps_line: Text
    """Under the steps, one line per picked area naming its exercises."""
    alt: Text
    alt_none: Text

    @model_validator(mode="after")
    def _templates(self) -> ChainWords:
        check_templates(self, {"alt": ("areas", "lands", "steps"), "helps_line": ("area", "exercises")})
        return self


class OneLegWords(Model):
    heading: Text
    intro: Text
    control_label: Text
    control_help: Text
    level: Text
    drop: Text
    knee_without_lean: Text
    lean: Text
    back: Text
    back_level: Text
    stronger: Text
    cannot: Text
    ghost_label: Text
    standing_leg_label: Text
    knee_label: Text = Field(max_length=20)
    back_label: Text = Field(max_length=20)
    alt: Text

    @model_validator(mode="after")
    def _templates(self) -> OneLegWords:
        check_templates(
            self,
            {
                "drop": ("degrees",),
                "lean": ("degrees",),
                "knee_without_lean": ("percent",),
                "back": ("degrees", "cm"),
                "alt": ("share", "readout"),
            },
        )
        return self


class ChairWords(Model):
    heading: Text
    intro: Text
    control_label: Text
    control_help: Text
    arms_label: Text
    arms_help: Text
    gauge_title: Text
    effort: Text
    cannot: Text
    lean: Text
    lean_more: Text
    back: Text
    arms_effect: Text
    chair_label: Text
    back_label: Text = Field(max_length=20)
    alt: Text

    @model_validator(mode="after")
    def _templates(self) -> ChairWords:
        check_templates(
            self,
            {
                "effort": ("percent",),
                "lean": ("degrees",),
                "lean_more": ("degrees", "extra"),
                "back": ("percent",),
                "arms_effect": ("percent",),
                "alt": ("strength", "readout"),
            },
        )
        return self


class MusclesPage(Pictured, ExplainsMethod):
    sources_label: Text
    references: list[RefId] = Field(min_length=1)
    illustration: Text
    chain: ChainWords
    one_leg: OneLegWords
    chair: ChairWords
    helps_heading: Text
    helps_intro: Text
    helps_references: list[RefId] = Field(min_length=1)
    areas: list[AreaHelp] = Field(min_length=1)
    helps_links: list[PageLink] = Field(min_length=1)

    @model_validator(mode="after")
    def _areas_once(self) -> MusclesPage:
        unique([a.area for a in self.areas], "area")
        return self

    def area_help(self, area: str) -> AreaHelp | None:
        return next((a for a in self.areas if a.area == area), None)
