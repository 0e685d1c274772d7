"""Real-browser tests: Debian's Chromium driven by Playwright against the app on a free port.

Without Chromium the tests skip with one loud line, except under CI=true, where they fail.
Only hooks and fixtures live here; the screens, the server, Visit and the shared checks are in
helpers.py, which the tests import.
"""

from __future__ import annotations

import gc
import os
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import greenlet
import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.helpers import (
    ARTIFACTS,
    CHROMIUM,
    IN_CI,
    KIOSK_ENV,
    LAUNCH_ARGS,
    MISSING,
    UPDATE,
    Screen,
    Visit,
    new_tab,
    running_app,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not CHROMIUM.exists() and not IN_CI:
        terminalreporter.write_line(f"!!! {MISSING}", red=True, bold=True)


HANG_WARNING_S = 60
"""How long before pytest-timeout stops a test that the test's own waiting point is printed."""


def _print_where_playwright_waits(config: pytest.Config, test: str) -> None:
    # Playwright's sync API runs each call in a greenlet; the timeout's own dump shows only
    # the event loop, so print every suspended greenlet's stack: the test's line is in it.
    # Through pytest's terminal, with capturing suspended, as pytest-timeout writes its own dump.
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        capture.suspend_global_capture(in_=True)
    out = config.get_terminal_writer()
    out.line(f"!!! {test} is still running {HANG_WARNING_S} s before its time limit. It waits here:")
    for suspended in [g for g in gc.get_objects() if isinstance(g, greenlet.greenlet)]:
        if suspended.gr_frame is not None:
            out.line("".join(traceback.format_stack(suspended.gr_frame)) + "---")
    out.flush()
    if capture is not None:
        capture.resume_global_capture()


@pytest.fixture(autouse=True)
def name_a_hang(request: pytest.FixtureRequest) -> Iterator[None]:
    """A browser test that hangs says where, before pytest-timeout stops the run."""
    limit = float(request.config.getini("timeout") or 0)
    if limit <= HANG_WARNING_S:
        yield
        return
    timer = threading.Timer(
        limit - HANG_WARNING_S, _print_where_playwright_waits, args=(request.config, request.node.nodeid)
    )
    timer.daemon = True
    timer.start()
    yield
    timer.cancel()


@pytest.fixture(scope="session", autouse=True)
def patient_expect() -> None:
    """Every waiting assertion waits up to UPDATE (15 s) unless it says otherwise: Playwright's
    default of 5 s is too short for a rerun on a busy 2-core machine."""
    expect.set_options(timeout=UPDATE)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright launches Debian's Chromium with flags that keep it off the network."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{MISSING} CI must run the browser tests.")
        pytest.skip(MISSING)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": LAUNCH_ARGS}


@pytest.fixture(scope="session")
def app_url(browser_type_launch_args: dict[str, Any]) -> Iterator[str]:
    """One server for the whole browser session (started only when Chromium is there)."""
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def kiosk_url(browser_type_launch_args: dict[str, Any]) -> Iterator[str]:
    """A second server, run as a shared clinic tablet's: kiosk mode and short idle times, set
    in its environment as a clinic would (never in the address)."""
    with running_app(extra_env=KIOSK_ENV) as url:
        yield url


@pytest.fixture
def kiosk_visit(browser: Browser, kiosk_url: str) -> Iterator[Callable[[Screen], Visit]]:
    """Open a new tab on the kiosk server: kiosk_visit(TABLET_LANDSCAPE)."""
    yield from _tabs_on(browser, kiosk_url)


@pytest.fixture
def visit(browser: Browser, app_url: str) -> Iterator[Callable[[Screen], Visit]]:
    """Open a new tab at a screen size: visit(TABLET_LANDSCAPE).open('urgent')."""
    yield from _tabs_on(browser, app_url)


def _tabs_on(browser: Browser, url: str) -> Iterator[Callable[[Screen], Visit]]:
    """A tab opener for one server; every tab it opened is closed afterwards."""
    tabs: list[Visit] = []

    def open_(screen: Screen) -> Visit:
        tabs.append(new_tab(browser, screen, url))
        return tabs[-1]

    yield open_
    for tab in tabs:
        tab.close()
