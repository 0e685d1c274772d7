"""Real-browser tests: Debian's Chromium driven by Playwright against the app on a free port.

Without Chromium the tests skip with one loud line, except under CI=true, where they fail.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import ROOT

CHROMIUM = Path(os.environ.get("BACKKNEE_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# CI services set CI to "true", "1" or "yes"; only an empty, "0" or "false" value means not CI.
IN_CI = os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}
ARTIFACTS = ROOT / "test-artifacts"
MISSING = f"BROWSER TESTS SKIPPED: no Chromium at {CHROMIUM}. Install it with `apt-get install chromium`."


@dataclass(frozen=True)
class Screen:
    name: str
    width: int
    height: int
    touch: bool

    @property
    def narrow(self) -> bool:
        """Below 768 px Streamlit folds the top navigation into a drawer."""
        return self.width < 768


DESKTOP = Screen("desktop", 1280, 800, touch=False)
TABLET_LANDSCAPE = Screen("tablet-landscape", 1024, 768, touch=True)
TABLET_PORTRAIT = Screen("tablet-portrait", 768, 1024, touch=True)
PHONE = Screen("phone", 390, 844, touch=True)
SCREENS = [DESKTOP, TABLET_LANDSCAPE, TABLET_PORTRAIT, PHONE]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not CHROMIUM.exists() and not IN_CI:
        terminalreporter.write_line(f"!!! {MISSING}", red=True, bold=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright launches Debian's Chromium with flags that keep it off the network."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{MISSING} CI must run the browser tests.")
        pytest.skip(MISSING)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": LAUNCH_ARGS}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_app(script: str = "app.py", extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """Serve a script (app.py unless told) on a free loopback port, as `make run` would;
    yield its address."""
    port = _free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    # Only the port and address are set here: every other setting comes from
    # .streamlit/config.toml, so the privacy tests test the real configuration.
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        f"--server.port={port}", "--server.address=127.0.0.1",
    ]  # fmt: skip
    log = (ARTIFACTS / f"server-{port}.log").open("w")
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, **(extra_env or {})},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:  # noqa: S310
                    if answer.read() == b"ok":
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the app did not start; see {log.name}") from None
                time.sleep(0.2)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="session")
def app_url(browser_type_launch_args: dict[str, Any]) -> Iterator[str]:
    """One server for the whole browser session (started only when Chromium is there)."""
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app() as url:
        yield url


@dataclass
class Visit:
    """A browser tab at one screen size, recording every request it makes."""

    page: Page
    screen: Screen
    base_url: str
    requests: list[str] = field(default_factory=list)

    def open(self, path: str = "") -> None:
        self.page.goto(f"{self.base_url}/{path}")
        self.wait_until_settled()

    def wait_until_settled(self, expect_text: str | None = None) -> None:
        """Wait until Streamlit has finished the run, every widget has loaded (some, such as
        sliders, are loaded lazily and stand as a skeleton until then) and, if given, the
        text is on screen."""
        self.page.wait_for_selector("h1", timeout=30_000)
        if expect_text:
            self.page.get_by_text(expect_text, exact=False).first.wait_for(timeout=30_000)
        self.page.wait_for_function(
            """() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState === 'notRunning'
                && !document.querySelector('[data-stale=true]')
                && !document.querySelector('[data-testid=stSkeleton]')
                && [...document.querySelectorAll('style')]
                    .some(s => s.textContent.includes('stHeaderActionElements'))
                && window.__backkneeBrowserFixes === true""",
            timeout=30_000,
        )

    def go_to(self, title: str, heading: str) -> None:
        """Use the navigation as a person would (the top bar, or the drawer on a phone) and
        wait for the page's main heading."""
        if self.screen.narrow:
            self.page.get_by_test_id("stExpandSidebarButton").tap()
            self.page.locator('[data-testid=stSidebar][data-collapsed="false"]').wait_for()
            link = self.page.get_by_test_id("stSidebarNavLink").filter(has_text=title)
        else:
            link = self.page.get_by_test_id("stTopNavLink").filter(has_text=title)
        if self.screen.touch:
            link.tap()
        else:
            link.click()
        self.page.wait_for_function(
            "(t) => [...document.querySelectorAll('h1')].some(h => h.innerText.trim() === t)",
            arg=heading,
            timeout=30_000,
        )
        self.wait_until_settled()
        if self.screen.narrow:  # the drawer closes by itself and slides out of the way
            # Collapsed, then either slid off the screen or hidden: both are out of the way.
            self.page.locator('[data-testid=stSidebar][data-collapsed="true"]').wait_for(
                state="attached", timeout=5_000
            )
            self.page.wait_for_function(
                "() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().right <= 1",
                timeout=5_000,
            )

    def screenshot(self, name: str) -> None:
        """Save what the person sees, section by section (Streamlit scrolls inside stMain)."""
        main = "document.querySelector('[data-testid=stMain]')"
        height = self.page.evaluate(f"{main}.scrollHeight")
        for index, top in enumerate(range(0, height, self.screen.height - 120)):
            self.page.evaluate(f"{main}.scrollTo(0, {top})")
            self.page.screenshot(path=ARTIFACTS / f"{self.screen.name}-{name}-{index}.png")
            if index == 5:
                break
        self.page.evaluate(f"{main}.scrollTo(0, 0)")


@pytest.fixture
def visit(browser: Browser, app_url: str) -> Callable[[Screen], Visit]:
    """Open a new tab at a screen size: visit(TABLET_LANDSCAPE).open('urgent')."""
    contexts = []

    def open_(screen: Screen) -> Visit:
        context = browser.new_context(
            viewport={"width": screen.width, "height": screen.height},
            has_touch=screen.touch,
            is_mobile=screen.touch and screen.narrow,
        )
        contexts.append(context)
        tab = Visit(context.new_page(), screen, app_url)
        tab.page.on("request", lambda request: tab.requests.append(request.url))
        tab.page.on("websocket", lambda socket: tab.requests.append(socket.url))  # not a "request"
        return tab

    yield open_
    for context in contexts:
        context.close()
