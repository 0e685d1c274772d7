"""The page Streamlit serves says it is in UK English and names the app in the tab from the
start (backknee/ui/server.py's PageHead, in asgi.py)."""

from __future__ import annotations

from html import escape

from playwright.sync_api import expect

from backknee import APP_NAME
from tests.e2e.helpers import PHONE


def test_the_page_is_in_uk_english_and_named_for_the_app_before_its_first_run(visit):
    tab = visit(PHONE)
    served = tab.page.request.get(f"{tab.base_url}/exercises").text()
    assert '<html lang="en-GB">' in served
    assert f"<title>{escape(APP_NAME)}</title>" in served
    tab.open("exercises")
    expect(tab.page.locator("html")).to_have_attribute("lang", "en-GB")
