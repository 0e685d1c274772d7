"""The evidence page in a real browser: the legend explains the four verdicts, and "not
routinely" has a badge of its own that looks like neither "do not offer" nor "consider"."""

from __future__ import annotations

from playwright.sync_api import expect

from backknee.content.pages.evidence import EvidencePage
from backknee.vocab import Grade
from backknee.words.evidence import BADGES
from tests.e2e.helpers import CONTENT_NOW, PHONE, TABLET_LANDSCAPE, axe_violations, eventually

PAGE = CONTENT_NOW.page("evidence", EvidencePage)
BADGE_STYLE = """el => {
    const s = getComputedStyle(el);
    return [s.color, s.backgroundColor, el.innerText.trim()];
}"""


def open_evidence(visit, screen):
    tab = visit(screen)
    tab.open("evidence")
    expect(tab.page.get_by_role("heading", level=1, name=PAGE.heading)).to_be_visible()
    expect(tab.page.get_by_role("heading", name=PAGE.legend_heading)).to_be_visible()
    tab.wait_until_settled()
    return tab


def test_the_legend_explains_every_verdict_and_not_routinely_has_a_badge_of_its_own(visit):
    tab = open_evidence(visit, TABLET_LANDSCAPE)
    legend = tab.page.locator("[data-testid=stMarkdownContainer]").filter(
        has=tab.page.get_by_role("heading", name=PAGE.legend_heading)
    )
    for grade in Grade:
        expect(legend).to_contain_text(PAGE.legend.of(grade))
        expect(legend).to_contain_text(PAGE.grades.of(grade))
    badges = {
        grade: legend.get_by_role("listitem").locator("span", has_text=PAGE.grades.of(grade)).first
        for grade in (Grade.NOT_ROUTINELY, Grade.DO_NOT_OFFER, Grade.CONSIDER)
    }
    for badge in badges.values():
        expect(badge).to_be_visible()

    def three_looks() -> dict[Grade, list[str]]:  # computed styles: read again until they pass
        looks = {grade: badge.evaluate(BADGE_STYLE) for grade, badge in badges.items()}
        colours = {(colour, background) for colour, background, _ in looks.values()}
        marks = {text.split(" ")[0] for _, _, text in looks.values()}
        assert len(colours) == 3 and len(marks) == 3, looks
        return looks

    looks = eventually(three_looks)
    other_table = tab.page.get_by_role("table").last
    mark = BADGES[Grade.NOT_ROUTINELY][1]
    in_table = other_table.get_by_text(f"{mark} {PAGE.grades.of(Grade.NOT_ROUTINELY)}", exact=True)
    expect(in_table.first).to_be_visible()

    def looks_like_the_legend() -> None:
        assert in_table.first.evaluate(BADGE_STYLE)[:2] == list(looks[Grade.NOT_ROUTINELY][:2])

    eventually(looks_like_the_legend)
    tab.screenshot("evidence")


def test_axe_finds_no_violations_on_the_evidence_page_with_its_badges(visit):
    for screen in (TABLET_LANDSCAPE, PHONE):
        tab = open_evidence(visit, screen)
        assert axe_violations(tab) == [], screen.name
