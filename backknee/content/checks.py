"""The cross-checks between content files: one named function per check, run in the order of
`CROSS_CHECKS`.

Each check looks at the files that passed their own checks. An item whose own file has a
problem is reported there only: links to it are not reported again as links to nothing.
"""

from __future__ import annotations

import itertools
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel

from backknee.content.base import PageIdMarker, RefIdMarker, Reviewed
from backknee.content.compensation import CompensationFile
from backknee.content.items import Exercise, RulesFile, Tip
from backknee.content.pages import PAGE_MODELS
from backknee.content.pages.muscles import MusclesPage
from backknee.content.shared import ReferencesFile, Site
from backknee.errors import ContentProblem
from backknee.explorer.advisor import suits
from backknee.explorer.share import clashes
from backknee.vocab import Grade, Joint, Prop

PAGES_FOLDER = "pages"
"""The folder of page files, one per page: content/pages/<page id>.yaml."""

M = TypeVar("M", bound=Reviewed)


def shown(label: str) -> str:
    """A file's name as the editor sees it: 'pages/home.yaml' is content/pages/home.yaml."""
    return f"content/{label}"


@dataclass(frozen=True)
class ContentFiles:
    """What the cross-checks look at.

    `models`: every file that passed its own checks, by its place in the content folder
    ('site.yaml', 'pages/home.yaml', 'tips/heat.yaml'), in the order they were read.
    `page_files` and `item_files`: the names (without .yaml) of every file found in pages/
    and in each item folder, read or not.
    """

    models: Mapping[str, Reviewed]
    page_files: frozenset[str]
    item_files: Mapping[str, frozenset[str]]

    def file(self, label: str, kind: type[M]) -> M | None:
        """The model of one file, if it was read and is of this kind."""
        found = self.models.get(label)
        return found if isinstance(found, kind) else None

    @cached_property
    def tips(self) -> dict[str, Tip]:
        return {m.id: m for m in self.models.values() if isinstance(m, Tip)}

    @cached_property
    def exercises(self) -> dict[str, Exercise]:
        return {m.id: m for m in self.models.values() if isinstance(m, Exercise)}

    @cached_property
    def unread_items(self) -> frozenset[str]:
        """Tips and exercises whose files were found but had problems of their own."""
        return (self.item_files["tips"] - set(self.tips)) | (
            self.item_files["exercises"] - set(self.exercises)
        )


def marked_values(model: BaseModel, marker: type, path: str = "") -> Iterator[tuple[str, str]]:
    """Each (field path, value) inside a content model whose type carries `marker`, such as
    every `RefId` or every `PageId`, found by the fields' types, never by their names. Paths
    count list items from 1, as editors read them."""
    for name, field in type(model).model_fields.items():
        where = f"{path}.{name}" if path else name
        yield from _marked(getattr(model, name), field.annotation, field.metadata, marker, where)


def _marked(
    value: Any, annotation: Any, metadata: list[Any], marker: type, path: str
) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        yield from marked_values(value, marker, path)
    elif isinstance(value, list):
        item = _item_type(annotation)
        for number, element in enumerate(value, start=1):
            yield from _marked(element, item, [], marker, f"{path}[{number}]")
    elif isinstance(value, str) and any(isinstance(m, marker) for m in (*metadata, *_marks(annotation))):
        yield path, value


