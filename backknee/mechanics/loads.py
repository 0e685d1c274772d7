"""How body weight turns into load on the knees and the back, what losing some weight does,
and BMI. Pure and typed: every published number sits in one cited table below.

The weight page shows these numbers as illustrations for an average person of the patient's
weight, never as a measurement of their own knee or back.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from backknee.mechanics.constants import (
    FLIGHTS_RANGE,
    GRAVITY_M_S2,
    HEIGHT_RANGE_CM,
    LOSS_RANGE_KG,
    MASS_RANGE_KG,
    STEPS_RANGE,
    check_range,
)
from backknee.vocab import Activity, BackPosture, BmiBand

KG_PER_STONE = 6.35029318
KG_PER_POUND = 0.45359237
CM_PER_INCH = 2.54
POUNDS_PER_STONE = 14
INCHES_PER_FOOT = 12


STEPS_PER_FLIGHT = 12
"""Steps in one flight of stairs between floors of a home (our assumption: UK homes commonly
have 12 to 14; we take the lower number)."""


KUTZNER_2010_PERCENT_BODY_WEIGHT = MappingProxyType(
    {
        # Kutzner I et al. (2010), J Biomech 43(11):2164-2173. Mean peak force through the knee
        # in people with instrumented knee replacements, as % of body weight.
        Activity.WALKING: 261,
        Activity.STAIRS_UP: 316,
        Activity.STAIRS_DOWN: 346,
        Activity.STANDING_UP: 246,
        Activity.SITTING_DOWN: 225,
        Activity.ONE_LEG: 259,
        Activity.KNEE_BEND: 253,
        Activity.STANDING: 107,
    }
)
"""Peak knee force per activity, as a percentage of body weight (Kutzner 2010)."""

MESSIER_2005_NEWTONS_PER_KG_LOST = 40.6
"""Messier SP et al. (2005), Arthritis Rheum 52(7):2026-2032: in 142 overweight and obese
older adults with knee osteoarthritis, each kilogram lost went with 40.6 N less compressive
force through the knee at each step of walking."""


WILKE_1999_DISC_PRESSURE_MPA = MappingProxyType(
    {
        # Wilke HJ et al. (1999), Spine 24(8):755-762: pressure inside the L4-5 disc of one
        # healthy 70 kg man. Lifting is of a 20 kg weight.
        BackPosture.LYING_FACE_DOWN: 0.10,
        BackPosture.LYING_ON_SIDE: 0.12,
        BackPosture.STANDING: 0.50,
        BackPosture.SITTING_SLUMPED: 0.30,
        BackPosture.SITTING_UPRIGHT: 0.46,
        BackPosture.SITTING_BENT_FORWARD: 0.83,
        BackPosture.STANDING_BENT_FORWARD: 1.10,
        BackPosture.LIFT_CLOSE: 1.1,
        BackPosture.LIFT_BENT_KNEES: 1.7,
        BackPosture.LIFT_ROUND_BACK: 2.3,
    }
)
"""Disc pressure by posture (Wilke 1999), for ranking postures, never for predicting a
person's own back load or pain."""


def check_mass(mass_kg: float) -> None:
    check_range("weight", mass_kg, MASS_RANGE_KG, "kg")


def check_height(height_cm: float) -> None:
    check_range("height", height_cm, HEIGHT_RANGE_CM, "cm")


# --- Units -----------------------------------------------------------------------------


def stones_pounds_to_kg(stones: float, pounds: float) -> float:
    """14 st 2 lb -> 89.8 kg."""
    if stones < 0 or not 0 <= pounds < POUNDS_PER_STONE:
        raise ValueError(
            f"pounds must be between 0 and 13.9, and stones 0 or more; got {stones} st {pounds} lb"
        )
    return stones * KG_PER_STONE + pounds * KG_PER_POUND


def kg_to_stones_pounds(mass_kg: float) -> tuple[int, int]:
    """89.8 kg -> (14, 2): whole stones and whole pounds, as UK scales show them."""
    pounds_total = round(mass_kg / KG_PER_POUND)
    return pounds_total // POUNDS_PER_STONE, pounds_total % POUNDS_PER_STONE


def feet_inches_to_cm(feet: float, inches: float) -> float:
    """5 ft 9 in -> 175.3 cm."""
    if feet < 0 or not 0 <= inches < INCHES_PER_FOOT:
        raise ValueError(f"inches must be between 0 and 11.9, and feet 0 or more; got {feet} ft {inches} in")
    return (feet * INCHES_PER_FOOT + inches) * CM_PER_INCH


def cm_to_feet_inches(height_cm: float) -> tuple[int, int]:
    """175.3 cm -> (5, 9): whole feet and whole inches."""
    inches_total = round(height_cm / CM_PER_INCH)
    return inches_total // INCHES_PER_FOOT, inches_total % INCHES_PER_FOOT


# --- Knee load ---------------------------------------------------------------------------


