"""Every content field is read by the app, and every id of a source or a page is checked by its
type. A field that nothing reads is work for the clinic and a promise the guide does not keep.

The unread-field test reads the app's source (backknee/, app_pages/, app.py) for each field's
name, as an attribute (`page.intro`) or as text (`"intro"`). It cannot tell apart two fields
with the same name: `why_label` on the plan page went unread for a while because the tip
cards read theirs. So when you stop showing a field, look for its other readers by hand too.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import typing
from collections.abc import Iterable

from pydantic import BaseModel
from pydantic.fields import FieldInfo

import backknee.content
from backknee.content.base import Labels, Model, PageIdMarker, RefIdMarker
from tests.paths import ROOT

PACKAGE = ROOT / "backknee"
CROSS_CHECKS = PACKAGE / "content" / "checks.py"
"""Checking that a field is right is not a use of it: the cross-checks do not count as readers."""
SOURCES = sorted(
    [
        *(p for p in PACKAGE.rglob("*.py") if p != CROSS_CHECKS),
        *(ROOT / "app_pages").glob("*.py"),
        ROOT / "app.py",
    ]
)
VALIDATORS = {"model_validator", "field_validator"}
"""A model's own validators name its fields to check them, which is not a use of them either."""

READ_GENERICALLY: dict[type[BaseModel], str] = {
    Labels: "read by Labels.of(value), through the name of a value of a fixed list (vocab.py)",
}
"""Models whose fields the app reads without naming them, with the reason. A model listed
here covers its subclasses."""


def content_models() -> list[type[BaseModel]]:
    """Every model defined in backknee/content/, each once."""
    found = []
    for info in pkgutil.walk_packages(backknee.content.__path__, "backknee.content."):
        module = importlib.import_module(info.name)
        found.extend(
            kind
            for kind in vars(module).values()
            if inspect.isclass(kind) and issubclass(kind, BaseModel) and kind.__module__ == info.name
        )
    return found


def names_read(source: str) -> set[str]:
    """Every attribute read and every piece of text in some Python source, outside the
    functions that are a model's validators."""
    tree = ast.parse(source)
    inside_validators = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef) and any(_is_validator(d) for d in function.decorator_list)
        for node in ast.walk(function)
    }
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in inside_validators:
            continue
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            names.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.add(node.value)
    return names


def _is_validator(decorator: ast.expr) -> bool:
    called = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
    return name in VALIDATORS


def unread_fields(models: Iterable[type[BaseModel]], sources: Iterable[str]) -> list[str]:
    """'module.Model.field' for each field that a model declares and no source reads."""
    read = set().union(*(names_read(source) for source in sources))
    return [
        f"{kind.__module__}.{kind.__qualname__}.{field}"
        for kind in models
        if not issubclass(kind, tuple(READ_GENERICALLY))
        for field in inspect.get_annotations(kind)
        if field in kind.model_fields and field not in read
    ]


def test_every_field_an_editor_fills_is_read_by_the_app():
    unread = unread_fields(content_models(), (path.read_text(encoding="utf-8") for path in SOURCES))
    assert not unread, (
        "nothing in backknee/, app_pages/ or app.py reads these content fields, so editors fill "
        "them for nothing:\n  " + "\n  ".join(unread) + "\nShow each one to patients (in backknee/ui/ "
        "or the page's words), or remove it from its model, from every file in content/ and from "
        "content/README.md. A field read without being named goes in READ_GENERICALLY, with why."
    )


def test_the_unread_field_check_finds_a_field_nothing_reads():
    class Leaflet(Model):
        heading: str
        colour: str
        footnote: str

    page = "def show(leaflet):\n    print(leaflet.heading, getattr(leaflet, 'colour'))\n"
    assert unread_fields([Leaflet], [page]) == [f"{__name__}.{Leaflet.__qualname__}.footnote"]


def test_a_model_s_own_validator_does_not_count_as_reading_its_fields():
    source = (
        "class Leaflet(Model):\n"
        "    @model_validator(mode='after')\n"
        "    def _footnote_short(self):\n"
        "        return len(self.footnote) < 9\n"
    )
    assert "footnote" not in names_read(source)
    assert "footnote" in names_read("print(leaflet.footnote)\n")


def test_the_field_check_reads_the_app_s_pages_and_package():
    shown = {str(path.relative_to(ROOT)) for path in SOURCES}
    assert {"app.py", "app_pages/plan.py", "backknee/ui/plan.py", "backknee/content/loader.py"} <= shown
    assert "backknee/content/checks.py" not in shown


def test_every_list_of_sources_and_every_link_to_a_page_has_its_checked_type():
    """The cross-checks find sources and page links by their type (RefId, PageId), not their
    names, so a new list of sources typed as plain ids would go unchecked."""
    untyped = [
        f"{kind.__name__}.{name}"
        for kind in content_models()
        for name, field in kind.model_fields.items()
        if (name.endswith("references") and _holds_text(field) and not _carries(field, RefIdMarker))
        or (name == "page" and not _carries(field, PageIdMarker))
    ]
    assert not untyped, (
        f"type these as list[RefId] or PageId (backknee/content/base.py), so the check looks them up: "
        f"{', '.join(untyped)}"
    )


def _items(field: FieldInfo) -> object:
    annotation = field.annotation
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else annotation


def _holds_text(field: FieldInfo) -> bool:
    item = _items(field)
    return not (inspect.isclass(item) and issubclass(item, BaseModel))


def _carries(field: FieldInfo, marker: type) -> bool:
    marks = [*field.metadata, *getattr(_items(field), "__metadata__", ())]
    return any(isinstance(mark, marker) for mark in marks)
