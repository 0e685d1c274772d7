"""Every page runs in a real Streamlit session and shows what a patient needs."""

from __future__ import annotations

import os
import time

import pytest

from backknee.content.loader import load_content
from backknee.content.pages.about import AboutPage
from backknee.content.pages.home import HomePage
from backknee.content.pages.urgent import UrgentPage
from backknee.ui.content import RECHECK_SECONDS
from backknee.ui.pages import page_script
from backknee.words.home import describe
from tests.app.helpers import all_text, pictures, registered_pages
from tests.paths import CONTENT, ROOT

CONTENT_NOW = load_content(CONTENT)
HOME = CONTENT_NOW.page("home", HomePage)
CALM = "This guide is being updated"


def test_every_page_script_and_every_page_file_are_registered():
    scripts = {f"app_pages/{p.name}" for p in (ROOT / "app_pages").glob("*.py")}
    with_content = {page_script(page_id) for page_id in CONTENT_NOW.pages}
    assert set(registered_pages(kiosk=True)) == scripts == with_content


def test_only_a_kiosk_has_the_welcome_page():
    assert "app_pages/welcome.py" in registered_pages(kiosk=True)
    assert "app_pages/welcome.py" not in registered_pages()


@pytest.mark.parametrize("script", registered_pages())
def test_every_registered_page_runs_without_an_exception(open_page, script):
    at = open_page(script)
    assert not at.exception
    page_id = script.removeprefix("app_pages/").removesuffix(".py")
    assert [t.value for t in at.title] == [CONTENT_NOW.pages[page_id].heading]
    assert CALM not in all_text(at)


@pytest.mark.parametrize("script", [s for s in registered_pages() if not s.endswith("urgent.py")])
def test_every_other_page_has_the_warning_signs_one_tap_away(open_page, script):
    at = open_page(script)
    links = [link.proto.label for link in at.get("page_link") if link.proto.page == "urgent"]
    assert links[0] == CONTENT_NOW.site.urgent_line, "the slim line at the top is the first link to the signs"


@pytest.mark.parametrize("script", registered_pages())
def test_every_page_ends_with_the_not_a_diagnosis_footer_and_the_clear_button(open_page, script):
    at = open_page(script)
    assert at.markdown[-1].value == f"---\n\n:small[{CONTENT_NOW.site.footer}]"
    assert at.button[-1].label == CONTENT_NOW.site.clear_label


def test_home_shows_the_facts_with_their_sources(open_page):
    text = all_text(open_page())
    for fact in HOME.facts:
        assert fact.headline in text
        assert fact.text in text
        for ref in CONTENT_NOW.cite(fact.references):
            assert ref.short in text


def test_home_shows_the_cycle_as_a_chart_and_as_words(open_page):
    at = open_page()
    cycle = pictures(at)["cycle_chart"]
    assert cycle.tappable == len(HOME.cycle.steps), "each step in the picture can be tapped"
    assert cycle.alt == describe(HOME.cycle)
    text = all_text(at)
    positions = [text.index(f"1. **{step.label}.** {step.explanation}") for step in HOME.cycle.steps]
    assert positions == sorted(positions), "the cycle in words lists the steps in order"
    assert HOME.cycle.prompt in text


def test_choosing_a_cycle_step_shows_its_explanation_and_what_comes_next(open_page):
    at = open_page()
    at.pills(key="cycle_step").set_value("knee-load").run()
    assert "3. More load on the knees" in [s.value for s in at.header]
    text = all_text(at)
    assert "This leads to: Knee pain." in text
    bold = " ".join(pictures(at)["cycle_chart"].bold())
    assert bold == "More load on the knees", "the chosen step, and only it, is bold in the picture"

    at.pills(key="cycle_step").set_value("back-pain").run()
    assert "1. Back pain" in [s.value for s in at.header]
    step_link = HOME.cycle.steps[0].link
    assert step_link is not None
    assert any(
        link.proto.page == step_link.page and link.proto.label == step_link.label
        for link in at.get("page_link")
    )


