"""Turn pydantic's errors into plain English for the editor: the field path counted from 1,
and a message that says what is wrong and how to write it instead."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from backknee.content.base import PATTERN_MESSAGES


def field_path(loc: tuple[int | str, ...]) -> str:
    """Where a problem is, as an editor reads it: `facts[2].references[1]` (lists counted from 1),
    or `file` for the whole file."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part + 1}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "file"


def explain(error: Mapping[str, Any], kind: type[BaseModel]) -> tuple[str, str]:
    """Turn one pydantic error into (field path, plain-English message) for an editor."""
    loc = tuple(error["loc"])
    where = field_path(loc)
    kind_of_error = error["type"]
    got = error.get("input")
    ctx = error.get("ctx") or {}
    if kind_of_error == "missing":
        return where, "this is required but missing"
    if kind_of_error == "extra_forbidden":
        allowed = _allowed_fields(kind, loc[:-1])
        hint = f" Fields allowed here: {', '.join(allowed)}." if allowed else ""
        return where, f"'{loc[-1]}' is not a field we know; check the spelling.{hint}"
    if kind_of_error == "string_type":
        return where, f"should be text, but is {got!r}"
    if kind_of_error in {"int_type", "int_parsing", "int_from_float"}:
        return where, f"should be a whole number, but is {got!r}"
    if kind_of_error.startswith("date_"):
        return where, f"'{got}' is not a date; write dates as year-month-day, like 2026-11-25"
    if kind_of_error == "list_type":
        return where, "should be a list: put each item on its own line, starting with '- '"
    if kind_of_error in {"model_type", "dict_type", "model_attributes_type"}:
        return where, "should be a group of 'name: value' lines, indented under this one"
    if kind_of_error == "enum":
        return where, f"'{got}' is not one of {ctx.get('expected', '')}"
    if kind_of_error == "string_pattern_mismatch":
        advice = PATTERN_MESSAGES.get(str(ctx.get("pattern")), "is not written the expected way")
        return where, f"'{got}' is not right here: {advice}"
    if kind_of_error == "string_too_short":
        return where, "should not be empty"
    if kind_of_error == "string_too_long":
        return where, f"is too long: keep it to {ctx.get('max_length')} characters or fewer"
    if kind_of_error == "too_short":
        return where, f"needs at least {ctx.get('min_length')} item(s)"
    if kind_of_error in {"greater_than_equal", "less_than_equal"}:
        return where, f"{got!r} is out of range ({error['msg'].lower()})"
    if kind_of_error == "value_error":
        return where, str(ctx.get("error", error["msg"]))
    return where, str(error["msg"])


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
