"""Load: 25 patients at once on one app server, each walking a journey through the guide.

Each session is a WebSocket client that speaks Streamlit's own protocol (bench/streamlit_client.py),
not a browser: 25 Chromium tabs need more memory and far more CPU than the server they load, and
on 2 cores they would time Chromium drawing pages, not the server answering them. The server
sees what a browser would send: the same reruns, widget changes and fragment ids.

Every session walks the same journey, with answers of its own: open the posture page, move the
lean slider, tap a preset; open the weight page, type a weight in kg; open What helps, start the
explorer again and answer every screen with Next to the result; open My plan. After each step
it checks the words the page must show, taken from content/ through the functions the app uses.

Measured, on one app server on loopback:
- latency: from sending a rerun to its `script_finished`, for one session alone (after a
  warm-up journey; before the 25 and again after them, pooled), and for 25 at once, counting
  the runs asked for while all 25 were open and walking; target: p95 with 25 within 2x one
  session's. A patient reads before tapping again: each of the 25 waits PAUSE_S between steps,
  a few times faster than real reading, so the server is busier than 25 real patients make
  it. They arrive over ARRIVAL_S and never wait for one another, so their steps spread out as
  real patients' do. The server's CPU time per interaction is reported too.
- memory: the server's resident memory (VmRSS) before the 25 connect and with all 25 still
  open after their journeys; target at most 1 MB more per session.
- growth: from the moment every session has walked its first journey, while they walk the
  rest (>= 500 interactions), the server's memory after each interaction, fitted by least
  squares against the count. No growth means the slope, carried over 500 interactions, adds
  under 1 MB (2 KB per interaction): memory grows in steps (Python's object arenas are 1 MB
  each), so a tighter limit would measure the steps, and a leak at the limit would still be
  only about 70 MB an hour at 10 taps a second.
- errors: any error or traceback in the server's log, any traceback or calm "being updated"
  message sent to a session, any run that did not finish.

Bounded: SESSIONS sessions, ROUNDS journeys each, TIMEOUT_S overall; the server is stopped at
the end whatever happens. Run: `python bench/load.py` (or `make bench`).
"""

from __future__ import annotations

import asyncio
import math
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backknee.content.loader import load_content
from backknee.content.pages.plan import PlanPage
from backknee.content.pages.posture import PosturePage
from backknee.content.pages.tips import TipsPage
from backknee.content.pages.weight import WeightPage
from backknee.explorer.advisor import Outcome, advise
from backknee.explorer.plan import from_outcome
from backknee.explorer.screens import NO, answers_from
from backknee.mechanics.constants import POSTURE_CONTROL_RANGES_DEG, POSTURE_STEP_DEG
from backknee.ui.chrome import UPDATING_HEADING
from backknee.ui.state import POSTURE_CONTROLS, Answer, Key, answer_widget, posture_control, posture_preset
from backknee.vocab import Difficulty, Joint
from backknee.words.posture import Scenario, compare, readout
from backknee.words.weight import Person, per_step_sentence
from bench.report import Row, run
from bench.streamlit_client import Run, Session
from deploy.serve import free_port, start_replica, wait_healthy
from tests.paths import CONTENT as CONTENT_DIR

SESSIONS = 25
ROUNDS = 3
"""Journeys each session walks (20 steps each). The growth run starts once every session has
walked one: some are well into their second by then, so three leave it over 500 interactions."""
ARRIVAL_S = 20
"""The sessions open the guide at moments spread evenly over this time, not all at once."""
SOLO_WARM_UP, SOLO_JOURNEYS = 1, 3
"""The lone session's journeys: one to warm up, then three timed before the 25 and three after."""
PAUSE_S = (2.0, 6.0)
"""A patient's reading time between steps, drawn evenly from this range (seeded per session):
shorter than people take to read a screen, so the server is busier than real patients make it."""
SOLO_PAUSE_S = 0.2
"""Between the lone session's steps: enough for the server to settle, short to keep the run short."""
TIMEOUT_S = 900
LATENCY_RATIO = 2.0
MB_PER_SESSION = 1.0
GROWTH_OVER, GROWTH_LIMIT_MB = 500, 1.0
"""No growth: the fitted slope, over GROWTH_OVER interactions, adds under GROWTH_LIMIT_MB."""
LOGS = ROOT / "test-artifacts"
LOG_ERROR = re.compile(r"Traceback|ERROR|CRITICAL|Exception|\w+Error\b")

