"""content/compensation.yaml: the checks that keep the chain sound, with messages an editor
can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from backknee.content.loader import load_content
from backknee.errors import ContentError, ContentProblem


def problems_in(folder: Path) -> list[ContentProblem]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return caught.value.problems


def only_problem(folder: Path) -> str:
    """The one problem found, as the editor reads it: 'field: message' (the file is checked)."""
    problems = problems_in(folder)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert problems[0].file == "content/compensation.yaml"
    return f"{problems[0].field}: {problems[0].message}"


def test_an_arrow_to_a_node_that_does_not_exist_is_named(content_copy, edit_yaml):
    edit_yaml("compensation.yaml", lambda data: data["links"][0].update(to="pelvis-tilts"))
    assert only_problem(content_copy) == "links[1].to: there is no node 'pelvis-tilts'"


def test_a_circle_of_arrows_is_refused_unless_marked_as_a_loop(content_copy, edit_yaml):
    loop = {
        "from": "leans-sideways",
        "to": "pelvis-drops",
        "text": "Round again.",
        "evidence": "linked",
        "references": ["simic-2012"],
    }
    edit_yaml("compensation.yaml", lambda data: data["links"].append(loop))
    assert only_problem(content_copy) == (
        "links: the links go round in a circle (pelvis-drops -> leans-sideways -> pelvis-drops); "
        "mark one link loop: true if meant"
    )


def test_a_circle_marked_as_a_loop_is_accepted(content_copy, edit_yaml):
    loop = {
        "from": "leans-sideways",
        "to": "pelvis-drops",
        "text": "Round again.",
        "evidence": "linked",
        "references": ["simic-2012"],
        "loop": True,
    }
    edit_yaml("compensation.yaml", lambda data: data["links"].append(loop))
    assert load_content(content_copy).compensation.links[-1].loop


def test_a_node_with_no_arrows_is_named(content_copy, edit_yaml):
    lonely = {"id": "weak-feet", "kind": "change", "label": "Flat feet", "short": "Flat feet"}
    edit_yaml("compensation.yaml", lambda data: data["nodes"].append(lonely))
    assert only_problem(content_copy) == "nodes[16]: the node 'weak-feet' has no links: link it or remove it"


def test_where_work_lands_must_say_back_or_knee(content_copy, edit_yaml):
    edit_yaml("compensation.yaml", lambda data: data["nodes"][-1].pop("side"))
    assert (
        only_problem(content_copy)
        == "nodes[15].side: 'back-joints' is where work lands, so it needs side: back or knee"
    )


def test_a_weak_area_that_leads_nowhere_is_named(content_copy, edit_yaml):
    def calves_to_a_dead_end(data):
        data["links"] = [link for link in data["links"] if link["from"] != "calves"]
        data["nodes"].append({"id": "dead-end", "kind": "change", "label": "Nothing", "short": "Nothing"})
        data["links"].append(
            {
                "from": "calves",
                "to": "dead-end",
                "text": "x",
                "evidence": "linked",
                "references": ["smith-2022"],
            }
        )

    edit_yaml("compensation.yaml", calves_to_a_dead_end)
    assert only_problem(content_copy) == "nodes[4]: the weak area 'calves' never leads to where work lands"


def test_an_unknown_reference_on_an_arrow_is_named(content_copy, edit_yaml):
    edit_yaml("compensation.yaml", lambda data: data["links"][3]["references"].append("simic-2013"))
    problems = problems_in(content_copy)
    assert [str(p) for p in problems] == [
        "content/compensation.yaml: links[4].references[3]: 'simic-2013' is not in content/references.yaml"
    ]


def test_a_wrong_evidence_word_lists_the_allowed_ones(content_copy, edit_yaml):
    edit_yaml("compensation.yaml", lambda data: data["links"][0].update(evidence="proven"))
    problems = problems_in(content_copy)
    assert len(problems) == 1
    assert problems[0].field == "links[1].evidence"
    assert "studied" in problems[0].message and "linked" in problems[0].message


def test_the_muscles_page_must_cover_every_weak_area_and_no_others(content_copy, edit_yaml):
    edit_yaml("pages/muscles.yaml", lambda data: data["areas"][0].update(area="neck"))
    messages = sorted(str(p) for p in problems_in(content_copy))
    assert messages == [
        "content/pages/muscles.yaml: areas: the weak area 'hips' needs its exercises here",
        "content/pages/muscles.yaml: areas[1].area: 'neck' is not a weak area in content/compensation.yaml; "
        "use one of core, hips, thighs, calves",
    ]


def test_a_weak_area_label_too_long_for_a_phone_button_is_named(content_copy, edit_yaml):
    edit_yaml(
        "compensation.yaml",
        lambda data: data["nodes"][1].update(label="Hips: the buttock muscles that keep the pelvis level"),
    )
    assert only_problem(content_copy) == (
        "nodes[2].label: a weak area is a button: keep its label to 32 characters "
        "so it fits a phone (it has 52)"
    )


def test_several_problems_are_reported_one_line_each(content_copy, edit_yaml):
    def break_twice(data):
        data["links"][0]["to"] = "pelvis-tilts"
        data["nodes"][-1].pop("side")

    edit_yaml("compensation.yaml", break_twice)
    assert sorted(f"{p.field}: {p.message}" for p in problems_in(content_copy)) == [
        "links[1].to: there is no node 'pelvis-tilts'",
        "nodes[15].side: 'back-joints' is where work lands, so it needs side: back or knee",
    ]
