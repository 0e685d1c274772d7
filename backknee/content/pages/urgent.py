"""content/pages/urgent.yaml: the words of the urgent page."""

from __future__ import annotations

from pydantic import Field

from backknee.content.base import Page, RefId, Text


class UrgentPage(Page):
    references: list[RefId] = Field(min_length=1)
    not_sure: Text
    clinic_note: Text
    sources_label: Text