CONTENT = load_content(CONTENT_DIR)
POSTURE = CONTENT.page("posture", PosturePage)
WEIGHT = CONTENT.page("weight", WeightPage)
TIPS = CONTENT.page("tips", TipsPage)
PLAN = CONTENT.page("plan", PlanPage)
SAFETY_QUESTIONS = [
    (Answer.EMERGENCY, TIPS.emergency_question),
    (Answer.URGENT, TIPS.urgent_question),
    (Answer.ROUTINE, TIPS.routine_question),
]


def rss_mb(pid: int) -> float:
    """A process's resident memory in MB, from /proc (VmRSS is in kB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


@dataclass
class Tally:
    """What the sessions of one phase add to as they go: latencies, checks, and (when
    `sampling`) the server's memory after each interaction."""

    pid: int
    seconds: list[float] = field(default_factory=list)
    all_open: list[float] = field(default_factory=list)
    """The latencies of runs asked for while every session was open and walking."""
    checks: int = 0
    failed: list[str] = field(default_factory=list)
    shown_errors: list[str] = field(default_factory=list)
    sampling: bool = False
    memory: list[tuple[int, float]] = field(default_factory=list)
    """(interactions so far, server MB), while sampling."""

    def add(
        self, run: Run, what: str, expected: list[str], check: Callable[[], bool] | None, all_open: bool
    ) -> None:
        self.seconds.append(run.seconds)
        if all_open:
            self.all_open.append(run.seconds)
        if not run.finished:
            self.shown_errors.append(f"{what}: the run ended with status {run.status}")
        self.shown_errors.extend(f"{what}: {error}" for error in run.exceptions)
        if run.shows(UPDATING_HEADING):
            self.shown_errors.append(f"{what}: the calm 'being updated' message")
        for text in expected:
            self.checks += 1
            if not run.shows(text):
                self.failed.append(f"{what}: missing {text[:60]!r}")
        if check is not None:
            self.checks += 1
            if not check():
                self.failed.append(f"{what}: the page is not as expected")
        if self.sampling:
            self.memory.append((len(self.seconds), rss_mb(self.pid)))


@dataclass
class Patient:
    """One session walking the journey; `number` picks its answers, so sessions differ."""

    session: Session
    number: int
    tally: Tally
    pause: Callable[[], float]
    all_open: Callable[[], bool] = lambda: False
    """Whether every session is open and walking (none has yet finished)."""
    posture: Scenario = field(default_factory=Scenario)
    """The posture the sliders show."""

    async def step(
        self, action: Awaitable[Run], what: str, *expected: str, check: Callable[[], bool] | None = None
    ) -> None:
        """Read for a moment, act, and check the run showed every expected text."""
        await asyncio.sleep(self.pause())
        all_open = self.all_open()
        self.tally.add(await action, f"session {self.number}, {what}", list(expected), check, all_open)

    def next_enabled(self) -> bool:
        widget = self.session.widgets.get(Key.TIPS_NEXT)
        return widget is not None and not widget.proto.disabled

    @property
    def answers(self) -> dict[str, object]:
        """The explorer's answers this patient gives, as the app stores them."""
        return {
            Answer.EMERGENCY: NO, Answer.URGENT: NO, Answer.ROUTINE: NO,
            Answer.WHERE: list(Joint)[self.number % len(Joint)].value,
            Answer.PAIN: self.number % 11,
            Answer.HARD: [list(Difficulty)[self.number % len(Difficulty)].value],
        }  # fmt: skip


def readout_lines(scenario: Scenario) -> list[str]:
    """What the posture readout must say for a posture (its last line is small print)."""
    return readout(compare(scenario), POSTURE.readout)[:-1]


def another_lean(now: int, number: int, journey: int) -> int:
    """A lean angle for this patient and journey, never the one the slider is at."""
    low, high = POSTURE_CONTROL_RANGES_DEG["lean"]
    choices = [lean for lean in range(low, high + 1, POSTURE_STEP_DEG) if lean != now]
    return choices[(number * 3 + journey) % len(choices)]


def outcome_for(answers: dict[str, object]) -> Outcome:
    return advise(
        answers_from(answers, CONTENT.red_flags), CONTENT.red_flags, CONTENT.rules, CONTENT.tips,
        CONTENT.exercises,
    )  # fmt: skip


