"""content/pages/exercises.yaml: the words of the exercises page."""

from __future__ import annotations

from pydantic import model_validator

from backknee.content.base import Page, Text, check_templates
from backknee.content.labels import JointLabels, MuscleGroupLabels


class ExercisesPage(Page):
    sources_label: Text
    joint_filter_label: Text
    joint_labels: JointLabels
    muscle_filter_label: Text
    muscle_labels: MuscleGroupLabels
    no_results: Text
    play_label: Text
    pause_label: Text
    stills_label: Text
    front_view: Text
    side_view: Text
    starting_label: Text
    steps_label: Text
    dose_label: Text
    easier_label: Text
    harder_label: Text
    cautions_label: Text
    targets_label: Text
    alt: Text
    safety_note: Text

    @model_validator(mode="after")
    def _templates(self) -> ExercisesPage:
        check_templates(self, {"alt": ("name", "view", "frames")})
        return self
