"""content/pages/weight.yaml: the words of the weight page."""

from __future__ import annotations

from pydantic import Field, model_validator

from backknee.content.base import (
    ExplainsMethod,
    Fact,
    Model,
    PageLink,
    Pictured,
    RefId,
    Text,
    check_templates,
    unique,
)
from backknee.vocab import Activity, BackPosture, BmiBand


class ActivityLabel(Model):
    """One bar of the knee chart: an activity with a measured load, and its words."""

    activity: Activity
    label: Text = Field(max_length=32)


class BackPostureLabel(Model):
    """One bar of the back chart: a position with a measured disc pressure, and its words."""

    posture: BackPosture
    label: Text = Field(max_length=36)


class BmiBandText(Model):
    band: BmiBand
    text: Text


class WeightPage(Pictured, ExplainsMethod):
    sources_label: Text
    references: list[RefId] = Field(min_length=1)
    inputs_heading: Text
    inputs_note: Text
    weight_unit_label: Text
    kg_label: Text
    stones_label: Text
    weight_kg_label: Text
    stones_field_label: Text
    pounds_field_label: Text
    height_unit_label: Text
    cm_label: Text
    feet_label: Text
    height_cm_label: Text
    feet_field_label: Text
    inches_field_label: Text
    illustration: Text
    knee_heading: Text
    per_step: Text
    activities_heading: Text
    activities_intro: Text
    activities: list[ActivityLabel] = Field(min_length=2)
    bar_text: Text
    activities_alt: Text
    loss_heading: Text
    loss_intro: Text
    loss_label: Text
    steps_label: Text
    steps_help: Text
    flights_label: Text
    flights_help: Text
    loss_per_step: Text
    loss_per_day: Text
    loss_per_year: Text
    tonnes: Text
    kilograms: Text
    loss_none: Text
    loss_not_advised: Text
    loss_not_advised_references: list[RefId] = Field(min_length=1)
    loss_capped: Text
    out_of_range: Text
    loss_guideline: Text
    loss_guideline_references: list[RefId] = Field(min_length=1)
    loss_references: list[RefId] = Field(min_length=1)
    back_heading: Text
    back_intro: Text
    postures: list[BackPostureLabel] = Field(min_length=2)
    back_bar_text: Text
    back_alt: Text
    back_tips_heading: Text
    back_tips: list[Fact] = Field(min_length=1)
    back_references: list[RefId] = Field(min_length=1)
    both_heading: Text
    both_text: Text
    both_links: list[PageLink] = Field(min_length=1)
    bmi_heading: Text
    bmi_intro: Text
    bmi_value: Text
    lower_thresholds_label: Text
    lower_thresholds_help: Text
    bands: list[BmiBandText]
    bmi_references: list[RefId] = Field(min_length=1)

    @model_validator(mode="after")
    def _lists_complete(self) -> WeightPage:
        unique([a.activity.value for a in self.activities], "activity")
        unique([p.posture.value for p in self.postures], "position")
        if Activity.WALKING not in [a.activity for a in self.activities]:
            raise ValueError("activities must include walking: the page compares the others with it")
        if BackPosture.STANDING not in [p.posture for p in self.postures]:
            raise ValueError("postures must include standing: the chart compares the others with it")
        if sorted(b.band.value for b in self.bands) != sorted(b.value for b in BmiBand):
            bands = ", ".join(b.value for b in BmiBand)
            raise ValueError(f"bands must give a text for each of {bands}, once")
        check_templates(
            self,
            {
                "per_step": ("kg",),
                "bar_text": ("kg",),
                "activities_alt": ("bars",),
                "loss_per_step": ("kg", "bags"),
                "loss_per_day": ("amount",),
                "loss_per_year": ("amount",),
                "tonnes": ("value",),
                "kilograms": ("value",),
                "loss_capped": ("kg",),
                "out_of_range": ("kg", "cm"),
                "back_bar_text": ("percent",),
                "back_alt": ("bars",),
                "bmi_value": ("bmi",),
            },
        )
        return self

    def band_text(self, band: BmiBand) -> str:
        return next(b.text for b in self.bands if b.band == band)

    def activity_label(self, activity: Activity) -> str:
        return next(a.label for a in self.activities if a.activity == activity)

    def posture_label(self, posture: BackPosture) -> str:
        return next(p.label for p in self.postures if p.posture == posture)
