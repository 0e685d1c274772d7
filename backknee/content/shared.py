"""The content files every page shares: references, the clinic, the warning signs, the terms and the site."""

from __future__ import annotations

from pydantic import Field, model_validator

from backknee.content.base import (
    Doi,
    Icon,
    Model,
    PageId,
    Phone,
    RefId,
    Reviewed,
    Slug,
    Text,
    WebAddress,
    check_templates,
    unique,
)
from backknee.vocab import (
    ReferenceKind,
    Urgency,
)

EXAMPLE_PHONE_PREFIX = "02079460"
"""Ofcom keeps 020 7946 0xxx for examples: such a number is a placeholder, not the clinic's."""


class Reference(Model):
    """One source that a claim in the app rests on."""

    id: Slug
    kind: ReferenceKind
    authors: Text
    year: int = Field(ge=1900, le=2100)
    title: Text
    published_in: Text
    doi: Doi | None = None
    url: WebAddress | None = None
    note: Text | None = None

    @property
    def short(self) -> str:
        """A short name that tells sources apart: 'Wolfe and others, 1996', 'NICE guideline
        NG59', 'NHS: Back pain'."""
        if self.kind == ReferenceKind.GUIDELINE:
            return self.published_in
        if self.kind == ReferenceKind.PATIENT_INFORMATION:
            return f"{self.authors}: {self.title}"
        names = [name.strip() for name in self.authors.split(",")]
        surname = names[0].split(" ")[0]
        return f"{surname} and others, {self.year}" if len(names) > 1 else f"{surname}, {self.year}"

    @property
    def citation(self) -> str:
        """The full reference in one line of Markdown: authors, year, title, where published."""
        title = self.title.rstrip(".").replace("*", r"\*").replace("_", r"\_")
        return f"{self.authors} ({self.year}). *{title}.* {self.published_in}."

    @property
    def link(self) -> str | None:
        """Where a reader can find the source: its DOI if it has one, else its web address."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url


class ReferencesFile(Reviewed):
    references: list[Reference] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self) -> ReferencesFile:
        unique([r.id for r in self.references], "reference id")
        return self


class Clinic(Reviewed):
    """How to reach the clinic: shown on the home page and under the warning signs."""

    name: Text
    phone: Phone
    call_label: Text
    phone_hours: Text
    booking_url: WebAddress
    booking_label: Text
    address: list[Text] = Field(min_length=1)
    kiosk_line: Text

    @property
    def phone_is_an_example(self) -> bool:
        """True while the number is still one of Ofcom's example numbers."""
        return self.phone.replace(" ", "").startswith(EXAMPLE_PHONE_PREFIX)

    @property
    def phone_link(self) -> str:
        """The phone number as a tel: link in international form, so a phone can dial it."""
        digits = self.phone.replace(" ", "")
        return f"tel:{digits}" if digits.startswith("+") else f"tel:+44{digits.removeprefix('0')}"


class WarningSign(Model):
    """One warning sign; `details` lists the parts of a sign that has several."""

    id: Slug
    text: Text
    details: list[Text] = Field(default_factory=list)


class UrgencyLevel(Model):
    """One group of warning signs that share what to do."""

    level: Urgency
    icon: Icon
    heading: Text
    action: Text
    back: list[WarningSign] = Field(min_length=1)
    knee: list[WarningSign] = Field(min_length=1)
    references: list[RefId] = Field(min_length=1)


class RedFlagsFile(Reviewed):
    """The warning signs for back and knee, grouped by what to do."""

    back_label: Text
    knee_label: Text
    levels: list[UrgencyLevel]

    @model_validator(mode="after")
    def _three_levels_in_order(self) -> RedFlagsFile:
        found = [level.level.value for level in self.levels]
        wanted = [u.value for u in Urgency]
        if found != wanted:
            raise ValueError(
                f"levels must be {', '.join(wanted)}, in that order; found {', '.join(found) or 'none'}"
            )
        unique([s.id for lv in self.levels for s in lv.back + lv.knee], "warning sign id")
        return self

    def signs(self, level: Urgency) -> list[WarningSign]:
        """Every warning sign, back and knee, at one level."""
        group = next(lv for lv in self.levels if lv.level == level)
        return group.back + group.knee


class Term(Model):
    """A word the guide uses that not every reader knows, with the plain words that explain it
    where it first appears. The reading-level check does not count it as a hard word."""

    term: Text
    forms: list[Text] = Field(default_factory=list)
    """Other ways the word is written (plurals and so on), also not counted as hard."""
    plain: Text
    """What it means, in a sentence or two: shown in the list of words on the About page."""


class TermsFile(Reviewed):
    """content/terms.yaml: the words the guide explains, for the reading-level check and the
    About page's list of words."""

    terms: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _terms_once(self) -> TermsFile:
        unique([w.lower() for t in self.terms for w in (t.term, *t.forms)], "term")
        return self

    @property
    def words(self) -> frozenset[str]:
        """Every term and form, in lower case."""
        return frozenset(w.lower() for t in self.terms for w in (t.term, *t.forms))


class MenuItem(Model):
    """One page in the menu at the top of every page. Its title also heads its tile on home."""

    page: PageId
    title: Text
    icon: Icon
    hidden: bool = False
    """True for a page reached from links on other pages, not from the menu bar (which has
    room for about seven). Another page must link to it."""
    kiosk: bool = False
    """True for a page only a shared clinic tablet has (the welcome screen, its first page)."""


class KioskWords(Model):
    """What a shared clinic tablet says (kiosk mode only): its Start again button, and the
    warning before it clears itself for the next person."""

    start_again: Text
    still_there_heading: Text
    still_there_text: Text
    """{seconds} becomes the seconds left before the screen clears."""
    still_here: Text
    sources_as_text: Text
    """Said where a source's web address is shown as words: the tablet opens no other sites."""
    qr_intro: Text
    """Above the plan's QR code: take it home on your own phone (the tablet keeps nothing)."""

    @model_validator(mode="after")
    def _templates_fill(self) -> KioskWords:
        check_templates(self, {"still_there_text": ("seconds",)})
        return self


class Site(Reviewed):
    """Words shown on every page: the menu, the urgent-help notice and the footer."""

    menu: list[MenuItem] = Field(min_length=1)
    urgent_line: Text
    menu_label: Text = Field(max_length=12)
    """The word on the phone's menu button (below 768 px the menu folds into a drawer)."""
    """The slim line at the top of every page, one tap from the warning signs."""
    urgent_link_label: Text
    footer: Text
    contact_heading: Text
    clear_label: Text
    """The button at the foot of every page that clears everything the patient chose."""
    cleared: Text
    kiosk: KioskWords
