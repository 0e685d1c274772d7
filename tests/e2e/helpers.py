"""What the browser tests share: the screens, the app's server, a tab (Visit), the locators and
checks that several test files use, and `eventually` for measurements. Plain code, no fixtures
(those are in conftest.py); test files import from here, never from one another.

Waiting: every check of what the page shows uses Playwright's waiting assertions (`expect`,
whose default timeout the e2e conftest raises to UPDATE). A measurement that `expect` cannot
express (a bounding box, a computed style, a page's width) goes through `eventually`, which
reads again until the check passes or UPDATE has passed: layout can still move after a run.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import Error as PlaywrightError

from backknee.content.loader import load_content
from deploy.serve import free_port, start_replica, wait_healthy
from tests.paths import CONTENT, ROOT

CONTENT_NOW = load_content(CONTENT)
"""The content files as they are now: every word a browser test expects comes from them."""

UPDATE = 15_000
"""ms: how long a check waits for the page (a rerun on a busy 2-core machine); the e2e
conftest makes it `expect`'s default."""

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
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}

KIOSK_IDLE_SECONDS = 20
KIOSK_WARNING_SECONDS = 8
KIOSK_ENV = {
    "BACKKNEE_KIOSK": "1",
    "BACKKNEE_KIOSK_IDLE_SECONDS": str(KIOSK_IDLE_SECONDS),
    "BACKKNEE_KIOSK_WARNING_SECONDS": str(KIOSK_WARNING_SECONDS),
}
"""The kiosk server's settings in the browser tests: short idle times, but longer than any
one rerun, or the checks (axe, sizes) made between taps, take on a busy 2-core machine."""

T = TypeVar("T")


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


