"""The evidence page in a real Streamlit session: every treatment in one of two tables, with
what each guideline says, and a mark where UK and US guidelines differ."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from backknee.content.loader import load_content
from backknee.content.pages.evidence import EvidencePage
from backknee.vocab import Grade, ReadIn
from backknee.words.evidence import badge
from tests.paths import CONTENT

SCRIPT = "app_pages/evidence.py"
CONTENT_NOW = load_content(CONTENT)
PAGE = CONTENT_NOW.page("evidence", EvidencePage)
TIPS = list(CONTENT_NOW.tips.values())


@pytest.fixture
def evidence(open_page) -> AppTest:
    at = open_page(SCRIPT)
    assert not at.exception
    return at


def tables(at: AppTest) -> list[dict[str, str]]:
    """Each table on the page, in order, as {treatment title: its whole row}."""
    found = []
    for markdown in at.markdown:
        if "\n| " not in markdown.value:
            continue
        table = markdown.value[markdown.value.index("\n| ") + 1 :]
        rows = {}
        for line in table.splitlines()[2:]:
            first_cell = line.split(" | ")[0]
            assert first_cell.startswith("| **") and first_cell.endswith("**"), line
            rows[first_cell.removeprefix("| **").removesuffix("**")] = line
        found.append(rows)
    return found


def test_the_two_tables_come_under_their_headings_with_the_columns_named(evidence):
    # Each heading (h2) opens the element that holds its table.
    blocks = [m.value for m in evidence.markdown if "\n| " in m.value]
    headings = [
        [line for line in b[: b.index("\n| ")].splitlines() if line.startswith("## ")] for b in blocks
    ]
    assert [h[-1] for h in headings] == [f"## {PAGE.recommended_heading}", f"## {PAGE.other_heading}"]
    assert headings[0][0] == f"## {PAGE.legend_heading}", "the legend comes before the first table"
    heads = [b[b.index("\n| ") + 1 :].splitlines()[0] for b in blocks]
    assert heads == ["| " + " | ".join(PAGE.columns) + " |"] * 2
    text = "\n".join(m.value for m in evidence.markdown) + "\n".join(c.value for c in evidence.caption)
    assert PAGE.other_intro in text and PAGE.table_caption in text


def test_every_tip_is_in_exactly_one_table_and_other_treatments_in_the_second(evidence):
    recommended, other = tables(evidence)
    assert set(recommended) & set(other) == set()
    assert sorted([*recommended, *other]) == sorted(t.title for t in TIPS)
    assert set(recommended) == {t.title for t in TIPS if t.recommendable}
    assert set(other) == {t.title for t in TIPS if not t.recommendable}
    assert other, "the guide says what it does not recommend"
    assert list(recommended) == sorted(recommended), "rows in title order"


def test_each_row_gives_nices_word_for_the_back_and_the_knee_and_none_for_a_joint_the_tip_is_not_for(
    evidence,
):
    rows = {**tables(evidence)[0], **tables(evidence)[1]}
    for tip in TIPS:
        cells = rows[tip.title].split(" | ")
        for cell, verdict in ((cells[1], tip.evidence.back), (cells[2], tip.evidence.knee)):
            if verdict is None:
                assert cell == f"*{PAGE.not_for_joint}*", (tip.id, cell)
                continue
            assert cell.startswith(badge(verdict.grade, PAGE.grades)), (tip.id, cell)
            assert PAGE.grades.of(verdict.grade) in cell
            if verdict.recommendation:
                assert PAGE.recommendation.format(number=verdict.recommendation) in cell
            assert (PAGE.summary_note in cell) is (verdict.read_in == ReadIn.SUMMARY), (tip.id, cell)
            if verdict.also:
                assert verdict.also.replace("|", "\\|").replace("\n", " ") in rows[tip.title]
        for ref in CONTENT_NOW.cite(tip.references):
            assert ref.short in rows[tip.title]


def test_a_tip_where_the_guidelines_differ_is_marked_and_no_other(evidence):
    differ = [t for t in TIPS if t.evidence.differ]
    assert differ, "content marks at least one treatment where UK and US guidelines differ"
    rows = {**tables(evidence)[0], **tables(evidence)[1]}
    for tip in TIPS:
        assert (PAGE.differ_label in rows[tip.title]) == tip.evidence.differ, tip.id


def test_the_legend_explains_each_verdict_beside_its_own_badge(evidence):
    legend = next(m.value for m in evidence.markdown if m.value.startswith(f"## {PAGE.legend_heading}"))
    for grade in Grade:
        assert f"{badge(grade, PAGE.grades)} {PAGE.legend.of(grade)}" in legend
    assert PAGE.summary_legend in legend


def test_not_routinely_has_its_own_badge_unlike_do_not_offer_and_consider():
    marks = {g: badge(g, PAGE.grades) for g in (Grade.NOT_ROUTINELY, Grade.DO_NOT_OFFER, Grade.CONSIDER)}
    colours = {m.split("-badge")[0] for m in marks.values()}
    symbols = {m.split("[")[1].split(" ")[0] for m in marks.values()}
    words = {PAGE.grades.of(g) for g in marks}
    assert len(colours) == len(symbols) == len(words) == 3


def test_a_verdict_read_only_in_a_summary_says_so_in_its_cell(evidence):
    from_summary = [(t, v) for t in TIPS for _, v in t.evidence.verdicts if v.read_in == ReadIn.SUMMARY]
    rows = {**tables(evidence)[0], **tables(evidence)[1]}
    for tip, _ in from_summary:
        assert PAGE.summary_note in rows[tip.title]
