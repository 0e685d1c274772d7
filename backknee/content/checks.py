"""The cross-checks between content files: one named function per check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel


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
