"""Where each page's script lives: content/pages/<id>.yaml belongs to app_pages/<id>.py, and
the pages st.navigation is given, built from the menu in content/site.yaml.

The folder is not called `pages/` on purpose. Streamlit treats a `pages/` folder beside the
main script as an old-style multipage app until `st.navigation` has run once: the first
visitor to open a deep link (say /urgent) after a server start would get a page without
our navigation, our urgent-help notice or our error handling. tests/unit/test_layers.py
keeps it that way.
"""

from __future__ import annotations

import copy
import threading

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from backknee.content.shared import Site

MENUS_KEPT = 4
"""Menus kept built (one per content read and kiosk mode; the app needs one, tests a few)."""

_built: dict[tuple[int, bool], tuple[Site, dict[str, StreamlitPage]]] = {}
_by_id: dict[str, StreamlitPage] = {}
_lock = threading.Lock()


def page_script(page_id: str) -> str:
    """The script path of a page, as registered with st.navigation in app.py."""
    return f"app_pages/{page_id}.py"


def _build(site: Site, kiosk: bool) -> dict[str, StreamlitPage]:
    return {
        item.page: st.Page(
            page_script(item.page),
            title=item.title,
            icon=item.icon,
            url_path=item.page,
            # A shared tablet opens at its welcome screen; everyone else at home.
            default=item.page == ("welcome" if kiosk else "home"),
            visibility="hidden" if item.hidden else "visible",
        )
        for item in site.menu
        if kiosk or not item.kiosk
    }


def _pages(site: Site, kiosk: bool) -> dict[str, StreamlitPage]:
    key = (id(site), kiosk)
    with _lock:
        kept = _built.get(key)
        if kept is None or kept[0] is not site:
            kept = (site, _build(site, kiosk))
            _built[key] = kept
            _by_id.update(kept[1])
            while len(_built) > MENUS_KEPT:
                del _built[next(iter(_built))]
        return kept[1]


def menu_pages(site: Site, kiosk: bool) -> list[StreamlitPage]:
    """The pages for st.navigation, in the menu's order: built once per content read and kiosk
    mode, then copied for each run.

    st.Page looks its script up on the disk, about 1 ms for the menu's pages on every tap; a
    copy takes microseconds. Each run gets copies of its own because st.navigation marks the
    page it returns as the one this run may call: two sessions sharing one page object could
    take each other's mark."""
    return [copy.copy(page) for page in _pages(site, kiosk).values()]


def link_target(page_id: str) -> StreamlitPage | str:
    """What to hand st.page_link for a page: a page the menu built (st.page_link reads only its
    address, the same in every menu), so its script is not looked up on the disk again; its
    script's path before any menu was built."""
    return _by_id.get(page_id) or page_script(page_id)
