"""The app as a clinic serves it: two app processes behind Debian's nginx with TLS, started by
deploy/serve.py on free loopback ports (the same code as `make serve`) and stopped afterwards.
Every page works through it with no Content-Security-Policy violation and axe clean; every
header is there; the metrics are refused; the plotly bundle comes compressed; a session stays
on one replica; and when a replica dies, its patient sees a fresh start at once, never a
traceback."""

from __future__ import annotations

import http.client
import re
import signal
import ssl
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import streamlit
from playwright.sync_api import Browser, expect

from backknee.content.pages.muscles import MusclesPage
from deploy.serve import Proxy, free_port, serving
from tests.e2e.explorer import QUESTION_COUNT, TIPS, choose, next_button, open_tips, tap_next
from tests.e2e.helpers import (
    ARTIFACTS,
    CONTENT_NOW,
    TABLET_LANDSCAPE,
    Screen,
    Visit,
    axe_violations,
    new_tab,
    option,
    press,
)
from tests.paths import ROOT

MUSCLES = CONTENT_NOW.page("muscles", MusclesPage)
WEAK_AREAS = CONTENT_NOW.compensation.weak_areas
VISIBLE_PAGES = [item for item in CONTENT_NOW.site.menu if not item.kiosk]
MENU = {item.page: item.title for item in VISIBLE_PAGES}
UNCHECKED = ssl.create_default_context()
UNCHECKED.check_hostname = False
UNCHECKED.verify_mode = ssl.CERT_NONE  # our own self-signed certificate, on loopback
HEADERS = {
    "content-security-policy": re.compile(r"default-src 'self'.*frame-ancestors 'self'"),
    "x-content-type-options": re.compile(r"^nosniff$"),
    "referrer-policy": re.compile(r"^no-referrer$"),
    "permissions-policy": re.compile(r"camera=\(\).*microphone=\(\).*geolocation=\(\)"),
    "strict-transport-security": re.compile(r"max-age=\d{7,}"),
}
WATCH_CSP = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));"""


@pytest.fixture(scope="module")
def proxy(browser_type_launch_args: dict[str, Any]) -> Iterator[Proxy]:
    ARTIFACTS.mkdir(exist_ok=True)
    with serving(replicas=2, folder=ARTIFACTS / "proxy") as running:
        yield running


def through(browser: Browser, proxy: Proxy, screen: Screen = TABLET_LANDSCAPE) -> Visit:
    """A new tab that reaches the app through nginx, watching for CSP violations."""
    tab = new_tab(browser, screen, proxy.https, ignore_https_errors=True)
    tab.page.add_init_script(WATCH_CSP)
    return tab


def csp_violations(tab: Visit) -> list[str]:
    seen = tab.page.evaluate("window.__cspViolations")
    logged = [line for line in tab.console if "Content Security Policy" in line]
    return [*seen, *logged]


def fetch(url: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """One request, redirects not followed, errors returned rather than raised."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=UNCHECKED))
    try:
        # Our own https address on loopback.
        return opener.open(urllib.request.Request(url, headers=headers or {}), timeout=20)  # noqa: S310
    except urllib.error.HTTPError as error:
        return error


def access_log(proxy: Proxy) -> list[str]:
    return (proxy.folder / "access.log").read_text().splitlines()


def replicas_used(lines: list[str]) -> set[str]:
    """The app processes (host:port) that served these access-log lines."""
    return {line.split()[-1] for line in lines if re.search(r"127\.0\.0\.1:\d+$", line)}


def test_every_page_works_through_the_proxy_with_no_csp_violation_and_axe_clean(browser, proxy):
    tab = through(browser, proxy)
    try:
        for item in VISIBLE_PAGES:
            tab.open("" if item.page == "home" else item.page)
            tab.wait_for_heading(CONTENT_NOW.pages[item.page].heading)
            tab.wait_until_still()
            assert csp_violations(tab) == [], item.page
            assert axe_violations(tab) == [], item.page
        expect(tab.page.locator("[data-testid=stException]")).to_have_count(0)
    finally:
        tab.close()


def test_every_response_carries_the_security_headers(proxy):
    for path in ("/", "/posture", "/_stcore/health", "/no-such-page"):
        answer = fetch(proxy.https + path)
        for name, shape in HEADERS.items():
            assert shape.search(answer.headers.get(name, "")), (
                f"{path}: {name} is {answer.headers.get(name)!r}"
            )


def test_pages_are_never_stored_and_streamlits_files_are_kept_a_year_each_said_once(proxy):
    # One Cache-Control each, the proxy's: Streamlit's own (no-cache on pages) is replaced, so
    # no cache has to decide between two.
    scripts = (Path(streamlit.__file__).parent / "static" / "static" / "js").glob("index.*.js")
    for path, expected in [
        ("/", "no-store"),
        ("/posture", "no-store"),
        ("/_stcore/health", "no-store"),
        (f"/static/js/{next(scripts).name}", "public, max-age=31536000, immutable"),
    ]:
        answer = fetch(proxy.https + path)
        assert answer.status == 200, path
        assert answer.headers.get_all("cache-control") == [expected], path


def test_the_metrics_are_refused_and_plain_http_is_sent_to_https(proxy):
    assert fetch(proxy.https + "/_stcore/metrics").status == 403
    answer = fetch(proxy.http + "/posture?x=1")
    assert answer.status == 308
    assert answer.headers["location"] == f"https://127.0.0.1:{proxy.https_port}/posture?x=1"


