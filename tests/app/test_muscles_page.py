"""The muscles page in a real Streamlit session: the chain, standing on one leg and standing
up from a chair all follow the patient's choices, and always say what the model says."""

from __future__ import annotations

import pytest

from backknee.content.loader import load_content
from backknee.content.pages.muscles import MusclesPage
from backknee.mechanics import chair
from backknee.words.muscles import (
    chain_for,
    chain_steps,
    chair_view,
    describe_chain,
    lands_sentence,
    one_leg_view,
)
from tests.app.helpers import all_text, away_and_back, pictures
from tests.paths import CONTENT

SCRIPT = "app_pages/muscles.py"
CONTENT_NOW = load_content(CONTENT)
PAGE = CONTENT_NOW.page("muscles", MusclesPage)
GRAPH = CONTENT_NOW.compensation
WEAK_AREAS = [node.id for node in GRAPH.weak_areas]
EVIDENCE = {
    "studied": PAGE.chain.evidence.studied,
    "physics": PAGE.chain.evidence.physics,
    "linked": PAGE.chain.evidence.linked,
}
CALM = "This guide is being updated"


@pytest.fixture
def muscles(open_page):
    return open_page(SCRIPT)


def shown(at) -> str:
    return all_text(at)


def pick(at, *areas: str):
    at.pills(key="muscles_weak").set_value(list(areas)).run()
    assert not at.exception
    return at


def steps_with_sources(areas: list[str]) -> list[tuple[str, str, list[str]]]:
    """For each step of the chain these areas start, in order: its line, how we know, and
    the short names of its sources."""
    active = chain_for(GRAPH, areas)
    return [
        (
            line,
            EVIDENCE[GRAPH.links[position].evidence.value],
            [ref.short for ref in CONTENT_NOW.cite(GRAPH.links[position].references)],
        )
        for line, position in zip(chain_steps(GRAPH, active, PAGE.chain), active.links, strict=True)
    ]


def test_the_page_opens_with_its_heading_and_asks_which_muscles_feel_weak(muscles):
    assert not muscles.exception
    assert [t.value for t in muscles.title] == [PAGE.heading]
    text = shown(muscles)
    assert PAGE.chain.pick_prompt in text
    assert PAGE.chain.list_heading not in text, "no chain is listed before anything is picked"
    assert muscles.pills(key="muscles_weak").value == []


def test_picking_hips_says_where_the_work_lands_and_lists_each_step_numbered_with_its_sources(muscles):
    pick(muscles, "hips")
    assert PAGE.chain.pick_prompt not in shown(muscles)
    [chain] = [m.value for m in muscles.markdown if PAGE.chain.list_heading in m.value]
    assert chain.startswith(lands_sentence(chain_for(GRAPH, ["hips"]), PAGE.chain))
    steps = steps_with_sources(["hips"])
    assert steps
    starts = [chain.index(f"{number}. {line}") for number, (line, _, _) in enumerate(steps, start=1)]
    assert starts == sorted(starts), "the steps are listed in the chain's order"
    for (_, evidence, sources), start, end in zip(steps, starts, [*starts[1:], len(chain)], strict=True):
        step = chain[start:end]
        assert evidence in step
        for source in sources:
            assert source in step


def test_picking_all_four_areas_lists_every_link_of_the_chain_once(muscles):
    text = shown(pick(muscles, *WEAK_AREAS))
    steps = steps_with_sources(WEAK_AREAS)
    assert len(steps) == len(GRAPH.links)
    for number, (line, _, _) in enumerate(steps, start=1):
        assert text.count(line) == 1
        assert f"{number}. {line}" in text
    assert f"{len(steps) + 1}. " not in text


def test_hips_that_do_the_whole_job_keep_the_pelvis_level(muscles):
    assert muscles.segmented_control(key="muscles_hip_percent").value == 100
    text = shown(muscles)
    assert PAGE.one_leg.level in text
    for line in one_leg_view(100, PAGE.one_leg).lines:
        assert line in text


def test_weaker_hips_show_the_drop_the_lean_and_the_loads_the_model_gives(muscles):
    muscles.segmented_control(key="muscles_hip_percent").set_value(60).run()
    assert not muscles.exception
    text = shown(muscles)
    lines = one_leg_view(60, PAGE.one_leg).lines
    for line in lines:
        assert f"- {line}" in text
    assert PAGE.one_leg.level not in text
    assert PAGE.one_leg.cannot not in lines, "at 60% leaning still makes up for the hips"


def test_hips_too_weak_to_lean_for_say_so_first(muscles):
    muscles.segmented_control(key="muscles_hip_percent").set_value(40).run()
    text = shown(muscles)
    lines = one_leg_view(40, PAGE.one_leg).lines
    assert lines[0] == PAGE.one_leg.cannot
    for line in lines:
        assert line in text


def test_typical_thighs_take_about_sixty_percent_of_their_strength_to_stand_up(muscles):
    assert muscles.segmented_control(key="muscles_thigh_percent").value == 100
    assert muscles.toggle(key="muscles_arms").value is False
    view = chair_view(100, False, PAGE.chair)
    assert view.effort_percent == 60, "the method section promises about 60% for typical thighs"
    assert view.lines[0] == PAGE.chair.effort.format(percent=60)
    text = shown(muscles)
    for line in view.lines:
        assert line in text
    assert pictures(muscles)["muscles_gauge"].alt == view.lines[0]


