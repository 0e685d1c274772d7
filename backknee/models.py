"""The shape of every content file, as pydantic models.

Clinic staff edit the YAML files in ``content/``; these models say what each file must hold.
Messages raised here are read by editors, so they are plain English and name the value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from backknee.chains import Effect, Evidence, NodeKind, Side, find_cycle, reachable
from backknee.figure import Anchor, Angles
from backknee.loads import Activity, BackPosture, BmiBand

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ]{6,18}[0-9]$"
WEB_ADDRESS_PATTERN = r"^https://[^\s]+$"
DOI_PATTERN = r"^10\.[0-9]{4,9}/\S+$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]
Phone = Annotated[str, StringConstraints(pattern=PHONE_PATTERN)]
WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS_PATTERN)]
Doi = Annotated[str, StringConstraints(pattern=DOI_PATTERN)]

EXAMPLE_PHONE_PREFIX = "02079460"
"""Ofcom keeps 020 7946 0xxx for examples: such a number is a placeholder, not the clinic's."""

PATTERN_MESSAGES = {
    SLUG_PATTERN: "use lower-case letters, numbers and dashes only, like 'knee-pain'",
    PHONE_PATTERN: "write a UK phone number with digits and spaces, like 020 7946 0000",
    WEB_ADDRESS_PATTERN: "write a full web address starting with https://",
    DOI_PATTERN: "write the DOI without 'https://doi.org/', like 10.1002/art.21139",
}
"""What to tell an editor when a value does not match one of the patterns above."""


class Model(BaseModel):
    """Every content model refuses unknown fields, trims spaces and cannot be changed."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _unique(ids: list[str], what: str) -> None:
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


class ReferenceKind(StrEnum):
    STUDY = "study"
    REVIEW = "review"
    GUIDELINE = "guideline"
    PATIENT_INFORMATION = "patient-information"
    ARTICLE = "article"
    BOOK = "book"


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
        _unique([r.id for r in self.references], "reference id")
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


class Urgency(StrEnum):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    ROUTINE = "routine"


class WarningSign(Model):
    """One warning sign; `details` lists the parts of a sign that has several."""

    id: Slug
    text: Text
    details: list[Text] = Field(default_factory=list)


class UrgencyLevel(Model):
    """One group of warning signs that share what to do."""

    level: Urgency
    icon: Text
    heading: Text
    action: Text
    back: list[WarningSign] = Field(min_length=1)
    knee: list[WarningSign] = Field(min_length=1)
    references: list[Slug] = Field(min_length=1)


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
        _unique([s.id for lv in self.levels for s in lv.back + lv.knee], "warning sign id")
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
        _unique([w.lower() for t in self.terms for w in (t.term, *t.forms)], "term")
        return self

    @property
    def words(self) -> frozenset[str]:
        """Every term and form, in lower case."""
        return frozenset(w.lower() for t in self.terms for w in (t.term, *t.forms))


class MenuItem(Model):
    """One page in the menu at the top of every page. Its title also heads its tile on home."""

    page: Slug
    title: Text
    icon: Text
    hidden: bool = False
    """True for a page reached from links on other pages, not from the menu bar (which has
    room for about seven). Another page must link to it."""


class Site(Reviewed):
    """Words shown on every page: the menu, the urgent-help notice and the footer."""

    menu: list[MenuItem] = Field(min_length=1)
    urgent_notice: Text
    urgent_link_label: Text
    footer: Text
    contact_heading: Text
    clear_label: Text
    """The button at the foot of every page that clears everything the patient chose."""
    cleared: Text


class Section(Model):
    heading: Text
    body: Text


class Page(Reviewed):
    """What every page file has: its id (the file name) and its main heading."""

    id: Slug
    heading: Text
    intro: Text


class Fact(Model):
    headline: Text
    text: Text
    references: list[Slug] = Field(min_length=1)


class PageLink(Model):
    """A link to another page of the app, by the page's id (its file name in content/pages/)."""

    page: Slug
    label: Text


class CycleStep(Model):
    id: Slug
    label: Text = Field(max_length=40)
    explanation: Text
    link: PageLink | None = None
    references: list[Slug] = Field(default_factory=list)


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
        _unique([s.id for s in self.steps], "step id")
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

    page: Slug
    text: Text


class HomePage(Page):
    facts_heading: Text
    facts: list[Fact] = Field(min_length=1)
    sources_label: Text
    cycle: Cycle
    tiles_heading: Text
    tiles: list[Tile] = Field(min_length=1)


class UrgentPage(Page):
    references: list[Slug] = Field(min_length=1)
    not_sure: Text
    clinic_note: Text
    sources_label: Text


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


def _check_templates(model: BaseModel, needed: dict[str, tuple[str, ...]]) -> None:
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


