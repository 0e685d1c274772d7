"""Read the content folder, check every file, and report every problem at once.

`load_content` is the one way into ``content/``: it returns a `Content` when all is well, or
raises `ContentError` listing each problem as ``file: field: message`` for the editor. Each
file is read by `yaml.read_mapping`, checked by its model (pydantic's errors put into plain
English by `explain`), and then the files are checked against each other by `checks.CROSS_CHECKS`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from backknee.content.base import Page, Reviewed
from backknee.content.checks import CROSS_CHECKS, PAGES_FOLDER, ContentFiles, shown
from backknee.content.compensation import CompensationFile
from backknee.content.explain import explain
from backknee.content.items import Exercise, RulesFile, Tip
from backknee.content.pages import PAGE_MODELS
from backknee.content.shared import Clinic, RedFlagsFile, Reference, ReferencesFile, Site, TermsFile
from backknee.content.yaml import read_mapping
from backknee.errors import ContentError, ContentProblem

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
ITEM_FOLDERS: dict[str, type[Reviewed]] = {"tips": Tip, "exercises": Exercise}
"""Folders with one file per item; each file's id must match its name."""


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
                    shown(label), "file", f"there is no page called '{path.stem}'; page files are {known}"
                )
            )
            continue
        _read_into(path, label, page_kind, models, problems)
    for page_id in PAGE_MODELS:
        if not (folder / PAGES_FOLDER / f"{page_id}.yaml").exists():
            problems.append(
                ContentProblem(shown(f"{PAGES_FOLDER}/{page_id}.yaml"), "file", "this file is missing")
            )

    item_files: dict[str, frozenset[str]] = {}
    for folder_name, item_kind in ITEM_FOLDERS.items():
        paths = sorted(p for p in (folder / folder_name).glob("*.yaml") if not p.name.startswith("."))
        item_files[folder_name] = frozenset(p.stem for p in paths)
        for path in paths:
            _read_into(path, f"{folder_name}/{path.name}", item_kind, models, problems)

    files = ContentFiles(models, frozenset(p.stem for p in page_files), item_files)
    for check in CROSS_CHECKS:
        problems.extend(check(files))
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
            ReviewDate(shown(label), m.reviewed, m.review_due, m.reviewed_by) for label, m in models.items()
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


def _read_into(
    path: Path,
    label: str,
    kind: type[Reviewed],
    models: dict[str, Reviewed],
    problems: list[ContentProblem],
) -> None:
    """Read one file into `models`, or add its problems to `problems`."""
    data = read_mapping(path, shown(label))
    if isinstance(data, ContentProblem):
        problems.append(data)
        return
    try:
        models[label] = kind.model_validate(data)
    except ValidationError as error:
        problems.extend(
            ContentProblem(shown(label), *explain(error_dict, kind)) for error_dict in error.errors()
        )
        return
    if "/" in label:
        item_id = getattr(models[label], "id", None)
        if item_id != path.stem:
            problems.append(
                ContentProblem(
                    shown(label), "id", f"the id '{item_id}' must match the file name '{path.stem}'"
                )
            )
