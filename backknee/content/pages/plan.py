"""content/pages/plan.yaml: the words of the plan page."""

from __future__ import annotations

from pydantic import Field, model_validator

from backknee.content.base import Page, PageLink, RefId, Text, check_templates


class PlanPage(Page):
    """The take-home plan: on screen, as a PDF, in a calendar, and as a share code."""

    sources_label: Text
    no_plan_heading: Text
    no_plan: Text
    start_link: PageLink
    code_label: Text
    code_button: Text
    code_invalid: Text
    left_out_intro: Text
    """Above the list of what a plan code held that we did not open."""
    left_out_not_advised: Text
    left_out_unknown: Text
    left_out_level: Text
    same_day: Text
    """Instead of a plan, after a same-day warning sign: see someone first."""
    same_day_links: list[PageLink] = Field(min_length=1)
    sessions: Text
    exercises_heading: Text
    demo_link: PageLink
    dose_reps: Text
    dose_reps_hold: Text
    dose_hold: Text
    each_side: Text
    standard_label: Text
    easier_label: Text
    harder_label: Text
    weeks_heading: Text
    weeks: list[Text] = Field(min_length=6, max_length=6)
    """What to do in each of the six weeks, in order."""
    pain_rule_heading: Text
    pain_rule: Text
    pain_rule_references: list[RefId] = Field(min_length=1)
    tips_heading: Text
    warning_heading: Text
    warning_text: Text
    keep_heading: Text
    pdf_label: Text
    pdf_help: Text
    calendar_label: Text
    calendar_help: Text
    start_date_label: Text
    time_label: Text
    share_heading: Text
    share_intro: Text
    code_shown: Text
    qr_alt: Text
    pdf_title: Text
    pdf_intro: Text
    pdf_tracking_heading: Text
    pdf_tracking_intro: Text
    pdf_columns: list[Text] = Field(min_length=4, max_length=4)
    pdf_row: Text
    """Column headings of the tracking sheet: week, session, done, pain before and after."""
    pdf_contact_heading: Text
    pdf_footer: Text
    event_title: Text
    event_description: Text

    @model_validator(mode="after")
    def _templates(self) -> PlanPage:
        check_templates(
            self,
            {
                "sessions": ("count",),
                "dose_reps": ("sets", "reps"),
                "dose_reps_hold": ("sets", "reps", "seconds"),
                "dose_hold": ("seconds", "sets"),
                "code_shown": ("code",),
                "left_out_not_advised": ("title",),
                "left_out_unknown": ("count",),
                "left_out_level": ("name",),
                "event_title": ("week", "session"),
                "pdf_row": ("week", "session"),
                "event_description": ("exercises",),
            },
        )
        return self
