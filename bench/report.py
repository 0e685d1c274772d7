"""One row of `make bench`'s table: what was measured, against what, and whether it met its target.

Every benchmark's `main()` returns a list of these; bench/run.py runs them all, prints one
table and writes bench/results.json. Run alone, a benchmark prints its own rows.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


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
        "| section | measured | value | bare app | ratio | target | verdict | note |",
        "|---|---|---:|---:|---:|---|---|---|",
    ]
    for row in rows:
        bare = f"{row.bare:.4g} {row.unit}" if row.bare is not None else ""
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        lines.append(
            f"| {row.section} | {row.name} | {row.value:.4g} {row.unit} | {bare} | {ratio} | "
            f"{row.target} | {verdict(row.met)} | {row.note} |"
        )
    return "\n".join(lines)


ROWS_FILE = "BENCH_ROWS_FILE"
"""bench/run.py sets this to a file where a benchmark run as a script writes its rows."""


def run(main: Callable[[], list[Row]]) -> None:
    """A benchmark's `if __name__ == "__main__"`: measure, print the rows, and hand them to
    bench/run.py when it asked (each benchmark runs in a process of its own, so one's
    servers, browsers and memory never weigh on the next one's figures)."""
    rows = main()
    print(table(rows))
    if path := os.environ.get(ROWS_FILE):
        Path(path).write_text(json.dumps([row.as_json() for row in rows], indent=1))


def from_json(data: dict) -> Row:
    fields = {field.name for field in dataclasses.fields(Row)}
    return Row(**{key: value for key, value in data.items() if key in fields})
