"""What a patient waits for: from a tap (or key press) to the finished page, in real Chromium,
for every control that redraws something (issue 14, target 2).

Each control is measured against the bare pills app (bench/bare_pills_app.py: one pills
widget, the same kind of tap), alternating one for one (bare, ours, bare, ours ...), 30 times
after 5 to warm up, each tab brought to the front before its interaction (a tab behind is
throttled). Timed inside the page: performance.now() at the pointerdown or keydown (captured),
stopped by a MutationObserver once Streamlit has finished the run (no stale element) and the
new content, derived from content/*.yaml through backknee's word functions, is on screen.
Every interaction changes something: it goes there and back, or round a cycle.

One browser for the whole benchmark, and one context per page (its tab and a pills tab), at
1024x768 with touch, as on a clinic tablet. Run: `make bench` (after `make test` has
installed Chromium).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from playwright.sync_api import Browser, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from backknee.content.items import Exercise
from backknee.content.loader import Content, load_content
from backknee.content.pages.exercises import ExercisesPage
from backknee.content.pages.home import HomePage
from backknee.content.pages.muscles import MusclesPage
from backknee.content.pages.plan import PlanPage
from backknee.content.pages.posture import PosturePage, PosturePreset
from backknee.content.pages.tips import TipsPage
from backknee.content.pages.weight import WeightPage
from backknee.mechanics.constants import POSTURE_STEP_DEG
from backknee.mechanics.loads import (
    cm_to_feet_inches,
    feet_inches_to_cm,
    kg_to_stones_pounds,
    stones_pounds_to_kg,
)
from backknee.vocab import Joint
from backknee.words.home import numbered
from backknee.words.muscles import (
    chain_for,
    chair_view,
    describe_chain,
    describe_chair,
    describe_one_leg,
    one_leg_view,
    plain,
)
from backknee.words.posture import Scenario, compare, describe, find_preset, posture_name, readout
from backknee.words.weight import Person, activity_bars, bars_in_words, bmi_sentences, loss_sentences
from bench.report import Row, run
from tests.e2e.helpers import CHROMIUM, LAUNCH_ARGS, SETTLED, TABLET_LANDSCAPE, Visit, option, running_app

WARM_UP = 5
RUNS = 30
MEDIAN_RATIO = 1.3
"""Our median may be at most this many times the bare pills app's, in the same alternation."""
P95_MS = 200
TARGET = f"median ≤ {MEDIAN_RATIO}x bare; p95 < {P95_MS} ms"
SECTION = "2 interaction"
PILLS = ["one", "two", "three", "four", "five", "six"]

WATCH = """(() => {
    // Every run of the app that has finished, counted from the app's socket, and each message
    // announced (added to each page before it loads). A message is one ForwardMsg; a run's
    // last is the one with field 6, script_finished (streamlit/proto/ForwardMsg.proto).
    window.__runsFinished = 0;
    const SCRIPT_FINISHED = 6;
    const varint = (bytes, at) => {
        let value = 0, scale = 1;
        for (;;) {
            const byte = bytes[at++];
            value += (byte & 0x7f) * scale;
            scale *= 128;
            if (byte < 0x80) return [value, at];
        }
    };
    const finishesARun = (data) => {
        if (!(data instanceof ArrayBuffer)) return false;
        const bytes = new Uint8Array(data);
        let at = 0;
        while (at < bytes.length) {
            let tag, length;
            [tag, at] = varint(bytes, at);
            if (tag >>> 3 === SCRIPT_FINISHED) return true;
            const wire = tag & 7;
            if (wire === 0) [, at] = varint(bytes, at);
            else if (wire === 1) at += 8;
            else if (wire === 2) { [length, at] = varint(bytes, at); at += length; }
            else if (wire === 5) at += 4;
            else return false;
        }
        return false;
    };
    const Socket = window.WebSocket;
    window.WebSocket = class extends Socket {
        constructor(...args) {
            super(...args);
            this.addEventListener('message', (event) => {
                if (finishesARun(event.data)) window.__runsFinished += 1;
                window.dispatchEvent(new Event('bk-message'));
            });
        }
    };
})();"""

