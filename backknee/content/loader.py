"""Read the content folder, check every file, and report every problem at once.

`load_content` is the one way into ``content/``: it returns a `Content` when all is well, or
raises `ContentError` listing each problem as ``file: field: message`` for the editor.
"""

from __future__ import annotations

import itertools
import os
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from backknee.content.base import PATTERN_MESSAGES, Page, Reviewed
from backknee.content.checks import cited_reference_ids, linked_page_ids
from backknee.content.compensation import CompensationFile
from backknee.content.items import Exercise, RulesFile, Tip
from backknee.content.pages import PAGE_MODELS
from backknee.content.pages.muscles import MusclesPage
from backknee.content.shared import Clinic, RedFlagsFile, Reference, ReferencesFile, Site, TermsFile
from backknee.errors import ContentError, ContentProblem
from backknee.explorer.advisor import suits
from backknee.explorer.share import clashes
from backknee.vocab import Grade, Joint, Prop

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
"""The content folder that ships with the app; BACKKNEE_CONTENT_DIR points elsewhere."""

SINGLE_FILES: dict[str, type[Reviewed]] = {
    "clinic.yaml": Clinic,
    "compensation.yaml": CompensationFile,
    "red_flags.yaml": RedFlagsFile,
    "references.yaml": ReferencesFile,
    "rules.yaml": RulesFile,
    "site.yaml": Site,
    "terms.yaml": TermsFile,
}
PAGES_FOLDER = "pages"
ITEM_FOLDERS: dict[str, type[Reviewed]] = {"tips": Tip, "exercises": Exercise}
"""Folders with one file per item; each file's id must match its name."""

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ContentLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML loader that keeps dates as text (pydantic explains bad ones) and refuses repeated keys."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{key}' appears twice here; keep one", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def content_dir() -> Path:
    """The content folder in use: BACKKNEE_CONTENT_DIR if set, else the one beside the package."""
    override = os.environ.get("BACKKNEE_CONTENT_DIR")
    return Path(override).resolve() if override else CONTENT_DIR


def latest_change(folder: Path) -> float:
    """The newest modification time of any file or folder in `folder`, so edits can be noticed.

    Never fails: an editor's lock file (a link to nowhere) or a file deleted while we look
    is simply skipped.
    """
    newest = 0.0
    for root, _dirs, files in os.walk(folder):
        for path in (root, *(os.path.join(root, name) for name in files)):
            try:
                newest = max(newest, os.lstat(path).st_mtime)
            except OSError:
                continue
    return newest


@dataclass(frozen=True)
class ReviewDate:
    file: str
    reviewed: date
    review_due: date
    reviewed_by: str | None


M = TypeVar("M", bound=Page)


@dataclass(frozen=True)
class Content:
    """Everything in the content folder, checked. Read-only: it is shared by every session."""

    clinic: Clinic
    compensation: CompensationFile
    red_flags: RedFlagsFile
    references: Mapping[str, Reference]
    rules: RulesFile
    site: Site
    terms: TermsFile
    pages: Mapping[str, Page]
    tips: Mapping[str, Tip]
    exercises: Mapping[str, Exercise]
    reviews: tuple[ReviewDate, ...]
    version: float
    """When the content folder last changed: a key for anything built from this content."""

    def page(self, page_id: str, kind: type[M]) -> M:
        """The content of one page, checked to be of the expected kind."""
        found = self.pages[page_id]
        if not isinstance(found, kind):
            raise TypeError(f"content/pages/{page_id}.yaml is not a {kind.__name__}")
        return found

    def cite(self, reference_ids: list[str]) -> list[Reference]:
        """The references behind a list of ids, in the order given."""
        return [self.references[ref_id] for ref_id in reference_ids]


