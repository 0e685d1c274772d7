"""The muscles page's sums and sentences: the chain a patient's weak areas start, standing on
one leg with weaker hips, and standing up from a chair with weaker thighs.

Pure: the page passes the patient's choices and the checked words, and gets back numbers
and sentences to show. Numbers are rounded as the page shows them, so the words and the
figures always agree.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from backknee.content.compensation import CompensationFile
from backknee.content.pages.muscles import ChainWords, ChairWords, MusclesPage, OneLegWords
from backknee.content.shared import Reference
from backknee.mechanics import chair, one_leg
from backknee.mechanics.body import Body
from backknee.mechanics.chains import ActiveChain, active_chain
from backknee.vocab import Effect, Side
from backknee.words.posture import AVERAGE_BODY


def nearest(value: float, step: int = 1) -> int:
    """Round to the nearest `step`, halves up: the models are no more precise than that.
    (A hair's width is added so that 1.4999999 from a sum shows as 1.5 would: 2.)"""
    return step * math.floor(value / step + 0.5 + 1e-9)


def chain_for(graph: CompensationFile, weak_areas: Iterable[str]) -> ActiveChain:
    """The part of the chain these weak areas start."""
    return active_chain(graph.nodes, graph.links, weak_areas)


def lands_sentence(active: ActiveChain, words: ChainWords) -> str:
    """Where the extra work lands, in one sentence (empty if nothing is picked)."""
    if not active.more_on:
        return ""
    if active.lands_on_both:
        sentence = words.lands_both
    elif Side.BACK in active.more_on:
        sentence = words.lands_back
    else:
        sentence = words.lands_knee
    return f"{sentence} {words.trade}" if active.less_on else sentence


def chain_steps(graph: CompensationFile, active: ActiveChain, words: ChainWords) -> list[str]:
    """The chain as short numbered-list lines: from, to, more or less work, and the why."""
    lines = []
    for position in active.links:
        link = graph.links[position]
        source, to = graph.node(link.source), graph.node(link.to)
        change = f" ({words.less})" if link.effect == Effect.LESS else ""
        lines.append(f"**{source.short} → {to.short}{change}.** {link.text}")
    return lines


def chain_markdown(
    graph: CompensationFile,
    active: ActiveChain,
    page: MusclesPage,
    cite: Callable[[list[str]], list[Reference]],
) -> str:
    """The box under the diagram: where the work lands, the numbered steps (each with its
    kind of evidence and its sources), and the exercises for each picked area."""
    words = page.chain
    if not active.weak_areas:
        return words.pick_prompt
    notes = [
        f"{line}  \n:small[{words.evidence.of(graph.links[p].evidence)} · "
        f"{'; '.join(ref.short for ref in cite(graph.links[p].references))}]"
        for line, p in zip(chain_steps(graph, active, words), active.links, strict=True)
    ]
    return (
        f"{lands_sentence(active, words)}\n\n## {words.list_heading}\n\n"
        + "\n".join(f"{number}. {note}" for number, note in enumerate(notes, start=1))
        + "\n\n"
        + "\n\n".join(helps_lines(active, page))
    )


def helps_lines(active: ActiveChain, page: MusclesPage) -> list[str]:
    """For each picked area, the names of the exercises that strengthen it."""
    lines = []
    for area in active.weak_areas:
        found = page.area_help(area)
        if found is not None:
            names = ", ".join(idea.name for idea in found.exercises)
            lines.append(page.chain.helps_line.format(area=found.heading, exercises=names))
    return lines


def plain(text: str) -> str:
    """Markdown emphasis removed, for words read aloud by a screen reader."""
    return re.sub(r"(\*\*|__|\*|_)", "", text)


def describe_chain(graph: CompensationFile, active: ActiveChain, words: ChainWords) -> str:
    """The diagram in words, for screen readers and anyone who cannot see it."""
    if not active.weak_areas:
        return words.alt_none
    areas = ", ".join(graph.node(a).label for a in active.weak_areas)
    steps = " ".join(
        f"{graph.node(graph.links[p].source).short} leads to {graph.node(graph.links[p].to).short}."
        for p in active.links
    )
    return plain(words.alt.format(areas=areas, lands=lands_sentence(active, words), steps=steps))


@dataclass(frozen=True)
class OneLegView:
    """Standing on one leg with these hips, beside standing level, and the words to say."""

    stance: one_leg.OneLegStance
    level: one_leg.OneLegStance
    without_leaning: one_leg.OneLegStance
    lines: tuple[str, ...]


@lru_cache(maxsize=32)
def one_leg_view(hip_percent: int, words: OneLegWords, body: Body = AVERAGE_BODY) -> OneLegView:
    """The front view for hips that can do `hip_percent` of the job of holding the pelvis level."""
    share = hip_percent / 100
    stance = one_leg.stand_on_one_leg(body, share)
    level = one_leg.level(body)
    no_lean = one_leg.without_leaning(body, share)
    drop = words.drop.format(degrees=nearest(stance.pelvis_drop_deg))
    if stance.pelvis_drop_deg == 0:
        lines = [words.level, words.back_level]
    elif not stance.balanced:
        # No numbers for a posture the person could not hold.
        lines = [words.cannot, drop, words.stronger]
    else:
        # Not "less than with strong hips": with the foot under the weight, the lean exactly
        # makes up for the hips, so the knee's figure would only repeat the hips' shortfall.
        more = 100 * (no_lean.knee_moment_nm / level.knee_moment_nm - 1)
        lines = [
            drop,
            words.knee_without_lean.format(percent=nearest(more, 5)),
            words.lean.format(degrees=nearest(stance.trunk_lean_deg)),
            words.back.format(
                degrees=nearest(stance.lower_back_bend_deg), cm=nearest(100 * stance.upper_body_offset_m)
            ),
            words.stronger,
        ]
    return OneLegView(stance=stance, level=level, without_leaning=no_lean, lines=tuple(lines))


def describe_one_leg(view: OneLegView, words: OneLegWords) -> str:
    return words.alt.format(share=round(100 * view.stance.hip_share), readout=" ".join(view.lines))


@dataclass(frozen=True)
class ChairView:
    """Standing up from a chair with these thighs, beside a typical rise, and the words to say."""

    rise: chair.ChairRise
    typical: chair.ChairRise
    effort_percent: int
    lines: tuple[str, ...]


@lru_cache(maxsize=32)
def chair_view(
    strength_percent: int, uses_arms: bool, words: ChairWords, body: Body = AVERAGE_BODY
) -> ChairView:
    """The lift-off for thighs at `strength_percent` of a typical older adult's strength."""
    found = chair.rise(body, strength_percent / 100, uses_arms)
    typical = chair.rise(body, 1.0, False)
    same_help = chair.rise(body, 1.0, uses_arms)
    effort = nearest(100 * found.effort, 5)
    lines = [words.effort.format(percent=effort)]
    if not found.can_stand:
        lines.append(words.cannot)
    extra = found.trunk_lean_deg - same_help.trunk_lean_deg
    if nearest(extra) >= 1:
        lines.append(words.lean_more.format(degrees=nearest(found.trunk_lean_deg), extra=nearest(extra)))
    else:
        lines.append(words.lean.format(degrees=nearest(found.trunk_lean_deg)))
    back = 100 * found.lower_back_moment_nm / typical.lower_back_moment_nm
    lines.append(words.back.format(percent=nearest(back, 5)))
    if uses_arms:
        lines.append(words.arms_effect.format(percent=nearest(100 * chair.ARMS_SHARE_OF_WEIGHT)))
    return ChairView(rise=found, typical=typical, effort_percent=effort, lines=tuple(lines))


def describe_chair(view: ChairView, words: ChairWords) -> str:
    return words.alt.format(strength=round(100 * view.rise.strength_share), readout=" ".join(view.lines))
