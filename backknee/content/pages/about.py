"""content/pages/about.yaml: the words of the about page."""

from __future__ import annotations

from pydantic import Field

from backknee.content.base import Page, Section, Text


class AboutPage(Page):
    sections: list[Section] = Field(min_length=1)
    references_heading: Text
    references_intro: Text
    reviews_heading: Text
    reviews_intro: Text
    reviewed_label: Text
    checked_by_label: Text
    not_checked: Text
    due_label: Text
    overdue_label: Text
    terms_heading: Text
    terms_intro: Text