def load_content(folder: Path | None = None) -> Content:
    """Read and check every content file; raise ContentError listing all problems."""
    folder = folder or content_dir()
    problems: list[ContentProblem] = []
    models: dict[str, Reviewed] = {}

    if not folder.is_dir():
        raise ContentError([ContentProblem(str(folder), "folder", "the content folder is missing")])

    for name, kind in SINGLE_FILES.items():
        _read_into(folder / name, name, kind, models, problems)

    # Editors and file managers leave hidden files such as `.#home.yaml` or `._home.yaml`.
    page_files = sorted(p for p in (folder / PAGES_FOLDER).glob("*.yaml") if not p.name.startswith("."))
    for path in page_files:
        label = f"{PAGES_FOLDER}/{path.name}"
        page_kind = PAGE_MODELS.get(path.stem)
        if page_kind is None:
            known = ", ".join(f"{k}.yaml" for k in PAGE_MODELS)
            problems.append(
                ContentProblem(
                    _shown(label), "file", f"there is no page called '{path.stem}'; page files are {known}"
                )
            )
            continue
        _read_into(path, label, page_kind, models, problems)
    for page_id in PAGE_MODELS:
        if not (folder / PAGES_FOLDER / f"{page_id}.yaml").exists():
            problems.append(
                ContentProblem(_shown(f"{PAGES_FOLDER}/{page_id}.yaml"), "file", "this file is missing")
            )

    item_files: dict[str, set[str]] = {}
    for folder_name, item_kind in ITEM_FOLDERS.items():
        paths = sorted(p for p in (folder / folder_name).glob("*.yaml") if not p.name.startswith("."))
        item_files[folder_name] = {p.stem for p in paths}
        for path in paths:
            _read_into(path, f"{folder_name}/{path.name}", item_kind, models, problems)

    problems.extend(_cross_check(models, {p.stem for p in page_files}, item_files))
    if problems:
        raise ContentError(problems)

    references_file = _typed(models["references.yaml"], ReferencesFile)
    pages = {
        label.removeprefix(f"{PAGES_FOLDER}/").removesuffix(".yaml"): m
        for label, m in models.items()
        if label.startswith(f"{PAGES_FOLDER}/")
    }
    return Content(
        clinic=_typed(models["clinic.yaml"], Clinic),
        compensation=_typed(models["compensation.yaml"], CompensationFile),
        red_flags=_typed(models["red_flags.yaml"], RedFlagsFile),
        references={r.id: r for r in references_file.references},
        rules=_typed(models["rules.yaml"], RulesFile),
        site=_typed(models["site.yaml"], Site),
        terms=_typed(models["terms.yaml"], TermsFile),
        pages={k: _typed(v, Page) for k, v in pages.items()},
        tips=_items(models, "tips", Tip),
        exercises=_items(models, "exercises", Exercise),
        reviews=tuple(
            ReviewDate(_shown(label), m.reviewed, m.review_due, m.reviewed_by) for label, m in models.items()
        ),
        version=latest_change(folder),
    )


T = TypeVar("T")


def _items(models: dict[str, Reviewed], folder_name: str, kind: type[T]) -> dict[str, T]:
    """The items of one folder by id, in file-name order."""
    prefix = f"{folder_name}/"
    return {
        label.removeprefix(prefix).removesuffix(".yaml"): _typed(model, kind)
        for label, model in models.items()
        if label.startswith(prefix)
    }


def _typed(value: object, kind: type[T]) -> T:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _shown(label: str) -> str:
    return f"content/{label}"


