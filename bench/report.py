"""One row of `make bench`'s table: what was measured, against what, and whether it met its target.

Every benchmark's `main()` returns a list of these; bench/run.py runs them all, prints one
table and writes bench/results.json. Run alone, a benchmark prints its own rows.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """`value` in `unit`; `bare` is the bare Streamlit app's figure in the same run (if any),
    and `ratio` value/bare. `target` says the target in words ("≤ 1.2x bare"), and `met` is
    True or False against it, or None when the figure is only reported."""

    section: str
    name: str
    value: float
    unit: str
    bare: float | None = None
    target: str = "reported"
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.bare if self.bare else None

    def as_json(self) -> dict:
        return {**dataclasses.asdict(self), "ratio": self.ratio}


def verdict(met: bool | None) -> str:
    return {True: "met", False: "NOT MET", None: "reported"}[met]


def table(rows: list[Row]) -> str:
    """A Markdown table of the rows, one line each, in the order given."""
    lines = [
        "| section | measured | value | bare app | ratio | target | verdict |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        bare = f"{row.bare:.4g} {row.unit}" if row.bare is not None else ""
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        lines.append(
            f"| {row.section} | {row.name} | {row.value:.4g} {row.unit} | {bare} | {ratio} | "
            f"{row.target} | {verdict(row.met)} |"
        )
    return "\n".join(lines)