async def posture_and_weight(patient: Patient, journey: int) -> None:
    """Open posture, move the lean slider and tap a preset; open weight and type a weight."""
    session, number = patient.session, patient.number
    await patient.step(session.open("posture"), "open posture", POSTURE.heading)
    # The sliders as drawn: the app forgets a posture once the patient leaves the page.
    shown = {c: int(session.widgets[posture_control(c)].value[0]) for c in POSTURE_CONTROLS}
    lean = another_lean(shown["lean"], number, journey)
    patient.posture = Scenario(shown["flattening"], lean, shown["knee"])
    await patient.step(
        session.slide(posture_control("lean"), lean), f"lean {lean}", *readout_lines(patient.posture)
    )
    preset = POSTURE.presets[(number + journey) % len(POSTURE.presets)]
    patient.posture = Scenario(preset.flattening, preset.lean, preset.knee)
    await patient.step(
        session.tap(posture_preset(preset.id)),
        f"preset {preset.id}",
        f"**{preset.label}.** {preset.text}",
        *readout_lines(patient.posture),
    )
    await patient.step(session.open("weight"), "open weight", WEIGHT.heading)
    kg = float(60 + (number * 7 + journey * 13) % 80)
    if kg == session.widgets[Key.WEIGHT_KG].value:  # typing what the box shows changes nothing
        kg += 1
    await patient.step(
        session.set_number(Key.WEIGHT_KG, kg),
        f"weight {kg:g} kg",
        per_step_sentence(Person(mass_kg=kg), WEIGHT),
    )


async def explorer_to_plan(patient: Patient) -> None:
    """Open What helps, start again, answer every screen to the result; open My plan."""
    session, step, answers = patient.session, patient.step, patient.answers
    await step(session.open("tips"), "open tips", TIPS.heading)
    await step(session.tap(Key.TIPS_START_AGAIN), "start again", TIPS.safety_heading, TIPS.emergency_question)
    after = [question for _, question in SAFETY_QUESTIONS[1:]] + [TIPS.where_question]
    for (answer, _), next_question in zip(SAFETY_QUESTIONS, after, strict=True):
        await step(
            session.choose(answer_widget(answer), [TIPS.no_label]), f"{answer} no", check=patient.next_enabled
        )
        await step(session.tap(Key.TIPS_NEXT), f"next after {answer}", next_question)
    where = Joint(str(answers[Answer.WHERE]))
    await step(session.choose(answer_widget(Answer.WHERE), [TIPS.where_labels.of(where)]), f"where {where}")
    pain = str(answers[Answer.PAIN])
    await step(session.choose(answer_widget(Answer.PAIN), [pain]), f"pain {pain}", check=patient.next_enabled)
    await step(session.tap(Key.TIPS_NEXT), "next after where", TIPS.hard_heading, TIPS.hard_question)
    hard = [Difficulty(value) for value in answers[Answer.HARD]]  # type: ignore[attr-defined]
    await step(
        session.choose(answer_widget(Answer.HARD), [TIPS.hard_labels.of(h) for h in hard]), f"hard {hard}"
    )
    await step(session.tap(Key.TIPS_NEXT), "next after hard", TIPS.suits_heading)
    outcome = outcome_for(answers)
    titles = [f"### {CONTENT.tips[chosen.tip_id].title}" for chosen in outcome.tips]
    await step(session.tap(Key.TIPS_NEXT), "next to the result", TIPS.result_heading, *titles)
    view = from_outcome(outcome, CONTENT.tips, CONTENT.exercises, CONTENT.rules, PLAN)
    names = [f"### {item.exercise.name}" for item in view.exercises] if view else ["(a plan)"]
    await step(session.open("plan"), "open plan", PLAN.exercises_heading, *names)


async def journey(patient: Patient, number: int) -> None:
    """The whole journey; a step that cannot be taken (its widget is missing, the server is
    gone) is a failed check, and the rest of this journey is skipped."""
    try:
        await posture_and_weight(patient, number)
        await explorer_to_plan(patient)
    except Exception as error:  # recorded and reported: a benchmark must finish and say why
        patient.tally.checks += 1
        patient.tally.failed.append(f"session {patient.number}, journey {number}: {error!r}")


@dataclass
class Measures:
    solo: Tally
    crowd: Tally
    solo_cpu_s: float = 0.0
    """The server's CPU time over the lone session's measured journeys."""
    crowd_cpu_s: float = 0.0
    crowd_wall_s: float = 0.0
    before_mb: float = 0.0
    first_journeys_mb: float = 0.0
    after_mb: float = 0.0
    growth_from: int = 0
    """The crowd's interaction count when the growth run began."""