ARM = """([checks, reruns]) => {
    window.__doneAt = undefined;
    const shownFrame = (demo) => [...(demo?.querySelectorAll('.bk-frame') || [])]
        .findIndex((g) => g.getAttribute('visibility') !== 'hidden');
    const framesBefore = checks.filter((c) => c.how === 'moved')
        .map((c) => shownFrame(document.querySelector(c.selector)));
    const holds = (check, n) => {
        const all = [...document.querySelectorAll(check.selector)];
        if (check.how === 'text') return all.some((e) => (e.innerText || '').includes(check.text));
        if (check.how === 'label') return all.some((e) => e.getAttribute('aria-label') === check.text);
        if (check.how === 'value') return all.some((e) => e.value === check.text);
        if (check.how === 'part') return all.some((e) => e.textContent.trim()
            && check.text.includes(e.textContent.trim()));
        return shownFrame(all[0]) !== framesBefore[n];
    };
    window.__done = new Promise((resolve) => {
        let start = null;
        // A run of the app has finished since the input event: what the browser changes at
        // once (a number box's own value) must not count as finished before.
        let runsAtStart = null;
        let ran = !reruns;
        const finished = () => {
            const app = document.querySelector('[data-testid=stApp]');
            let moved = 0;
            const failing = checks.filter((c) => !holds(c, c.how === 'moved' ? moved++ : -1));
            // What it waits for, for the message if it never comes.
            window.__waiting = { ran, state: app?.dataset.testScriptState,
                stale: !!document.querySelector('[data-stale=true]'), failing };
            return ran && app?.dataset.testScriptState === 'notRunning'
                && !window.__waiting.stale && !failing.length;
        };
        const begin = () => { start = performance.now(); runsAtStart = window.__runsFinished; };
        document.addEventListener('keydown', begin, { capture: true, once: true });
        document.addEventListener('pointerdown', begin, { capture: true, once: true });
        const check = () => {
            if (start === null || window.__doneAt !== undefined) return;
            ran ||= window.__runsFinished > runsAtStart;
            if (finished()) {
                observer.disconnect();
                window.removeEventListener('bk-message', afterMessage);
                window.__doneAt = performance.now();
                resolve(window.__doneAt - start);
            }
        };
        // Checked on every change to the page, and after every message from the app: a run
        // that changes nothing on the page (one flight of stairs more changes no rounded
        // figure) ends with messages but no change, and must still count as finished.
        const observer = new MutationObserver(check);
        const afterMessage = () => setTimeout(check, 0);
        window.addEventListener('bk-message', afterMessage);
        const everything = { subtree: true, childList: true, attributes: true, characterData: true };
        observer.observe(document.body, everything);
    });
}"""


@dataclass(frozen=True)
class Check:
    """What must be on screen when an interaction has finished. `how`: 'text', some element
    matching `selector` shows `text`; 'label', one's aria-label (a picture's words) is `text`;
    'value', an input's value is `text`; 'part', one's non-empty text is part of `text`;
    'moved', the moving figure under `selector` shows another frame than when armed."""

    how: str
    selector: str
    text: str = ""


def picture(key: str, words: str) -> Check:
    """The picture whose id is `key`, drawn anew: its words for a screen reader are `words`."""
    return Check("label", f"svg#{key}", words)


@dataclass
class Control:
    """One control, used again and again: the i-th interaction is `act(page, i)` and is finished
    when `checks(i)` hold. Even ones go there, odd ones come back (or a cycle moves on), and
    one last untimed interaction after the series brings the page back where it started.
    `setup` runs once before; `prepare` before each interaction, untimed. Unless told it does
    not, the interaction is finished only after a run of the app has been seen."""

    name: str
    act: Callable[[Page, int], None]
    checks: Callable[[int], list[Check]]
    setup: Callable[[Page], None] = lambda page: None
    prepare: Callable[[Page, int], None] = lambda page, i: None
    reruns: bool = True
    """Whether the interaction runs the app (every Streamlit widget does; Play does not)."""


