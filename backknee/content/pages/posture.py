"""content/pages/posture.yaml: the words of the posture page."""

from __future__ import annotations

from pydantic import Field, model_validator

from backknee.content.base import (
    ExplainsMethod,
    Fact,
    Model,
    PageLink,
    Pictured,
    RefId,
    Slug,
    Text,
    check_templates,
    unique,
)
from backknee.mechanics.constants import POSTURE_CONTROL_RANGES_DEG, POSTURE_STEP_DEG


class PosturePreset(Model):
    """A ready-made posture: one tap sets all three controls."""

    id: Slug
    label: Text = Field(max_length=24)
    text: Text
    flattening: int
    lean: int
    knee: int

    @model_validator(mode="after")
    def _on_the_controls(self) -> PosturePreset:
        for name, (low, high) in POSTURE_CONTROL_RANGES_DEG.items():
            value = getattr(self, name)
            if not low <= value <= high or value % POSTURE_STEP_DEG:
                raise ValueError(
                    f"{name} must be a multiple of {POSTURE_STEP_DEG} from {low} to {high}; got {value}"
                )
        return self


class PostureControl(Model):
    """A slider and its tap buttons: the words for the slider and for each button."""

    label: Text
    help: Text
    less: Text
    more: Text


class PostureControls(Model):
    flattening: PostureControl
    lean: PostureControl
    knee: PostureControl

    @model_validator(mode="after")
    def _button_words_differ(self) -> PostureControls:
        words = [w for c in (self.flattening, self.lean, self.knee) for w in (c.less, c.more)]
        unique(words, "button word")
        return self


class PostureReadout(Model):
    """The sentences under the figure. Words in curly brackets are filled with numbers."""

    heading: Text
    knees_straight: Text
    knees_bend: Text
    knees_held_bent: Text
    pelvis_back: Text
    back_flattens: Text
    thighs_rest: Text
    thighs_work: Text
    knee_same: Text
    knee_times: Text
    back_same: Text
    back_times: Text
    illustration: Text

    @model_validator(mode="after")
    def _templates_fill(self) -> PostureReadout:
        check_templates(
            self,
            {
                "knees_straight": (),
                "knees_bend": ("degrees",),
                "knees_held_bent": ("degrees",),
                "pelvis_back": ("degrees",),
                "back_flattens": ("degrees",),
                "thighs_rest": (),
                "thighs_work": ("percent",),
                "knee_same": (),
                "knee_times": ("times",),
                "back_same": (),
                "back_times": ("times",),
            },
        )
        return self


class PostureChartWords(Model):
    """Labels inside the figure, and its description for screen readers."""

    you: Text
    standing_tall: Text = Field(max_length=20)
    feet: Text = Field(max_length=20)
    plumb_line: Text
    balance_point: Text = Field(max_length=20)
    loads: Text
    knee_load: Text = Field(max_length=24)
    back_load: Text = Field(max_length=24)
    custom_posture: Text
    description: Text

    @model_validator(mode="after")
    def _templates_fill(self) -> PostureChartWords:
        check_templates(
            self,
            {
                "knee_load": ("times",),
                "back_load": ("times",),
                "custom_posture": ("flattening", "lean", "knee"),
                "description": ("posture", "readout"),
            },
        )
        return self


class PosturePage(Pictured, ExplainsMethod):
    sources_label: Text
    references: list[RefId] = Field(min_length=1)
    try_heading: Text
    presets_label: Text
    presets: list[PosturePreset] = Field(min_length=2)
    controls_heading: Text
    controls: PostureControls
    readout: PostureReadout
    chart: PostureChartWords
    helps_heading: Text
    helps_intro: Text
    helps: list[Fact] = Field(min_length=1)
    helps_links: list[PageLink] = Field(min_length=1)

    @model_validator(mode="after")
    def _preset_ids_unique(self) -> PosturePage:
        unique([p.id for p in self.presets], "preset id")
        return self
