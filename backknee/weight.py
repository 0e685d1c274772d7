"""The weight page's logic: the patient's numbers in, the page's sentences and chart bars out.
The numbers come from backknee.loads; the words come from content/pages/weight.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from backknee.loads import (
    Activity,
    BackPosture,
    back_load_compared_with_standing,
    bmi,
    bmi_band,
    knee_load_kg,
    weight_loss_effect,
)
from backknee.models import WeightPage

KG_PER_BAG_OF_SUGAR = 1.0
"""A bag of sugar in UK shops weighs 1 kg."""


@dataclass(frozen=True)
class Person:
    """What the patient entered, in SI units (the page converts stones and feet)."""

    mass_kg: float = 75.0
    height_cm: float = 170.0
    steps_per_day: int = 5_000
    flights_per_day: int = 4
    loss_kg: float = 5.0
    lower_thresholds: bool = False


def rounded(value: float) -> str:
    """A number as people say it: whole (halves round up), thousands separated, '1,300'."""
    return f"{int(value + 0.5):,}"


def per_step_sentence(person: Person, page: WeightPage) -> str:
    return page.per_step.format(kg=rounded(knee_load_kg(person.mass_kg, Activity.WALKING)))


def activity_bars(person: Person, page: WeightPage) -> list[tuple[str, float, str]]:
    """One bar per activity the page lists: (label, kg through each knee, text on the bar)."""
    bars = []
    for item in page.activities:
        kg = knee_load_kg(person.mass_kg, Activity(item.activity))
        bars.append((item.label, kg, page.bar_text.format(kg=rounded(kg))))
    return bars


def back_bars(page: WeightPage) -> list[tuple[str, float, str]]:
    """One bar per position the page lists: (label, % of standing, text on the bar)."""
    bars = []
    for item in page.postures:
        percent = back_load_compared_with_standing(BackPosture(item.posture))
        bars.append((item.label, percent, page.back_bar_text.format(percent=rounded(percent))))
    return bars


def bars_in_words(bars: list[tuple[str, float, str]]) -> str:
    """A chart's bars as a sentence for screen readers: 'Walking: 196 kg; Stairs: 237 kg'."""
    return "; ".join(f"{label}: {text}" for label, _, text in bars)


def loss_sentences(person: Person, page: WeightPage) -> list[str]:
    """What losing the chosen amount would take off each knee: per step, per day, per year."""
    if person.loss_kg <= 0:
        return [page.loss_none]
    effect = weight_loss_effect(person.loss_kg, person.steps_per_day, person.flights_per_day)
    lines = [
        page.loss_per_step.format(
            kg=rounded(effect.per_walking_step_kg),
            bags=rounded(effect.per_walking_step_kg / KG_PER_BAG_OF_SUGAR),
        )
    ]
    if effect.per_day_kg > 0:
        lines.append(page.loss_per_day.format(tonnes=tonnes(effect.per_day_kg)))
        lines.append(page.loss_per_year.format(tonnes=tonnes(effect.per_year_kg)))
    return lines


def tonnes(kg: float) -> str:
    """Kilograms as tonnes, to two significant figures at most: '52', '19,000', '0.8'."""
    value = kg / 1000
    if value < 1:
        return f"{value:.1f}"
    digits = len(str(int(value)))
    return f"{round(value, 2 - digits):,.0f}"


def bmi_sentences(person: Person, page: WeightPage) -> list[str]:
    """The BMI, rounded to a whole number, and what its band means, in the page's gentle words."""
    value = bmi(person.mass_kg, person.height_cm)
    band = bmi_band(value, person.lower_thresholds)
    return [page.bmi_value.format(bmi=f"{value:.0f}"), page.band_text(band.value)]
