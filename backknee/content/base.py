"""What every content model shares: strict config, the checked kinds of text, pages, links and labels.

Messages raised here are read by editors, so they are plain English and name the value.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


PHONE_PATTERN = r"^\+?[0-9][0-9 ]{6,18}[0-9]$"


WEB_ADDRESS_PATTERN = r"^https://[^\s]+$"


DOI_PATTERN = r"^10\.[0-9]{4,9}/\S+$"


ICON_PATTERN = r"^:material/[a-z0-9_]+:$"
"""A Material Symbols icon, which Streamlit serves from the app's own host. Emoji show as empty
boxes on a tablet without a colour-emoji font."""


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]


Text = Annotated[str, StringConstraints(min_length=1)]


Phone = Annotated[str, StringConstraints(pattern=PHONE_PATTERN)]


WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS_PATTERN)]


Doi = Annotated[str, StringConstraints(pattern=DOI_PATTERN)]


Icon = Annotated[str, StringConstraints(pattern=ICON_PATTERN)]


class RefIdMarker:
    """In a field's type: the value is the id of a source in content/references.yaml."""


class PageIdMarker:
    """In a field's type: the value is the id of a page, the name of a file in content/pages/."""


RefId = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), RefIdMarker()]
"""A source that a text rests on. The cross-checks find every such field by this type, whatever
the field is called, and refuse an id that references.yaml does not have."""


PageId = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), PageIdMarker()]
"""A page of the app. The cross-checks find every such field by this type, whatever the field
is called, and refuse a page that content/pages/ does not have."""


PATTERN_MESSAGES = {
    SLUG_PATTERN: "use lower-case letters, numbers and dashes only, like 'knee-pain'",
    PHONE_PATTERN: "write a UK phone number with digits and spaces, like 020 7946 0000",
    WEB_ADDRESS_PATTERN: "write a full web address starting with https://",
    DOI_PATTERN: "write the DOI without 'https://doi.org/', like 10.1002/art.21139",
    ICON_PATTERN: (
        'name a Material icon in quotes, like ":material/home:" (see fonts.google.com/icons); '
        "emoji show as empty boxes on some tablets"
    ),
}
"""What to tell an editor when a value does not match one of the patterns above."""


class Model(BaseModel):
    """Every content model refuses unknown fields, trims spaces and cannot be changed."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"the {what} '{item}' is used twice; each must be different")
        seen.add(item)


class Reviewed(Model):
    """A content file that a clinician reviews on a schedule.

    `reviewed` is when the file was last written or checked; `reviewed_by` names the
    clinician who checked it, and stays empty until one has.
    """

    reviewed: date
    review_due: date
    reviewed_by: Text | None = None

    @model_validator(mode="after")
    def _due_after_reviewed(self) -> Reviewed:
        if self.review_due <= self.reviewed:
            raise ValueError(f"review_due ({self.review_due}) must be after reviewed ({self.reviewed})")
        return self


class Section(Model):
    heading: Text
    body: Text


LEAD_MAX = 50
"""Characters: about one line on a phone 390 px wide."""


class Page(Reviewed):
    """What every page file has: its id (the file name) and its main heading."""

    id: Slug
    heading: Text
    intro: Text


class Pictured(Page):
    """A page that opens with its interactive picture: the title, one short line that leads
    into the picture, then the picture, so it is on the first screen of a tablet and follows
    the lead at once on a phone. The page's intro comes after the picture."""

    lead: Text = Field(max_length=LEAD_MAX)


class Fact(Model):
    headline: Text
    text: Text
    references: list[RefId] = Field(min_length=1)


class PageLink(Model):
    """A link to another page of the app, by the page's id (its file name in content/pages/)."""

    page: PageId
    label: Text


def check_templates(model: BaseModel, needed: dict[str, tuple[str, ...]]) -> None:
    """Each template must keep its placeholders, and use no others."""
    for name, placeholders in needed.items():
        template: str = getattr(model, name)
        missing = [p for p in placeholders if "{" + p + "}" not in template]
        if missing:
            keep = ", ".join("{" + p + "}" for p in missing)
            raise ValueError(f"{name} must keep {keep}: the app puts the numbers there")
        try:
            template.format(**dict.fromkeys(placeholders, ""))
        except (KeyError, IndexError, ValueError):
            allowed = ", ".join("{" + p + "}" for p in placeholders) or "nothing"
            raise ValueError(f"{name} may use only {allowed} inside curly brackets") from None


class ExplainsMethod(Model):
    """A page with "How we worked this out": its heading, its parts and their sources."""

    method_heading: Text
    method: list[Section] = Field(min_length=1)
    method_references: list[RefId] = Field(min_length=1)


class Labels(Model):
    """Words for each value of a fixed list (an enum), one field per value; `of` finds them.
    A value with a dash (do-not-offer) is written with it in YAML, as an alias."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True)

    def of(self, value: StrEnum) -> str:
        return str(getattr(self, value.value.replace("-", "_")))


RECOMMENDATION_PATTERN = r"^[0-9]+(\.[0-9]+)+$"