def _read_into(
    path: Path,
    label: str,
    kind: type[Reviewed],
    models: dict[str, Reviewed],
    problems: list[ContentProblem],
) -> None:
    shown = _shown(label)
    if not path.exists():
        problems.append(ContentProblem(shown, "file", "this file is missing"))
        return
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ContentLoader)  # noqa: S506
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}" if mark else "file"
        what = error.problem or error.context or "the YAML could not be read"
        problems.append(ContentProblem(shown, where, f"could not read this file: {what}"))
        return
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(ContentProblem(shown, "file", f"could not read this file: {error}"))
        return
    except OSError as error:
        problems.append(ContentProblem(shown, "file", f"could not open this file: {error.strerror}"))
        return
    if not isinstance(data, dict):
        problems.append(
            ContentProblem(
                shown, "file", "the file should be made of 'name: value' lines, but it is empty or a list"
            )
        )
        return
    try:
        models[label] = kind.model_validate(data)
    except ValidationError as error:
        problems.extend(ContentProblem(shown, *_explain(error_dict, kind)) for error_dict in error.errors())
        return
    if "/" in label:
        item_id = getattr(models[label], "id", None)
        if item_id != path.stem:
            problems.append(
                ContentProblem(shown, "id", f"the id '{item_id}' must match the file name '{path.stem}'")
            )


def _cross_check(
    models: dict[str, Reviewed], page_ids: set[str], item_files: Mapping[str, set[str]]
) -> Iterator[ContentProblem]:
    """Every problem between files. An item whose own file has a problem is reported there
    only: links to it are not reported again as links to nothing."""
    references = models.get("references.yaml")
    known_refs = {r.id for r in references.references} if isinstance(references, ReferencesFile) else None
    for label, model in models.items():
        if known_refs is not None:
            for field, ref_id in cited_reference_ids(model):
                if ref_id not in known_refs:
                    yield ContentProblem(
                        _shown(label), field, f"'{ref_id}' is not in content/references.yaml"
                    )
        for field, page_id in linked_page_ids(model):
            if page_id not in page_ids:
                yield ContentProblem(
                    _shown(label),
                    field,
                    f"there is no page '{page_id}': link only to pages in content/pages/",
                )
    chain = models.get("compensation.yaml")
    if isinstance(chain, CompensationFile):
        for field, message in chain.problems():
            yield ContentProblem(_shown("compensation.yaml"), field, message)
    muscles = models.get(f"{PAGES_FOLDER}/muscles.yaml")
    if isinstance(chain, CompensationFile) and isinstance(muscles, MusclesPage):
        weak = [node.id for node in chain.weak_areas]
        for number, area in enumerate(muscles.areas, start=1):
            if area.area not in weak:
                yield ContentProblem(
                    _shown(f"{PAGES_FOLDER}/muscles.yaml"),
                    f"areas[{number}].area",
                    f"'{area.area}' is not a weak area in content/compensation.yaml; "
                    f"use one of {', '.join(weak)}",
                )
        for missing in [a for a in weak if muscles.area_help(a) is None]:
            yield ContentProblem(
                _shown(f"{PAGES_FOLDER}/muscles.yaml"),
                "areas",
                f"the weak area '{missing}' needs its exercises here",
            )
    exercise_ids = {m.id for m in models.values() if isinstance(m, Exercise)}
    tip_ids = {m.id for m in models.values() if isinstance(m, Tip)}
    for folder_name, ids in (("tips", tip_ids), ("exercises", exercise_ids)):
        for first, second in clashes(ids):
            yield ContentProblem(
                _shown(f"{folder_name}/{second}.yaml"),
                "id",
                f"a plan code could not tell '{second}' from '{first}': rename one of them a little",
            )
    rules = models.get("rules.yaml")
    if isinstance(rules, RulesFile):
        for number, rule in enumerate(rules.rules, start=1):
            for field, wanted, known, folder_name in (
                ("tips", rule.tips, item_files["tips"], "tips"),
                ("exercises", rule.exercises, item_files["exercises"], "exercises"),
            ):
                for index, item in enumerate(wanted, start=1):
                    if item not in known:
                        yield ContentProblem(
                            _shown("rules.yaml"),
                            f"rules[{number}].{field}[{index}]",
                            f"there is no '{item}' in content/{folder_name}/",
                        )
    tips_by_id = {m.id: m for m in models.values() if isinstance(m, Tip)}
    exercises_by_id = {m.id: m for m in models.values() if isinstance(m, Exercise)}
    if isinstance(rules, RulesFile):
        unread = (item_files["tips"] - set(tips_by_id)) | (item_files["exercises"] - set(exercises_by_id))
        yield from _rules_problems(rules, tips_by_id, exercises_by_id, unread)
    weak_ids = {n.id for n in chain.weak_areas} if isinstance(chain, CompensationFile) else None
    for label, model in models.items():
        if isinstance(model, Tip):
            for number, exercise_id in enumerate(model.exercises, start=1):
                if exercise_id not in item_files["exercises"]:
                    yield ContentProblem(
                        _shown(label),
                        f"exercises[{number}]",
                        f"there is no exercise '{exercise_id}' in content/exercises/",
                    )
        if isinstance(model, Exercise) and weak_ids is not None:
            for number, weak_area in enumerate(model.weak_areas, start=1):
                if weak_area not in weak_ids:
                    yield ContentProblem(
                        _shown(label),
                        f"weak_areas[{number}]",
                        f"'{weak_area}' is not a weak area in content/compensation.yaml; "
                        f"use one of {', '.join(sorted(weak_ids))}",
                    )
    site = models.get("site.yaml")
    if isinstance(site, Site):
        in_menu = [item.page for item in site.menu]
        for page_id in sorted(set(PAGE_MODELS) - set(in_menu)):
            yield ContentProblem(
                _shown("site.yaml"), "menu", f"the page '{page_id}' is missing from the menu"
            )
        for page_id in sorted({p for p in in_menu if in_menu.count(p) > 1}):
            yield ContentProblem(_shown("site.yaml"), "menu", f"the page '{page_id}' is in the menu twice")
        # Links from the pages and items, not the menu itself, and not a page to itself.
        linked = {
            page_id
            for label, model in models.items()
            if label != "site.yaml"
            for _, page_id in linked_page_ids(model)
            if label != f"{PAGES_FOLDER}/{page_id}.yaml"
        }
        for number, menu_item in enumerate(site.menu, start=1):
            if menu_item.hidden and menu_item.page not in linked:
                yield ContentProblem(
                    _shown("site.yaml"),
                    f"menu[{number}].hidden",
                    f"the page '{menu_item.page}' is hidden from the menu bar, "
                    "so another page must link to it",
                )
        if in_menu and in_menu[0] != "home":
            yield ContentProblem(_shown("site.yaml"), "menu[1].page", "the menu must start with 'home'")


