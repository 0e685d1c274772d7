"""Cold start: from starting the server to the first meaningful text in Chromium, for the app's
home page and for the bare one-slider app, alternating, in the same run; and for the app, to
its first picture drawn.

Each start is a new server process and a new, empty browser context. The clock starts just
before the process is spawned; the health check is polled every 20 ms, then the page is
opened and the clock stops when its text (and, for the app, its cycle picture) is on screen.
Run: `make bench`. Prints its rows and returns them for bench/run.py.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, sync_playwright

from backknee.content.loader import load_content
from backknee.content.pages.home import HomePage
from bench.report import Row, run
from deploy.serve import free_port, start_replica, wait_healthy
from tests.e2e.helpers import CHROMIUM, LAUNCH_ARGS
from tests.paths import CONTENT

STARTS = 5
TARGET_RATIO = 1.2
LOGS = ROOT / "test-artifacts"
HOME_HEADING = load_content(CONTENT).page("home", HomePage).heading


def one_start(browser: Browser, script: str, text: str, picture: str | None) -> tuple[float, float | None]:
    """Seconds from spawning the server to `text` on screen, and to `picture` drawn (if given)."""
    LOGS.mkdir(exist_ok=True)
    started = time.monotonic()
    replica = start_replica(free_port(), LOGS, os.environ, script)
    try:
        wait_healthy(f"{replica.url}/_stcore/health", replica.process, replica.log, poll_s=0.02)
        context = browser.new_context(viewport={"width": 1024, "height": 768})
        page = context.new_page()
        page.goto(replica.url)
        page.get_by_text(text, exact=True).first.wait_for(timeout=60_000)
        to_text = time.monotonic() - started
        to_picture = None
        if picture:
            page.locator(picture).first.wait_for(timeout=60_000)
            to_picture = time.monotonic() - started
        context.close()
        return to_text, to_picture
    finally:
        replica.stop()


def main() -> list[Row]:
    bare: list[float] = []
    app: list[float] = []
    picture: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        one_start(browser, "bench/bare_app.py", "The value is 50.", None)  # warm the disk cache
        for _ in range(STARTS):
            bare.append(one_start(browser, "bench/bare_app.py", "The value is 50.", None)[0])
            to_text, to_picture = one_start(browser, "asgi.py", HOME_HEADING, "svg.bk-chart")
            app.append(to_text)
            picture.append(to_picture or 0.0)
        browser.close()
    bare_s, text_s, picture_s = (statistics.median(values) for values in (bare, app, picture))
    rows = [
        Row("cold start", "bare app: server start to its text", bare_s, "s"),
        Row(
            "cold start", "home: server start to its heading", text_s, "s", bare_s,
            f"≤ {TARGET_RATIO}x bare", text_s / bare_s <= TARGET_RATIO, f"median of {STARTS}",
        ),
        Row("cold start", "home: server start to its picture", picture_s, "s", bare_s, note="reported"),
    ]  # fmt: skip
    return rows


if __name__ == "__main__":
    run(main)
