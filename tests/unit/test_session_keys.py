"""Every session and widget key is named in backknee/ui/state.py, and written out nowhere else.

A key written out as a string in a view is one "Start again" or "Clear my answers" does not
know about: the patient's answer under it would survive the button meant to forget it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.paths import ROOT

UI = ROOT / "backknee" / "ui"
SCANNED = [
    *sorted(p for p in UI.glob("*.py") if p.name != "state.py"),
    ROOT / "app.py",
    *sorted((ROOT / "app_pages").glob("*.py")),
]
STORES = {"session_state", "query_params"}
"""Streamlit's two dict-like stores: a string subscript of either is a bare key."""
MAPPING_METHODS = {"get", "setdefault", "pop", "keys", "values", "items", "clear", "update", "to_dict"}
KEYED_METHODS = {"get", "setdefault", "pop", "get_all"}
FIX = "add the key to backknee/ui/state.py and use its name"


def _literal(node: ast.AST | None) -> bool:
    """A string written out: "plan_qr", or f"tips_w_{name}"."""
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(node, ast.JoinedStr)


def bare_keys(source: str) -> list[tuple[int, str]]:
    """Each place in the source that writes a key out as a string: (line, what it is)."""
    tree = ast.parse(source)
    aliases = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr in STORES
        for target in node.targets
        if isinstance(target, ast.Name)
    }

    def store(node: ast.AST) -> bool:
        """st.session_state, st.query_params, or a name given to one of them."""
        if isinstance(node, ast.Attribute):
            return node.attr in STORES
        return isinstance(node, ast.Name) and (node.id in STORES or node.id in aliases)

    found = []
    for node in ast.walk(tree):
        what = None
        if isinstance(node, ast.Call):
            if any(kw.arg == "key" and _literal(kw.value) for kw in node.keywords):
                what = "a key= argument"
            elif (
                isinstance(node.func, ast.Attribute)
                and node.args
                and _literal(node.args[0])
                and (
                    (node.func.attr in KEYED_METHODS and store(node.func.value))
                    or node.func.attr == "form"  # st.form's first argument is its key
                )
            ):
                what = f".{node.func.attr}() with a key"
        elif isinstance(node, ast.Subscript) and store(node.value) and _literal(node.slice):
            what = "a subscript of the session state or query parameters"
        elif (
            isinstance(node, ast.Compare)
            and _literal(node.left)
            and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops)
            and any(store(c) for c in node.comparators)
        ):
            what = "an 'in' test"
        elif isinstance(node, ast.Attribute) and store(node.value) and node.attr not in MAPPING_METHODS:
            what = f"the attribute .{node.attr}"
        if what:
            found.append((node.lineno, what))  # type: ignore[attr-defined]
    return sorted(found)


@pytest.mark.parametrize("module", SCANNED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_session_or_widget_key_is_written_out_outside_state_py(module: Path):
    found = [f"line {line}: {what}" for line, what in bare_keys(module.read_text(encoding="utf-8"))]
    assert not found, f"{module.relative_to(ROOT)} writes a key out as a string ({'; '.join(found)}): {FIX}"


def test_the_scan_covers_the_views_the_router_and_the_page_scripts():
    names = {str(p.relative_to(ROOT)) for p in SCANNED}
    assert {"app.py", "app_pages/tips.py", "backknee/ui/tips.py", "backknee/ui/chrome.py"} <= names
    assert "backknee/ui/state.py" not in names


WRITTEN_OUT = """
import streamlit as st
st.button("Go", key="go")  # written out
st.pills("Pick", [], key=f"pick_{n}")  # written out
st.session_state["answers"] = {}  # written out
del st.session_state["answers"]  # written out
x = st.session_state.get("answers")  # written out
st.session_state.pop("answers", None)  # written out
st.session_state.setdefault("answers", {})  # written out
if "answers" not in st.session_state:  # written out
    pass
st.session_state.answers = 1  # written out
session = st.session_state
session["answers"] = 2  # written out
code = st.query_params.get("code")  # written out
with st.form("a_form"):  # written out
    pass
"""

NAMED = """
import streamlit as st
from backknee.ui.state import Key, answer_widget
st.button("Go", key=Key.TIPS_NEXT)
st.pills("Pick", [], key=answer_widget(name))
st.session_state[Key.TIPS_ANSWERS] = {}
del st.session_state[Key.TIPS_ANSWERS]
x = st.session_state.get(Key.TIPS_ANSWERS)
if Key.TIPS_ANSWERS in st.session_state:
    pass
for key in list(st.session_state.keys()):
    pass
answers = {"where": "knee"}
answers["where"] = "back"
sorted(items, key=lambda item: item.name)
st.query_params.clear()
"""


def test_the_scan_finds_every_way_of_writing_a_key_out():
    marked = [n for n, line in enumerate(WRITTEN_OUT.splitlines(), start=1) if line.endswith("# written out")]
    assert [line for line, _ in bare_keys(WRITTEN_OUT)] == marked


def test_the_scan_passes_keys_used_by_name():
    assert bare_keys(NAMED) == []
