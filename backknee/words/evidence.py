"""NICE's verdicts as a patient reads them: a badge per verdict, and the evidence page's table
of every treatment in this guide against the UK guidelines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backknee.content.base import Labels
from backknee.content.items import Tip, Verdict
from backknee.content.labels import GradeLabels
from backknee.vocab import Grade, ReadIn

BADGES = {
    Grade.OFFER: ("green", "✓"),
    Grade.CONSIDER: ("blue", "+"),
    Grade.NOT_ROUTINELY: ("orange", "!"),
    Grade.DO_NOT_OFFER: ("red", "✕"),
    Grade.NOT_COVERED: ("gray", "–"),
}
"""Each verdict's colour and mark: every one differs in both, and its words say it too."""


def badge(grade: Grade, grades: GradeLabels) -> str:
    """A verdict as a coloured badge with its own mark and NICE's words (Streamlit Markdown)."""
    colour, mark = BADGES[grade]
    return f":{colour}-badge[{mark} {_escape(grades.of(grade))}]"


def verdict_text(verdict: Verdict, grades: GradeLabels, recommendation: str, summary_note: str) -> str:
    """The badge, the recommendation's number where we know it, and a visible note when we
    have read the verdict only in a summary of the guideline."""
    parts = [badge(verdict.grade, grades)]
    if verdict.recommendation:
        parts.append(recommendation.format(number=verdict.recommendation))
    if verdict.read_in == ReadIn.SUMMARY:
        parts.append(f"*{summary_note}*")
    return " ".join(parts)


@dataclass(frozen=True)
class Row:
    tip: Tip
    back: str
    knee: str
    also: str
    differ: bool


def rows(
    tips: Iterable[Tip], grades: GradeLabels, recommendation: str, summary_note: str, not_for_joint: str
) -> tuple[list[Row], list[Row]]:
    """(recommended, other treatments), each in title order."""

    def cell(verdict: Verdict | None) -> str:
        if verdict is None:
            return f"*{not_for_joint}*"
        return verdict_text(verdict, grades, recommendation, summary_note)

    made = [
        Row(
            tip=tip,
            back=cell(tip.evidence.back),
            knee=cell(tip.evidence.knee),
            also="; ".join(v.also for _, v in tip.evidence.verdicts if v.also),
            differ=tip.evidence.differ,
        )
        for tip in sorted(tips, key=lambda t: t.title)
    ]
    return [r for r in made if r.tip.recommendable], [r for r in made if not r.tip.recommendable]


def markdown_table(table: list[Row], columns: list[str], differ_label: str, sources: dict[str, str]) -> str:
    """A Markdown table (a real HTML table for screen readers), one row per treatment."""
    head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns)
    lines = [
        f"| **{_escape(r.tip.title)}** | {r.back} | {r.knee} | "
        + (f":material/warning: **{differ_label}.** " if r.differ else "")
        + f"{_escape(r.also)} :small[{_escape(sources[r.tip.id])}] |"
        for r in table
    ]
    return "\n".join([head, *lines])


def legend(grades: GradeLabels, meanings: Labels, summary_note: str, summary_legend: str) -> str:
    """The evidence page's legend: each verdict's badge and what it means, then what the note
    beside a verdict read only in a summary means."""
    lines = [f"- {badge(grade, grades)} {meanings.of(grade)}" for grade in BADGES]
    lines.append(f"- *{summary_note}*: {summary_legend}")
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("[", "(").replace("]", ")")
