"""Server time of one interaction per page, as a ratio to a bare one-slider Streamlit app.

Both apps run in this process with AppTest, alternating A B A B so that drift on a shared
machine hits both alike; the first runs are discarded as warm-up. Run: `make bench`.

AppTest always reruns the whole script. On the home page the server reruns only the cycle's
fragment when a step is chosen, so this is an upper bound for that interaction;
bench_browser.py measures what the patient actually waits for.
"""

from __future__ import annotations

import logging
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import plotly  # noqa: E402
import streamlit  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

WARM_UP = 5
RUNS = 60
TARGET_RATIO = 3.0


@dataclass
class Case:
    """One page and the interaction a patient makes on it."""

    name: str
    open_page: Callable[[], AppTest]
    interact: Callable[[AppTest, int], None]


def _open(script: str | None) -> Callable[[], AppTest]:
    def open_() -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
        if script:
            at.switch_page(script).run()
        return at

    return open_


STEPS = ["back-pain", "moving-differently", "knee-load", "knee-pain", "moving-less", "weaker-heavier"]


def _choose_step(at: AppTest, i: int) -> None:
    at.pills(key="cycle_step").set_value(STEPS[i % len(STEPS)]).run()


def _rerun(at: AppTest, i: int) -> None:
    at.run()


def _bare() -> AppTest:
    return AppTest.from_file(str(ROOT / "bench" / "bare_app.py"), default_timeout=30).run()


def _move_slider(at: AppTest, i: int) -> None:
    at.slider(key="value").set_value(i % 100).run()


CASES = [
    Case("home: choose a cycle step", _open(None), _choose_step),
    Case("urgent: rerun the page", _open("app_pages/urgent.py"), _rerun),
    Case("about: rerun the page", _open("app_pages/about.py"), _rerun),
]


def _time(at: AppTest, interact: Callable[[AppTest, int], None], i: int) -> float:
    start = time.perf_counter()
    interact(at, i)
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"the page raised: {at.exception}")
    return elapsed * 1000


def measure(case: Case) -> tuple[list[float], list[float]]:
    page, bare = case.open_page(), _bare()
    page_ms: list[float] = []
    bare_ms: list[float] = []
    for i in range(WARM_UP + RUNS):
        b = _time(bare, _move_slider, i)
        p = _time(page, case.interact, i)
        if i >= WARM_UP:
            bare_ms.append(b)
            page_ms.append(p)
    return page_ms, bare_ms


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> int:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    print(
        f"Streamlit {streamlit.__version__}, plotly {plotly.__version__}, "
        f"Python {platform.python_version()}, "
        f"{platform.machine()}; {RUNS} runs after {WARM_UP} warm-up, alternating with the bare app.\n"
    )
    print("| page and interaction | median ms | p95 ms | bare median ms | ratio | target |")
    print("|---|---:|---:|---:|---:|---|")
    failed = False
    for case in CASES:
        page_ms, bare_ms = measure(case)
        ratio = statistics.median(page_ms) / statistics.median(bare_ms)
        ok = ratio <= TARGET_RATIO
        failed |= not ok
        print(
            f"| {case.name} | {statistics.median(page_ms):.1f} | {p95(page_ms):.1f} | "
            f"{statistics.median(bare_ms):.1f} | {ratio:.2f}x | "
            f"{'met' if ok else 'MISSED'} (<= {TARGET_RATIO:g}x) |"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
