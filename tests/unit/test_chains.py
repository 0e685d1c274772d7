"""The compensation chain: walking it from the weak areas a patient picks."""

from __future__ import annotations

import pytest

from backknee.content.loader import load_content
from backknee.mechanics.chains import active_chain, find_cycle, reachable
from backknee.vocab import Effect, NodeKind, Side
from tests.paths import CONTENT

GRAPH = load_content(CONTENT).compensation


def chain(*areas: str):
    return active_chain(GRAPH.nodes, GRAPH.links, areas)


def test_nothing_picked_lights_nothing():
    picked = chain()
    assert picked.links == ()
    assert picked.nodes == frozenset()
    assert picked.more_on == frozenset()


def test_weak_hips_land_work_on_the_back_and_the_knee_and_the_lean_eases_the_knee():
    picked = chain("hips")
    assert picked.more_on == {Side.BACK, Side.KNEE}
    assert picked.less_on == {Side.KNEE}
    assert picked.lands_on_both


def test_weak_core_and_weak_calves_land_work_on_the_back_only():
    assert chain("core").more_on == {Side.BACK}
    assert chain("calves").more_on == {Side.BACK}


def test_the_story_starts_at_the_weak_area_and_follows_each_arrow_to_its_end():
    picked = chain("hips")
    told = [(GRAPH.links[p].source, GRAPH.links[p].to) for p in picked.links]
    assert told[0] == ("hips", "pelvis-drops")
    # Each arrow starts where the story has already been.
    been = {"hips"}
    for source, to in told:
        assert source in been
        been.add(to)


@pytest.mark.parametrize("area", [node.id for node in GRAPH.weak_areas])
def test_every_weak_area_reaches_where_work_lands(area):
    picked = chain(area)
    landed = [GRAPH.node(n) for n in picked.nodes if GRAPH.node(n).kind == NodeKind.LOAD]
    assert landed, f"{area} leads nowhere"


def test_all_four_areas_tell_every_arrow_exactly_once():
    picked = chain("core", "hips", "thighs", "calves")
    assert sorted(picked.links) == list(range(len(GRAPH.links)))


def test_the_order_of_taps_does_not_change_the_story():
    assert chain("thighs", "hips").links == chain("hips", "thighs").links


def test_a_lit_node_is_exactly_one_reached_from_the_picked_areas():
    picked = chain("thighs")
    pairs = [(link.source, link.to) for link in GRAPH.links]
    assert picked.nodes == reachable(["thighs"], pairs)


def test_an_unknown_area_is_refused_with_the_list_of_areas():
    with pytest.raises(
        ValueError, match="not a weak area in the chain: knees; the weak areas are core, hips"
    ):
        chain("knees")


def test_a_change_is_not_a_weak_area():
    with pytest.raises(ValueError, match="pelvis-drops"):
        chain("pelvis-drops")


def test_every_easing_arrow_leads_to_where_work_lands():
    for link in GRAPH.links:
        if link.effect == Effect.LESS:
            assert GRAPH.node(link.to).kind == NodeKind.LOAD


def test_find_cycle_finds_a_circle_and_names_it():
    assert find_cycle([("a", "b"), ("b", "c"), ("c", "a")]) == ["a", "b", "c", "a"]
    assert find_cycle([("a", "b"), ("b", "c"), ("a", "c")]) is None
    assert find_cycle([("x", "x")]) == ["x", "x"]


def test_reachable_includes_the_start_and_follows_links():
    assert reachable(["a"], [("a", "b"), ("b", "c"), ("d", "a")]) == {"a", "b", "c"}
