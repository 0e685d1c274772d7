"""`make bench`: every benchmark, one after another, each in a process of its own; then one
table of every figure against its target, and bench/results.json with the machine, the
versions and the date. Exits 1 if a target was missed or a benchmark failed, so a missed
target is never mistaken for a pass. Never run by pytest: timings belong to a quiet machine.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import ROWS_FILE, Row, from_json, table

BENCHMARKS = ["bench_pages", "tuning", "bench_browser", "first_visit", "cold_start", "lighthouse", "load"]
"""In this order: the quick server-side figures first, the long load test last."""
RESULTS = ROOT / "bench" / "results.json"


def run_one(name: str) -> tuple[list[Row], float, str]:
    """Run bench/<name>.py; its rows, its seconds, and an error ('' when it finished)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as rows_file:
        started = time.monotonic()
        print(f"\n=== {name} ===", flush=True)
        done = subprocess.run(
            [sys.executable, str(ROOT / "bench" / f"{name}.py")],
            cwd=ROOT,
            env={**os.environ, ROWS_FILE: rows_file.name},
            check=False,
        )
        seconds = time.monotonic() - started
        text = Path(rows_file.name).read_text()
    rows = [from_json(row) for row in json.loads(text)] if text else []
    error = "" if done.returncode == 0 and rows else f"{name} stopped with exit code {done.returncode}"
    return rows, seconds, error


def command_version(*command: str) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=30)
    except OSError:
        return "not found"
    return (done.stdout or done.stderr).strip().splitlines()[0]


def lighthouse_version() -> str:
    lock = ROOT / "bench" / "lighthouse" / "package-lock.json"
    if not lock.exists():
        return "not installed"
    packages = json.loads(lock.read_text()).get("packages", {})
    return packages.get("node_modules/lighthouse", {}).get("version", "unknown")


def machine() -> dict[str, str | int]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count() or 0,
        "memory_gb": round(memory_kb / 1024 / 1024),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
    }


def versions() -> dict[str, str]:
    import streamlit

    return {
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "chromium": command_version("/usr/bin/chromium", "--version"),
        "nginx": command_version("/usr/sbin/nginx", "-v"),
        "lighthouse": lighthouse_version(),
    }


def main() -> int:
    only = sys.argv[1:] or BENCHMARKS
    started = datetime.datetime.now(datetime.UTC)
    rows: list[Row] = []
    seconds: dict[str, float] = {}
    errors: list[str] = []
    for name in only:
        got, took, error = run_one(name)
        rows += got
        seconds[name] = round(took, 1)
        if error:
            errors.append(error)
    print("\n" + table(rows))
    missed = [row for row in rows if row.met is False]
    print(f"\n{len(rows)} figures, {sum(row.met is True for row in rows)} targets met, {len(missed)} missed.")
    for error in errors:
        print(f"!!! {error}")
    RESULTS.write_text(json.dumps({
        "date": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": versions(),
        "seconds": seconds,
        "errors": errors,
        "rows": [row.as_json() for row in rows],
    }, indent=1, ensure_ascii=False) + "\n")  # fmt: skip
    print(f"Written: {RESULTS.relative_to(ROOT)}")
    return 1 if missed or errors else 0


if __name__ == "__main__":
    sys.exit(main())