def _rules_problems(
    rules: RulesFile, tips: Mapping[str, Tip], exercises: Mapping[str, Exercise], unread: set[str]
) -> Iterator[ContentProblem]:
    """The rules' promises hold for the tips and exercises we have: every suggestible tip and
    every exercise has its place in the order; a core rule's tips are ones NICE backs for its
    joint; a plan can always keep an `at_least_one` rule's promise, whatever the kit. Items
    in `unread` (their own files have problems) are left to those files' messages."""
    file = _shown("rules.yaml")
    suggestible = [t for t, tip in tips.items() if tip.recommendable]
    for field, listed, wanted, what, folder in (
        ("tip_order", rules.tip_order, suggestible, "tip the explorer may suggest", "tips"),
        ("exercise_order", rules.exercise_order, list(exercises), "exercise", "exercises"),
    ):
        for missing in sorted(set(wanted) - set(listed)):
            yield ContentProblem(file, field, f"add '{missing}': every {what} needs its place here")
        for number, extra in enumerate(listed, start=1):
            if extra not in wanted and extra not in unread:
                reason = (
                    "it is not a tip the explorer may suggest"
                    if extra in tips
                    else f"there is no '{extra}' in content/{folder}/"
                )
                yield ContentProblem(file, f"{field}[{number}]", f"remove '{extra}': {reason}")
    props = [p for p in Prop if p != Prop.NONE]
    kits = [frozenset(c) for n in range(len(props) + 1) for c in itertools.combinations(props, n)]
    for number, rule in enumerate(rules.rules, start=1):
        if rule.core:
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
                    yield ContentProblem(
                        file,
                        f"rules[{number}].tips[{index}]",
                        f"'{tip_id}' is not a treatment NICE offers or considers for the {joint.value}, "
                        "so it cannot be core",
                    )
        if rule.at_least_one:
            joints = [
                j for j in Joint if not rule.when.where or any(w.rule_reaches(j) for w in rule.when.where)
            ]
            for joint in joints:
                for kit in kits:
                    if not any(
                        (ex := exercises.get(e)) is not None and suits(ex, joint, kit) for e in rule.exercises
                    ):
                        have = ", ".join(sorted(p.value for p in kit)) or "nothing"
                        yield ContentProblem(
                            file,
                            f"rules[{number}].exercises",
                            f"for {joint.value} pain with {have} at home, none of these exercises suits: "
                            "add one that needs nothing (prop: none)",
                        )
                        break