def test_the_urgent_page_groups_every_warning_sign_by_what_to_do(open_page):
    at = open_page("app_pages/urgent.py")
    # Each level's heading (h2) opens its box, with what to do under it, in this order.
    headings = [m.value.split("\n")[0] for m in at.markdown if m.value.startswith("## ")]
    assert headings == [f"## {lv.icon} {lv.heading}" for lv in CONTENT_NOW.red_flags.levels]
    assert "999" in headings[0] and "111" in headings[1] and "GP" in headings[2]
    for level in CONTENT_NOW.red_flags.levels:
        assert f"## {level.icon} {level.heading}\n\n**{level.action}**" in [m.value for m in at.markdown]
    text = all_text(at)
    for level in CONTENT_NOW.red_flags.levels:
        for sign in level.back + level.knee:
            assert sign.text in text
            for detail in sign.details:
                assert f"    - {detail}" in text, "a sign's parts are listed under it"
    urgent = CONTENT_NOW.page("urgent", UrgentPage)
    assert urgent.not_sure in text
    assert urgent.clinic_note in text, "the page says the clinic is not an urgent service"
    call = [b for b in at.get("link_button") if CONTENT_NOW.clinic.phone in b.proto.label]
    assert call and call[0].proto.url == CONTENT_NOW.clinic.phone_link


def test_about_lists_every_source_and_when_each_file_was_reviewed(open_page):
    at = open_page("app_pages/about.py")
    text = all_text(at)
    for ref in CONTENT_NOW.references.values():
        assert ref.citation in text
    for clinic_article_ref in ("wolfe-1996", "ito-2017", "washio-2001"):
        assert clinic_article_ref in CONTENT_NOW.references
    about = CONTENT_NOW.page("about", AboutPage)
    for review in CONTENT_NOW.reviews:
        checked_by = review.reviewed_by or about.not_checked
        assert f"**{review.file}**: {about.reviewed_label} " in text
        assert f"{about.checked_by_label}: {checked_by}." in text


def test_a_broken_content_folder_shows_the_calm_page_not_a_traceback(open_page, content_copy, monkeypatch):
    (content_copy / "clinic.yaml").write_text("name: [unclosed\n")
    monkeypatch.setenv("BACKKNEE_CONTENT_DIR", str(content_copy))
    assert_only_the_calm_page(open_page(), hidden="unclosed")


def test_a_content_folder_that_cannot_be_read_shows_the_calm_page(open_page, monkeypatch):
    def unreadable(*args, **kwargs):
        raise PermissionError("the content folder cannot be read")

    monkeypatch.setattr("backknee.ui.content.latest_change", unreadable)
    monkeypatch.setattr("backknee.ui.content.RECHECK_SECONDS", 0)  # look now, not once a second
    assert_only_the_calm_page(open_page(), hidden="cannot be read")


def assert_only_the_calm_page(at, hidden: str) -> None:
    """The calm page with the 999 and 111 numbers, and none of the error's details."""
    assert not at.exception
    assert [t.value for t in at.title] == [CALM]
    text = all_text(at)
    assert "999" in text and "111" in text
    assert "Traceback" not in text and hidden not in text


def test_a_page_that_fails_shows_the_calm_page_not_a_traceback(open_page, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the chart")

    monkeypatch.setattr("backknee.ui.home._picture", broken)
    at = open_page()
    assert not at.exception
    assert [t.value for t in at.title] == [HOME.heading], "the rest of the page still shows"
    assert any(CALM in w.value for w in at.warning)
    assert "a bug in the chart" not in all_text(at)


def test_a_content_edit_shows_up_without_a_restart_once_a_second_has_passed(
    content_copy, monkeypatch, open_page
):
    clock = [1000.0]  # the folder is looked at once a second (RECHECK_SECONDS), by this clock
    monkeypatch.setattr("backknee.ui.content.monotonic", lambda: clock[0])
    monkeypatch.setenv("BACKKNEE_CONTENT_DIR", str(content_copy))
    at = open_page("app_pages/urgent.py")
    assert at.title[0].value == "Is this urgent?"
    path = content_copy / "pages" / "urgent.yaml"
    path.write_text(path.read_text().replace("heading: Is this urgent?", "heading: Do I need help now?"))
    later = time.time() + 5
    os.utime(path, (later, later))
    clock[0] += RECHECK_SECONDS / 2
    at.run()
    assert at.title[0].value == "Is this urgent?", "looked at again within the second"
    clock[0] += RECHECK_SECONDS
    at.run()
    assert at.title[0].value == "Do I need help now?"


def test_a_failure_outside_the_cycle_shows_the_calm_page_not_a_traceback(open_page, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug in the facts")

    monkeypatch.setattr("backknee.ui.chrome.facts", broken)
    at = open_page()
    assert not at.exception
    assert [t.value for t in at.title] == [CALM], "the half-drawn page is replaced, not added to"
    assert "a bug in the facts" not in all_text(at)