def knee_load_kg(mass_kg: float, activity: Activity) -> float:
    """Peak force through one knee in this activity, in kilograms of weight (Kutzner 2010)."""
    check_mass(mass_kg)
    return mass_kg * KUTZNER_2010_PERCENT_BODY_WEIGHT[activity] / 100


@dataclass(frozen=True)
class WeightLossEffect:
    """Less load on each knee after losing some weight, in kilograms of weight."""

    lost_kg: float
    per_walking_step_kg: float
    """Less at each step of walking (Messier 2005, measured)."""
    per_stair_step_kg: float
    """Less at each step on the stairs (load in proportion to weight, from Kutzner 2010)."""
    per_day_kg: float
    """Less through each knee over a day of the patient's own steps and stairs."""
    per_year_kg: float


def weight_loss_effect(lost_kg: float, steps_per_day: int, flights_per_day: int) -> WeightLossEffect:
    """What losing `lost_kg` takes off each knee: per step, per day and per year.

    Each step loads one knee, so each knee takes half of the day's steps. Walking uses
    Messier's measured 40.6 N per kg lost per step. Stairs use Kutzner's loads in proportion
    to body weight (climbing and going down, half each), which is smaller than Messier's
    figure for walking: an underestimate, on purpose.
    """
    check_range("weight lost", lost_kg, LOSS_RANGE_KG, "kg")
    check_range("steps a day", steps_per_day, STEPS_RANGE, "steps")
    check_range("flights of stairs a day", flights_per_day, FLIGHTS_RANGE, "flights")
    walking = lost_kg * MESSIER_2005_NEWTONS_PER_KG_LOST / GRAVITY_M_S2
    stairs_share = (
        KUTZNER_2010_PERCENT_BODY_WEIGHT[Activity.STAIRS_UP]
        + KUTZNER_2010_PERCENT_BODY_WEIGHT[Activity.STAIRS_DOWN]
    ) / 200
    stairs = lost_kg * stairs_share
    stair_steps_per_knee = flights_per_day * STEPS_PER_FLIGHT / 2
    per_day = walking * steps_per_day / 2 + stairs * stair_steps_per_knee
    return WeightLossEffect(
        lost_kg=lost_kg,
        per_walking_step_kg=walking,
        per_stair_step_kg=stairs,
        per_day_kg=per_day,
        per_year_kg=per_day * 365,
    )


# --- The back ----------------------------------------------------------------------------


def back_load_compared_with_standing(posture: BackPosture) -> float:
    """Disc pressure in this posture as a percentage of relaxed standing (Wilke 1999)."""
    return 100 * WILKE_1999_DISC_PRESSURE_MPA[posture] / WILKE_1999_DISC_PRESSURE_MPA[BackPosture.STANDING]


# --- BMI ---------------------------------------------------------------------------------


STANDARD_BMI_THRESHOLDS = MappingProxyType(
    {
        # NICE NG246 (2025), section 1.9, and the NHS website: healthy from 18.5,
        # overweight from 25, obesity from 30, severe obesity (class 3) from 40.
        BmiBand.HEALTHY: 18.5,
        BmiBand.OVERWEIGHT: 25.0,
        BmiBand.OBESITY: 30.0,
        BmiBand.SEVERE_OBESITY: 40.0,
    }
)
LOWER_BMI_THRESHOLDS = MappingProxyType(
    {
        # NICE NG246 (2025), section 1.9: for people of South Asian, Chinese, other Asian,
        # Middle Eastern, Black African or African-Caribbean family background, overweight
        # from 23 and obesity from 27.5; the higher classes also 2.5 lower.
        BmiBand.HEALTHY: 18.5,
        BmiBand.OVERWEIGHT: 23.0,
        BmiBand.OBESITY: 27.5,
        BmiBand.SEVERE_OBESITY: 37.5,
    }
)


def bmi(mass_kg: float, height_cm: float) -> float:
    """Body mass index: weight in kg divided by the square of height in metres."""
    check_mass(mass_kg)
    check_height(height_cm)
    return mass_kg / (height_cm / 100) ** 2


def most_to_lose_kg(mass_kg: float, height_cm: float) -> float:
    """The most weight whose loss keeps BMI at or above the bottom of the healthy range
    (18.5): the page never shows the effect of losing more than that."""
    healthy_floor = STANDARD_BMI_THRESHOLDS[BmiBand.HEALTHY]
    return max(0.0, mass_kg - healthy_floor * (height_cm / 100) ** 2)


def bmi_band(value: float, lower_thresholds: bool = False) -> BmiBand:
    """The band a BMI falls in, using NICE's lower thresholds where they apply."""
    thresholds = LOWER_BMI_THRESHOLDS if lower_thresholds else STANDARD_BMI_THRESHOLDS
    band = BmiBand.UNDERWEIGHT
    for candidate, start in thresholds.items():
        if value >= start:
            band = candidate
    return band