def _marks(annotation: Any) -> list[Any]:
    """The metadata of an `Annotated` type, looking through `X | None`."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return [*annotation.__metadata__, *_marks(typing.get_args(annotation)[0])]
    if origin in (typing.Union, types.UnionType):
        return [mark for arg in typing.get_args(annotation) for mark in _marks(arg)]
    return []


def _item_type(annotation: Any) -> Any:
    """The type of a list's items, looking through `Annotated` and `X | None` (None if no list)."""
    origin = typing.get_origin(annotation)
    if origin is list:
        return typing.get_args(annotation)[0]
    if origin is Annotated:
        return _item_type(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        found = [t for t in map(_item_type, typing.get_args(annotation)) if t is not None]
        return found[0] if found else None
    return None


def cited_reference_ids(model: BaseModel) -> Iterator[tuple[str, str]]:
    """Each (field path, reference id) that a content model cites: every `RefId` field."""
    return marked_values(model, RefIdMarker)


def linked_page_ids(model: BaseModel) -> Iterator[tuple[str, str]]:
    """Each (field path, page id) that a content model links to: every `PageId` field."""
    return marked_values(model, PageIdMarker)


def cited_sources_exist(files: ContentFiles) -> list[ContentProblem]:
    """Every reference id, in any file, is a source in references.yaml."""
    references = files.file("references.yaml", ReferencesFile)
    if references is None:
        return []
    known = {r.id for r in references.references}
    return [
        ContentProblem(shown(label), field, f"'{ref_id}' is not in content/references.yaml")
        for label, model in files.models.items()
        for field, ref_id in cited_reference_ids(model)
        if ref_id not in known
    ]


def linked_pages_exist(files: ContentFiles) -> list[ContentProblem]:
    """Every page link, in any file, is to a file in content/pages/."""
    return [
        ContentProblem(
            shown(label), field, f"there is no page '{page_id}': link only to pages in content/pages/"
        )
        for label, model in files.models.items()
        for field, page_id in linked_page_ids(model)
        if page_id not in files.page_files
    ]


def compensation_chain_can_be_drawn(files: ContentFiles) -> list[ContentProblem]:
    """compensation.yaml's own rules: every arrow between boxes that exist, no circles, and so on."""
    chain = files.file("compensation.yaml", CompensationFile)
    if chain is None:
        return []
    return [ContentProblem(shown("compensation.yaml"), field, message) for field, message in chain.problems()]


def muscle_areas_are_weak_areas(files: ContentFiles) -> list[ContentProblem]:
    """Each card on the muscles page is for a weak area of compensation.yaml."""
    chain = files.file("compensation.yaml", CompensationFile)
    muscles = files.file(f"{PAGES_FOLDER}/muscles.yaml", MusclesPage)
    if chain is None or muscles is None:
        return []
    weak = [node.id for node in chain.weak_areas]
    return [
        ContentProblem(
            shown(f"{PAGES_FOLDER}/muscles.yaml"),
            f"areas[{number}].area",
            f"'{area.area}' is not a weak area in content/compensation.yaml; use one of {', '.join(weak)}",
        )
        for number, area in enumerate(muscles.areas, start=1)
        if area.area not in weak
    ]


def every_weak_area_has_its_exercises(files: ContentFiles) -> list[ContentProblem]:
    """Each weak area of compensation.yaml has its card of exercises on the muscles page."""
    chain = files.file("compensation.yaml", CompensationFile)
    muscles = files.file(f"{PAGES_FOLDER}/muscles.yaml", MusclesPage)
    if chain is None or muscles is None:
        return []
    return [
        ContentProblem(
            shown(f"{PAGES_FOLDER}/muscles.yaml"),
            "areas",
            f"the weak area '{node.id}' needs its exercises here",
        )
        for node in chain.weak_areas
        if muscles.area_help(node.id) is None
    ]


def plan_codes_tell_items_apart(files: ContentFiles) -> list[ContentProblem]:
    """A plan code holds a short fingerprint of each id: no two tips, and no two exercises, share one."""
    return [
        ContentProblem(
            shown(f"{folder_name}/{second}.yaml"),
            "id",
            f"a plan code could not tell '{second}' from '{first}': rename one of them a little",
        )
        for folder_name, ids in (("tips", set(files.tips)), ("exercises", set(files.exercises)))
        for first, second in clashes(ids)
    ]


def rules_suggest_items_that_exist(files: ContentFiles) -> list[ContentProblem]:
    """Each tip and exercise a rule suggests has its file."""
    rules = files.file("rules.yaml", RulesFile)
    if rules is None:
        return []
    return [
        ContentProblem(
            shown("rules.yaml"),
            f"rules[{number}].{folder}[{index}]",
            f"there is no '{item}' in content/{folder}/",
        )
        for number, rule in enumerate(rules.rules, start=1)
        for folder, wanted in (("tips", rule.tips), ("exercises", rule.exercises))
        for index, item in enumerate(wanted, start=1)
        if item not in files.item_files[folder]
    ]


def tip_order_lists_every_suggestible_tip(files: ContentFiles) -> list[ContentProblem]:
    """tip_order lists every tip the explorer may suggest, and nothing else."""
    rules = files.file("rules.yaml", RulesFile)
    if rules is None:
        return []
    suggestible = [t for t, tip in files.tips.items() if tip.recommendable]
    return _order_problems(
        files, "tip_order", rules.tip_order, suggestible, "tip the explorer may suggest", "tips"
    )


def exercise_order_lists_every_exercise(files: ContentFiles) -> list[ContentProblem]:
    """exercise_order lists every exercise, and nothing else."""
    rules = files.file("rules.yaml", RulesFile)
    if rules is None:
        return []
    return _order_problems(
        files, "exercise_order", rules.exercise_order, list(files.exercises), "exercise", "exercises"
    )


def _order_problems(
    files: ContentFiles, field: str, listed: list[str], wanted: list[str], what: str, folder: str
) -> list[ContentProblem]:
    """An order list's missing ids, then its extra ones. Items whose own files have problems
    are left to those files' messages."""
    file = shown("rules.yaml")
    tips, unread = files.tips, files.unread_items
    found = [
        ContentProblem(file, field, f"add '{missing}': every {what} needs its place here")
        for missing in sorted(set(wanted) - set(listed))
    ]
    for number, extra in enumerate(listed, start=1):
        if extra not in wanted and extra not in unread:
            reason = (
                "it is not a tip the explorer may suggest"
                if extra in tips
                else f"there is no '{extra}' in content/{folder}/"
            )
            found.append(ContentProblem(file, f"{field}[{number}]", f"remove '{extra}': {reason}"))
    return found


def core_rules_suggest_what_nice_backs(files: ContentFiles) -> list[ContentProblem]:
    """A core rule's tips are ones NICE offers or considers for its joint."""
    rules = files.file("rules.yaml", RulesFile)
    if rules is None:
        return []
    tips = files.tips
    found = []
    for number, rule in enumerate(rules.rules, start=1):
        if not rule.core:
            continue
        joint = rule.when.where[0]
        for index, tip_id in enumerate(rule.tips, start=1):
            tip = tips.get(tip_id)
            if tip is None:
                continue
            verdicts = tip.evidence.for_joint(joint)
            if (
                not tip.helps.covers(joint)
                or not tip.recommendable
                or not verdicts
                or any(v.grade not in (Grade.OFFER, Grade.CONSIDER) for v in verdicts)
            ):
                found.append(
                    ContentProblem(
                        shown("rules.yaml"),
                        f"rules[{number}].tips[{index}]",
                        f"'{tip_id}' is not a treatment NICE offers or considers for the {joint.value}, "
                        "so it cannot be core",
                    )
                )
    return found


def at_least_one_rules_suit_every_kit(files: ContentFiles) -> list[ContentProblem]:
    """A plan can always keep an `at_least_one` rule's promise, whatever the patient has at home."""
    rules = files.file("rules.yaml", RulesFile)
    if rules is None:
        return []
    exercises = files.exercises
    props = [p for p in Prop if p != Prop.NONE]
    kits = [frozenset(c) for n in range(len(props) + 1) for c in itertools.combinations(props, n)]
    found = []
    for number, rule in enumerate(rules.rules, start=1):
        if not rule.at_least_one:
            continue
        joints = [j for j in Joint if not rule.when.where or any(w.rule_reaches(j) for w in rule.when.where)]
        for joint in joints:
            for kit in kits:
                if not any(
                    (ex := exercises.get(e)) is not None and suits(ex, joint, kit) for e in rule.exercises
                ):
                    have = ", ".join(sorted(p.value for p in kit)) or "nothing"
                    found.append(
                        ContentProblem(
                            shown("rules.yaml"),
                            f"rules[{number}].exercises",
                            f"for {joint.value} pain with {have} at home, none of these exercises suits: "
                            "add one that needs nothing (prop: none)",
                        )
                    )
                    break
    return found


def menu_names_every_page(files: ContentFiles) -> list[ContentProblem]:
    """Every page is in the menu."""
    site = files.file("site.yaml", Site)
    if site is None:
        return []
    in_menu = {item.page for item in site.menu}
    return [
        ContentProblem(shown("site.yaml"), "menu", f"the page '{page_id}' is missing from the menu")
        for page_id in sorted(set(PAGE_MODELS) - in_menu)
    ]


def menu_names_each_page_once(files: ContentFiles) -> list[ContentProblem]:
    """No page is in the menu twice."""
    site = files.file("site.yaml", Site)
    if site is None:
        return []
    in_menu = [item.page for item in site.menu]
    return [
        ContentProblem(shown("site.yaml"), "menu", f"the page '{page_id}' is in the menu twice")
        for page_id in sorted({p for p in in_menu if in_menu.count(p) > 1})
    ]


def hidden_pages_are_linked_from_another_page(files: ContentFiles) -> list[ContentProblem]:
    """A page hidden from the menu bar is reached only by links, so another page, tip or
    exercise must link to it (the menu itself, and a page linking to itself, do not count).
    A kiosk's welcome page is exempt: it is where a shared tablet opens and starts again."""
    site = files.file("site.yaml", Site)
    if site is None:
        return []
    linked = {
        page_id
        for label, model in files.models.items()
        if label != "site.yaml"
        for _, page_id in linked_page_ids(model)
        if label != f"{PAGES_FOLDER}/{page_id}.yaml"
    }
    return [
        ContentProblem(
            shown("site.yaml"),
            f"menu[{number}].hidden",
            f"the page '{item.page}' is hidden from the menu bar, so another page must link to it",
        )
        for number, item in enumerate(site.menu, start=1)
        if item.hidden and not item.kiosk and item.page not in linked
    ]


def menu_starts_with_home(files: ContentFiles) -> list[ContentProblem]:
    """The first page in the menu is home."""
    site = files.file("site.yaml", Site)
    if site is None or site.menu[0].page == "home":
        return []
    return [ContentProblem(shown("site.yaml"), "menu[1].page", "the menu must start with 'home'")]


CrossCheck = Callable[[ContentFiles], list[ContentProblem]]

CROSS_CHECKS: tuple[CrossCheck, ...] = (
    cited_sources_exist,
    linked_pages_exist,
    compensation_chain_can_be_drawn,
    muscle_areas_are_weak_areas,
    every_weak_area_has_its_exercises,
    plan_codes_tell_items_apart,
    rules_suggest_items_that_exist,
    tip_order_lists_every_suggestible_tip,
    exercise_order_lists_every_exercise,
    core_rules_suggest_what_nice_backs,
    at_least_one_rules_suit_every_kit,
    menu_names_every_page,
    menu_names_each_page_once,
    hidden_pages_are_linked_from_another_page,
    menu_starts_with_home,
)
"""Every cross-check, in the order the loader runs them and reports their problems."""
