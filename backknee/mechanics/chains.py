"""The compensation chain: how weak muscles make the body move differently, and where the
extra work lands. The chain itself is data (content/compensation.yaml); this module walks it.

Pure: it takes the checked content and a patient's choice of weak areas, and returns the part
of the chain that applies, in the order a person would tell it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from backknee.vocab import Effect, NodeKind, Side


class Node(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> NodeKind: ...
    @property
    def side(self) -> Side | None: ...


class Link(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def to(self) -> str: ...
    @property
    def effect(self) -> Effect: ...
    @property
    def loop(self) -> bool: ...


def find_cycle(links: Iterable[tuple[str, str]]) -> list[str] | None:
    """A cycle in the graph these links make, as a list of node ids that starts and ends at
    the same node, or None if there is none."""
    following: dict[str, list[str]] = {}
    for source, to in links:
        following.setdefault(source, []).append(to)
    done: set[str] = set()
    for start in following:
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            node, index = stack.pop()
            if index == 0:
                if node in on_path:
                    return [*path[path.index(node) :], node]
                if node in done:
                    continue
                path.append(node)
                on_path.add(node)
            nexts = following.get(node, [])
            if index < len(nexts):
                stack.append((node, index + 1))
                stack.append((nexts[index], 0))
            else:
                done.add(node)
                on_path.discard(node)
                path.pop()
    return None


def reachable(starts: Iterable[str], links: Iterable[tuple[str, str]]) -> set[str]:
    """Every node that can be reached from `starts` (including them) by following links."""
    following: dict[str, list[str]] = {}
    for source, to in links:
        following.setdefault(source, []).append(to)
    seen: set[str] = set()
    waiting = list(starts)
    while waiting:
        node = waiting.pop()
        if node not in seen:
            seen.add(node)
            waiting.extend(following.get(node, []))
    return seen


@dataclass(frozen=True)
class ActiveChain:
    """The part of the chain that follows from the weak areas a patient picked."""

    weak_areas: tuple[str, ...]
    nodes: frozenset[str]
    links: tuple[int, ...]
    """Positions of the links that apply, in the order a person would tell them: each weak
    area's story in turn, following each link to its end before the next."""
    more_on: frozenset[Side]
    """Where extra work lands: the back, the knee, or both."""
    less_on: frozenset[Side]
    """Where a compensation takes work away (the other side of a trade)."""

    @property
    def lands_on_both(self) -> bool:
        return self.more_on == {Side.BACK, Side.KNEE}


def active_chain(nodes: Sequence[Node], links: Sequence[Link], weak_areas: Iterable[str]) -> ActiveChain:
    """The links and nodes that follow from these weak areas, and where the work lands.

    Raises ValueError naming any id that is not a weak area in the chain.
    """
    by_id: Mapping[str, Node] = {node.id: node for node in nodes}
    chosen = tuple(dict.fromkeys(weak_areas))
    weak_ids = [node.id for node in nodes if node.kind == NodeKind.WEAK_AREA]
    unknown = [area for area in chosen if area not in weak_ids]
    if unknown:
        raise ValueError(
            f"not a weak area in the chain: {', '.join(unknown)}; the weak areas are {', '.join(weak_ids)}"
        )
    # In the order the content lists them, so the story does not depend on the order of taps.
    ordered = [area for area in weak_ids if area in chosen]

    leaving: dict[str, list[int]] = {}
    for position, link in enumerate(links):
        leaving.setdefault(link.source, []).append(position)
    told: list[int] = []
    seen_nodes: set[str] = set()

    def tell(node: str) -> None:
        if node in seen_nodes:
            return
        seen_nodes.add(node)
        for position in leaving.get(node, []):
            if position not in told:
                told.append(position)
                tell(links[position].to)

    for area in ordered:
        tell(area)
    more = {by_id[links[p].to].side for p in told if links[p].effect == Effect.MORE}
    less = {by_id[links[p].to].side for p in told if links[p].effect == Effect.LESS}
    return ActiveChain(
        weak_areas=tuple(ordered),
        nodes=frozenset(seen_nodes),
        links=tuple(told),
        more_on=frozenset(side for side in more if side is not None),
        less_on=frozenset(side for side in less if side is not None),
    )
