"""content/pages/tips.yaml: the words of the tips page."""

from __future__ import annotations

from pydantic import Field, model_validator

from backknee.content.base import Model, Page, PageLink, RefId, Text, check_templates
from backknee.content.labels import (
    ConfidenceLabels,
    DifficultyLabels,
    EquipmentLabels,
    GradeLabels,
    JointLabels,
    SettingLabels,
    TipKindLabels,
)


class TipCardWords(Model):
    """Words on every tip's card, in the explorer's results and in browse mode."""

    evidence_label: Text
    back_label: Text
    knee_label: Text
    how_label: Text
    cautions_label: Text
    why_label: Text
    minutes: Text
    at_home: Text
    grades: GradeLabels
    recommendation: Text
    """How a verdict's number reads, for example 'recommendation {number}'."""
    summary_note: Text
    """Beside a verdict we have read only in a summary of the guideline."""

    @model_validator(mode="after")
    def _templates(self) -> TipCardWords:
        check_templates(self, {"minutes": ("minutes",), "recommendation": ("number",)})
        return self


class TipsPage(Page):
    """The guided explorer: a safety check first, then four questions, then the plan."""

    sources_label: Text
    references: list[RefId] = Field(min_length=1)
    mode_label: Text
    guided_label: Text
    browse_label: Text
    progress: Text
    back_label: Text
    next_label: Text
    start_again_label: Text
    yes_label: Text
    no_label: Text
    safety_heading: Text
    safety_intro: Text
    emergency_question: Text
    urgent_question: Text
    routine_question: Text
    emergency_result_heading: Text
    emergency_result_text: Text
    same_day_heading: Text
    same_day_text: Text
    """Under the same-day heading, after what to do today: why there is no plan yet."""
    once_checked_heading: Text
    once_checked_text: Text
    browse_button: Text
    """Opens browse mode: every tip, with nothing prescribed."""
    exercises_link: PageLink
    routine_note: Text
    where_heading: Text
    where_question: Text
    where_labels: JointLabels
    pain_question: Text
    pain_help: Text
    peg_label: Text
    peg_help: Text
    peg_questions: list[Text] = Field(min_length=3, max_length=3)
    peg_result: Text
    hard_heading: Text
    hard_question: Text
    hard_labels: DifficultyLabels
    suits_heading: Text
    settings_question: Text
    setting_labels: SettingLabels
    equipment_question: Text
    equipment_labels: EquipmentLabels
    minutes_question: Text
    minutes_label: Text
    confidence_question: Text
    confidence_labels: ConfidenceLabels
    result_heading: Text
    result_intro: Text
    more_heading: Text
    """Folded under the cards: the other tips that suit, with why."""
    plan_link: PageLink
    card: TipCardWords
    browse_heading: Text
    browse_intro: Text
    joint_filter_label: Text
    kind_filter_label: Text
    kind_labels: TipKindLabels
    grade_filter_label: Text
    home_filter_label: Text
    no_results: Text
    other_heading: Text
    other_intro: Text
    evidence_link: PageLink

    @model_validator(mode="after")
    def _templates(self) -> TipsPage:
        check_templates(
            self,
            {
                "progress": ("step", "total"),
                "minutes_label": ("minutes",),
                "peg_result": ("score",),
            },
        )
        return self
