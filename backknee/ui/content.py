"""Content for the pages, read once and shared by every session until a file changes."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from backknee.content.loader import Content, content_dir, latest_change, load_content


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, changed_at: float) -> Content:
    # `changed_at` is only part of the cache key: a newer file means a fresh read.
    return load_content(Path(folder))


def get_content() -> Content:
    """The checked content (read-only, shared); raises ContentError if a file has a problem."""
    folder = content_dir()
    return _load(str(folder), latest_change(folder))
