"""What a patient waits for: from a tap (or key press) to the finished page, in real Chromium.

Our home page (tap a step of the cycle) and posture page (tap a step button under a slider,
or move the slider with a key), against bare Streamlit apps served in the same run:
one with a pills widget (the same kind of tap, the fair yardstick) and the one-slider app
(whose slider waits a moment before it sends, so it is shown for reference). Alternating
A B C A B C, warmed up first. Timed inside the page: performance.now() at the input event, stopped by a
MutationObserver once Streamlit has finished the run and the new content is on screen.
Run: `make bench` (after `make test` has installed Chromium).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Browser, Page, sync_playwright

from backknee.content.loader import load_content
from backknee.content.pages.home import HomePage
from backknee.content.pages.muscles import MusclesPage
from backknee.content.pages.posture import PosturePage
from backknee.mechanics.loads import knee_load_kg
from backknee.vocab import Activity
from backknee.words.muscles import one_leg_view
from backknee.words.posture import Scenario, compare, times
from backknee.words.weight import Person, rounded
from tests.e2e.helpers import CHROMIUM, LAUNCH_ARGS, running_app

WARM_UP = 5
RUNS = 30

ARM = """([where, expected, chartLabel, chartText]) => {
    window.__doneAt = undefined;
    window.__done = new Promise((resolve) => {
        let start = null;
        const finished = () => {
            const app = document.querySelector('[data-testid=stApp]');
            return app && app.dataset.testScriptState === 'notRunning'
                && !document.querySelector('[data-stale=true]')
                && (document.querySelector(where)?.innerText || '').includes(expected)
                && (!chartLabel || [...document.querySelectorAll('svg.bk-chart tspan[font-weight=bold]')]
                    .some(t => t.textContent.trim() && chartLabel.includes(t.textContent.trim())))
                && (!chartText || [...document.querySelectorAll('svg.bk-chart text')]
                    .some(t => t.textContent.trim() === chartText));
        };
        const begin = () => { start = performance.now(); };
        document.addEventListener('keydown', begin, { capture: true, once: true });
        document.addEventListener('pointerdown', begin, { capture: true, once: true });
        const observer = new MutationObserver(() => {
            if (start !== null && finished()) {
                observer.disconnect();
                window.__doneAt = performance.now();
                resolve(window.__doneAt - start);
            }
        });
        const everything = { subtree: true, childList: true, attributes: true, characterData: true };
        observer.observe(document.body, everything);
    });
}"""


def time_interaction(
    page: Page, act, where: str, expected: str, chart_label: str = "", chart_text: str = ""
) -> float:
    """Milliseconds from the input event until `expected` shows inside `where` (and, if
    given, the chart shows `chart_label` in bold, or a text equal to `chart_text`), with
    Streamlit's run finished."""
    page.evaluate(ARM, [where, expected, chart_label, chart_text])
    act()
    # A page that never shows the expected text (say, after its words changed) must stop
    # the benchmark with a message, not hang it.
    page.wait_for_function("() => window.__doneAt !== undefined", timeout=30_000)
    return float(page.evaluate("window.__done"))


@dataclass
class Series:
    """One kind of interaction on one page, repeated: the i-th one taps or presses, and is
    finished when its text (and chart label) is on screen."""

    name: str
    open: Callable[[Page], None]
    act: Callable[[Page, int], None]
    where: str
    expected: Callable[[int], str]
    chart_label: Callable[[int], str] = lambda i: ""
    chart_text: Callable[[int], str] = lambda i: ""


