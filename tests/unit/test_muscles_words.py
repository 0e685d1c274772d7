"""The muscles page's sentences: what the models give, rounded as shown, in the content's words."""

from __future__ import annotations

from backknee.content.loader import load_content
from backknee.content.pages.muscles import MusclesPage
from backknee.words.muscles import (
    chain_for,
    chair_view,
    describe_chain,
    helps_lines,
    lands_sentence,
    nearest,
    one_leg_view,
)
from tests.paths import CONTENT

CONTENT_NOW = load_content(CONTENT)
GRAPH = CONTENT_NOW.compensation
PAGE = CONTENT_NOW.page("muscles", MusclesPage)


def test_the_chain_read_aloud_has_no_markdown_marks():
    spoken = describe_chain(GRAPH, chain_for(GRAPH, ["hips"]), PAGE.chain)
    assert "*" not in spoken
    assert GRAPH.node("hips").label in spoken
    assert "Weak hips leads to Pelvis drops." in spoken


def test_where_the_work_lands_names_back_knee_or_both_and_the_trade():
    assert lands_sentence(chain_for(GRAPH, ["core"]), PAGE.chain) == PAGE.chain.lands_back
    assert (
        lands_sentence(chain_for(GRAPH, ["hips"]), PAGE.chain)
        == f"{PAGE.chain.lands_both} {PAGE.chain.trade}"
    )
    assert lands_sentence(chain_for(GRAPH, []), PAGE.chain) == ""


def test_each_picked_area_names_its_exercises_in_the_content_order():
    lines = helps_lines(chain_for(GRAPH, ["thighs", "hips"]), PAGE)
    assert [line.split(".**")[0] for line in lines] == [
        f"**{PAGE.area_help('hips').heading}",
        f"**{PAGE.area_help('thighs').heading}",
    ]
    assert "Sit to stand, Straight-leg raise, Step-up" in lines[1]


def test_the_one_leg_readout_tells_the_trade_and_never_says_weak_hips_spare_the_knee():
    view = one_leg_view(80, PAGE.one_leg)
    assert view.lines == (
        PAGE.one_leg.drop.format(degrees=3),
        PAGE.one_leg.knee_without_lean.format(percent=10),
        PAGE.one_leg.lean.format(degrees=9),
        PAGE.one_leg.back.format(degrees=12, cm=4),
        PAGE.one_leg.stronger,
    )


def test_a_drop_of_one_and_a_half_degrees_shows_as_two_not_one():
    """pelvis_drop_deg(0.9) is 1.4999999 in floating point; halves round up."""
    assert one_leg_view(90, PAGE.one_leg).lines[0] == PAGE.one_leg.drop.format(degrees=2)
    assert nearest(1.4999999999) == 2
    assert nearest(2.5) == 3
    assert nearest(72.4, 5) == 70


def test_hips_too_weak_to_balance_get_no_numbers_for_knee_or_back():
    lines = one_leg_view(40, PAGE.one_leg).lines
    assert lines[0] == PAGE.one_leg.cannot
    assert PAGE.one_leg.stronger in lines
    assert len(lines) == 3


def test_strong_hips_say_the_pelvis_stays_level():
    assert one_leg_view(100, PAGE.one_leg).lines == (PAGE.one_leg.level, PAGE.one_leg.back_level)


def test_the_chair_readout_gives_about_seventy_percent_for_thighs_a_fifth_weaker():
    assert chair_view(80, False, PAGE.chair).lines[0] == PAGE.chair.effort.format(percent=70)


def test_weak_thighs_say_how_much_further_they_lean():
    lines = chair_view(50, False, PAGE.chair).lines
    assert PAGE.chair.lean_more.format(degrees=49, extra=9) in lines


def test_thighs_too_weak_without_the_arms_say_so_and_stand_with_them():
    assert PAGE.chair.cannot in chair_view(30, False, PAGE.chair).lines
    with_arms = chair_view(30, True, PAGE.chair)
    assert PAGE.chair.cannot not in with_arms.lines
    assert with_arms.rise.can_stand