def _path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part + 1}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "file"


def _explain(error: Mapping[str, Any], kind: type[BaseModel]) -> tuple[str, str]:
    """Turn one pydantic error into (field path, plain-English message) for an editor."""
    loc = tuple(error["loc"])
    kind_of_error = error["type"]
    got = error.get("input")
    ctx = error.get("ctx") or {}
    if kind_of_error == "missing":
        return _path(loc), "this is required but missing"
    if kind_of_error == "extra_forbidden":
        allowed = _allowed_fields(kind, loc[:-1])
        hint = f" Fields allowed here: {', '.join(allowed)}." if allowed else ""
        return _path(loc), f"'{loc[-1]}' is not a field we know; check the spelling.{hint}"
    if kind_of_error == "string_type":
        return _path(loc), f"should be text, but is {got!r}"
    if kind_of_error in {"int_type", "int_parsing", "int_from_float"}:
        return _path(loc), f"should be a whole number, but is {got!r}"
    if kind_of_error.startswith("date_"):
        return _path(loc), f"'{got}' is not a date; write dates as year-month-day, like 2026-11-25"
    if kind_of_error == "list_type":
        return _path(loc), "should be a list: put each item on its own line, starting with '- '"
    if kind_of_error in {"model_type", "dict_type", "model_attributes_type"}:
        return _path(loc), "should be a group of 'name: value' lines, indented under this one"
    if kind_of_error == "enum":
        return _path(loc), f"'{got}' is not one of {ctx.get('expected', '')}"
    if kind_of_error == "string_pattern_mismatch":
        advice = PATTERN_MESSAGES.get(str(ctx.get("pattern")), "is not written the expected way")
        return _path(loc), f"'{got}' is not right here: {advice}"
    if kind_of_error == "string_too_short":
        return _path(loc), "should not be empty"
    if kind_of_error == "string_too_long":
        return _path(loc), f"is too long: keep it to {ctx.get('max_length')} characters or fewer"
    if kind_of_error == "too_short":
        return _path(loc), f"needs at least {ctx.get('min_length')} item(s)"
    if kind_of_error in {"greater_than_equal", "less_than_equal"}:
        return _path(loc), f"{got!r} is out of range ({error['msg'].lower()})"
    if kind_of_error == "value_error":
        return _path(loc), str(ctx.get("error", error["msg"]))
    return _path(loc), str(error["msg"])


def _allowed_fields(kind: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the model found by following `loc` from `kind` (empty if unclear)."""
    current: Any = kind
    for part in loc:
        current = _model_inside(current)
        if current is None:
            return []
        if isinstance(part, str):
            field = current.model_fields.get(part)
            if field is None:
                return []
            current = field.annotation
    model = _model_inside(current)
    return list(model.model_fields) if model is not None else []


def _model_inside(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as `Fact`, `list[Fact]` or `Fact | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in {list, typing.Union, types.UnionType}:
        for arg in typing.get_args(annotation):
            found = _model_inside(arg)
            if found is not None:
                return found
    return None
