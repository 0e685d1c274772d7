"""Lighthouse mobile performance of every page, against the bare one-slider Streamlit app in
the same run: issue 14's target 1 wants the landing page through the shipped proxy to score at
least the bare app through the proxy, and every other page at least the bare app served directly.

Lighthouse 13 and the Node.js 22 it needs come from the npm registry into bench/lighthouse/,
pinned by its lock file, and drive Debian's Chromium with Lighthouse's mobile preset (a
mid-range phone on slow 4G, simulated), performance only. Scores move by several points from
run to run, so each page is scored RUNS times and the median is kept, each app page right
after the bare app's run it is compared with.
Run: `make bench`, or alone `.venv/bin/python bench/lighthouse.py [--runs N] [--info-runs N]`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.first_visit import PAGES
from bench.report import Row, run
from deploy.serve import Proxy, serving
from tests.e2e.helpers import CHROMIUM, LAUNCH_ARGS, LOOPBACK

FOLDER = ROOT / "bench" / "lighthouse"
MODULES = FOLDER / "node_modules"
INSTALLED = MODULES / ".installed-lock-sha256"
"""The hash of the package-lock.json that node_modules was installed from."""

RUNS = 5
"""Lighthouse runs of each page a target is checked on, and of the bare app. Most pages score
within a point or two from run to run on this machine, but a run now and then lands 15 or more
points off (a long main-thread task, a late layout shift); the median of 5 stays put through
two such runs. Five rounds take about 10 minutes."""

INFO_RUNS = 3
"""Runs of each page that is only reported (home served directly, the other pages through the
proxy): their median shrugs off one stray run, and the whole benchmark stays near 15 minutes."""

AUDITS = [
    "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
    "cumulative-layout-shift", "speed-index", "network-requests",
]  # fmt: skip
"""The five metrics that make up the performance score (nothing else carries weight in it, so
the score is the same as with the whole category) and the list of requests, which is checked
for anything fetched from outside. Skipping the other audits saves about a third of each run."""

CHROME_FLAGS = " ".join([
    *LAUNCH_ARGS,
    "--ignore-certificate-errors",
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"',
])  # fmt: skip
"""The browser tests' flags; trust in the proxy's self-signed certificate; and no name resolved
but loopback: Chromium still looks up accounts.google.com, clients2.google.com and
update.googleapis.com with all of the browser tests' flags (seen with strace)."""

METRICS = {
    "first-contentful-paint": ("FCP", 1000, " s"),
    "largest-contentful-paint": ("LCP", 1000, " s"),
    "total-blocking-time": ("TBT", 1000, " s"),
    "cumulative-layout-shift": ("CLS", 1, ""),
}
"""The metrics each row's note gives (name, divisor, unit), which explain most of a score."""

TRIES = 3
"""Tries of one run before the benchmark fails."""

SECTION = "lighthouse"
UNIT = "/100"


def install() -> None:
    """`npm ci` into bench/lighthouse/node_modules when it is missing or was installed from
    another lock file, so that `make bench` needs nothing set up by hand."""
    lock = hashlib.sha256((FOLDER / "package-lock.json").read_bytes()).hexdigest()
    if INSTALLED.is_file() and INSTALLED.read_text().strip() == lock:
        return
    print("Installing Lighthouse from bench/lighthouse/package-lock.json (npm ci)", flush=True)
    # npm runs on the machine's Node.js, which may be older than the Node.js 22 it installs here.
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error", "--engine-strict=false"],
        cwd=FOLDER, check=True,
    )  # fmt: skip
    INSTALLED.write_text(lock + "\n")


class LighthouseFailed(RuntimeError):
    """A run that Lighthouse itself asks to run again (NO_NAVSTART: its trace missed the page load)."""


@dataclass(frozen=True)
class Audit:
    """One Lighthouse run: the performance score (0-100) and the metrics behind it."""

    score: float
    metrics: dict[str, float]