def test_thighs_too_weak_to_stand_say_so_and_suggest_the_chairs_arms(muscles):
    muscles.segmented_control(key="muscles_thigh_percent").set_value(30).run()
    assert not muscles.exception
    text = shown(muscles)
    lines = chair_view(30, False, PAGE.chair).lines
    assert PAGE.chair.cannot in lines
    for line in lines:
        assert line in text


def test_pushing_on_the_chairs_arms_lowers_the_effort_and_says_why(muscles):
    muscles.segmented_control(key="muscles_thigh_percent").set_value(80).run()
    without = chair_view(80, False, PAGE.chair)
    assert without.lines[0] in shown(muscles)
    muscles.toggle(key="muscles_arms").set_value(True).run()
    assert not muscles.exception
    with_arms = chair_view(80, True, PAGE.chair)
    assert with_arms.effort_percent < without.effort_percent
    text = shown(muscles)
    for line in with_arms.lines:
        assert line in text
    assert without.lines[0] not in text
    assert PAGE.chair.arms_effect.format(percent=round(100 * chair.ARMS_SHARE_OF_WEIGHT)) in text


def test_the_exercises_cover_every_area_in_the_content_order(muscles):
    headings = [m.value.split("\n")[0] for m in muscles.markdown if m.value.startswith("### ")]
    assert headings == [f"### {a.heading}" for a in PAGE.areas]
    text = shown(muscles)
    for area in PAGE.areas:
        for idea in area.exercises:
            assert f"**{idea.name}.** {idea.how}" in text


def test_the_chain_names_the_exercises_for_each_picked_area_under_its_steps(muscles):
    pick(muscles, "core", "calves")
    words = next(m.value for m in muscles.markdown if PAGE.chain.list_heading in m.value)
    for area in ("core", "calves"):
        found = PAGE.area_help(area)
        expected = PAGE.chain.helps_line.format(
            area=found.heading, exercises=", ".join(i.name for i in found.exercises)
        )
        assert expected in words
    hips = PAGE.area_help("hips")
    assert hips.heading not in words


def test_every_chart_is_described_in_words_that_follow_the_choices(muscles):
    before = pictures(muscles)
    assert before["muscles_chain_chart"].alt == PAGE.chain.alt_none
    pick(muscles, "thighs")
    muscles.segmented_control(key="muscles_hip_percent").set_value(70).run()
    muscles.segmented_control(key="muscles_thigh_percent").set_value(60).run()
    after = pictures(muscles)
    chain_alt = after["muscles_chain_chart"].alt
    assert chain_alt == describe_chain(GRAPH, chain_for(GRAPH, ["thighs"]), PAGE.chain)
    assert GRAPH.node("thighs").label in chain_alt
    assert after["muscles_chain_chart"].markup != before["muscles_chain_chart"].markup
    for line in one_leg_view(70, PAGE.one_leg).lines:
        assert line in after["muscles_one_leg_chart"].alt
    for line in chair_view(60, False, PAGE.chair).lines:
        assert line in after["muscles_chair_chart"].alt
    assert all(chart.tappable == 0 for chart in after.values()), "a still picture takes no taps"


def test_nothing_the_patient_picks_goes_into_the_address(muscles):
    pick(muscles, "hips", "thighs")
    muscles.segmented_control(key="muscles_hip_percent").set_value(50).run()
    muscles.toggle(key="muscles_arms").set_value(True).run()
    assert dict(muscles.query_params) == {}


def test_a_broken_chain_file_shows_the_calm_page_not_a_traceback(open_page, content_copy, monkeypatch):
    (content_copy / "compensation.yaml").write_text("nodes: [unclosed\n")
    monkeypatch.setenv("BACKKNEE_CONTENT_DIR", str(content_copy))
    at = open_page(SCRIPT)
    assert not at.exception
    assert [t.value for t in at.title] == [CALM]
    text = shown(at)
    assert "999" in text and "111" in text
    assert "unclosed" not in text and "Traceback" not in text


def test_a_failure_in_one_explorer_leaves_the_rest_of_the_page(muscles, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the chair model")

    monkeypatch.setattr("backknee.ui.muscles.chair_view", broken)
    muscles.segmented_control(key="muscles_thigh_percent").set_value(50).run()
    assert not muscles.exception
    assert [t.value for t in muscles.title] == [PAGE.heading]
    assert any(CALM in w.value for w in muscles.warning)
    text = shown(muscles)
    assert "a bug in the chair model" not in text
    assert PAGE.one_leg.level in text and PAGE.helps_heading in text


def test_every_choice_on_the_page_comes_back_after_another_page(muscles):
    pick(muscles, "hips")
    muscles.segmented_control(key="muscles_hip_percent").set_value(60).run()
    muscles.segmented_control(key="muscles_thigh_percent").set_value(80).run()
    muscles.toggle(key="muscles_arms").set_value(True).run()
    away_and_back(muscles, SCRIPT)
    assert muscles.pills(key="muscles_weak").value == ["hips"]
    assert muscles.segmented_control(key="muscles_hip_percent").value == 60
    assert muscles.segmented_control(key="muscles_thigh_percent").value == 80
    assert muscles.toggle(key="muscles_arms").value is True
    text = shown(muscles)
    assert lands_sentence(chain_for(GRAPH, ["hips"]), PAGE.chain) in text
    for line in one_leg_view(60, PAGE.one_leg).lines + chair_view(80, True, PAGE.chair).lines:
        assert line in text
