"""What a first visit moves over the network, in real Chromium with an empty cache: each page
served straight by Streamlit and through the shipped nginx (deploy/serve.py: brotli, gzip),
against the bare one-slider Streamlit app served the same two ways in the same run.

Bytes are what crossed the wire (Chromium's encodedDataLength, headers included) for every
request, plus every WebSocket frame, until the page has finished and drawn its charts.
Run: `make bench` (after `make test` has installed Chromium and nginx).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, sync_playwright

from backknee.content.loader import load_content
from bench.report import Row, run
from deploy.serve import serving
from tests.e2e.helpers import CHROMIUM, LAUNCH_ARGS, SETTLED, STILL
from tests.paths import CONTENT

PAGES = [
    item.page if item.page != "home" else "" for item in load_content(CONTENT).site.menu if not item.kiosk
]
"""Every page in the menu, as a patient at home finds it (home at the root)."""

LANDING_RATIO = 1.2
"""The landing page, through the proxy, moves at most this many times the bare app's bytes."""
PAGE_MB = 2.0
"""Every page, through the proxy (as a patient gets it), moves at most this many MB."""


def first_visit_bytes(browser: Browser, url: str, ours: bool) -> int:
    """Bytes moved by a first visit to `url` in a new, empty browser context."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1024, "height": 768})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    moved: list[int] = []

    def finished(event: dict) -> None:
        moved.append(int(event["encodedDataLength"]))

    def frame(event: dict) -> None:
        moved.append(len(event["response"]["payloadData"]))

    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.webSocketFrameReceived", frame)
    cdp.on("Network.webSocketFrameSent", frame)
    page.goto(url)
    page.wait_for_selector("h1" if ours else "[data-testid=stSlider]", timeout=60_000)
    if ours:
        page.wait_for_function(SETTLED, timeout=60_000)
        page.wait_for_function(STILL, timeout=60_000)
    page.wait_for_timeout(1500)  # anything loaded late (fonts, lazy chunks) is counted too
    context.close()
    return sum(moved)


def main() -> list[Row]:
    measured: list[tuple[str, int, int]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        with serving(replicas=1, script="bench/bare_app.py") as bare, serving(replicas=1) as app:
            bare_direct = first_visit_bytes(browser, bare.replicas[0].url, ours=False)
            bare_proxy = first_visit_bytes(browser, bare.https, ours=False)
            for path in PAGES:
                measured.append((
                    path or "home",
                    first_visit_bytes(browser, f"{app.replicas[0].url}/{path}", ours=True),
                    first_visit_bytes(browser, f"{app.https}/{path}", ours=True),
                ))  # fmt: skip
        browser.close()
    rows = [
        Row("first visit", "bare app, direct", bare_direct / 1e6, "MB"),
        Row("first visit", "bare app, through the proxy", bare_proxy / 1e6, "MB"),
    ]
    for name, direct, proxied in measured:
        if name == "home":
            rows.append(Row(
                "first visit", "home (landing), through the proxy", proxied / 1e6, "MB", bare_proxy / 1e6,
                f"≤ {LANDING_RATIO}x bare through the proxy", proxied / bare_proxy <= LANDING_RATIO,
            ))  # fmt: skip
        rows.append(Row(
            "first visit", f"{name}, through the proxy", proxied / 1e6, "MB", bare_proxy / 1e6,
            f"≤ {PAGE_MB} MB", proxied / 1e6 <= PAGE_MB,
        ))  # fmt: skip
        rows.append(Row(
            "first visit", f"{name}, direct (no compression)", direct / 1e6, "MB", bare_direct / 1e6,
            note="Streamlit alone sends its bundle uncompressed",
        ))  # fmt: skip
    return rows


if __name__ == "__main__":
    run(main)