def lighthouse(url: str, out: Path) -> Audit:
    """Score `url` once, in a new Chromium with an empty cache and Lighthouse's mobile preset;
    fail if the page fetched anything but this machine."""
    env = {
        **os.environ,
        "CHROME_PATH": str(CHROMIUM),
        # The Node.js 22 installed beside Lighthouse comes before the machine's own.
        "PATH": f"{MODULES / '.bin'}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    subprocess.run(
        [str(MODULES / ".bin" / "lighthouse"), url, f"--only-audits={','.join(AUDITS)}",
         "--disable-full-page-screenshot", "--output=json", f"--output-path={out}", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}"],
        env=env, check=True, timeout=300,
    )  # fmt: skip
    report = json.loads(out.read_text())
    failed = {audit["errorMessage"] for audit in report["audits"].values() if audit.get("errorMessage")}
    if report.get("runtimeError") or failed:
        raise LighthouseFailed(f"Lighthouse could not score {url}: {report.get('runtimeError') or failed}")
    for warning in report.get("runWarnings", []):
        print(f"Lighthouse on {url}: {warning}", flush=True)
    outside = [
        request["url"]
        for request in report["audits"]["network-requests"]["details"]["items"]
        if urlsplit(request["url"]).hostname not in LOOPBACK
    ]
    if outside:
        raise RuntimeError(f"{url} fetched from outside this machine: {outside}")
    return Audit(
        score=round(100 * report["categories"]["performance"]["score"]),
        metrics={name: report["audits"][name]["numericValue"] for name in METRICS},
    )


def lighthouse_again(url: str, out: Path, tries: int = TRIES) -> Audit:
    """`lighthouse(url)`, run again when Lighthouse fails to record the page load, as it now
    and then does on a busy machine (about one run in 20 here)."""
    for _ in range(tries - 1):
        try:
            return lighthouse(url, out)
        except LighthouseFailed as failure:
            print(f"{failure}; running it again", flush=True)
    return lighthouse(url, out)


@dataclass
class Runs:
    """Every run of one page served one way, and the bare app's runs it is held against."""

    name: str
    url: str
    bare: Runs | None = None
    target: str = "reported"
    audits: list[Audit] = field(default_factory=list)

    @property
    def score(self) -> float:
        return statistics.median(audit.score for audit in self.audits)

    def note(self) -> str:
        """The runs' spread and the median of each metric."""
        scores = [audit.score for audit in self.audits]
        medians = [
            f"{short} {statistics.median(a.metrics[name] for a in self.audits) / divisor:.2f}{unit}"
            for name, (short, divisor, unit) in METRICS.items()
        ]
        spread = f"{min(scores):.0f}-{max(scores):.0f}"
        return f"median of {len(scores)} runs (from {spread}); " + ", ".join(medians)

    def row(self) -> Row:
        """The median score against the bare app's; `met` only where a target is checked."""
        bare = self.bare.score if self.bare else None
        met = None if bare is None or self.target == "reported" else self.score >= bare
        return Row(SECTION, self.name, self.score, UNIT, bare, self.target, met, self.note())


def pages(bare: Proxy, app: Proxy) -> tuple[list[Runs], list[Runs]]:
    """What target 1 checks, bare app first: home through the proxy against the bare app through
    the proxy, every other page served directly against the bare app served directly. Then what
    is only reported: home served directly, and the other pages through the proxy."""
    direct, proxied = app.replicas[0].url, app.https
    bare_direct = Runs("bare app, direct", bare.replicas[0].url)
    bare_proxied = Runs("bare app, through the proxy", bare.https)
    others = [path for path in PAGES if path]
    checked = [
        bare_proxied,
        Runs("home, through the proxy", f"{proxied}/", bare_proxied, "≥ bare app through the proxy"),
        bare_direct,
        *(
            Runs(f"{path}, direct", f"{direct}/{path}", bare_direct, "≥ bare app served directly")
            for path in others
        ),
    ]
    reported = [
        Runs("home, direct", f"{direct}/", bare_direct),
        *(Runs(f"{path}, through the proxy", f"{proxied}/{path}", bare_proxied) for path in others),
    ]
    return checked, reported


def main(runs: int = RUNS, info_runs: int = INFO_RUNS) -> list[Row]:
    install()
    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix="backknee-lighthouse-") as folder,
        serving(replicas=1, script="bench/bare_app.py") as bare,
        serving(replicas=1) as app,
    ):
        out = Path(folder) / "report.json"
        checked, reported = pages(bare, app)
        # Round after round, so that other load on the machine falls on the bare app and on
        # the pages held against it alike.
        for round_ in range(max(runs, info_runs)):
            for page in (checked if round_ < runs else []) + (reported if round_ < info_runs else []):
                page.audits.append(lighthouse_again(page.url, out))
            print(f"Lighthouse round {round_ + 1} done after {time.monotonic() - started:.0f} s", flush=True)
    rows = [page.row() for page in checked + reported if page.audits]
    for row in rows:
        print(f"- {row.name}: {row.note}")
    print(f"Lighthouse took {time.monotonic() - started:.0f} s")
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of checked pages ({RUNS})")
    parser.add_argument(
        "--info-runs", type=int, default=INFO_RUNS, help=f"runs of pages only reported ({INFO_RUNS})"
    )
    arguments = parser.parse_args()
    run(lambda: main(arguments.runs, arguments.info_runs))
