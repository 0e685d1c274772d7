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
from deploy.serve import serving
from tests.e2e.helpers import CHROMIUM, LAUNCH_ARGS, SETTLED, STILL
from tests.paths import CONTENT

PAGES = [
    item.page if item.page != "home" else "" for item in load_content(CONTENT).site.menu if not item.kiosk
]
"""Every page in the menu, as a patient at home finds it (home at the root)."""


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


def main() -> None:
    rows: list[tuple[str, int, int]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        with serving(replicas=1, script="bench/bare_app.py") as bare, serving(replicas=1) as app:
            rows.append((
                "bare Streamlit app",
                first_visit_bytes(browser, bare.replicas[0].url, ours=False),
                first_visit_bytes(browser, bare.https, ours=False),
            ))  # fmt: skip
            for path in PAGES:
                rows.append((
                    path or "home",
                    first_visit_bytes(browser, f"{app.replicas[0].url}/{path}", ours=True),
                    first_visit_bytes(browser, f"{app.https}/{path}", ours=True),
                ))  # fmt: skip
        browser.close()
    _, bare_direct, bare_proxy = rows[0]
    print(f"{'first visit':<20} {'direct MB':>10} {'x bare':>7} {'proxy MB':>10} {'x bare':>7}")
    for name, direct, proxied in rows:
        print(
            f"{name:<20} {direct / 1e6:10.2f} {direct / bare_direct:7.2f} "
            f"{proxied / 1e6:10.2f} {proxied / bare_proxy:7.2f}"
        )


if __name__ == "__main__":
    main()
