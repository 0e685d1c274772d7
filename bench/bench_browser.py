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

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from backknee.loader import load_content  # noqa: E402
from backknee.models import HomePage, PosturePage  # noqa: E402
from backknee.posture import Scenario, compare  # noqa: E402
from tests.e2e.conftest import CHROMIUM, LAUNCH_ARGS, running_app  # noqa: E402

WARM_UP = 5
RUNS = 30

ARM = """([where, expected, chartLabel]) => {
    window.__done = new Promise((resolve) => {
        let start = null;
        const finished = () => {
            const app = document.querySelector('[data-testid=stApp]');
            return app && app.dataset.testScriptState === 'notRunning'
                && !document.querySelector('[data-stale=true]')
                && (document.querySelector(where)?.innerText || '').includes(expected)
                && (!chartLabel || [...document.querySelectorAll('.js-plotly-plot tspan')]
                    .some(t => (t.getAttribute('style') || '').includes('bold')
                        && t.textContent.trim() && chartLabel.includes(t.textContent.trim())));
        };
        const begin = () => { start = performance.now(); };
        document.addEventListener('keydown', begin, { capture: true, once: true });
        document.addEventListener('pointerdown', begin, { capture: true, once: true });
        const observer = new MutationObserver(() => {
            if (start !== null && finished()) { observer.disconnect(); resolve(performance.now() - start); }
        });
        const everything = { subtree: true, childList: true, attributes: true, characterData: true };
        observer.observe(document.body, everything);
    });
}"""


def time_interaction(page: Page, act, where: str, expected: str, chart_label: str = "") -> float:
    """Milliseconds from the input event until `expected` shows inside `where` (and, if
    given, the chart shows `chart_label` in bold), with Streamlit's run finished."""
    page.evaluate(ARM, [where, expected, chart_label])
    act()
    return float(page.evaluate("window.__done"))


def main() -> int:
    if not CHROMIUM.exists():
        print(f"No Chromium at {CHROMIUM}: run `make test` first, which installs it.")
        return 1
    content = load_content()
    steps = content.page("home", HomePage).cycle.steps
    posture_words = content.page("posture", PosturePage)
    bent = posture_words.readout.knees_held_bent.format(degrees=5)
    straight = posture_words.readout.knees_straight
    knee_label = {  # the knee's load label in the chart, drawn in bold
        knee: posture_words.chart.knee_load.format(
            times=f"×{compare(Scenario(knee_deg=knee)).knee_times:.1f}"
        )
        for knee in (0, 5)
    }
    options = ["one", "two", "three", "four", "five", "six"]
    with (
        running_app("bench/bare_app.py") as slider_url,
        running_app("bench/bare_pills_app.py") as pills_url,
        running_app() as app_url,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
        slider, pills, home = context.new_page(), context.new_page(), context.new_page()
        slider.goto(slider_url)
        slider.get_by_text("The value is 50.").wait_for()
        slider.get_by_role("slider").focus()
        pills.goto(pills_url)
        pills.get_by_text("You chose None.").wait_for()
        home.goto(app_url)
        home.locator(".js-plotly-plot").wait_for()
        tap_posture, key_posture = context.new_page(), context.new_page()
        for posture in (tap_posture, key_posture):
            posture.goto(f"{app_url}/posture")
            posture.locator(".js-plotly-plot").wait_for()
        knee_slider = key_posture.locator(".stSlider").filter(has_text=posture_words.controls.knee.label)
        knee_slider.get_by_role("slider").focus()
        more, less = ".st-key-posture_knee_more button", ".st-key-posture_knee_less button"
        times: dict[str, list[float]] = {"slider": [], "pills": [], "home": [], "tap": [], "key": []}
        for i in range(WARM_UP + RUNS):
            n = i % len(steps)
            label = f"{n + 1}. {steps[n].label}"
            # Posture: the knee goes 0 -> 5 -> 0 degrees, by a tap button and by a key.
            knee = 5 if i % 2 == 0 else 0
            button, key = (more, "ArrowRight") if knee else (less, "ArrowLeft")
            expected = bent if knee else straight
            measured = {
                "slider": time_interaction(
                    slider, lambda: slider.keyboard.press("ArrowRight"), "[data-testid=stMain]",
                    f"The value is {51 + i}.",
                ),
                "pills": time_interaction(
                    pills, lambda n=n: pills.get_by_role("radio", name=options[n]).click(),
                    "[data-testid=stMain]", f"You chose {options[n]}.",
                ),
                "home": time_interaction(
                    home, lambda label=label: home.get_by_role("radio", name=label).click(),
                    ".st-key-cycle_explanation", label, steps[n].label,
                ),
                "tap": time_interaction(
                    tap_posture, lambda where=button: tap_posture.locator(where).tap(),
                    ".st-key-posture_readout", expected, knee_label[knee],
                ),
                "key": time_interaction(
                    key_posture, lambda key=key: key_posture.keyboard.press(key),
                    ".st-key-posture_readout", expected, knee_label[knee],
                ),
            }  # fmt: skip
            if i >= WARM_UP:
                for name, ms in measured.items():
                    times[name].append(ms)
        version = browser.version
        browser.close()

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    median = {name: statistics.median(ms) for name, ms in times.items()}
    print(f"Chromium {version}; {RUNS} interactions after {WARM_UP} warm-up, alternating, 1024x768.\n")
    print("| in the browser | median ms | p95 ms |")
    print("|---|---:|---:|")
    print(f"| bare app: tap a pill | {median['pills']:.0f} | {p95(times['pills']):.0f} |")
    print(
        f"| bare app: move the slider (for reference) | {median['slider']:.0f} | {p95(times['slider']):.0f} |"
    )
    print(f"| home: tap a step of the cycle | {median['home']:.0f} | {p95(times['home']):.0f} |")
    print(f"| posture: tap a step button under a slider | {median['tap']:.0f} | {p95(times['tap']):.0f} |")
    print(f"| posture: move a slider with a key | {median['key']:.0f} | {p95(times['key']):.0f} |")
    print(f"\nRatio, home to the bare pills app: {median['home'] / median['pills']:.2f}x")
    print(f"Ratio, posture's tap to the bare pills app: {median['tap'] / median['pills']:.2f}x")
    print(f"Ratio, posture's slider to the bare slider app: {median['key'] / median['slider']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