@dataclass
class Group:
    """The controls of one page, measured in one tab opened by `open`."""

    open: Callable[[Page], None]
    controls: list[Control]


@dataclass
class Measured:
    name: str
    ours: list[float]
    bare: list[float]


@dataclass
class Pills:
    """The bare pills app's tab: each tap chooses the next pill, so every tap changes it."""

    page: Page
    taps: int = 0

    def control(self) -> Control:
        def act(page: Page, i: int) -> None:
            page.get_by_role("radio", name=PILLS[self.taps % len(PILLS)]).tap()

        def checks(i: int) -> list[Check]:
            return [Check("text", "[data-testid=stMain]", f"You chose {PILLS[self.taps % len(PILLS)]}.")]

        return Control("pills", act, checks)


def timed(page: Page, control: Control, i: int) -> float:
    """Milliseconds from the input event until the control's checks hold, the run finished."""
    control.prepare(page, i)
    page.bring_to_front()
    checks = control.checks(i)
    page.evaluate(ARM, [[vars(check) for check in checks], control.reruns])
    control.act(page, i)
    # A page that never shows the expected content (say, after its words changed) must stop
    # the benchmark with a message, not hang it.
    try:
        page.wait_for_function("() => window.__doneAt !== undefined", timeout=30_000)
    except PlaywrightTimeoutError as error:
        waiting = page.evaluate("window.__waiting")
        raise RuntimeError(f"{control.name}, interaction {i}: still waiting for {waiting}") from error
    return float(page.evaluate("window.__done"))


