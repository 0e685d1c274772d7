"""The test suite's own shape: no file under tests/ imports a test module or a conftest.

A test module imported by another runs its module-level code twice and hides what the tests
share; a conftest is for fixtures and hooks, which pytest hands out itself. Shared code goes in
plain modules instead: tests/paths.py, tests/app/helpers.py, tests/e2e/helpers.py,
tests/unit/codes.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

TESTS = ROOT / "tests"
IMPORTERS = {"import_module", "__import__"}  # importlib.import_module("...") and __import__("...")


def _forbidden(module: str) -> bool:
    """A dotted name that is, or is inside, a test module or a conftest."""
    return any(part == "conftest" or part.startswith("test_") for part in module.split("."))


def _package(path: Path) -> list[str]:
    return list(path.relative_to(ROOT).with_suffix("").parts[:-1])


def _absolute(node: ast.ImportFrom, path: Path) -> str:
    """The module an import names, with `from . import x` and `from ..y import x` resolved."""
    if not node.level:
        return node.module or ""
    package = _package(path)
    base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
    return ".".join([*base, *([node.module] if node.module else [])])


def bad_imports(source: str, path: Path) -> list[str]:
    """Each import in `source` (the file at `path`) of a test module or a conftest, as
    'line: module'."""
    found = []
    for node in ast.walk(ast.parse(source, filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, path)
            # `from tests.e2e import test_journeys` imports a test module by its last name.
            names = [module] if _forbidden(module) else [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called in IMPORTERS and isinstance(node.args[0].value, str):
                names = [node.args[0].value]
        found += [f"{node.lineno}: {name}" for name in names if _forbidden(name)]
    return found


def test_no_file_under_tests_imports_a_test_module_or_a_conftest():
    offenders = {
        str(path.relative_to(ROOT)): bad
        for path in sorted(TESTS.rglob("*.py"))
        if (bad := bad_imports(path.read_text(encoding="utf-8"), path))
    }
    assert offenders == {}, (
        "these files import a test module or a conftest; move the shared code into a helpers "
        f"module (such as tests/paths.py, tests/app/helpers.py or tests/e2e/helpers.py): {offenders}"
    )


def test_the_check_finds_each_way_of_importing_a_test_module_or_a_conftest():
    here = TESTS / "e2e" / "test_example.py"
    caught = {
        "from tests.conftest import CONTENT": "tests.conftest",
        "from tests.e2e.conftest import Visit": "tests.e2e.conftest",
        "import tests.unit.test_share": "tests.unit.test_share",
        "from tests.e2e.test_journeys import axe_violations": "tests.e2e.test_journeys",
        "from tests.e2e import test_journeys": "tests.e2e.test_journeys",
        "from . import conftest": "tests.e2e.conftest",
        "from .test_muscles import press": "tests.e2e.test_muscles",
        "from ..conftest import ROOT": "tests.conftest",
        "importlib.import_module('tests.app.conftest')": "tests.app.conftest",
    }
    for source, module in caught.items():
        found = bad_imports(source, here)
        assert len(found) == 1 and module in found[0], (source, found)
    allowed = [
        "from tests.paths import CONTENT, ROOT",
        "from tests.e2e.helpers import Visit, axe_violations",
        "from tests.app.helpers import all_text",
        "from tests.unit.codes import crafted",
        "from .helpers import press",
        "import pytest",
        "from playwright.sync_api import expect",
        "import unittest",
    ]
    for source in allowed:
        assert bad_imports(source, here) == [], source
