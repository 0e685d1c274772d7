"""content/compensation.yaml: the chain of boxes and arrows on the muscles page, and its checks."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from backknee.content.base import Model, RefId, Reviewed, Slug, Text
from backknee.mechanics.chains import find_cycle, reachable
from backknee.vocab import Effect, Evidence, NodeKind, Side

WEAK_AREA_LABEL_MAX = 32
"""A weak area's label is a button; longer ones are cut off on a phone."""


class ChainNode(Model):
    """One box of the compensation chain: a weak area, what the body does instead, or where
    the extra work lands."""

    id: Slug
    kind: NodeKind
    label: Text = Field(max_length=70)
    short: Text = Field(max_length=22)
    """The words in the diagram; keep them short so they fit a phone."""
    side: Side | None = None
    """For a 'load' box only: does the work land on the back or the knee?"""


class ChainLink(Model):
    """One arrow of the compensation chain, with the sentence that explains it."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True)

    source: Slug = Field(alias="from")
    to: Slug
    text: Text
    effect: Effect = Effect.MORE
    evidence: Evidence
    references: list[RefId] = Field(min_length=1)
    loop: bool = False
    """True only for an arrow that deliberately closes a loop (a vicious circle)."""


class CompensationFile(Reviewed):
    """content/compensation.yaml: the chain from weak muscles to where the work lands."""

    nodes: list[ChainNode] = Field(min_length=3)
    links: list[ChainLink] = Field(min_length=2)

    def problems(self) -> list[tuple[str, str]]:
        """Every way the chain could not be drawn or read, as (field, message) for the editor,
        one per problem. The loader reports them with the file's name."""
        found: list[tuple[str, str]] = []
        ids = [node.id for node in self.nodes]
        kinds = {node.id: node.kind for node in self.nodes}
        for number, node in enumerate(self.nodes, start=1):
            where = f"nodes[{number}]"
            if ids.index(node.id) != number - 1:
                found.append(
                    (f"{where}.id", f"the node id '{node.id}' is used twice; each must be different")
                )
            if node.kind == NodeKind.WEAK_AREA and len(node.label) > WEAK_AREA_LABEL_MAX:
                found.append(
                    (
                        f"{where}.label",
                        f"a weak area is a button: keep its label to {WEAK_AREA_LABEL_MAX} characters "
                        f"so it fits a phone (it has {len(node.label)})",
                    )
                )
            if node.kind == NodeKind.LOAD and node.side is None:
                found.append(
                    (f"{where}.side", f"'{node.id}' is where work lands, so it needs side: back or knee")
                )
            if node.kind != NodeKind.LOAD and node.side is not None:
                found.append((f"{where}.side", f"'{node.id}' is not where work lands, so remove its side"))
        for number, link in enumerate(self.links, start=1):
            where = f"links[{number}]"
            for end, name in (("from", link.source), ("to", link.to)):
                if name not in kinds:
                    found.append((f"{where}.{end}", f"there is no node '{name}'"))
            if kinds.get(link.to) == NodeKind.WEAK_AREA and not link.loop:
                found.append((where, f"it leads into the weak area '{link.to}'; mark it loop: true if meant"))
            if kinds.get(link.source) == NodeKind.LOAD and not link.loop:
                found.append(
                    (where, f"it starts at '{link.source}', where work lands; mark it loop: true if meant")
                )
        linked = {link.source for link in self.links} | {link.to for link in self.links}
        pairs = [(link.source, link.to) for link in self.links]
        for number, node in enumerate(self.nodes, start=1):
            if node.id not in linked:
                found.append((f"nodes[{number}]", f"the node '{node.id}' has no links: link it or remove it"))
            elif node.kind == NodeKind.WEAK_AREA and not any(
                kinds.get(end) == NodeKind.LOAD for end in reachable([node.id], pairs)
            ):
                found.append(
                    (f"nodes[{number}]", f"the weak area '{node.id}' never leads to where work lands")
                )
        cycle = find_cycle((link.source, link.to) for link in self.links if not link.loop)
        if cycle:
            found.append(
                (
                    "links",
                    f"the links go round in a circle ({' -> '.join(cycle)}); "
                    "mark one link loop: true if meant",
                )
            )
        if NodeKind.WEAK_AREA not in kinds.values():
            found.append(("nodes", "there must be at least one node of kind weak-area"))
        return found

    @property
    def weak_areas(self) -> list[ChainNode]:
        return [node for node in self.nodes if node.kind == NodeKind.WEAK_AREA]

    def node(self, node_id: str) -> ChainNode:
        return next(node for node in self.nodes if node.id == node_id)
