"""What the two server fixes in backknee/ui/server.py save on each tap: the app as tuned, the app
with BACKKNEE_TUNE_SERVER=0 (Streamlit's server as it ships), and the bare pills app both ways.

Each is a server process of its own on loopback; one session per app, spoken over Streamlit's
own WebSocket protocol (bench/streamlit_client.py), taps alternating app by app, warmed up
first. Timed from sending the tap to Streamlit's `script_finished` message, which is what the
fixes change (a browser then draws; bench_browser.py times that too). The server's CPU time per
tap comes from /proc. Figures only reported: the targets are checked by the other benchmarks.
Run: `make bench`, or `python bench/tuning.py` alone.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import cpu_s
from bench.report import Row, run
from bench.streamlit_client import Run, Session
from deploy.serve import free_port, start_replica, wait_healthy

WARM_UP = 10
TAPS = 60
LOGS = ROOT / "test-artifacts"
OPTIONS = ["one", "two", "three", "four", "five", "six"]


@dataclass
class Subject:
    """One app served one way, and the tap it is timed on (the i-th tap of the run)."""

    name: str
    script: str
    tuned: bool
    page: str
    tap: Callable[[Session, int], Awaitable[Run]]
    round_trips_s: list[float] = field(default_factory=list)
    cpu_s: float = 0.0


def pill(session: Session, i: int) -> Awaitable[Run]:
    return session.choose("choice", [OPTIONS[i % len(OPTIONS)]])


def knee_button(session: Session, i: int) -> Awaitable[Run]:
    return session.tap("posture_knee_more" if i % 2 == 0 else "posture_knee_less")


SUBJECTS = [
    Subject("bare pills app, as Streamlit ships", "bench/bare_pills_app.py", False, "", pill),
    Subject("bare pills app, tuned", "bench/bare_pills_tuned_app.py", True, "", pill),
    Subject("posture: knee step button, server as Streamlit ships", "asgi.py", False, "posture", knee_button),
    Subject("posture: knee step button, tuned (as we ship it)", "asgi.py", True, "posture", knee_button),
]


async def measure(urls: list[str], pids: list[int]) -> None:
    sessions = [Session(url) for url in urls]
    for session in sessions:
        await session.__aenter__()
    try:
        for subject, session in zip(SUBJECTS, sessions, strict=True):
            if subject.page:
                await session.open("")
            await session.open(subject.page)
        for i in range(WARM_UP + TAPS):
            for subject, session, pid in zip(SUBJECTS, sessions, pids, strict=True):
                used = cpu_s(pid)
                done = await subject.tap(session, i)
                if not done.finished or done.exceptions:
                    raise RuntimeError(f"{subject.name}: tap {i} ended with {done.status} {done.exceptions}")
                if i >= WARM_UP:
                    subject.round_trips_s.append(done.seconds)
                    subject.cpu_s += cpu_s(pid) - used
    finally:
        for session in sessions:
            await session.__aexit__(None, None, None)


def main() -> list[Row]:
    LOGS.mkdir(exist_ok=True)
    replicas = []
    try:
        for subject in SUBJECTS:
            env = {**os.environ, "BACKKNEE_TUNE_SERVER": "1" if subject.tuned else "0"}
            replica = start_replica(free_port(), LOGS, env, subject.script)
            replicas.append(replica)
            wait_healthy(f"{replica.url}/_stcore/health", replica.process, replica.log)
        asyncio.run(measure([r.url for r in replicas], [r.process.pid for r in replicas]))
    finally:
        for replica in replicas:
            replica.stop()
    bare_ms = statistics.median(SUBJECTS[0].round_trips_s) * 1000
    rows = []
    for subject in SUBJECTS:
        median_ms = statistics.median(subject.round_trips_s) * 1000
        p95_ms = statistics.quantiles(subject.round_trips_s, n=20)[-1] * 1000
        cpu_ms = subject.cpu_s / TAPS * 1000
        rows.append(Row(
            "6 server fixes", f"{subject.name}: tap to script_finished, median", round(median_ms, 1), "ms",
            bare=round(bare_ms, 1),
            note=f"p95 {p95_ms:.0f} ms; server CPU {cpu_ms:.1f} ms per tap; {TAPS} taps",
        ))  # fmt: skip
    return rows


if __name__ == "__main__":
    run(main)