@contextlib.contextmanager
def running_app(script: str = "asgi.py", extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """Serve a script (the app, through asgi.py, unless told) on a free loopback port, as `make run` would;
    yield its address. Started, checked and stopped by deploy/serve.py, as `make serve` does."""
    ARTIFACTS.mkdir(exist_ok=True)
    # Only the port and address are set here: every other setting comes from
    # .streamlit/config.toml, so the privacy tests test the real configuration.
    replica = start_replica(free_port(), ARTIFACTS, {**os.environ, **(extra_env or {})}, script)
    try:
        wait_healthy(f"{replica.url}/_stcore/health", replica.process, replica.log)
        yield replica.url
    finally:
        replica.stop()


SETTLED = """() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-stale=true]')
    && !document.querySelector('[data-testid=stSkeleton]')
    && [...document.querySelectorAll('style')].some(s => s.textContent.includes('stHeaderActionElements'))
    && window.__backkneeBrowserFixes === true"""
STILL = """() => document.getAnimations()
        .every(a => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)"""
CHART = "svg.bk-chart"
"""Every chart: an SVG picture drawn in Python (backknee/charts/svg.py)."""
HEADING = "(t) => [...document.querySelectorAll('h1')].some(h => h.innerText.trim() === t)"


@dataclass
class Visit:
    """A browser tab at one screen size, recording every request it makes."""

    page: Page
    screen: Screen
    base_url: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    """What the page wrote to the browser's console."""

    def open(self, path: str = "") -> None:
        self.page.goto(f"{self.base_url}/{path}")
        self.wait_until_settled()

    def close(self) -> None:
        """Close the tab's browser context, once nothing in it is navigating.

        Chromium can lose a close that races a navigation commit, and Playwright's close then
        waits forever (crbug.com/536385539; microsoft/playwright#42068). A kiosk page reloads
        and replaces itself on its own, so first land on a blank page and let it finish."""
        for _ in range(3):
            try:
                self.page.goto("about:blank", wait_until="load", timeout=10_000)
                break
            except PlaywrightError:  # interrupted by the page's own navigation: once more
                continue
        self.page.context.close()

    def wait_until_settled(self, expect_text: str | None = None) -> None:
        """Wait until Streamlit has finished the run, every widget has loaded (some, such as
        sliders, are loaded lazily and stand as a skeleton until then) and, if given, the
        text is on screen."""
        self.page.wait_for_selector("h1", timeout=30_000)
        if expect_text:
            self.page.get_by_text(expect_text, exact=False).first.wait_for(timeout=30_000)
        self.page.wait_for_function(SETTLED, timeout=30_000)

    def wait_until_still(self) -> None:
        """Settled, and nothing is still moving: no fade or other finite CSS animation is
        running (Streamlit fades elements during a rerun, and a half-faded colour fails a
        contrast check) and every chart has been drawn."""
        self.wait_until_settled()
        self.page.wait_for_function(STILL, timeout=30_000)

    def wait_for_heading(self, heading: str, timeout: float = 30_000) -> None:
        """Wait until a main heading (h1) reads exactly `heading`."""
        self.page.wait_for_function(HEADING, arg=heading, timeout=timeout)

    def menu_links(self) -> Locator:
        """The menu's links as this screen shows them: in the top bar, or in the drawer on a phone."""
        return self.page.get_by_test_id("stSidebarNavLink" if self.screen.narrow else "stTopNavLink")

    def go_to(self, title: str, heading: str) -> None:
        """Use the navigation as a person would (the top bar, or the drawer on a phone) and
        wait for the page's main heading."""
        if self.screen.narrow:
            self.page.get_by_test_id("stExpandSidebarButton").tap()
            self.page.locator('[data-testid=stSidebar][data-collapsed="false"]').wait_for()
        press(self, self.menu_links().filter(has_text=title))
        self.wait_for_heading(heading)
        self.wait_until_settled()
        if self.screen.narrow:  # the drawer closes by itself and slides out of the way
            # Collapsed, then either slid off the screen or hidden: both are out of the way.
            self.page.locator('[data-testid=stSidebar][data-collapsed="true"]').wait_for(
                state="attached", timeout=UPDATE
            )
            self.page.wait_for_function(
                "() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().right <= 1",
                timeout=UPDATE,
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


def new_tab(browser: Browser, screen: Screen, base_url: str, ignore_https_errors: bool = False) -> Visit:
    """A new browser context and tab at a screen's size, recording every request it makes and
    what it logs (close it with tab.close()). `ignore_https_errors` is for our own
    self-signed certificate on loopback."""
    context = browser.new_context(
        viewport={"width": screen.width, "height": screen.height},
        has_touch=screen.touch,
        is_mobile=screen.touch and screen.narrow,
        ignore_https_errors=ignore_https_errors,
    )
    tab = Visit(context.new_page(), screen, base_url)
    tab.page.on("request", lambda request: tab.requests.append(request.url))
    tab.page.on("websocket", lambda socket: tab.requests.append(socket.url))  # not a "request"
    tab.page.on("console", lambda message: tab.console.append(message.text))
    return tab


# --- Words as the browser shows them


def shown(markdown: str) -> str:
    """A sentence as the browser shows it: the Markdown bold marks are gone."""
    return markdown.replace("**", "")


def one_line(text: str) -> str:
    """Text as an accessible name holds it: runs of spaces and line breaks become one space."""
    return " ".join(text.split())


# --- Controls, as a person finds and uses them


def press(tab: Visit, target: Locator) -> None:
    """Tap on a touch screen, click with a mouse."""
    target.scroll_into_view_if_needed()
    if tab.screen.touch:
        target.tap()
    else:
        target.click()


def tap_centre(tab: Visit, target: Locator) -> None:
    """Touch the middle of something that is not itself a control (a chart's marker, the words
    of a card), as a finger would."""
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    assert box, f"{target} has no box to tap"
    tab.page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def option(tab: Visit, group: str, label: str) -> Locator:
    """One choice of a segmented control (a radio in a radio group named by its question)."""
    radios = tab.page.get_by_role("radiogroup", name=group, exact=True)
    return radios.get_by_role("radio", name=label, exact=True)


def pill(tab: Visit, toolbar: str, label: str) -> Locator:
    """A pill of a multi-choice group (once picked, style.css puts a tick before it, which a
    browser may count in its name)."""
    name = re.compile(rf"^(✓ )?{re.escape(label)}$")
    return tab.page.get_by_role("toolbar", name=toolbar).get_by_role("button", name=name)


def tick(target: Locator) -> str:
    """The tick style.css puts before a chosen button's words ('' when there is none)."""
    content = target.locator("p").evaluate("p => getComputedStyle(p, '::before').content")
    return "" if content in ("none", "normal") else content.strip('"')


def expect_tick(target: Locator, expected: str, why: str) -> None:
    """The tick before a chosen button's words is `expected` ('' for none), read again until
    so: it is a computed style, which no waiting assertion reads."""

    def check() -> None:
        assert tick(target) == expected, why

    eventually(check)


def switch_label(tab: Visit, switch: Locator) -> Locator:
    """A switch itself is visually hidden; a finger lands on its label."""
    return tab.page.get_by_test_id("stCheckbox").filter(has=switch).locator("label")


# --- Checks several pages share


def eventually(check: Callable[[], T], timeout_ms: float = UPDATE, every_ms: float = 100) -> T:
    """Run `check` (a read and its asserts) until it passes, and return what it returns; after
    `timeout_ms`, its last AssertionError is raised. Only for measurements that Playwright's
    waiting assertions cannot express (boxes, computed styles, widths, screenshots)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            return check()
        except AssertionError:
            if time.monotonic() >= deadline:
                raise
        time.sleep(every_ms / 1000)  # between reads of a measurement; Playwright has no expect.poll


CONTROLS_UNDER_44_PX = """(size = 44) => {
    const inText = '[data-testid=stMarkdownContainer] p, [data-testid=stMarkdownContainer] li';
    // A slider's range input and a switch's checkbox are visually hidden (for keyboards and
    // screen readers); a finger lands on the slider's track or the switch's whole label.
    const target = e => e.matches('input[type=range]') ? e.closest('[role=group]').firstElementChild
        : e.matches('input[type=checkbox]') && e.closest('label') ? e.closest('label') : e;
    return [...document.querySelectorAll('a, button, [role=button], input, select, summary')]
        .filter(e => e.offsetParent !== null && e.dataset.testid !== 'stSkipToContent')
        .filter(e => !e.closest(inText))  // links inside a sentence are exempt (WCAG 2.5.8)
        .map(e => [e.innerText || e.getAttribute('aria-label') || e.tagName, target(e)])
        .map(([name, e]) => [name, e.getBoundingClientRect()])
        .filter(([, r]) => r.width < size || r.height < size)
        .map(([name, r]) => `${name.trim().slice(0, 40)} ${Math.round(r.width)}x${Math.round(r.height)}`);
}"""


def controls_under_44_px(tab: Visit, size: int = 44) -> list[str]:
    """Every control on the page smaller than `size` x `size` px (44 unless told; a kiosk asks
    for 48), as 'name WxH'. Measured again until there is none or UPDATE has passed: [] means
    none was too small; otherwise the last measurement."""
    readings: list[list[str]] = []

    def none_too_small() -> None:
        readings.append(tab.page.evaluate(CONTROLS_UNDER_44_PX, size))
        assert readings[-1] == []

    with contextlib.suppress(AssertionError):
        eventually(none_too_small)
    return readings[-1]


def assert_finger_sized(targets: list[Locator], what: str = "targets") -> None:
    """Each target is at least 44 x 44 px (measured again until so, or UPDATE has passed)."""

    def measured() -> None:
        small = []
        for target in targets:
            box = target.bounding_box()
            assert box, f"{target} is not on screen"
            if box["width"] < 44 or box["height"] < 44:
                name = (target.text_content() or "").strip()[:40] or str(target)
                small.append(f"{name} {box['width']:.0f}x{box['height']:.0f}")
        assert small == [], f"{what} smaller than 44 px: {small}"

    eventually(measured)


def assert_fits_across(target: Locator, width: int) -> None:
    """The target lies within a screen `width` px wide (half a pixel spare for rounding)."""

    def inside() -> None:
        box = target.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (target, box)

    eventually(inside)


def assert_nothing_overflows_sideways(tab: Visit) -> None:
    """Neither the document nor Streamlit's main area (which scrolls) is wider than the window."""

    def fits() -> None:
        widths = tab.page.evaluate(
            """() => ({
                document: document.documentElement.scrollWidth,
                main: document.querySelector('[data-testid=stMain]').scrollWidth,
                viewport: window.innerWidth,
            })"""
        )
        assert widths["document"] <= widths["viewport"], widths
        assert widths["main"] <= widths["viewport"], widths

    eventually(fits)


def expect_charts_drawn(tab: Visit) -> None:
    """The page has charts, and every one is on the page with a size (not squashed to nothing)."""
    charts = tab.page.locator(CHART)
    expect(charts.first).to_be_visible(timeout=UPDATE)
    for drawn in charts.all():
        expect(drawn).to_be_visible()
        box = drawn.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, f"a chart drawn too small: {box}"


def axe_violations(tab: Visit) -> list[str]:
    """What axe finds against WCAG 2.0-2.2 A and AA and best practice, once the page is still."""
    tab.wait_until_still()
    results = Axe().run(
        tab.page,
        options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def outside_requests(tab: Visit) -> list[str]:
    """The requests this tab made to any host but the app's own (loopback)."""
    return [url for url in tab.requests if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(url).hostname not in LOOPBACK]  # fmt: skip
