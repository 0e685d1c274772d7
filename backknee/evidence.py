"""The evidence page's table: every treatment in this guide against the UK guidelines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backknee.models import GradeLabels, Tip, Verdict


@dataclass(frozen=True)
class Row:
    tip: Tip
    back: str
    knee: str
    also: str
    differ: bool


def _cell(verdict: Verdict, grades: GradeLabels) -> str:
    section = f" ({verdict.section})" if verdict.section else ""
    return f"{grades.of(verdict.grade)}{section}"


def rows(tips: Iterable[Tip], grades: GradeLabels) -> tuple[list[Row], list[Row]]:
    """(recommended, other treatments), each in title order."""
    made = [
        Row(
            tip=tip,
            back=_cell(tip.evidence.back, grades),
            knee=_cell(tip.evidence.knee, grades),
            also="; ".join(v.also for v in (tip.evidence.back, tip.evidence.knee) if v.also),
            differ=tip.evidence.differ,
        )
        for tip in sorted(tips, key=lambda t: t.title)
    ]
    return [r for r in made if r.tip.recommendable], [r for r in made if not r.tip.recommendable]


def markdown_table(table: list[Row], columns: list[str], differ_label: str, sources: dict[str, str]) -> str:
    """A Markdown table (a real HTML table for screen readers), one row per treatment."""
    head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns)
    lines = [
        f"| **{r.tip.title}** | {r.back} | {r.knee} | "
        + (f"⚠️ **{differ_label}.** " if r.differ else "")
        + f"{_escape(r.also)} :small[{_escape(sources[r.tip.id])}] |"
        for r in table
    ]
    return "\n".join([head, *lines])


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
