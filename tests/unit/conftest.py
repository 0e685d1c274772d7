"""Fixtures for the unit tests."""

from __future__ import annotations

import pytest

from backknee.content.loader import load_content
from backknee.explorer import guarantees
from tests.paths import CONTENT


@pytest.fixture(scope="session")
def walk() -> guarantees.Walk:
    """Every combination of the explorer's answers through the real content, worked out once
    (about 12 seconds) for every test that needs it."""
    content = load_content(CONTENT)
    return guarantees.walk_every_answer(content.rules, content.tips, content.exercises)
