"""The posture page's logic: from the three controls to a balanced stance, and from the stance
to plain sentences. The numbers come from backknee.body; the words come from content."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from backknee.content.pages.posture import PostureChartWords, PosturePreset, PostureReadout
from backknee.mechanics.body import ASSUMPTIONS, Body, Stance, balance, standing_tall
from backknee.mechanics.constants import POSTURE_CONTROL_RANGES_DEG, POSTURE_STEP_DEG

AVERAGE_BODY = Body(height_cm=170.0, mass_kg=70.0)
"""The page shows one average body. The angles are the same for every height and weight;
the loads change a little with height (the muscles' levers do not grow with the body: for
"Stooped", the knee load is 1.95 times standing tall's at 150 cm and 2.21 times at 190 cm),
which the page's "How we worked this out" says."""

SAME_LOAD_BELOW = 1.15
"""Less than 15% above standing tall is shown as 'about the same': the model cannot tell apart
smaller differences."""
NO_BEND_BELOW_DEG = 2.5
"""An angle that rounds to under 5 degrees (in steps of 5) is not worth a sentence."""
QUIET_THIGHS_BELOW = 0.05
"""Thigh muscles pulling with under 5% of body weight are shown as resting."""


@dataclass(frozen=True)
class Scenario:
    """What the patient chose: how much the lower back has flattened, how far the upper back
    bends forward, and how far the knees cannot straighten, in degrees."""

    flattening_deg: int = 0
    lean_deg: int = 0
    knee_deg: int = 0

    def __post_init__(self) -> None:
        for name, (low, high) in POSTURE_CONTROL_RANGES_DEG.items():
            value = getattr(self, f"{name}_deg")
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low} and {high} degrees; got {value}")

    def step(self, control: str, direction: int) -> Scenario:
        """The scenario with one control moved one step (+1 or -1), kept within its range."""
        low, high = POSTURE_CONTROL_RANGES_DEG[control]
        value = getattr(self, f"{control}_deg") + direction * POSTURE_STEP_DEG
        values = {"flattening_deg": self.flattening_deg, "lean_deg": self.lean_deg, "knee_deg": self.knee_deg}
        values[f"{control}_deg"] = min(max(value, low), high)
        return Scenario(**values)


@dataclass(frozen=True)
class Comparison:
    """The chosen posture against standing tall, in the terms the page uses."""

    scenario: Scenario
    stance: Stance
    reference: Stance
    knee_bend_deg: float
    pelvis_back_deg: float
    extra_flattening_deg: float
    """How much more the lower back flattens to balance, beyond what the patient chose."""
    thigh_share_of_weight: float
    """Thigh-muscle pull in each leg as a share of body weight."""
    knee_times: float
    """Load through each knee, as a multiple of standing tall's."""
    back_times: float
    """Lower-back muscle effort, as a multiple of standing tall's."""


@lru_cache(maxsize=512)
def compare(scenario: Scenario, body: Body = AVERAGE_BODY) -> Comparison:
    """Balance the chosen posture and compare it with standing tall (cached: the same choice
    always gives the same answer, and there are only a few hundred choices)."""
    reference = standing_tall(body)
    chosen_lordosis = ASSUMPTIONS.normal_lordosis_deg - scenario.flattening_deg
    stance = balance(body, chosen_lordosis, scenario.lean_deg, scenario.knee_deg)
    return Comparison(
        scenario=scenario,
        stance=stance,
        reference=reference,
        knee_bend_deg=stance.posture.knee_flexion_deg,
        pelvis_back_deg=reference.posture.pelvis_tilt_deg - stance.posture.pelvis_tilt_deg,
        extra_flattening_deg=chosen_lordosis - stance.posture.lordosis_deg,
        thigh_share_of_weight=stance.loads.quadriceps_force_n / body.weight_n,
        knee_times=stance.loads.knee_compression_n / reference.loads.knee_compression_n,
        back_times=stance.loads.back_extensor_force_n / reference.loads.back_extensor_force_n,
    )


def nearest_five(value: float) -> int:
    """Round an angle to the nearest 5 degrees: the model is no more precise than that."""
    return int(5 * round(value / 5))


def times(value: float) -> str:
    """A multiple in words a patient can feel: '1.5', '2', '6' (halves up to 3, then whole)."""
    rounded = round(value * 2) / 2 if value < 3 else round(value)
    return f"{rounded:g}"


def readout(comparison: Comparison, words: PostureReadout) -> list[str]:
    """The plain sentences under the figure, most important first; the last says what the
    numbers are (an illustration from a model, not a measurement)."""
    lines = []
    knee = nearest_five(comparison.knee_bend_deg)
    if comparison.knee_bend_deg < NO_BEND_BELOW_DEG:
        lines.append(words.knees_straight)
    elif comparison.scenario.knee_deg and comparison.scenario.knee_deg >= comparison.knee_bend_deg - 0.5:
        lines.append(words.knees_held_bent.format(degrees=knee))
    else:
        lines.append(words.knees_bend.format(degrees=knee))
    if comparison.pelvis_back_deg >= NO_BEND_BELOW_DEG:
        lines.append(words.pelvis_back.format(degrees=nearest_five(comparison.pelvis_back_deg)))
    if comparison.extra_flattening_deg >= NO_BEND_BELOW_DEG:
        lines.append(words.back_flattens.format(degrees=nearest_five(comparison.extra_flattening_deg)))
    if comparison.thigh_share_of_weight < QUIET_THIGHS_BELOW:
        lines.append(words.thighs_rest)
    else:
        percent = max(5, nearest_five(100 * comparison.thigh_share_of_weight))
        lines.append(words.thighs_work.format(percent=percent))
    lines.append(
        words.knee_same
        if comparison.knee_times < SAME_LOAD_BELOW
        else words.knee_times.format(times=times(comparison.knee_times))
    )
    lines.append(
        words.back_same
        if comparison.back_times < SAME_LOAD_BELOW
        else words.back_times.format(times=times(comparison.back_times))
    )
    lines.append(words.illustration)
    return lines


def find_preset(scenario: Scenario, presets: list[PosturePreset]) -> PosturePreset | None:
    """The preset whose three angles are the scenario's, if there is one."""
    angles = (scenario.flattening_deg, scenario.lean_deg, scenario.knee_deg)
    return next((p for p in presets if (p.flattening, p.lean, p.knee) == angles), None)


def posture_name(scenario: Scenario, presets: list[PosturePreset], words: PostureChartWords) -> str:
    """The chosen posture's name: a preset's label if it matches one, else its three angles."""
    preset = find_preset(scenario, presets)
    if preset:
        return preset.label
    return words.custom_posture.format(
        flattening=scenario.flattening_deg, lean=scenario.lean_deg, knee=scenario.knee_deg
    )


def describe(name: str, readout_lines: list[str], words: PostureChartWords) -> str:
    """The figure in words for screen readers: the posture shown and what it does."""
    return words.description.format(posture=name, readout=" ".join(readout_lines[:-1]))
