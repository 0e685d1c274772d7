"""The menu's pages are built once and copied for each run (backknee/ui/pages.py), so a tap
does not look every page's script up on the disk again, and each run's copies are its own:
one session's navigation never marks the page another session may call."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from backknee.content.loader import load_content
from backknee.ui import pages
from tests.app.helpers import APP
from tests.paths import CONTENT

MENU = [item for item in load_content(CONTENT).site.menu if not item.kiosk]


@pytest.fixture
def nothing_built(monkeypatch):
    monkeypatch.setattr(pages, "_built", {})
    monkeypatch.setattr(pages, "_by_id", {})


def test_two_sessions_and_many_taps_build_the_menu_once(nothing_built, monkeypatch):
    builds = []
    build = pages._build
    monkeypatch.setattr(pages, "_build", lambda site, kiosk: builds.append(kiosk) or build(site, kiosk))
    one, two = AppTest.from_file(APP).run(), AppTest.from_file(APP).run()
    one.run()
    two.switch_page("app_pages/about.py").run()
    assert builds == [False]
    assert not one.exception and not two.exception


def test_navigation_marks_a_runs_own_copy_never_the_shared_page(nothing_built, monkeypatch):
    given = []
    navigation = st.navigation
    monkeypatch.setattr(st, "navigation", lambda pages, **kw: given.extend(pages) or navigation(pages, **kw))
    AppTest.from_file(APP).run()
    ((_, shared),) = pages._built.values()
    assert list(shared) == [item.page for item in MENU]
    assert len(given) == len(shared)
    assert not {id(page) for page in given} & {id(page) for page in shared.values()}


def test_the_copies_keep_each_pages_address_title_and_the_first_page(nothing_built):
    at = AppTest.from_file(APP).run()
    assert at.title[0].value  # home opened, as every visitor's first page
    ((_, shared),) = pages._built.values()
    assert [page.title for page in shared.values()] == [item.title for item in MENU]
    assert [page.url_path for page in shared.values()][1:] == [item.page for item in MENU][1:]
    assert [page._page.stem for page in shared.values() if page._default] == ["home"]  # at "/"


def test_a_link_goes_to_a_built_page_or_else_to_the_pages_script(nothing_built):
    assert pages.link_target("urgent") == "app_pages/urgent.py"
    AppTest.from_file(APP).run()
    target = pages.link_target("urgent")
    assert not isinstance(target, str) and target.url_path == "urgent"
