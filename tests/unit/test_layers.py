"""The three layers stay apart: the package is pure, the page scripts stay where Streamlit wants them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "backknee"
UI = PACKAGE / "ui"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


OUTSIDE_UI = sorted(p for p in PACKAGE.rglob("*.py") if UI not in p.parents)


@pytest.mark.parametrize("module", OUTSIDE_UI, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_package_outside_ui_never_imports_streamlit(module):
    streamlit_imports = {name for name in imported_modules(module) if name.split(".")[0] == "streamlit"}
    assert not streamlit_imports, (
        f"{module.relative_to(ROOT)} imports {streamlit_imports}: move it to backknee/ui/"
    )


def test_the_rule_above_sees_the_modules_it_guards():
    names = {p.name for p in OUTSIDE_UI}
    assert {"models.py", "loader.py", "charts.py", "cycle.py"} <= names


def test_the_ui_package_is_the_one_that_imports_streamlit():
    assert any("streamlit" in imported_modules(p) for p in UI.glob("*.py"))


def test_there_is_no_pages_folder_beside_app_py():
    assert not (ROOT / "pages").exists(), (
        "Streamlit runs a folder called pages/ beside app.py as an old-style multipage app until "
        "st.navigation has run once, so the first visitor to a deep link gets a page without our "
        "navigation and urgent-help notice. Put page scripts in app_pages/ (see backknee/ui/pages.py)."
    )
