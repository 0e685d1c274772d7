"""Share codes: a plan's tips and exercises (with their levels) as a short code a patient can
scan or type on their own phone.

A code holds only short fingerprints of tip and exercise ids, the exercises' levels, a
version and a checksum: never answers, pain scores or warning signs. It is not secret and not
signed; anyone could write one. So reading a code trusts nothing in it: a code that cannot
be read gives one `InvalidShareCode`, never another error, and never the code's own text on
the page; a code that can be read keeps only the tips and exercises the app has, at levels
it has, and counts what it left out (backknee/explorer/plan.py then re-checks every tip, so nothing
NICE does not recommend is ever shown).

Layout (bytes): version; tips count (high 4 bits) and exercises count (low 4 bits); 2 bytes
per tip; 2 bytes per exercise; the exercises' levels, 2 bits each; CRC-16 of all before it.
In base 32 (capitals and digits 2-7, which QR codes store compactly and people read aloud),
a plan of 5 tips and 5 exercises is 42 characters, shown in groups of 4.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from backknee.errors import InvalidShareCode

VERSION = 2
PREFIX = "BK"
LEVELS = ("easier", "standard", "harder")
MAX_TIPS = 5
"""A code carries the plan's first five tips (the best five) and all its exercises."""
MAX_EXERCISES = 8
MAX_CODE_LENGTH = 120
"""Longer input is refused before any decoding."""
GROUP = 4
"""Characters per group when the code is shown: BK2-ABCD-EFGH-..."""
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SharedPlan:
    tip_ids: tuple[str, ...]
    exercises: tuple[tuple[str, str], ...]
    """(exercise id, level)"""


@dataclass(frozen=True)
class OpenedCode:
    """What a readable code holds that the app has, and what it left out."""

    plan: SharedPlan
    unknown: int = 0
    """Tips or exercises the code names that the app does not have (any more)."""
    unknown_levels: tuple[str, ...] = ()
    """Exercises the code asks for at a level the app does not have: left out."""


def fingerprint(item_id: str) -> int:
    """A 16-bit fingerprint of an id. The content check makes sure no two ids share one."""
    return int.from_bytes(hashlib.blake2s(item_id.encode("ascii"), digest_size=2).digest(), "big")


def clashes(ids: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of ids that share a fingerprint (a code could not tell them apart)."""
    seen: dict[int, str] = {}
    found = []
    for item_id in sorted(ids):
        other = seen.setdefault(fingerprint(item_id), item_id)
        if other != item_id:
            found.append((other, item_id))
    return found


def checksum(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: catches any one mistyped letter, and most others."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def encode(plan: SharedPlan) -> str:
    """The code for a plan (its first five tips and up to eight exercises)."""
    tips = plan.tip_ids[:MAX_TIPS]
    if len(plan.exercises) > MAX_EXERCISES:
        raise ValueError(f"a code holds at most {MAX_EXERCISES} exercises; got {len(plan.exercises)}")
    for item_id in (*tips, *(e for e, _ in plan.exercises)):
        if not _SLUG.match(item_id):
            raise ValueError(f"ids are lower-case words joined by dashes; got {item_id!r}")
    levels = 0
    for number, (_, level) in enumerate(plan.exercises):
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}; got {level!r}")
        levels |= LEVELS.index(level) << (2 * number)
    body = bytes([VERSION, len(tips) << 4 | len(plan.exercises)])
    for item_id in (*tips, *(e for e, _ in plan.exercises)):
        body += fingerprint(item_id).to_bytes(2, "big")
    body += levels.to_bytes(2, "big")
    body += checksum(body).to_bytes(2, "big")
    letters = base64.b32encode(body).decode("ascii").rstrip("=")
    groups = [letters[i : i + GROUP] for i in range(0, len(letters), GROUP)]
    return "-".join([f"{PREFIX}{VERSION}", *groups])


def decode(code: str, tip_ids: Collection[str], exercise_ids: Collection[str]) -> OpenedCode:
    """The plan in a code, checked against the tips and exercises the app has.

    Raises InvalidShareCode for a code that cannot be read: too long, wrong prefix or version,
    damaged letters, a wrong checksum, a wrong length. Anything the app does not have is left
    out and counted, so the rest still opens.
    """
    try:
        return _decode(code, tip_ids, exercise_ids)
    except InvalidShareCode:
        raise
    except Exception as error:  # anything unexpected in a hostile string is still just "invalid"
        raise InvalidShareCode("the code could not be read") from error


def _decode(code: str, tip_ids: Collection[str], exercise_ids: Collection[str]) -> OpenedCode:
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
        body = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except (binascii.Error, ValueError) as error:
        raise InvalidShareCode("the code is damaged") from error
    if len(body) < 6 or checksum(body[:-2]) != int.from_bytes(body[-2:], "big"):
        raise InvalidShareCode("the code's checksum does not match")
    if body[0] != VERSION:
        raise InvalidShareCode("a code from another version")
    tip_count, exercise_count = body[1] >> 4, body[1] & 0x0F
    if len(body) != 2 + 2 * (tip_count + exercise_count) + 4:
        raise InvalidShareCode("the code is the wrong length")
    if tip_count > MAX_TIPS or exercise_count > MAX_EXERCISES or tip_count + exercise_count == 0:
        raise InvalidShareCode("the code holds a plan we cannot show")
    prints = [int.from_bytes(body[2 + 2 * n : 4 + 2 * n], "big") for n in range(tip_count + exercise_count)]
    levels = int.from_bytes(body[-4:-2], "big")
    tips_by_print = {fingerprint(t): t for t in tip_ids}
    exercises_by_print = {fingerprint(e): e for e in exercise_ids}
    tips = [tips_by_print.get(p) for p in prints[:tip_count]]
    unknown = tips.count(None)
    kept_tips = tuple(dict.fromkeys(t for t in tips if t is not None))
    exercises: list[tuple[str, str]] = []
    unknown_levels: list[str] = []
    for number, fingerprint_ in enumerate(prints[tip_count:]):
        exercise_id = exercises_by_print.get(fingerprint_)
        if exercise_id is None:
            unknown += 1
            continue
        level = (levels >> (2 * number)) & 0b11
        if level >= len(LEVELS):
            unknown_levels.append(exercise_id)
        elif exercise_id not in (e for e, _ in exercises):
            exercises.append((exercise_id, LEVELS[level]))
    return OpenedCode(
        plan=SharedPlan(tip_ids=kept_tips, exercises=tuple(exercises)),
        unknown=unknown,
        unknown_levels=tuple(unknown_levels),
    )
