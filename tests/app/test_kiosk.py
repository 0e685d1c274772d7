"""A shared clinic tablet (kiosk mode, set by the server's environment) in a real Streamlit
session: it opens at the welcome screen, Start again is on every page and forgets everything,
and nothing offers a download or a link to another site. (The idle warning and reset run in
the browser: tests/e2e/test_kiosk.py.)"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from streamlit.testing.v1 import AppTest

from backknee import settings
from backknee.content.loader import load_content
from backknee.content.pages.welcome import WelcomePage
from backknee.explorer.advisor import Answers, advise
from backknee.ui.state import Key
from backknee.vocab import Confidence, Difficulty, Joint, Setting
from backknee.words.weight import Person
from tests.app.helpers import APP, all_text, away_and_back, registered_pages
from tests.paths import CONTENT

CONTENT_NOW = load_content(CONTENT)
WELCOME = CONTENT_NOW.page("welcome", WelcomePage)
KIOSK = CONTENT_NOW.site.kiosk
OUTSIDE_LINK = re.compile(r"\]\((https?:|tel:|mailto:)")
OUTCOME = advise(
    Answers(
        where=Joint.KNEE,
        pain=5,
        hard=frozenset({Difficulty.STAIRS}),
        settings=frozenset({Setting.HOME}),
        minutes=20,
        confidence=Confidence.SOME,
    ),
    CONTENT_NOW.red_flags,
    CONTENT_NOW.rules,
    CONTENT_NOW.tips,
    CONTENT_NOW.exercises,
)


def with_plan(at: AppTest) -> AppTest:
    """The session as the explorer leaves it, with a plan."""
    at.session_state[Key.PLAN_OUTCOME] = OUTCOME
    return at.run()


@pytest.fixture
def kiosk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str | None], AppTest]]:
    """The app as a kiosk server runs it: kiosk("app_pages/plan.py"), or kiosk(None) for '/'."""
    monkeypatch.setenv("BACKKNEE_KIOSK", "1")
    monkeypatch.setenv("BACKKNEE_PUBLIC_URL", "https://guide.example.org")
    settings.settings.cache_clear()

    def open_(script: str | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30).run()
        if script:
            at.switch_page(script).run()
        return at

    yield open_
    settings.settings.cache_clear()  # the next test reads its own environment


def test_a_kiosk_opens_at_the_welcome_screen_with_a_tile_for_each_main_page(kiosk):
    at = kiosk(None)
    assert not at.exception
    assert [t.value for t in at.title] == [WELCOME.heading]
    tiles = [link.proto.page for link in at.get("page_link") if link.proto.page != "urgent"]
    assert tiles == [tile.page for tile in WELCOME.tiles if tile.page != "urgent"]
    text = all_text(at)
    for tile in WELCOME.tiles:
        assert tile.text in text
    assert WELCOME.privacy in text


@pytest.mark.parametrize("script", registered_pages(kiosk=True))
def test_every_kiosk_page_has_start_again_and_no_download_or_outside_link(kiosk, script):
    at = kiosk(script)
    assert not at.exception
    assert at.button(key=Key.KIOSK_START_AGAIN).label == KIOSK.start_again
    assert not at.get("download_button")
    assert not at.get("link_button"), "a link button opens another site (or dials a number)"
    markdown = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert not [m for m in markdown if OUTSIDE_LINK.search(m)]


def test_a_kiosk_plan_leaves_by_qr_code_to_the_public_address_with_the_code_in_words(kiosk):
    at = with_plan(kiosk("app_pages/plan.py"))
    assert not at.exception
    assert not at.get("download_button")
    assert KIOSK.qr_intro in all_text(at)
    address, _ = at.session_state[Key.PLAN_QR]
    assert address.startswith("https://guide.example.org/plan?code=BK")
    code = address.split("code=")[1]
    assert f"`{code}`" in all_text(at), "the code in words beside the picture"


def test_start_again_forgets_everything_and_goes_to_the_welcome_screen(kiosk):
    at = with_plan(kiosk("app_pages/plan.py"))
    at.session_state[Key.MUSCLES_WEAK] = ["hips"]
    at.button(key=Key.KIOSK_START_AGAIN).click().run()
    assert not at.exception
    assert [t.value for t in at.title] == [WELCOME.heading]
    assert Key.PLAN_OUTCOME not in at.session_state
    assert Key.MUSCLES_WEAK not in at.session_state
    assert Key.PLAN_QR not in at.session_state


def test_start_again_forgets_what_was_kept_for_coming_back_to_a_page(kiosk):
    at = kiosk("app_pages/weight.py")
    at.number_input(key=Key.WEIGHT_KG).set_value(67.0).run()
    away_and_back(at, "app_pages/weight.py")
    assert at.number_input(key=Key.WEIGHT_KG).value == 67.0, "kept for this patient"
    at.switch_page("app_pages/posture.py").run()
    at.button(key=Key.KIOSK_START_AGAIN).click().run()
    assert [t.value for t in at.title] == [WELCOME.heading]
    at.switch_page("app_pages/weight.py").run()
    assert at.number_input(key=Key.WEIGHT_KG).value == Person().mass_kg, "the next patient starts afresh"


def test_a_browser_that_is_not_a_kiosk_has_no_start_again_bar_and_keeps_its_downloads(open_page):
    at = with_plan(open_page("app_pages/plan.py"))
    assert not [b for b in at.button if b.key == Key.KIOSK_START_AGAIN]
    assert at.get("download_button")
    assert [t.value for t in open_page().title] != [WELCOME.heading]
