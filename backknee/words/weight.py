"""The weight page's logic: the patient's numbers in, the page's sentences and chart bars out.
The numbers come from backknee.loads; the words come from content/pages/weight.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from backknee.content.pages.weight import WeightPage
from backknee.mechanics.loads import (
    back_load_compared_with_standing,
    bmi,
    bmi_band,
    knee_load_kg,
    most_to_lose_kg,
    weight_loss_effect,
)
from backknee.vocab import Activity, BmiBand

KG_PER_BAG_OF_SUGAR = 1.0
"""A bag of sugar in UK shops weighs 1 kg."""


@dataclass(frozen=True)
class Person:
    """What the patient entered, in SI units (the page converts stones and feet)."""

    mass_kg: float = 80.0
    height_cm: float = 170.0
    steps_per_day: int = 5_000
    flights_per_day: int = 4
    loss_kg: float = 5
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
        kg = knee_load_kg(person.mass_kg, item.activity)
        bars.append((item.label, kg, page.bar_text.format(kg=rounded(kg))))
    return bars


def back_bars(page: WeightPage) -> list[tuple[str, float, str]]:
    """One bar per position the page lists: (label, % of standing, text on the bar)."""
    bars = []
    for item in page.postures:
        percent = back_load_compared_with_standing(item.posture)
        bars.append((item.label, percent, page.back_bar_text.format(percent=rounded(percent))))
    return bars


def bars_in_words(bars: list[tuple[str, float, str]]) -> str:
    """A chart's bars as a sentence for screen readers: 'Walking: 196 kg; Stairs: 237 kg'."""
    return "; ".join(f"{label}: {text}" for label, _, text in bars)


def loss_is_advised(person: Person) -> bool:
    """Weight loss is only shown to people whose BMI is above the healthy range (using the
    lower thresholds where they apply): Messier studied adults who were overweight. The BMI
    is rounded as the page shows it, so this part never disagrees with the BMI part."""
    band = bmi_band(round(bmi(person.mass_kg, person.height_cm), 1), person.lower_thresholds)
    return band not in (BmiBand.UNDERWEIGHT, BmiBand.HEALTHY)


def loss_used_kg(person: Person) -> float:
    """The amount to lose the page works with: never so much that BMI would fall below 18.5."""
    return min(person.loss_kg, most_to_lose_kg(person.mass_kg, person.height_cm))


def loss_sentences(person: Person, page: WeightPage) -> list[str]:
    """What losing the chosen amount would take off each knee: per step, per day, per year;
    or, for someone not above the healthy range, why the page does not suggest it."""
    if not loss_is_advised(person):
        return [page.loss_not_advised]
    lost = loss_used_kg(person)
    if lost <= 0:
        return [page.loss_none]
    effect = weight_loss_effect(lost, person.steps_per_day, person.flights_per_day)
    lines = [page.loss_capped.format(kg=rounded(lost))] if lost < person.loss_kg else []
    lines += [
        page.loss_per_step.format(
            kg=rounded(effect.per_walking_step_kg),
            bags=rounded(effect.per_walking_step_kg / KG_PER_BAG_OF_SUGAR),
        )
    ]
    if effect.per_day_kg > 0:
        lines.append(page.loss_per_day.format(amount=amount(effect.per_day_kg, page)))
        lines.append(page.loss_per_year.format(amount=amount(effect.per_year_kg, page)))
    return lines


def amount(kg: float, page: WeightPage) -> str:
    """A large weight as people say it: tonnes to two significant figures from 1 tonne
    ('1.4 tonnes', '52 tonnes', '19,000 tonnes'), kilograms below ('400 kg')."""
    if kg < 1000:
        return page.kilograms.format(value=rounded(kg))
    return page.tonnes.format(value=two_figures(kg / 1000))


def two_figures(value: float) -> str:
    """A number rounded to two significant figures: 1.4, 52, 19,000."""
    if value < 10:
        return f"{round(value, 1):g}"
    digits = len(str(int(value)))
    return f"{round(value, 2 - digits):,.0f}"


def bmi_sentences(person: Person, page: WeightPage) -> list[str]:
    """The BMI to one decimal place (as the NHS calculator shows it, so the number and its
    band never seem to disagree), and what its band means, in the page's gentle words."""
    value = bmi(person.mass_kg, person.height_cm)
    band = bmi_band(round(value, 1), person.lower_thresholds)
    return [page.bmi_value.format(bmi=f"{value:.1f}"), page.band_text(band)]