def test_the_plotly_bundle_arrives_compressed_and_kept_for_a_year(proxy):
    scripts = (Path(streamlit.__file__).parent / "static" / "static" / "js").glob("*.js")
    bundles = [p.name for p in scripts if "plotly" in p.name.lower() and p.stat().st_size > 1_000_000]
    assert bundles, "no plotly bundle in Streamlit's static files"
    path = f"/static/js/{bundles[0]}"
    raw = len(fetch(proxy.https + path).read())
    sizes = {}
    for encoding in ("br", "gzip"):
        answer = fetch(proxy.https + path, {"Accept-Encoding": encoding})
        assert answer.headers["content-encoding"] == encoding
        sizes[encoding] = len(answer.read())
        assert "immutable" in answer.headers["cache-control"]
        assert "max-age=31536000" in answer.headers["cache-control"]
    assert sizes["br"] < sizes["gzip"] < raw * 0.35, f"{raw} bytes, compressed {sizes}"


def test_a_session_stays_on_one_replica_across_twenty_interactions(browser, proxy):
    tab = through(browser, proxy)
    try:
        before = len(access_log(proxy))
        tab.open("muscles")
        for interaction in range(20):
            area = WEAK_AREAS[interaction % len(WEAK_AREAS)]
            press(tab, tab.page.locator(".st-key-muscles_weak button", has_text=area.label))
            tab.wait_until_settled()
            if interaction % 5 == 4:  # a reload is a new page and a new WebSocket: still the same replica
                tab.page.reload()
                tab.wait_until_settled()
        tab.close()
        lines = access_log(proxy)[before:]
        assert any("/_stcore/stream" in line for line in lines)
        assert len(replicas_used(lines)) == 1, lines
    finally:
        if not tab.page.is_closed():
            tab.close()


def test_when_a_replica_dies_its_patient_sees_a_fresh_start_and_new_visits_go_to_the_other(browser):
    with serving(replicas=2, folder=ARTIFACTS / "proxy-failover") as proxy:
        before = len(access_log(proxy))  # not serve.py's own health checks
        tab = through(browser, proxy)
        open_tips(tab)
        choose(tab, option(tab, TIPS.emergency_question, TIPS.no_label))
        tap_next(tab, 2)
        # Over to another page and back, as a patient might: the page's last run is then a
        # whole run, not one of a fragment's (after which Streamlit's page reruns by itself).
        tab.go_to(MENU["posture"], CONTENT_NOW.pages["posture"].heading)
        tab.go_to(MENU["tips"], TIPS.heading)
        second = TIPS.progress.format(step=2, total=QUESTION_COUNT)
        expect(tab.page.get_by_text(second, exact=True)).to_be_visible()
        tab.wait_until_settled()
        served = replicas_used(access_log(proxy)[before:])
        assert len(served) == 1
        dead = next(r for r in proxy.replicas if f"127.0.0.1:{r.port}" in served)
        dead.stop(kill=True)

        # Streamlit reconnects, through nginx, to the other replica, where the session is new
        # and empty. Without a tap, the page is redrawn from that fresh start: the explorer
        # is back at its first safety question, nothing chosen. Then it works on as before.
        first = TIPS.progress.format(step=1, total=QUESTION_COUNT)
        expect(tab.page.get_by_text(first, exact=True)).to_be_visible(timeout=60_000)
        expect(option(tab, TIPS.emergency_question, TIPS.no_label)).not_to_be_checked()
        expect(next_button(tab)).to_be_disabled()
        choose(tab, option(tab, TIPS.emergency_question, TIPS.no_label))
        tap_next(tab, 2)
        expect(tab.page.locator("[data-testid=stException]")).to_have_count(0)
        expect(tab.page.get_by_text("Traceback")).to_have_count(0)
        assert replicas_used(access_log(proxy)[before:]) - served, "the reconnect reached the other replica"
        tab.close()

        fresh = through(browser, proxy)
        fresh.open("posture")
        fresh.wait_for_heading(CONTENT_NOW.pages["posture"].heading)
        alive = {f"127.0.0.1:{r.port}" for r in proxy.replicas if r is not dead}
        assert urlsplit(fresh.page.url).hostname == "127.0.0.1"
        assert replicas_used(access_log(proxy)[-5:]) <= alive
        fresh.close()


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, read from /proc."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:  # it ended while we looked
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def _running(pid: int) -> bool:
    """Still running: not ended, and not a zombie (an ended process whose new parent, after
    serve.py exited, has not yet collected it; that happens a moment later, out of our hands)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}


def test_stopping_serve_with_sigterm_stops_its_app_processes_and_nginx():
    # A service manager (systemd, `kill`) stops `make serve` with SIGTERM; nothing it started
    # may be left running (each runs in its own process session, so it would be).
    command = [sys.executable, "deploy/serve.py", "--replicas", "1",
               "--http-port", str(free_port()), "--https-port", str(free_port())]  # fmt: skip
    serve = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert serve.stdout is not None
        started = serve.stdout.readline()  # the address line, printed once all is up
        assert started.startswith("Back & Knee:"), started
        started_here = _children(serve.pid)
        assert len(started_here) >= 2, "an app process and nginx"
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)
        left = [pid for pid in started_here if _running(pid)]
        assert left == [], f"still running after serve.py stopped: {left}"
    finally:
        if serve.poll() is None:
            serve.kill()
