"""Fixtures shared by every test layer. Paths and other shared code are in plain modules
(tests/paths.py), which tests import; no test imports a conftest."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.paths import CONTENT


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the real content folder that a test may break."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


@pytest.fixture
def edit_yaml(content_copy: Path) -> Callable[[str, Callable[[dict[str, Any]], None]], None]:
    """Change one file of the copy through its parsed data: edit_yaml('clinic.yaml', fn)."""

    def edit(name: str, change: Callable[[dict[str, Any]], None]) -> None:
        path = content_copy / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return edit