def measure(browser: Browser, pills_url: str, group: Group) -> list[Measured]:
    """Every control of a page against the pills app, alternating, in a context of their own."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    context.add_init_script(WATCH)
    bare = Pills(context.new_page())
    bare.page.goto(pills_url)
    bare.page.get_by_text("You chose None.").wait_for()
    ours = context.new_page()
    group.open(ours)
    measured = []
    for control in group.controls:
        started = time.monotonic()
        ours.bring_to_front()
        control.setup(ours)
        one = Measured(control.name, [], [])
        for i in range(WARM_UP + RUNS):
            bare_ms = timed(bare.page, bare.control(), i)
            bare.taps += 1
            ours_ms = timed(ours, control, i)
            if i >= WARM_UP:
                one.bare.append(bare_ms)
                one.ours.append(ours_ms)
        timed(ours, control, WARM_UP + RUNS)  # back where it started, for the next control
        measured.append(one)
        print(
            f"{control.name}: median {statistics.median(one.ours):.0f} ms (p95 {p95(one.ours):.0f}), "
            f"bare {statistics.median(one.bare):.0f} ms (p95 {p95(one.bare):.0f}); "
            f"{time.monotonic() - started:.0f} s",
            flush=True,
        )
    context.close()
    return measured


def there_and_back(i: int) -> bool:
    """Even interactions go there, odd ones come back."""
    return i % 2 == 0


def open_page(app_url: str, path: str, heading: str) -> Callable[[Page], None]:
    def open_(page: Page) -> None:
        page.goto(f"{app_url}/{path}")
        page.get_by_role("heading", level=1, name=heading).wait_for(timeout=60_000)
        page.wait_for_function(SETTLED, timeout=60_000)

    return open_


def settle(page: Page) -> None:
    page.wait_for_function(SETTLED, timeout=30_000)


def home_controls(content: Content) -> list[Control]:
    cycle = content.page("home", HomePage).cycle

    def label(i: int) -> str:
        return numbered(cycle, cycle.steps[i % len(cycle.steps)])

    return [
        Control(
            "home: a step of the cycle",
            lambda page, i: page.get_by_role("radio", name=label(i)).tap(),
            lambda i: [
                Check("text", ".st-key-cycle_explanation", label(i)),
                # The picture marks the chosen step in bold.
                Check(
                    "part", "svg.bk-chart tspan[font-weight=bold]", cycle.steps[i % len(cycle.steps)].label
                ),
            ],
        )
    ]


def posture_controls(content: Content) -> list[Control]:
    page_words = content.page("posture", PosturePage)

    def shown(scenario: Scenario) -> list[Check]:
        comparison = compare(scenario)
        lines = readout(comparison, page_words.readout)
        name = posture_name(scenario, page_words.presets, page_words.chart)
        return [picture("posture_chart", describe(name, lines, page_words.chart))]

    def moved(control: str, i: int) -> Scenario:
        # From standing tall (every control at 0) one step up, and back.
        return Scenario(**{f"{control}_deg": POSTURE_STEP_DEG if there_and_back(i) else 0})

    controls = []
    for control in ("flattening", "lean", "knee"):

        def focus(page: Page, i: int, control: str = control) -> None:
            page.locator(f".st-key-posture_{control}").get_by_role("slider").focus()

        def key(page: Page, i: int) -> None:
            page.keyboard.press("ArrowRight" if there_and_back(i) else "ArrowLeft")

        controls.append(
            Control(
                f"posture: {control} slider, key",
                key,
                lambda i, control=control: shown(moved(control, i)),
                prepare=focus,
            )
        )
    for control in ("flattening", "lean", "knee"):

        def tap(page: Page, i: int, control: str = control) -> None:
            page.locator(f".st-key-posture_{control}_{'more' if there_and_back(i) else 'less'} button").tap()

        controls.append(
            Control(
                f"posture: {control} slider, − and + buttons",
                tap,
                lambda i, control=control: shown(moved(control, i)),
            )
        )
    presets = page_words.presets
    # Round the presets, starting after the one already chosen (standing tall, if it is one).
    now = find_preset(Scenario(), presets)
    first = presets.index(now) + 1 if now else 0

    def preset(i: int) -> PosturePreset:
        return presets[(first + i) % len(presets)]

    def preset_scenario(i: int) -> Scenario:
        p = preset(i)
        return Scenario(flattening_deg=p.flattening, lean_deg=p.lean, knee_deg=p.knee)

    controls.append(
        Control(
            "posture: presets",
            lambda page, i: page.locator(f".st-key-preset_{preset(i).id} button").tap(),
            lambda i: [*shown(preset_scenario(i)), Check("text", ".st-key-posture_readout", preset(i).label)],
        )
    )
    return controls


def step_button(page: Page, key: str, up: bool) -> None:
    page.locator(f".st-key-{key}").get_by_test_id(
        "stNumberInputStepUp" if up else "stNumberInputStepDown"
    ).tap()


def weight_controls(content: Content) -> list[Control]:
    words = content.page("weight", WeightPage)
    start = Person()
    stones, pounds = kg_to_stones_pounds(start.mass_kg)
    feet, inches = cm_to_feet_inches(start.height_cm)

    def knee_chart(person: Person) -> list[Check]:
        bars = bars_in_words(activity_bars(person, words))
        return [picture("activities_chart", words.activities_alt.format(bars=bars))]

    def bmi_box(person: Person) -> list[Check]:
        return [Check("text", ".st-key-bmi_readout", plain(line)) for line in bmi_sentences(person, words)]

    def loss_box(person: Person) -> list[Check]:
        return [Check("text", ".st-key-loss_readout", plain(line)) for line in loss_sentences(person, words)]

    def box(
        name: str,
        key: str,
        number: tuple[float, float],
        person: Callable[[float], Person],
        shown: Callable[[Person], list[Check]],
        shown_as: str = "{:.0f}",
    ) -> Control:
        """A number box's − and + buttons: its number goes from `number[0]` one step to
        `number[1]` and back; the box shows it, and `shown` says what else changes."""

        def checks(i: int) -> list[Check]:
            value = number[1] if there_and_back(i) else number[0]
            return [Check("value", f".st-key-{key} input", shown_as.format(value)), *shown(person(value))]

        return Control(name, lambda page, i: step_button(page, key, there_and_back(i)), checks)

    def unit(label: str, choice: str) -> Callable[[Page], None]:
        def choose(page: Page) -> None:
            option(Visit(page, TABLET_LANDSCAPE, ""), label, choice).tap()
            expect(option(Visit(page, TABLET_LANDSCAPE, ""), label, choice)).to_be_checked()
            settle(page)

        return choose

    def switch(name: str, label: str, metric: tuple[str, str, str], uk: tuple[str, str, str]) -> Control:
        # (choice, box key, box label): the UK units there, the metric one back.
        def act(page: Page, i: int) -> None:
            choice = uk[0] if there_and_back(i) else metric[0]
            option(Visit(page, TABLET_LANDSCAPE, ""), label, choice).tap()

        def checks(i: int) -> list[Check]:
            _, key, box_label = uk if there_and_back(i) else metric
            return [Check("text", f".st-key-{key}", box_label)]

        return Control(name, act, checks)

    def in_stones(st: float, lb: float) -> Person:
        return Person(mass_kg=stones_pounds_to_kg(int(st), int(lb)))

    def in_feet(ft: float, inch: float) -> Person:
        return Person(
            mass_kg=stones_pounds_to_kg(stones, pounds), height_cm=feet_inches_to_cm(int(ft), int(inch))
        )

    return [
        box(
            "weight: weight box, − and +",
            "weight_kg",
            (start.mass_kg, start.mass_kg + 1),
            lambda kg: Person(mass_kg=kg),
            knee_chart,
            "{:.1f}",
        ),
        box(
            "weight: height box, − and +",
            "height_cm",
            (start.height_cm, start.height_cm + 1),
            lambda cm: Person(height_cm=cm),
            bmi_box,
        ),
        box(
            "weight: kg to lose, − and +",
            "loss_kg",
            (start.loss_kg, start.loss_kg + 1),
            lambda kg: Person(loss_kg=kg),
            loss_box,
        ),
        box(
            "weight: steps a day, − and +",
            "steps_per_day",
            (start.steps_per_day, start.steps_per_day + 500),
            lambda steps: Person(steps_per_day=int(steps)),
            loss_box,
        ),
        # One flight more or less changes no rounded figure on the page: only the box and the run.
        box(
            "weight: flights a day, − and +",
            "flights_per_day",
            (start.flights_per_day, start.flights_per_day + 1),
            lambda flights: Person(flights_per_day=int(flights)),
            loss_box,
        ),
        Control(
            "weight: lower thresholds switch",
            lambda page, i: page.locator(".st-key-lower_thresholds label").tap(),
            lambda i: bmi_box(Person(lower_thresholds=there_and_back(i))),
        ),
        switch(
            "weight: weight unit switch",
            words.weight_unit_label,
            (words.kg_label, "weight_kg", words.weight_kg_label),
            (words.stones_label, "weight_st", words.stones_field_label),
        ),
        switch(
            "weight: height unit switch",
            words.height_unit_label,
            (words.cm_label, "height_cm", words.height_cm_label),
            (words.feet_label, "height_ft", words.feet_field_label),
        ),
        # In stones and pounds, then in feet and inches (what the boxes hold is what counts).
        replace(
            box(
                "weight: stones box, − and +",
                "weight_st",
                (stones, stones + 1),
                lambda st: in_stones(st, pounds),
                knee_chart,
            ),
            setup=unit(words.weight_unit_label, words.stones_label),
        ),
        box(
            "weight: pounds box, − and +",
            "weight_lb",
            (pounds, pounds + 1),
            lambda lb: in_stones(stones, lb),
            knee_chart,
        ),
        replace(
            box(
                "weight: feet box, − and +",
                "height_ft",
                (feet, feet + 1),
                lambda ft: in_feet(ft, inches),
                bmi_box,
            ),
            setup=unit(words.height_unit_label, words.feet_label),
        ),
        box(
            "weight: inches box, − and +",
            "height_in",
            (inches, inches + 1),
            lambda inch: in_feet(feet, inch),
            bmi_box,
        ),
    ]


def muscles_controls(content: Content) -> list[Control]:
    page_words = content.page("muscles", MusclesPage)
    graph = content.compensation
    area = graph.weak_areas[0]
    one_leg, chair = page_words.one_leg, page_words.chair

    def percent(label: str, there: int, back: int) -> Callable[[Page, int], None]:
        def tap(page: Page, i: int) -> None:
            value = there if there_and_back(i) else back
            page.get_by_role("radiogroup", name=label).get_by_role(
                "radio", name=f"{value}%", exact=True
            ).tap()

        return tap

    def hip(i: int) -> list[Check]:
        view = one_leg_view(90 if there_and_back(i) else 100, one_leg)
        return [picture("muscles_one_leg_chart", describe_one_leg(view, one_leg))]

    def rise(thigh: int, arms: bool) -> list[Check]:
        return [picture("muscles_chair_chart", describe_chair(chair_view(thigh, arms, chair), chair))]

    def chain(i: int) -> list[Check]:
        active = chain_for(graph, [area.id] if there_and_back(i) else [])
        return [picture("muscles_chain_chart", describe_chain(graph, active, page_words.chain))]

    return [
        Control(
            "muscles: weak areas",
            lambda page, i: (
                page.get_by_role("toolbar", name=page_words.chain.pick_label)
                .get_by_role("button", name=area.label)
                .tap()
            ),
            chain,
        ),
        Control("muscles: hip strength", percent(one_leg.control_label, 90, 100), hip),
        Control(
            "muscles: thigh strength",
            percent(chair.control_label, 80, 100),
            lambda i: rise(80 if there_and_back(i) else 100, False),
        ),
        Control(
            "muscles: arms switch",
            lambda page, i: page.locator(".st-key-muscles_arms label").tap(),
            lambda i: rise(100, there_and_back(i)),
        ),
    ]


def explorer_controls(content: Content) -> list[Control]:
    """Next and Back on each of the explorer's question screens, the last Next showing the
    result; then the plan's start date, on the plan page the result leads to."""
    tips = content.page("tips", TipsPage)
    plan = content.page("plan", PlanPage)
    box = ".st-key-tips_screen_box"
    names = [
        "emergency signs",
        "same-day signs",
        "other signs",
        "where it hurts",
        "what is hard",
        "what suits you",
    ]
    # Each screen known by what only it shows: the question screens by their progress line
    # (the first two ask the same question), the result by its heading.
    screens = [
        (
            name,
            Check("text", "[data-testid=stCaptionContainer]", tips.progress.format(step=n, total=len(names))),
        )
        for n, name in enumerate(names, start=1)
    ] + [("the result", Check("text", box, tips.result_heading))]
    questions = [tips.emergency_question, tips.urgent_question, tips.routine_question]

    def visit(page: Page) -> Visit:
        return Visit(page, TABLET_LANDSCAPE, "")

    def answer(page: Page, question: str, label: str) -> None:
        choice = option(visit(page), question, label)
        expect(choice).to_have_count(1)  # the screen before has gone
        choice.tap()
        expect(choice).to_be_checked()
        settle(page)

    def next_(page: Page) -> None:
        page.locator(".st-key-tips_next button").tap()

    def answers(number: int) -> Callable[[Page], None]:
        def setup(page: Page) -> None:
            if number:  # on to this screen (each series ends on the screen before)
                expect(page.locator(".st-key-tips_next button")).to_be_enabled()
                next_(page)
                shown = screens[number][1]
                expect(page.locator(shown.selector, has_text=shown.text).first).to_be_visible()
                settle(page)
            if number < len(questions):
                answer(page, questions[number], tips.no_label)
            elif number == 3:
                answer(page, tips.where_question, tips.where_labels.of(Joint.BOTH))
                answer(page, tips.pain_question, "6")

        return setup

    controls = []
    for number, (name, here) in enumerate(screens[:-1]):
        after = screens[number + 1]

        def act(page: Page, i: int) -> None:
            page.locator(f".st-key-{'tips_next' if there_and_back(i) else 'tips_back'} button").tap()

        controls.append(
            Control(
                f"explorer: {name}, Next{' to the result' if after[0] == 'the result' else ''} and Back",
                act,
                lambda i, there=after[1], here=here: [there if there_and_back(i) else here],
                setup=answers(number),
            )
        )

    def to_plan(page: Page) -> None:
        next_(page)
        link = page.locator(box).get_by_role("link", name=tips.plan_link.label)
        link.tap()
        page.get_by_role("heading", level=1, name=plan.heading).wait_for()
        settle(page)

    tomorrow = date.today() + timedelta(days=1)

    def day(i: int) -> date:
        return tomorrow + timedelta(days=1 if there_and_back(i) else 0)

    def next_day(page: Page, i: int) -> None:
        # The field takes the new day at once; the app hears it when the patient leaves the
        # field (timed from that tap, on the page's heading).
        page.locator(".st-key-plan_start [role=spinbutton][data-type=day]").focus()
        page.keyboard.press("ArrowUp" if there_and_back(i) else "ArrowDown")

    controls.append(
        Control(
            "plan: start date (a key, then a tap away)",
            lambda page, i: page.get_by_role("heading", level=1).tap(),
            lambda i: [Check("value", ".st-key-plan_start input[type=date]", day(i).isoformat())],
            setup=to_plan,
            prepare=next_day,
        )
    )
    return controls


