"""The layers stay apart: the package is pure outside ui/, the mechanics stand on their own, a page
has one name in every layer, and the page scripts stay where Streamlit wants them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.paths import ROOT

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
    names = {str(p.relative_to(PACKAGE)) for p in OUTSIDE_UI}
    assert {
        "content/loader.py",
        "content/pages/posture.py",
        "mechanics/body.py",
        "explorer/advisor.py",
        "words/posture.py",
        "charts/posture.py",
        "vocab.py",
    } <= names


MECHANICS = sorted((PACKAGE / "mechanics").glob("*.py"))
ABOVE_MECHANICS = (
    "backknee.content",
    "backknee.explorer",
    "backknee.charts",
    "backknee.ui",
    "backknee.words",
)


@pytest.mark.parametrize("module", MECHANICS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_mechanics_import_nothing_from_the_layers_above_them(module):
    above = {name for name in imported_modules(module) if name.startswith(ABOVE_MECHANICS)}
    assert not above, (
        f"{module.relative_to(ROOT)} imports {sorted(above)}: the physics must not depend on content, "
        "the explorer, charts, words or the ui. Pass the numbers in instead."
    )


def test_the_mechanics_rule_sees_every_model():
    assert {p.stem for p in MECHANICS} >= {
        "body",
        "one_leg",
        "chair",
        "loads",
        "chains",
        "stick",
        "constants",
    }


def test_the_vocabulary_imports_nothing_of_the_app():
    assert not {name for name in imported_modules(PACKAGE / "vocab.py") if name.startswith("backknee")}


PAGES = sorted(p.stem for p in (ROOT / "app_pages").glob("*.py"))
PAGE_LAYERS = ("ui", "charts", "words", "content/pages")
SHARED_MODULES = {
    "ui": {"chrome", "content", "state", "figures", "pages", "server"},
    "charts": {"style", "svg"},
    "words": {"dates"},
    "content/pages": set(),
}
"""Modules in a page layer that serve every page, named for what they share, never for a page."""


@pytest.mark.parametrize("layer", PAGE_LAYERS)
def test_every_module_in_a_page_layer_is_named_for_a_page_or_for_what_it_shares(layer):
    stems = {p.stem for p in (PACKAGE / layer).glob("*.py")} - {"__init__"}
    strays = stems - set(PAGES) - SHARED_MODULES[layer]
    assert not strays, (
        f"backknee/{layer}/ has {sorted(strays)}: name a page's module as its app_pages/ script is named "
        f"({', '.join(PAGES)}), or add a shared module to SHARED_MODULES with what it shares"
    )


def test_every_page_has_its_content_model_and_its_words_file_under_its_own_name():
    models = {p.stem for p in (PACKAGE / "content" / "pages").glob("*.py")} - {"__init__"}
    words = {p.stem for p in (ROOT / "content" / "pages").glob("*.yaml")}
    assert set(PAGES) == models == words


def test_the_ui_package_is_the_one_that_imports_streamlit():
    assert any("streamlit" in imported_modules(p) for p in UI.glob("*.py"))


def test_there_is_no_pages_folder_beside_app_py():
    assert not (ROOT / "pages").exists(), (
        "Streamlit runs a folder called pages/ beside app.py as an old-style multipage app until "
        "st.navigation has run once, so the first visitor to a deep link gets a page without our "
        "navigation and urgent-help notice. Put page scripts in app_pages/ (see backknee/ui/pages.py)."
    )
