"""Share codes: a plan's tips and exercises (with their levels) as a short code a patient can
type or scan on their own phone.

A code holds only ids, levels, a version and a checksum: never answers, pain scores or
warning signs. It is not secret and not signed; anyone could write one. So reading a code
trusts nothing in it: every id must be one the app has, and anything wrong gives one
`InvalidShareCode`, never another error, and never the code's own text on the page.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Collection
from dataclasses import dataclass

from backknee.errors import InvalidShareCode

VERSION = 1
PREFIX = "BK"
_LEVELS = ("easier", "standard", "harder")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_CODE_LENGTH = 400
"""Longer input is refused before any decoding."""
GROUP = 4
"""Characters per group when the code is shown: BK1-ABCD-EFGH-..."""


@dataclass(frozen=True)
class SharedPlan:
    tip_ids: tuple[str, ...]
    exercises: tuple[tuple[str, str], ...]
    """(exercise id, level)"""


def encode(plan: SharedPlan) -> str:
    """The code for a plan: BK1-XXXX-XXXX-... in capital letters and digits (base 32, which
    QR codes store compactly and people can read aloud), with a CRC-32 checksum."""
    for tip_id in plan.tip_ids:
        _check_slug(tip_id)
    for exercise_id, level in plan.exercises:
        _check_slug(exercise_id)
        if level not in _LEVELS:
            raise ValueError(f"level must be one of {', '.join(_LEVELS)}; got {level!r}")
    body = ";".join(
        [",".join(plan.tip_ids), ",".join(f"{e}:{_LEVELS.index(level)}" for e, level in plan.exercises)]
    ).encode("ascii")
    packed = zlib.compress(body, 9)
    checksum = zlib.crc32(packed).to_bytes(4, "big")
    letters = base64.b32encode(packed + checksum).decode("ascii").rstrip("=")
    groups = [letters[i : i + GROUP] for i in range(0, len(letters), GROUP)]
    return "-".join([f"{PREFIX}{VERSION}", *groups])


def decode(code: str, tip_ids: Collection[str], exercise_ids: Collection[str]) -> SharedPlan:
    """The plan in a code, checked against the tips and exercises the app has.

    Raises InvalidShareCode for anything else: too long, wrong prefix or version, damaged
    letters, a wrong checksum, or an id the app does not have.
    """
    try:
        return _decode(code, tip_ids, exercise_ids)
    except InvalidShareCode:
        raise
    except Exception as error:  # anything unexpected in a hostile string is still just "invalid"
        raise InvalidShareCode("the code could not be read") from error


def _decode(code: str, tip_ids: Collection[str], exercise_ids: Collection[str]) -> SharedPlan:
    if not isinstance(code, str) or len(code) > MAX_CODE_LENGTH:
        raise InvalidShareCode("the code is too long")
    cleaned = re.sub(r"[\s-]", "", code).upper()
    if not cleaned.startswith(PREFIX):
        raise InvalidShareCode("not a Back & Knee code")
    version, letters = cleaned[len(PREFIX) : len(PREFIX) + 1], cleaned[len(PREFIX) + 1 :]
    if version != str(VERSION):
        raise InvalidShareCode("a code from another version")
    if not letters or not re.fullmatch(r"[A-Z2-7]+", letters):
        raise InvalidShareCode("the code has letters that cannot be in a code")
    try:
        raw = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except (binascii.Error, ValueError) as error:
        raise InvalidShareCode("the code is damaged") from error
    packed, checksum = raw[:-4], raw[-4:]
    if len(raw) < 5 or zlib.crc32(packed).to_bytes(4, "big") != checksum:
        raise InvalidShareCode("the code's checksum does not match")
    body = zlib.decompressobj().decompress(packed, 4096).decode("ascii")
    tips_part, _, exercises_part = body.partition(";")
    tips = tuple(t for t in tips_part.split(",") if t)
    exercises = []
    for item in (e for e in exercises_part.split(",") if e):
        exercise_id, _, level = item.partition(":")
        if not level.isdigit() or int(level) >= len(_LEVELS):
            raise InvalidShareCode("the code names a level we do not have")
        exercises.append((exercise_id, _LEVELS[int(level)]))
    if any(t not in tip_ids for t in tips) or any(e not in exercise_ids for e, _ in exercises):
        raise InvalidShareCode("the code names a tip or exercise we do not have")
    if not tips and not exercises:
        raise InvalidShareCode("the code holds an empty plan")
    return SharedPlan(tip_ids=tips, exercises=tuple(exercises))


def _check_slug(value: str) -> None:
    if not _SLUG.match(value):
        raise ValueError(f"ids are lower-case words joined by dashes; got {value!r}")