def exercises_controls(content: Content) -> list[Control]:
    first, second = list(content.exercises.values())[:2]

    def chosen(i: int) -> Exercise:
        return first if not there_and_back(i) else second

    def pause(page: Page, i: int) -> None:
        page.locator(".st-key-exercise_detail .bk-pause").tap()

    return [
        Control(
            "exercises: choose an exercise",
            lambda page, i: page.get_by_role("radio", name=chosen(i).name, exact=True).tap(),
            lambda i: [Check("text", ".st-key-exercise_detail h2", chosen(i).name)],
        ),
        Control(
            "exercises: Play on the moving figure",
            lambda page, i: page.locator(".st-key-exercise_detail .bk-play").tap(),
            lambda i: [Check("moved", ".st-key-exercise_detail [data-bk-demo]")],
            prepare=pause,
            reruns=False,
        ),
    ]


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def row(one: Measured) -> Row:
    median, bare = statistics.median(one.ours), statistics.median(one.bare)
    return Row(
        SECTION,
        one.name,
        median,
        "ms",
        bare,
        TARGET,
        met=median / bare <= MEDIAN_RATIO and p95(one.ours) < P95_MS,
        note=f"p95 {p95(one.ours):.0f} ms, bare p95 {p95(one.bare):.0f} ms",
    )