POSTURE_STEP_DEG = 5
POSTURE_CONTROL_RANGES_DEG = {"flattening": (0, 40), "lean": (0, 45), "knee": (0, 30)}
"""The posture page's controls: how far each can go, in steps of POSTURE_STEP_DEG."""


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
        _unique(words, "button word")
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
        _check_templates(
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
        _check_templates(
            self,
            {
                "knee_load": ("times",),
                "back_load": ("times",),
                "custom_posture": ("flattening", "lean", "knee"),
                "description": ("posture", "readout"),
            },
        )
        return self


class ExplainsMethod(Model):
    """A page with "How we worked this out": its heading, its parts and their sources."""

    method_heading: Text
    method: list[Section] = Field(min_length=1)
    method_references: list[Slug] = Field(min_length=1)


class PosturePage(Page, ExplainsMethod):
    sources_label: Text
    references: list[Slug] = Field(min_length=1)
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
        _unique([p.id for p in self.presets], "preset id")
        return self


class ActivityLabel(Model):
    """One bar of the knee chart: an activity with a measured load, and its words."""

    activity: Activity
    label: Text = Field(max_length=32)


class BackPostureLabel(Model):
    """One bar of the back chart: a position with a measured disc pressure, and its words."""

    posture: BackPosture
    label: Text = Field(max_length=36)


class BmiBandText(Model):
    band: BmiBand
    text: Text


class WeightPage(Page, ExplainsMethod):
    sources_label: Text
    references: list[Slug] = Field(min_length=1)
    inputs_heading: Text
    inputs_note: Text
    weight_unit_label: Text
    kg_label: Text
    stones_label: Text
    weight_kg_label: Text
    stones_field_label: Text
    pounds_field_label: Text
    height_unit_label: Text
    cm_label: Text
    feet_label: Text
    height_cm_label: Text
    feet_field_label: Text
    inches_field_label: Text
    illustration: Text
    knee_heading: Text
    per_step: Text
    activities_heading: Text
    activities_intro: Text
    activities: list[ActivityLabel] = Field(min_length=2)
    bar_text: Text
    activities_alt: Text
    loss_heading: Text
    loss_intro: Text
    loss_label: Text
    steps_label: Text
    steps_help: Text
    flights_label: Text
    flights_help: Text
    loss_per_step: Text
    loss_per_day: Text
    loss_per_year: Text
    tonnes: Text
    kilograms: Text
    loss_none: Text
    loss_not_advised: Text
    loss_not_advised_references: list[Slug] = Field(min_length=1)
    loss_capped: Text
    out_of_range: Text
    loss_guideline: Text
    loss_guideline_references: list[Slug] = Field(min_length=1)
    loss_references: list[Slug] = Field(min_length=1)
    back_heading: Text
    back_intro: Text
    postures: list[BackPostureLabel] = Field(min_length=2)
    back_bar_text: Text
    back_alt: Text
    back_tips_heading: Text
    back_tips: list[Fact] = Field(min_length=1)
    back_references: list[Slug] = Field(min_length=1)
    both_heading: Text
    both_text: Text
    both_links: list[PageLink] = Field(min_length=1)
    bmi_heading: Text
    bmi_intro: Text
    bmi_value: Text
    lower_thresholds_label: Text
    lower_thresholds_help: Text
    bands: list[BmiBandText]
    bmi_references: list[Slug] = Field(min_length=1)

    @model_validator(mode="after")
    def _lists_complete(self) -> WeightPage:
        _unique([a.activity.value for a in self.activities], "activity")
        _unique([p.posture.value for p in self.postures], "position")
        if Activity.WALKING not in [a.activity for a in self.activities]:
            raise ValueError("activities must include walking: the page compares the others with it")
        if BackPosture.STANDING not in [p.posture for p in self.postures]:
            raise ValueError("postures must include standing: the chart compares the others with it")
        if sorted(b.band.value for b in self.bands) != sorted(b.value for b in BmiBand):
            bands = ", ".join(b.value for b in BmiBand)
            raise ValueError(f"bands must give a text for each of {bands}, once")
        _check_templates(
            self,
            {
                "per_step": ("kg",),
                "bar_text": ("kg",),
                "activities_alt": ("bars",),
                "loss_per_step": ("kg", "bags"),
                "loss_per_day": ("amount",),
                "loss_per_year": ("amount",),
                "tonnes": ("value",),
                "kilograms": ("value",),
                "loss_capped": ("kg",),
                "out_of_range": ("kg", "cm"),
                "back_bar_text": ("percent",),
                "back_alt": ("bars",),
                "bmi_value": ("bmi",),
            },
        )
        return self

    def band_text(self, band: BmiBand) -> str:
        return next(b.text for b in self.bands if b.band == band)

    def activity_label(self, activity: Activity) -> str:
        return next(a.label for a in self.activities if a.activity == activity)

    def posture_label(self, posture: BackPosture) -> str:
        return next(p.label for p in self.postures if p.posture == posture)


WEAK_AREA_LABEL_MAX = 32
"""A weak area's label is a button; longer ones are cut off on a phone."""


class ChainNode(Model):
    """One box of the compensation chain: a weak area, what the body does instead, or where
    the extra work lands."""

    id: Slug
    kind: NodeKind
    label: Text = Field(max_length=70)
    short: Text = Field(max_length=22)
    """The words in the diagram; keep them short so they fit a phone."""
    side: Side | None = None
    """For a 'load' box only: does the work land on the back or the knee?"""


class ChainLink(Model):
    """One arrow of the compensation chain, with the sentence that explains it."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True)

    source: Slug = Field(alias="from")
    to: Slug
    text: Text
    effect: Effect = Effect.MORE
    evidence: Evidence
    references: list[Slug] = Field(min_length=1)
    loop: bool = False
    """True only for an arrow that deliberately closes a loop (a vicious circle)."""


class CompensationFile(Reviewed):
    """content/compensation.yaml: the chain from weak muscles to where the work lands."""

    nodes: list[ChainNode] = Field(min_length=3)
    links: list[ChainLink] = Field(min_length=2)

    def problems(self) -> list[tuple[str, str]]:
        """Every way the chain could not be drawn or read, as (field, message) for the editor,
        one per problem. The loader reports them with the file's name."""
        found: list[tuple[str, str]] = []
        ids = [node.id for node in self.nodes]
        kinds = {node.id: node.kind for node in self.nodes}
        for number, node in enumerate(self.nodes, start=1):
            where = f"nodes[{number}]"
            if ids.index(node.id) != number - 1:
                found.append(
                    (f"{where}.id", f"the node id '{node.id}' is used twice; each must be different")
                )
            if node.kind == NodeKind.WEAK_AREA and len(node.label) > WEAK_AREA_LABEL_MAX:
                found.append(
                    (
                        f"{where}.label",
                        f"a weak area is a button: keep its label to {WEAK_AREA_LABEL_MAX} characters "
                        f"so it fits a phone (it has {len(node.label)})",
                    )
                )
            if node.kind == NodeKind.LOAD and node.side is None:
                found.append(
                    (f"{where}.side", f"'{node.id}' is where work lands, so it needs side: back or knee")
                )
            if node.kind != NodeKind.LOAD and node.side is not None:
                found.append((f"{where}.side", f"'{node.id}' is not where work lands, so remove its side"))
        for number, link in enumerate(self.links, start=1):
            where = f"links[{number}]"
            for end, name in (("from", link.source), ("to", link.to)):
                if name not in kinds:
                    found.append((f"{where}.{end}", f"there is no node '{name}'"))
            if kinds.get(link.to) == NodeKind.WEAK_AREA and not link.loop:
                found.append((where, f"it leads into the weak area '{link.to}'; mark it loop: true if meant"))
            if kinds.get(link.source) == NodeKind.LOAD and not link.loop:
                found.append(
                    (where, f"it starts at '{link.source}', where work lands; mark it loop: true if meant")
                )
        linked = {link.source for link in self.links} | {link.to for link in self.links}
        pairs = [(link.source, link.to) for link in self.links]
        for number, node in enumerate(self.nodes, start=1):
            if node.id not in linked:
                found.append((f"nodes[{number}]", f"the node '{node.id}' has no links: link it or remove it"))
            elif node.kind == NodeKind.WEAK_AREA and not any(
                kinds.get(end) == NodeKind.LOAD for end in reachable([node.id], pairs)
            ):
                found.append(
                    (f"nodes[{number}]", f"the weak area '{node.id}' never leads to where work lands")
                )
        cycle = find_cycle((link.source, link.to) for link in self.links if not link.loop)
        if cycle:
            found.append(
                (
                    "links",
                    f"the links go round in a circle ({' -> '.join(cycle)}); "
                    "mark one link loop: true if meant",
                )
            )
        if NodeKind.WEAK_AREA not in kinds.values():
            found.append(("nodes", "there must be at least one node of kind weak-area"))
        return found

    @property
    def weak_areas(self) -> list[ChainNode]:
        return [node for node in self.nodes if node.kind == NodeKind.WEAK_AREA]

    def node(self, node_id: str) -> ChainNode:
        return next(node for node in self.nodes if node.id == node_id)


HIP_SHARE_CHOICES = (100, 90, 80, 70, 60, 50, 40)
"""The muscles page's hip control: how much of the job (%) the hip muscles can do."""
THIGH_STRENGTH_CHOICES = (120, 100, 80, 60, 50, 40, 30)
"""The muscles page's thigh control: strength as a % of a typical older adult's."""


class ExerciseIdea(Model):
    """An exercise for one weak area: its name and one line on how it is done."""

    name: Text = Field(max_length=40)
    how: Text


class AreaHelp(Model):
    """What strengthens one weak area of content/compensation.yaml."""

    area: Slug
    heading: Text
    why: Text
    exercises: list[ExerciseIdea] = Field(min_length=1)
    references: list[Slug] = Field(min_length=1)


class Labels(Model):
    """Words for each value of a fixed list (an enum), one field per value; `of` finds them.
    A value with a dash (do-not-offer) is written with it in YAML, as an alias."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True)

    def of(self, value: StrEnum) -> str:
        return str(getattr(self, value.value.replace("-", "_")))


class EvidenceWords(Labels):
    studied: Text
    physics: Text
    linked: Text


class ChainWords(Model):
    heading: Text
    intro: Text
    pick_label: Text
    pick_prompt: Text
    columns: list[Text] = Field(min_length=3, max_length=3)
    """Headings over the diagram's three columns: weak areas, what the body does, where work lands."""
    back_marker: Text
    knee_marker: Text
    lands_back: Text
    lands_knee: Text
    lands_both: Text
    trade: Text
    list_heading: Text
    less: Text
    evidence: EvidenceWords
    helps_line: Text
    """Under the steps, one line per picked area naming its exercises."""
    alt: Text
    alt_none: Text

    @model_validator(mode="after")
    def _templates(self) -> ChainWords:
        _check_templates(self, {"alt": ("areas", "lands", "steps"), "helps_line": ("area", "exercises")})
        return self


class OneLegWords(Model):
    heading: Text
    intro: Text
    control_label: Text
    control_help: Text
    level: Text
    drop: Text
    knee_without_lean: Text
    lean: Text
    back: Text
    back_level: Text
    stronger: Text
    cannot: Text
    ghost_label: Text
    standing_leg_label: Text
    knee_label: Text = Field(max_length=20)
    back_label: Text = Field(max_length=20)
    alt: Text

    @model_validator(mode="after")
    def _templates(self) -> OneLegWords:
        _check_templates(
            self,
            {
                "drop": ("degrees",),
                "lean": ("degrees",),
                "knee_without_lean": ("percent",),
                "back": ("degrees", "cm"),
                "alt": ("share", "readout"),
            },
        )
        return self


class ChairWords(Model):
    heading: Text
    intro: Text
    control_label: Text
    control_help: Text
    arms_label: Text
    arms_help: Text
    gauge_title: Text
    effort: Text
    cannot: Text
    lean: Text
    lean_more: Text
    back: Text
    arms_effect: Text
    chair_label: Text
    back_label: Text = Field(max_length=20)
    alt: Text

    @model_validator(mode="after")
    def _templates(self) -> ChairWords:
        _check_templates(
            self,
            {
                "effort": ("percent",),
                "lean": ("degrees",),
                "lean_more": ("degrees", "extra"),
                "back": ("percent",),
                "arms_effect": ("percent",),
                "alt": ("strength", "readout"),
            },
        )
        return self


class MusclesPage(Page, ExplainsMethod):
    sources_label: Text
    references: list[Slug] = Field(min_length=1)
    illustration: Text
    chain: ChainWords
    one_leg: OneLegWords
    chair: ChairWords
    helps_heading: Text
    helps_intro: Text
    helps_references: list[Slug] = Field(min_length=1)
    areas: list[AreaHelp] = Field(min_length=1)
    helps_links: list[PageLink] = Field(min_length=1)

    @model_validator(mode="after")
    def _areas_once(self) -> MusclesPage:
        _unique([a.area for a in self.areas], "area")
        return self

    def area_help(self, area: str) -> AreaHelp | None:
        return next((a for a in self.areas if a.area == area), None)


class Joint(StrEnum):
    BACK = "back"
    KNEE = "knee"
    BOTH = "both"

    def covers(self, where: Joint) -> bool:
        """Whether something for this joint suits a person whose pain is `where`."""
        return self == Joint.BOTH or where == Joint.BOTH or self == where

    def rule_reaches(self, where: Joint) -> bool:
        """Whether a rule for this joint applies to a person whose pain is `where`: a rule for
        the knee (or the back) to knee (or back) pain and to both; a rule for both only to both."""
        return where == self or (where == Joint.BOTH and self != Joint.BOTH)


class Grade(StrEnum):
    """NICE's own words for a treatment, used as the evidence grade."""

    OFFER = "offer"
    CONSIDER = "consider"
    NOT_ROUTINELY = "not-routinely"
    """NICE: "do not routinely offer": only in some cases, never as a first step for everyone."""
    DO_NOT_OFFER = "do-not-offer"
    NOT_COVERED = "not-covered"
    """The guideline makes no recommendation either way."""

    @property
    def refuses(self) -> bool:
        """A treatment NICE does not recommend (do not offer, or not routinely): never suggested."""
        return self in (Grade.NOT_ROUTINELY, Grade.DO_NOT_OFFER)


GRADE_STRENGTH = {Grade.OFFER: 1, Grade.CONSIDER: 2, Grade.NOT_COVERED: 3}
"""How strongly NICE backs a treatment it does not refuse: lower ranks first (offer above
consider above no recommendation). The guidelines' core treatments rank above all (0)."""


class Guideline(StrEnum):
    """The UK guideline behind each joint's verdict."""

    NG59 = "NICE NG59"
    """Low back pain and sciatica in over 16s (2016, updated 2020)."""
    NG226 = "NICE NG226"
    """Osteoarthritis in over 16s (2022)."""


GUIDELINE_FOR = {"back": Guideline.NG59, "knee": Guideline.NG226}
"""Whose verdict each joint carries: the back's from NG59, the knee's from NG226."""


class ReadIn(StrEnum):
    """Where we read a verdict: in the guideline's own recommendations, or only in a
    summary of it (the evidence page says so beside the verdict)."""

    GUIDELINE = "guideline"
    SUMMARY = "summary"


class TipKind(StrEnum):
    STRENGTHENING = "strengthening"
    ACTIVITY = "activity"
    MIND_BODY = "mind-body"
    SELF_MANAGEMENT = "self-management"
    POSTURE = "posture"
    WEIGHT = "weight"
    EQUIPMENT = "equipment"
    PAIN_RELIEF = "pain-relief"
    SUPPORT = "support"
    SERVICES = "services"
    OTHER_TREATMENT = "other-treatment"
    """Treatments people ask about that UK guidelines do not recommend: shown in "What the
    evidence says about other treatments", never recommended."""


class Effort(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


RECOMMENDATION_PATTERN = r"^[0-9]+(\.[0-9]+)+$"


class Verdict(Model):
    """What one guideline says about a treatment for one joint."""

    grade: Grade
    guideline: Guideline
    """NICE NG59 for the back, NICE NG226 for the knee."""
    recommendation: Annotated[str, StringConstraints(pattern=RECOMMENDATION_PATTERN)] | None = None
    """The recommendation's number in the guideline, for example '1.4.1', when we have read it."""
    read_in: ReadIn
    """`guideline` when we read the verdict in the guideline's own recommendations;
    `summary` when we have only read it in a summary of the guideline."""
    also: Text | None = None
    """Other guidelines beside NICE, for example 'OARSI 2019: core; ACR 2019: strong'."""


class TipEvidence(Model):
    """NICE's verdict for each joint the tip is for, and only those: a tip for the knee has
    no back verdict, and a tip for both has both."""

    back: Verdict | None = None
    knee: Verdict | None = None
    differ: bool = False
    """True when other guidelines (OARSI, ACR) disagree with NICE: the evidence page marks it."""

    @model_validator(mode="after")
    def _each_from_its_guideline(self) -> TipEvidence:
        for joint, verdict in (("back", self.back), ("knee", self.knee)):
            wanted = GUIDELINE_FOR[joint]
            if verdict is not None and verdict.guideline != wanted:
                raise ValueError(f"the {joint} verdict comes from {wanted}, not {verdict.guideline}")
        return self

    def for_joint(self, joint: Joint) -> list[Verdict]:
        """The verdicts that apply to a person whose pain is `joint` (both: back and knee)."""
        wanted = (
            (self.back, self.knee)
            if joint == Joint.BOTH
            else (self.back if joint == Joint.BACK else self.knee,)
        )
        return [v for v in wanted if v is not None]

    @property
    def verdicts(self) -> list[tuple[Joint, Verdict]]:
        """Each joint with its verdict, back first."""
        return [(j, v) for j, v in ((Joint.BACK, self.back), (Joint.KNEE, self.knee)) if v is not None]


class TipTags(Model):
    at_home: bool
    no_equipment: bool
    minutes_per_day: int = Field(ge=0, le=120)
    effort: Effort


class Tip(Reviewed):
    """content/tips/<id>.yaml: one piece of advice, with its evidence and how to do it."""

    id: Slug
    kind: TipKind
    title: Text = Field(max_length=60)
    summary: Text = Field(max_length=160)
    why: Text
    why_links: list[PageLink] = Field(default_factory=list)
    steps: list[Text] = Field(min_length=1)
    helps: Joint
    evidence: TipEvidence
    cautions: list[Text] = Field(default_factory=list)
    references: list[Slug] = Field(min_length=1)
    tags: TipTags
    exercises: list[Slug] = Field(default_factory=list)
    """Exercises (content/exercises/<id>.yaml) that go with this tip."""

    @model_validator(mode="after")
    def _verdicts_for_its_joints_only(self) -> Tip:
        for joint, verdict in ((Joint.BACK, self.evidence.back), (Joint.KNEE, self.evidence.knee)):
            meant = self.helps in (joint, Joint.BOTH)
            if meant and verdict is None:
                raise ValueError(f"this tip is for the {joint.value} too: give evidence.{joint.value}")
            if not meant and verdict is not None:
                raise ValueError(
                    f"this tip is only for the {self.helps.value}: remove evidence.{joint.value}, "
                    "so the page shows no verdict for a joint the tip is not for"
                )
        return self

    @model_validator(mode="after")
    def _never_recommend_what_nice_does_not(self) -> Tip:
        refused = [v for v in self.evidence.for_joint(self.helps) if v.grade.refuses]
        if refused and self.kind != TipKind.OTHER_TREATMENT:
            raise ValueError(
                f"NICE says '{refused[0].grade.value}' for this: make its kind other-treatment, "
                "so the app shows what the evidence says and never suggests it"
            )
        if self.kind == TipKind.OTHER_TREATMENT and not any(
            v.grade.refuses or v.grade == Grade.NOT_COVERED for v in self.evidence.for_joint(self.helps)
        ):
            raise ValueError("an other-treatment tip is one UK guidelines do not recommend: give its grade")
        return self

    @cached_property
    def recommendable(self) -> bool:
        """Never a treatment NICE does not recommend (do not offer, or not routinely), nor one
        kept for the evidence page."""
        return self.kind != TipKind.OTHER_TREATMENT and not any(
            v.grade.refuses for v in self.evidence.for_joint(self.helps)
        )

    def suggestible(self, where: Joint) -> bool:
        """Whether the explorer may suggest this tip to a person whose pain is `where`: a tip for
        their joints, and never one NICE does not recommend for any of them."""
        return self._for_joint[where][0]

    def strength(self, where: Joint) -> int:
        """How strongly NICE backs this tip for a person whose pain is `where`: the best of its
        verdicts for their joints (GRADE_STRENGTH: 1 offer, 2 consider, 3 no recommendation)."""
        return self._for_joint[where][1]

    @cached_property
    def _for_joint(self) -> dict[Joint, tuple[bool, int]]:
        """(suggestible, strength) for each joint, worked out once: the explorer asks often."""
        worst = len(GRADE_STRENGTH) + 1
        found = {}
        for where in Joint:
            verdicts = self.evidence.for_joint(where)
            suggestible = (
                self.recommendable and self.helps.covers(where) and not any(v.grade.refuses for v in verdicts)
            )
            strength = min((GRADE_STRENGTH.get(v.grade, worst) for v in verdicts), default=worst)
            found[where] = (suggestible, strength)
        return found


class MuscleGroup(StrEnum):
    CORE = "core"
    HIPS = "hips"
    THIGHS = "thighs"
    CALVES = "calves"
    BACK = "back"
    HAMSTRINGS = "hamstrings"


class Prop(StrEnum):
    NONE = "none"
    CHAIR = "chair"
    STEP = "step"
    WALL = "wall"


class View(StrEnum):
    SIDE = "side"
    FRONT = "front"


class Dose(Model):
    """How much, for the standard version: sets, and repetitions or a hold, or both."""

    sets: int = Field(ge=1, le=5)
    reps: int | None = Field(default=None, ge=1, le=30)
    hold_seconds: int | None = Field(default=None, ge=1, le=60)
    each_side: bool = False

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Dose:
        if self.reps is None and self.hold_seconds is None:
            raise ValueError("give reps, hold_seconds or both")
        return self


class Keyframe(Model):
    """One still of the demonstration, as joint angles in degrees (see backknee/figure.py).

    `trunk_deg`: the trunk's tilt from upright (90 = lying face down or on hands and knees,
    -90 = lying on the back). `hip_deg`: the thigh's angle forward from the line of the
    trunk (0 = straight, 90 = a right angle, as in sitting). `knee_deg`: knee bend (0 =
    straight). `shoulder_deg`: the arm's angle forward from hanging along the trunk (180 =
    overhead). `ankle_deg`: toes pointed down (positive) from a right angle. The `other_`
    angles are the far leg and arm; they default to the near ones.
    """

    trunk_deg: float = Field(ge=-180, le=180)
    hip_deg: float = Field(ge=-60, le=160)
    knee_deg: float = Field(ge=0, le=160)
    other_hip_deg: float | None = Field(default=None, ge=-60, le=160)
    other_knee_deg: float | None = Field(default=None, ge=0, le=160)
    shoulder_deg: float = Field(default=0, ge=-90, le=200)
    other_shoulder_deg: float | None = Field(default=None, ge=-90, le=200)
    elbow_deg: float = Field(default=0, ge=0, le=160)
    ankle_deg: float = Field(default=0, ge=-30, le=60)
    other_ankle_deg: float | None = Field(default=None, ge=-30, le=60)
    label: Text | None = Field(default=None, max_length=30)

    @property
    def angles(self) -> Angles:
        """The pose for the figure; the far leg and arm follow the near ones unless given."""
        return Angles(
            trunk_deg=self.trunk_deg,
            hip_deg=self.hip_deg,
            knee_deg=self.knee_deg,
            other_hip_deg=self.hip_deg if self.other_hip_deg is None else self.other_hip_deg,
            other_knee_deg=self.knee_deg if self.other_knee_deg is None else self.other_knee_deg,
            shoulder_deg=self.shoulder_deg,
            other_shoulder_deg=self.shoulder_deg
            if self.other_shoulder_deg is None
            else self.other_shoulder_deg,
            elbow_deg=self.elbow_deg,
            ankle_deg=self.ankle_deg,
            other_ankle_deg=self.ankle_deg if self.other_ankle_deg is None else self.other_ankle_deg,
        )


class Exercise(Reviewed):
    """content/exercises/<id>.yaml: one exercise, how to do it, and its demonstration."""

    id: Slug
    name: Text = Field(max_length=40)
    summary: Text = Field(max_length=160)
    targets: list[MuscleGroup] = Field(min_length=1)
    helps: Joint
    weak_areas: list[Slug] = Field(default_factory=list)
    """Weak areas of content/compensation.yaml this exercise strengthens."""
    starting_position: Text
    steps: list[Text] = Field(min_length=1)
    dose: Dose
    easier: Text
    harder: Text
    cautions: list[Text] = Field(min_length=1)
    """At least one: when to stop or take care."""
    references: list[Slug] = Field(min_length=1)
    view: View = View.SIDE
    prop: Prop = Prop.NONE
    anchor: Anchor = Anchor.FEET
    """The point that stays still in the demonstration (feet, hips, knees or shoulders)."""
    keyframes: list[Keyframe] = Field(min_length=2, max_length=8)


class Difficulty(StrEnum):
    """Things a patient can say are hard, in the guided explorer."""

    STAIRS = "stairs"
    CHAIR = "chair"
    WALKING = "walking"
    STANDING = "standing"
    LIFTING = "lifting"
    SLEEP = "sleep"


class Setting(StrEnum):
    HOME = "home"
    POOL = "pool"
    GYM = "gym"


class Confidence(StrEnum):
    LOW = "low"
    SOME = "some"
    HIGH = "high"


class RuleWhen(Model):
    """When a rule applies: every condition given must hold; a list means any one of it."""

    where: list[Joint] = Field(default_factory=list)
    hard: list[Difficulty] = Field(default_factory=list)
    settings: list[Setting] = Field(default_factory=list)
    confidence: list[Confidence] = Field(default_factory=list)
    pain_at_least: int | None = Field(default=None, ge=0, le=10)
    pain_at_most: int | None = Field(default=None, ge=0, le=10)
    minutes_at_least: int | None = Field(default=None, ge=0, le=120)


class Rule(Model):
    """One rule of content/rules.yaml: when it applies, what it suggests, and why, in words
    the patient sees beside each suggestion."""

    id: Slug
    because: Text
    when: RuleWhen = Field(default_factory=RuleWhen)
    tips: list[Slug] = Field(default_factory=list)
    exercises: list[Slug] = Field(default_factory=list)
    weight: int = Field(default=1, ge=1, le=5)
    """How strongly this rule pushes its suggestions up the list, among tips NICE backs as
    strongly: what the patient told us."""
    core: bool = False
    """The guideline's core treatments for one joint: always suggested, and first."""
    always: bool = False
    """Its tips are always suggested when it applies: the cap on the list never cuts them."""
    at_least_one: bool = False
    """The plan always holds at least one of its exercises when it applies, whatever the kit."""

    @model_validator(mode="after")
    def _suggests_something(self) -> Rule:
        if not self.tips and not self.exercises:
            raise ValueError(f"the rule '{self.id}' must suggest at least one tip or exercise")
        if self.at_least_one and not self.exercises:
            raise ValueError(f"the rule '{self.id}' has at_least_one: true, so it needs exercises")
        if self.core:
            others = self.when.model_dump(exclude={"where"}, exclude_defaults=True)
            if len(self.when.where) != 1 or self.when.where[0] == Joint.BOTH or others or not self.tips:
                raise ValueError(
                    f"the core rule '{self.id}' is for one joint and everyone with it: give tips, and "
                    "when: {where: [knee]} or {where: [back]} and nothing else"
                )
        return self

    @property
    def shown_always(self) -> bool:
        return self.core or self.always


class RulesFile(Reviewed):
    """content/rules.yaml: how the guided explorer turns answers into suggestions."""

    rules: list[Rule] = Field(min_length=1)
    tip_order: list[Slug] = Field(min_length=1)
    """Every tip the explorer may suggest, once: the order for tips that tie on NICE's
    verdict and on what the patient told us."""
    exercise_order: list[Slug] = Field(min_length=1)
    """Every exercise, once: the order for exercises that tie, and for filling a plan."""

    @model_validator(mode="after")
    def _ids_unique(self) -> RulesFile:
        _unique([r.id for r in self.rules], "rule id")
        _unique(self.tip_order, "tip in tip_order")
        _unique(self.exercise_order, "exercise in exercise_order")
        return self

    def reasons(self, rule_ids: Iterable[str]) -> tuple[str, ...]:
        """What the patient reads beside a suggestion: each rule's `because`, in order."""
        return tuple(self.by_id[r].because for r in rule_ids if r in self.by_id)

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @cached_property
    def tip_rank(self) -> dict[str, int]:
        """Each tip's place in tip_order (a tip not listed comes last)."""
        return {tip_id: number for number, tip_id in enumerate(self.tip_order)}

    @cached_property
    def exercise_rank(self) -> dict[str, int]:
        return {exercise_id: number for number, exercise_id in enumerate(self.exercise_order)}


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
    plan_heading: Text
    sessions: Text
    exercises_heading: Text
    demo_link: PageLink
    why_label: Text
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
    pain_rule_references: list[Slug] = Field(min_length=1)
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
        _check_templates(
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


class JointLabels(Labels):
    back: Text
    knee: Text
    both: Text


class DifficultyLabels(Labels):
    stairs: Text
    chair: Text
    walking: Text
    standing: Text
    lifting: Text
    sleep: Text


class SettingLabels(Labels):
    home: Text
    pool: Text
    gym: Text


class EquipmentLabels(Labels):
    chair: Text
    step: Text
    wall: Text


class ConfidenceLabels(Labels):
    low: Text
    some: Text
    high: Text


class GradeLabels(Labels):
    """How each NICE verdict reads to a patient, for example 'NICE: offer'."""

    offer: Text
    consider: Text
    not_routinely: Text = Field(alias="not-routinely")
    do_not_offer: Text = Field(alias="do-not-offer")
    not_covered: Text = Field(alias="not-covered")


class ReadInLabels(Labels):
    """What the page says beside a verdict, by where we read it (empty is not allowed: say
    something for each)."""

    guideline: Text
    summary: Text


class TipKindLabels(Labels):
    strengthening: Text
    activity: Text
    mind_body: Text = Field(alias="mind-body")
    self_management: Text = Field(alias="self-management")
    posture: Text
    weight: Text
    equipment: Text
    pain_relief: Text = Field(alias="pain-relief")
    support: Text
    services: Text
    other_treatment: Text = Field(alias="other-treatment")


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
        _check_templates(self, {"minutes": ("minutes",), "recommendation": ("number",)})
        return self


class TipsPage(Page):
    """The guided explorer: a safety check first, then four questions, then the plan."""

    sources_label: Text
    references: list[Slug] = Field(min_length=1)
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
    tips_heading: Text
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
        _check_templates(
            self,
            {
                "progress": ("step", "total"),
                "minutes_label": ("minutes",),
                "peg_result": ("score",),
            },
        )
        return self


class MuscleGroupLabels(Labels):
    core: Text
    hips: Text
    thighs: Text
    calves: Text
    back: Text
    hamstrings: Text


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
        _check_templates(self, {"alt": ("name", "view", "frames")})
        return self


class EvidencePage(Page):
    sources_label: Text
    references: list[Slug] = Field(min_length=1)
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
        _check_templates(self, {"recommendation": ("number",)})
        return self


PAGE_MODELS: dict[str, type[Page]] = {
    "home": HomePage,
    "urgent": UrgentPage,
    "about": AboutPage,
    "posture": PosturePage,
    "weight": WeightPage,
    "muscles": MusclesPage,
    "tips": TipsPage,
    "exercises": ExercisesPage,
    "plan": PlanPage,
    "evidence": EvidencePage,
}
"""Which model checks each file in content/pages/. A new page adds its model here."""


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf value inside a content model, with its field path (lists counted from 1)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield from walk(item, f"{path}[{number}]")
    else:
        yield path, value


def cited_reference_ids(model: BaseModel) -> Iterator[tuple[str, str]]:
    """Each (field path, reference id) that a content model cites: every list whose field
    name ends in `references` (`references`, `method_references`, `loss_references`...)."""
    for path, value in walk(model):
        field = path.rsplit(".", 1)[-1].split("[", 1)[0]
        if isinstance(value, str) and "[" in path.rsplit(".", 1)[-1] and field.endswith("references"):
            yield path, value


def linked_page_ids(model: BaseModel) -> Iterator[tuple[str, str]]:
    """Each (field path, page id) that a content model links to."""
    for path, value in walk(model):
        if path.endswith(".page") and isinstance(value, str):
            yield path, value
