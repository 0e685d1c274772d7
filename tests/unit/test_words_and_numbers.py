"""Small formatting rules that patients see: source names, dates, the clinic's phone link."""

from __future__ import annotations

from datetime import date

from backknee.content.loader import load_content
from backknee.words.dates import uk_date
from tests.paths import CONTENT

CONTENT_NOW = load_content(CONTENT)


def test_a_study_with_several_authors_is_named_after_the_first():
    assert CONTENT_NOW.references["wolfe-1996"].short == "Wolfe and others, 1996"


def test_guidelines_and_nhs_pages_have_names_that_tell_them_apart():
    assert CONTENT_NOW.references["nice-ng59"].short == "NICE guideline NG59"
    assert CONTENT_NOW.references["nhs-back-pain"].short == "NHS: Back pain"
    shorts = [ref.short for ref in CONTENT_NOW.references.values()]
    assert len(shorts) == len(set(shorts)), "two sources share a short name"


def test_a_source_links_to_its_doi_first_then_its_web_address():
    assert CONTENT_NOW.references["suri-2010"].link == "https://doi.org/10.1002/acr.20324"
    assert CONTENT_NOW.references["nice-ng226"].link == "https://www.nice.org.uk/guidance/ng226"
    assert CONTENT_NOW.references["wolfe-1996"].link is None


def test_a_full_citation_has_authors_year_title_and_journal():
    citation = CONTENT_NOW.references["messier-2005"].citation
    assert citation.startswith("Messier SP, Gutekunst DJ, Davis C, DeVita P (2005). *Weight loss")
    assert citation.endswith("Arthritis & Rheumatism 52(7):2026-2032.")


def test_the_clinic_phone_number_becomes_an_international_tel_link():
    assert CONTENT_NOW.clinic.phone_link == "tel:+442079460000"


def test_dates_are_written_the_uk_way():
    assert uk_date(date(2026, 11, 5)) == "5 November 2026"
