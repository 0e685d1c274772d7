"""Content for the pages, read once and shared by every session until a file changes."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from time import monotonic

from backknee.content.loader import Content, content_dir, latest_change, load_content

RECHECK_SECONDS = 1.0
"""How often the content folder is looked at for an edit: a walk over every file costs about
0.4 ms, a tenth of a simple page's rerun, so it is done at most once a second per folder,
not on every tap. An editor's change shows within a second."""

FOLDERS_KEPT = 4
"""Content read from at most this many folders is kept (one in the app; tests use copies)."""


@dataclass(frozen=True)
class _Read:
    looked_at: float  # on the monotonic clock
    changed_at: float  # the folder's newest change when it was read
    content: Content


_kept: dict[str, _Read] = {}
_lock = threading.Lock()
"""Held while the folder is looked at or read: sessions that arrive meanwhile wait for the
one read, instead of each reading the same files."""


def get_content() -> Content:
    """The checked content (read-only, shared by every session); raises ContentError if a file
    has a problem, and then reads again on the next run, so a fixed file shows at once.

    A plain dictionary, not st.cache_resource: hashing the arguments for that cache cost a
    simple page 0.3 ms on every rerun."""
    folder = content_dir()
    key = str(folder)
    with _lock:
        kept, now = _kept.get(key), monotonic()
        if kept and now - kept.looked_at < RECHECK_SECONDS:
            return kept.content
        changed_at = latest_change(folder)
        if kept and kept.changed_at == changed_at:
            _kept[key] = _Read(now, changed_at, kept.content)
            return kept.content
        content = load_content(folder)
        _kept.pop(key, None)
        _kept[key] = _Read(now, changed_at, content)
        while len(_kept) > FOLDERS_KEPT:
            del _kept[next(iter(_kept))]
        return content
