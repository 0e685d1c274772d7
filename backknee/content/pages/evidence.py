"""content/pages/evidence.yaml: the words of the evidence page."""

from __future__ import annotations

from pydantic import Field, model_validator

from backknee.content.base import Page, RefId, Text, check_templates
from backknee.content.labels import GradeLabels


class EvidencePage(Page):
    sources_label: Text
    references: list[RefId] = Field(min_length=1)
    columns: list[Text] = Field(min_length=4, max_length=4)
    """Headings of the table: treatment, back (NICE NG59), knee (NICE NG226), other guidelines."""
    grades: GradeLabels
    legend_heading: Text
    legend: GradeLabels
    """One short line for each verdict, under the legend's heading."""
    summary_note: Text
    """In a cell whose verdict we have read only in a summary of the guideline."""
    summary_legend: Text
    """Under the legend: what that note means."""
    not_for_joint: Text
    """In a cell for a joint the tip is not for."""
    recommendation: Text
    recommended_heading: Text
    other_heading: Text
    other_intro: Text
    differ_label: Text
    table_caption: Text

    @model_validator(mode="after")
    def _templates(self) -> EvidencePage:
        check_templates(self, {"recommendation": ("number",)})
        return self
