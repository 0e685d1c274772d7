"""Where the repository and its content folder are, for every test layer.

A plain module, not a conftest and not a test module: tests import what they share from
modules like this one, never from a conftest or another test file (tests/unit/test_test_suite.py
checks it).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