def main() -> list[Row]:
    if not CHROMIUM.exists():
        print(f"No Chromium at {CHROMIUM}: run `make test` first, which installs it.")
        return []
    content = load_content()
    started = time.monotonic()
    with (
        running_app("bench/bare_pills_app.py") as pills_url,
        running_app() as app_url,
        sync_playwright() as pw,
    ):

        def opened(path: str, heading: str) -> Callable[[Page], None]:
            return open_page(app_url, path, heading)

        groups = [
            Group(opened("", content.page("home", HomePage).heading), home_controls(content)),
            Group(opened("posture", content.page("posture", PosturePage).heading), posture_controls(content)),
            Group(opened("weight", content.page("weight", WeightPage).heading), weight_controls(content)),
            Group(opened("muscles", content.page("muscles", MusclesPage).heading), muscles_controls(content)),
            Group(opened("tips", content.page("tips", TipsPage).heading), explorer_controls(content)),
            Group(
                opened("exercises", content.page("exercises", ExercisesPage).heading),
                exercises_controls(content),
            ),
        ]
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        measured = [one for group in groups for one in measure(browser, pills_url, group)]
        version = browser.version
        browser.close()
    print(
        f"\nChromium {version}; {RUNS} interactions per control after {WARM_UP} to warm up, "
        f"alternating with the bare pills app, 1024x768 with touch; {time.monotonic() - started:.0f} s.\n"
    )
    return [row(one) for one in measured]


if __name__ == "__main__":
    run(main)
