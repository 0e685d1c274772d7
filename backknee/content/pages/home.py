"""content/pages/home.yaml: the words of the home page."""

from __future__ import annotations

from pydantic import Field, model_validator

from backknee.content.base import Fact, Model, PageId, PageLink, Pictured, RefId, Slug, Text, unique


class CycleStep(Model):
    id: Slug
    label: Text = Field(max_length=40)
    explanation: Text
    link: PageLink | None = None
    references: list[RefId] = Field(default_factory=list)


class Cycle(Model):
    heading: Text
    intro: Text
    choose_label: Text
    prompt: Text
    diagram_alt: Text
    leads_to: Text
    text_heading: Text
    steps: list[CycleStep] = Field(min_length=3)
    closing: Fact

    @model_validator(mode="after")
    def _ids_unique(self) -> Cycle:
        unique([s.id for s in self.steps], "step id")
        return self

    @model_validator(mode="after")
    def _templates_fill(self) -> Cycle:
        for name, needed in (("diagram_alt", ("{steps}",)), ("leads_to", ("{next}",))):
            template: str = getattr(self, name)
            missing = [placeholder for placeholder in needed if placeholder not in template]
            if missing:
                raise ValueError(f"{name} must keep {', '.join(missing)}: the app puts the words there")
            try:
                template.format(count=0, steps="", next="")
            except (KeyError, IndexError, ValueError):
                raise ValueError(
                    f"{name} may use only {{count}}, {{steps}} and {{next}} inside curly brackets"
                ) from None
        return self


class Tile(Model):
    """A large link on home to another page; its title and icon are the page's menu entry."""

    page: PageId
    text: Text


class HomePage(Pictured):
    facts_heading: Text
    facts: list[Fact] = Field(min_length=1)
    sources_label: Text
    cycle: Cycle
    tiles_heading: Text
    tiles: list[Tile] = Field(min_length=1)