def measure(browser: Browser, series: list[Series]) -> dict[str, list[float]]:
    """Alternate the series (A B A B) in one fresh browser context, closed afterwards.

    Each comparison gets a context of its own: an open posture tab beside home slowed
    home's taps from about 125 to 170 ms in one shared context, even with pauses between
    interactions, so a patient's single tab is best matched by as few tabs as possible."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    pages = []
    for one in series:
        page = context.new_page()
        one.open(page)
        pages.append(page)
    times: dict[str, list[float]] = {one.name: [] for one in series}
    for i in range(WARM_UP + RUNS):
        for one, page in zip(series, pages, strict=True):
            ms = time_interaction(
                page,
                lambda one=one, page=page, i=i: one.act(page, i),
                one.where,
                one.expected(i),
                one.chart_label(i),
                one.chart_text(i),
            )
            if i >= WARM_UP:
                times[one.name].append(ms)
    context.close()
    return times


def main() -> int:
    if not CHROMIUM.exists():
        print(f"No Chromium at {CHROMIUM}: run `make test` first, which installs it.")
        return 1
    content = load_content()
    steps = content.page("home", HomePage).cycle.steps
    posture_words = content.page("posture", PosturePage)
    options = ["one", "two", "three", "four", "five", "six"]

    def step_label(i: int) -> str:
        n = i % len(steps)
        return f"{n + 1}. {steps[n].label}"

    # Posture: the knee goes 0 -> 5 -> 0 degrees, by a tap button or by a key.
    def knee(i: int) -> int:
        return 5 if i % 2 == 0 else 0

    def knee_readout(i: int) -> str:
        words = posture_words.readout
        return words.knees_held_bent.format(degrees=5) if knee(i) else words.knees_straight

    # Weight: + then − on the weight box, 75 -> 76 -> 75 kg.
    def kg(i: int) -> float:
        return Person().mass_kg + (1 if i % 2 == 0 else 0)

    def knee_kg(i: int) -> str:
        return rounded(knee_load_kg(kg(i), Activity.WALKING))

    def back_chart_text(i: int) -> str:
        # The back muscles' label in the chart: ×1 with straight knees, ×1.5 with 5 degrees
        # (the knee's own label reads ×1 for both). Its two lines join with no space.
        multiple = compare(Scenario(knee_deg=knee(i))).back_times
        return posture_words.chart.back_load.format(times=f"×{times(multiple)}").replace(" ×", "×")

    with (
        running_app("bench/bare_app.py") as slider_url,
        running_app("bench/bare_pills_app.py") as pills_url,
        running_app() as app_url,
        sync_playwright() as pw,
    ):

        def open_slider(page: Page) -> None:
            page.goto(slider_url)
            page.get_by_text("The value is 50.").wait_for()
            page.get_by_role("slider").focus()

        def open_pills(page: Page) -> None:
            page.goto(pills_url)
            page.get_by_text("You chose None.").wait_for()

        def open_app(path: str) -> Callable[[Page], None]:
            def open_(page: Page) -> None:
                page.goto(f"{app_url}/{path}")
                page.locator("svg.bk-chart").first.wait_for()
                if path == "posture":
                    knee_slider = page.locator(".stSlider").filter(has_text=posture_words.controls.knee.label)
                    knee_slider.get_by_role("slider").focus()

            return open_

        pills = Series(
            "pills",
            open_pills,
            lambda page, i: page.get_by_role("radio", name=options[i % 6]).click(),
            "[data-testid=stMain]",
            lambda i: f"You chose {options[i % 6]}.",
        )
        slider = Series(
            "slider",
            open_slider,
            lambda page, i: page.keyboard.press("ArrowRight"),
            "[data-testid=stMain]",
            lambda i: f"The value is {51 + i}.",
        )
        home = Series(
            "home",
            open_app(""),
            lambda page, i: page.get_by_role("radio", name=step_label(i)).click(),
            ".st-key-cycle_explanation",
            step_label,
            lambda i: steps[i % len(steps)].label,
        )
        tap = Series(
            "tap",
            open_app("posture"),
            lambda page, i: page.locator(
                f".st-key-posture_knee_{'more' if knee(i) else 'less'} button"
            ).tap(),
            ".st-key-posture_readout",
            knee_readout,
            chart_text=back_chart_text,
        )
        key = Series(
            "key", open_app("posture"),
            lambda page, i: page.keyboard.press("ArrowRight" if knee(i) else "ArrowLeft"),
            ".st-key-posture_readout", knee_readout, chart_text=back_chart_text,
        )  # fmt: skip
        weight = Series(
            "weight", open_app("weight"),
            lambda page, i: page.locator(".st-key-weight_kg").get_by_test_id(
                "stNumberInputStepUp" if i % 2 == 0 else "stNumberInputStepDown"
            ).tap(),
            "[data-testid=stMain]", lambda i: f"about {knee_kg(i)} kg through",
            chart_text=lambda i: f"{knee_kg(i)} kg",
        )  # fmt: skip
        hip_words = content.page("muscles", MusclesPage).one_leg

        def hip_percent(i: int) -> int:
            return 70 if i % 2 == 0 else 90

        muscles = Series(
            "muscles", open_app("muscles"),
            lambda page, i: page.get_by_role("radiogroup", name=hip_words.control_label).get_by_role(
                "radio", name=f"{hip_percent(i)}%", exact=True
            ).tap(),
            ".st-key-muscles_one_leg_readout", lambda i: one_leg_view(hip_percent(i), hip_words).lines[1],
        )  # fmt: skip
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        blocks = {
            "weight": measure(browser, [pills, weight]),
            "home": measure(browser, [pills, home]),
            "posture tap": measure(browser, [pills, tap]),
            "posture key": measure(browser, [slider, key]),
            "muscles": measure(browser, [pills, muscles]),
        }
        version = browser.version
        browser.close()

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    print(
        f"Chromium {version}; each comparison in its own browser context, {RUNS} interactions "
        f"after {WARM_UP} warm-up, alternating, 1024x768 with touch.\n"
    )
    print("| interaction | median ms | p95 ms | bare app | bare median ms | ratio |")
    print("|---|---:|---:|---|---:|---:|")
    rows = [
        ("home: tap a step of the cycle", "home", "home", "pills", "tap a pill"),
        ("posture: tap a step button under a slider", "posture tap", "tap", "pills", "tap a pill"),
        ("posture: move a slider with a key", "posture key", "key", "slider", "move the slider with a key"),
        ("weight: tap + or − on the weight box", "weight", "weight", "pills", "tap a pill"),
        ("muscles: tap a hip strength", "muscles", "muscles", "pills", "tap a pill"),
    ]
    for title, block, name, bare, bare_title in rows:
        ours, theirs = blocks[block][name], blocks[block][bare]
        ratio = statistics.median(ours) / statistics.median(theirs)
        print(
            f"| {title} | {statistics.median(ours):.0f} | {p95(ours):.0f} | {bare_title} | "
            f"{statistics.median(theirs):.0f} | {ratio:.2f}x |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