def cpu_s(pid: int) -> float:
    """A process's CPU time so far (user and system), from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def alone(url: str, found: Measures, pid: int, warm_up: int) -> None:
    """One session on its own: `warm_up` journeys not timed (a page's first run pays its
    imports), then SOLO_JOURNEYS timed."""
    async with Session(url) as session:
        warm = Patient(session, 0, Tally(pid), lambda: SOLO_PAUSE_S)
        for number in range(warm_up):
            await journey(warm, number)
        found.solo.checks += warm.tally.checks
        found.solo.failed += warm.tally.failed
        found.solo.shown_errors += warm.tally.shown_errors
        measured = Patient(session, 0, found.solo, lambda: SOLO_PAUSE_S)
        used = cpu_s(pid)
        for number in range(warm_up, warm_up + SOLO_JOURNEYS):
            await journey(measured, number)
        found.solo_cpu_s += cpu_s(pid) - used


@dataclass
class Crowd:
    """Where the sessions are: how many are open, have walked one journey, have finished."""

    open: int = 0
    walked_one: int = 0
    finished: int = 0
    all_finished: asyncio.Event = field(default_factory=asyncio.Event)

    def all_open(self) -> bool:
        return self.open == SESSIONS and self.finished == 0


async def together(url: str, found: Measures, pid: int) -> None:
    """SESSIONS sessions, arriving over ARRIVAL_S and walking ROUNDS journeys each, never
    waiting for one another (so their steps stay spread out, as real patients' are). Memory is
    read before the first arrives, once every session has walked one journey, after each
    interaction from then on (the growth run), and when all have finished, still open."""
    found.before_mb = rss_mb(pid)
    crowd = Crowd()
    started, used = time.monotonic(), cpu_s(pid)

    async def one(number: int) -> None:
        draw = random.Random(number)  # noqa: S311 (reading times, not secrets)
        await asyncio.sleep(draw.uniform(0, ARRIVAL_S))
        async with Session(url) as session:
            crowd.open += 1
            patient = Patient(session, number, found.crowd, lambda: draw.uniform(*PAUSE_S), crowd.all_open)
            await journey(patient, 0)
            crowd.walked_one += 1
            if crowd.walked_one == SESSIONS:
                found.first_journeys_mb = rss_mb(pid)
                found.growth_from = len(found.crowd.seconds)
                found.crowd.sampling = True
            for again in range(1, ROUNDS):
                await journey(patient, again)
            crowd.finished += 1
            if crowd.finished == SESSIONS:
                found.crowd.sampling = False
                found.after_mb = rss_mb(pid)
                found.crowd_cpu_s, found.crowd_wall_s = cpu_s(pid) - used, time.monotonic() - started
                crowd.all_finished.set()
            await crowd.all_finished.wait()  # stay open until the memory is read

    await asyncio.gather(*(one(number) for number in range(SESSIONS)))


async def measure(url: str, pid: int) -> Measures:
    """One session alone, then SESSIONS together, then one alone again: the lone session's
    figures are pooled from before and after, so a drift of the machine's speed (other work
    on it) hits both sides alike."""
    found = Measures(Tally(pid), Tally(pid))
    await alone(url, found, pid, warm_up=SOLO_WARM_UP)
    await together(url, found, pid)
    await alone(url, found, pid, warm_up=0)
    return found


def p95_ms(seconds: list[float]) -> float:
    """The 95th percentile in ms (NaN, which meets no target, when there is too little to tell)."""
    if len(seconds) < 2:
        return math.nan
    return 1000 * statistics.quantiles(seconds, n=100, method="inclusive")[94]


def median_ms(seconds: list[float]) -> float:
    return 1000 * statistics.median(seconds) if seconds else math.nan


def growth_kb(memory: list[tuple[int, float]]) -> float:
    """The least-squares slope of server memory against interactions, in KB per interaction."""
    if len(memory) < 2:
        return math.nan
    counts, mb = zip(*memory, strict=True)
    return 1024 * statistics.linear_regression(counts, mb).slope


def log_errors(log: Path) -> list[str]:
    return [line for line in log.read_text(errors="replace").splitlines() if LOG_ERROR.search(line)]


def latency_rows(found: Measures) -> list[Row]:
    solo, crowd, everyone = found.solo.seconds, found.crowd.all_open, found.crowd.seconds
    solo_p95, crowd_p95 = p95_ms(solo), p95_ms(crowd)
    solo_cpu_ms = 1000 * found.solo_cpu_s / max(len(solo), 1)
    wall_s = max(found.crowd_wall_s, 1e-9)
    busy = found.crowd_cpu_s / wall_s
    return [
        Row("load", "p95 interaction, one session", solo_p95, "ms",
            note=f"{len(solo)} interactions, median {median_ms(solo):.0f} ms"),
        Row("load", f"p95 interaction, {SESSIONS} sessions", crowd_p95, "ms",
            note=f"{len(crowd)} interactions asked for while all {SESSIONS} were open and walking, "
            f"median {median_ms(crowd):.0f} ms; every one of the {len(everyone)}: "
            f"p95 {p95_ms(everyone):.0f} ms; {PAUSE_S[0]:g}-{PAUSE_S[1]:g} s between steps, "
            f"{len(everyone) / wall_s:.1f} interactions a second"),
        Row("load", f"p95 {SESSIONS} sessions / p95 one session", crowd_p95 / solo_p95, "x",
            target=f"≤ {LATENCY_RATIO:g}x", met=crowd_p95 / solo_p95 <= LATENCY_RATIO),
        Row("load", "server CPU per interaction, one session", solo_cpu_ms, "ms",
            note=f"with {SESSIONS} sessions the server was busy {100 * busy:.0f}% of one core"),
    ]  # fmt: skip


def memory_rows(found: Measures) -> list[Row]:
    per_session = (found.after_mb - found.before_mb) / SESSIONS
    slope = growth_kb(found.crowd.memory)
    limit_kb = 1024 * GROWTH_LIMIT_MB / GROWTH_OVER
    grown = len(found.crowd.seconds) - found.growth_from
    return [
        Row("load", "server memory per session", per_session, "MB", target=f"≤ {MB_PER_SESSION:g} MB",
            met=per_session <= MB_PER_SESSION,
            note=f"RSS {found.before_mb:.1f} MB before, {found.first_journeys_mb:.1f} MB with {SESSIONS} "
            f"open after one journey each, {found.after_mb:.1f} MB after {ROUNDS}"),
        Row("load", "memory growth per interaction", slope, "KB",
            target=f"< {limit_kb:.1f} KB ({GROWTH_LIMIT_MB:g} MB / {GROWTH_OVER})",
            met=abs(slope) < limit_kb and grown >= GROWTH_OVER,
            note=f"least squares over {len(found.crowd.memory)} readings; "
            f"{slope * GROWTH_OVER / 1024:+.2f} MB over {GROWTH_OVER} interactions"),
        Row("load", "interactions in the growth run", grown, "", target=f"≥ {GROWTH_OVER}",
            met=grown >= GROWTH_OVER),
    ]  # fmt: skip


def correctness_rows(found: Measures, errors_in_log: list[str], log: Path) -> list[Row]:
    checks = found.solo.checks + found.crowd.checks
    failed = found.solo.failed + found.crowd.failed
    shown = found.solo.shown_errors + found.crowd.shown_errors
    return [
        Row("load", "content checks failed", len(failed), f"of {checks}", target="0",
            met=not failed and checks > 0, note="; ".join(failed[:5])),
        Row("load", "errors sent to sessions", len(shown), "", target="0", met=not shown,
            note="; ".join(shown[:5])),
        Row("load", "error lines in the server log", len(errors_in_log), "", target="0",
            met=not errors_in_log, note=f"{log}" + "".join(f"\n    {line}" for line in errors_in_log[:5])),
    ]  # fmt: skip


def main() -> list[Row]:
    started = time.monotonic()
    LOGS.mkdir(exist_ok=True)
    replica = start_replica(free_port(), LOGS, os.environ)
    try:
        wait_healthy(f"{replica.url}/_stcore/health", replica.process, replica.log)
        found = asyncio.run(asyncio.wait_for(measure(replica.url, replica.process.pid), TIMEOUT_S))
    finally:
        replica.stop()
    rows = [
        *latency_rows(found),
        *memory_rows(found),
        *correctness_rows(found, log_errors(replica.log), replica.log),
        Row("load", "run time", time.monotonic() - started, "s"),
    ]
    for row in rows:
        if row.note:
            print(f"- {row.name}: {row.note}")
    return rows


if __name__ == "__main__":
    run(main)
