"""The content model accepts the real files and explains every kind of bad file to the editor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pydantic import Field

from backknee.content.base import PageId, PageLink, RefId
from backknee.content.checks import cited_reference_ids, linked_page_ids
from backknee.content.loader import load_content
from backknee.content.pages import PAGE_MODELS
from backknee.content.pages.urgent import UrgentPage
from backknee.errors import ContentError, ContentProblem
from tests.paths import CONTENT, ROOT


def problems_in(folder: Path) -> list[ContentProblem]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return caught.value.problems


def only_problem(folder: Path) -> ContentProblem:
    problems = problems_in(folder)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_the_real_content_folder_is_accepted():
    content = load_content(CONTENT)
    assert set(content.pages) == {
        "home",
        "posture",
        "weight",
        "muscles",
        "tips",
        "exercises",
        "plan",
        "evidence",
        "urgent",
        "about",
        "welcome",
    }
    assert "wolfe-1996" in content.references
    assert [level.level for level in content.red_flags.levels] == ["emergency", "urgent", "routine"]


def test_a_missing_field_is_named_with_its_file_and_field(content_copy, edit_yaml):
    edit_yaml("clinic.yaml", lambda data: data.pop("phone"))
    problem = only_problem(content_copy)
    assert str(problem) == "content/clinic.yaml: phone: this is required but missing"


def test_an_unknown_key_is_refused_and_the_allowed_fields_are_listed(content_copy, edit_yaml):
    edit_yaml("pages/home.yaml", lambda data: data["facts"][1].update(heading="Oops"))
    problem = only_problem(content_copy)
    assert problem.file == "content/pages/home.yaml"
    assert problem.field == "facts[2].heading"
    assert "'heading' is not a field we know" in problem.message
    assert "headline, text, references" in problem.message


def test_a_wrong_type_says_what_was_expected(content_copy, edit_yaml):
    edit_yaml("pages/urgent.yaml", lambda data: data.update(heading=12))
    problem = only_problem(content_copy)
    assert str(problem) == "content/pages/urgent.yaml: heading: should be text, but is 12"


def test_an_unknown_reference_id_is_named(content_copy, edit_yaml):
    edit_yaml("pages/home.yaml", lambda data: data["facts"][0]["references"].append("wolfe-1997"))
    problem = only_problem(content_copy)
    assert str(problem) == (
        "content/pages/home.yaml: facts[1].references[3]: 'wolfe-1997' is not in content/references.yaml"
    )


def test_an_unknown_reference_id_in_any_kind_of_reference_list_is_named(content_copy, edit_yaml):
    edit_yaml("pages/posture.yaml", lambda data: data["method_references"].append("winter-2010"))
    edit_yaml("pages/weight.yaml", lambda data: data["loss_references"].insert(0, "messier-2006"))
    problems = sorted(str(p) for p in problems_in(content_copy))
    assert problems == [
        "content/pages/posture.yaml: method_references[7]: 'winter-2010' is not in content/references.yaml",
        "content/pages/weight.yaml: loss_references[1]: 'messier-2006' is not in content/references.yaml",
    ]


def test_a_bad_date_is_explained(content_copy):
    path = content_copy / "site.yaml"
    path.write_text(path.read_text().replace("reviewed: 2026-11-25", "reviewed: 2026-13-01"))
    problem = only_problem(content_copy)
    assert problem.file == "content/site.yaml"
    assert problem.field == "reviewed"
    assert "'2026-13-01' is not a date" in problem.message


def test_a_yaml_syntax_error_gives_its_line_number(content_copy):
    path = content_copy / "clinic.yaml"
    lines = path.read_text().splitlines()
    broken = next(i for i, line in enumerate(lines) if line.startswith("name:"))
    lines[broken] = "name: London: Cartilage Clinic"  # an unquoted ': ' inside a value
    path.write_text("\n".join(lines) + "\n")
    problem = only_problem(content_copy)
    assert (problem.file, problem.field) == ("content/clinic.yaml", f"line {broken + 1}")
    assert problem.message.startswith("could not read this file: mapping values are not allowed")


def test_a_repeated_key_is_refused_with_its_line(content_copy):
    path = content_copy / "site.yaml"
    path.write_text(path.read_text() + "footer: A second footer\n")
    problem = only_problem(content_copy)
    assert problem.field == f"line {len(path.read_text().splitlines())}"
    assert "'footer' appears twice" in problem.message


def test_every_problem_is_reported_at_once(content_copy, edit_yaml):
    edit_yaml("clinic.yaml", lambda data: data.pop("name"))
    edit_yaml("red_flags.yaml", lambda data: data["levels"][0]["back"][0].pop("text"))
    fields = {(p.file, p.field) for p in problems_in(content_copy)}
    assert fields == {
        ("content/clinic.yaml", "name"),
        ("content/red_flags.yaml", "levels[1].back[1].text"),
    }


def test_a_page_id_must_match_its_file_name(content_copy, edit_yaml):
    edit_yaml("pages/about.yaml", lambda data: data.update(id="about-us"))
    assert str(only_problem(content_copy)) == (
        "content/pages/about.yaml: id: the id 'about-us' must match the file name 'about'"
    )


def test_the_next_review_must_come_after_the_last(content_copy, edit_yaml):
    edit_yaml("pages/home.yaml", lambda data: data.update(review_due="2026-01-01"))
    problem = only_problem(content_copy)
    assert "review_due (2026-01-01) must be after reviewed (2026-11-25)" in problem.message


def test_a_tile_to_a_page_that_does_not_exist_is_refused(content_copy, edit_yaml):
    edit_yaml("pages/home.yaml", lambda data: data["tiles"][0].update(page="no-such-page"))
    problem = only_problem(content_copy)
    assert (problem.file, problem.field) == ("content/pages/home.yaml", "tiles[1].page")
    assert problem.message == "there is no page 'no-such-page': link only to pages in content/pages/"


def test_warning_sign_levels_must_keep_their_order(content_copy, edit_yaml):
    edit_yaml("red_flags.yaml", lambda data: data["levels"].reverse())
    assert "levels must be emergency, urgent, routine, in that order" in only_problem(content_copy).message


def test_a_bad_id_explains_how_to_write_one(content_copy, edit_yaml):
    edit_yaml("red_flags.yaml", lambda data: data["levels"][0]["knee"][0].update(id="Knee Shape"))
    problem = only_problem(content_copy)
    assert problem.field == "levels[1].knee[1].id"
    assert "lower-case letters, numbers and dashes" in problem.message


def test_a_missing_file_is_reported(content_copy):
    (content_copy / "site.yaml").unlink()
    assert str(only_problem(content_copy)) == "content/site.yaml: file: this file is missing"


def test_an_editors_lock_file_beside_a_page_is_ignored(content_copy):
    pages = set(load_content(content_copy).pages)
    # Emacs leaves `.#home.yaml`, a link to nowhere, while a file has unsaved edits.
    (content_copy / "pages" / ".#home.yaml").symlink_to(content_copy / "pages" / "no-such-file")
    (content_copy / "pages" / "._urgent.yaml").write_bytes(b"\x00\x05\x16\x07")  # a macOS copy
    assert set(load_content(content_copy).pages) == pages


def test_a_file_that_cannot_be_opened_is_reported_not_raised(content_copy):
    (content_copy / "site.yaml").unlink()
    (content_copy / "site.yaml").mkdir()
    problem = only_problem(content_copy)
    assert problem.file == "content/site.yaml" and problem.message.startswith("could not open this file")


def test_an_unknown_page_file_is_reported(content_copy):
    (content_copy / "pages" / "no-such-page.yaml").write_text("id: no-such-page\n")
    assert "there is no page called 'no-such-page'" in only_problem(content_copy).message


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backknee", "check", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_check_command_passes_on_the_real_content_with_a_summary():
    content = load_content(CONTENT)
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    [summary] = result.stdout.splitlines()
    assert summary.startswith(f"Content OK: {len(content.pages)} pages, {len(content.references)} references")


def test_the_check_command_notes_files_not_yet_checked_by_a_clinician(content_copy, edit_yaml):
    edit_yaml("site.yaml", lambda data: data.update(reviewed_by="Dr A Example, consultant"))
    lines = run_check(str(content_copy)).stderr.splitlines()
    assert "content/clinic.yaml: reviewed_by: note: not yet checked by a clinician" in lines
    assert not any(line.startswith("content/site.yaml: reviewed_by") for line in lines)


def test_the_check_command_notes_an_example_phone_number(content_copy, edit_yaml):
    assert any("example number" in line for line in run_check(str(content_copy)).stderr.splitlines())
    edit_yaml("clinic.yaml", lambda data: data.update(phone="020 3000 0000"))
    assert not any("example number" in line for line in run_check(str(content_copy)).stderr.splitlines())


def test_the_check_command_fails_on_a_broken_copy_naming_file_and_field(content_copy, edit_yaml):
    edit_yaml("clinic.yaml", lambda data: data.update(booking_url="www.example.org"))
    edit_yaml("pages/home.yaml", lambda data: data["cycle"].pop("steps"))
    result = run_check(str(content_copy))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        "content/clinic.yaml: booking_url: 'www.example.org' is not right here: write a full web address"
        in (lines[0])
    )
    assert lines[1] == "content/pages/home.yaml: cycle.steps: this is required but missing"
    assert lines[-1].startswith("2 problems found")


def test_the_chart_description_must_keep_the_place_for_the_steps(content_copy, edit_yaml):
    edit_yaml("pages/home.yaml", lambda data: data["cycle"].update(diagram_alt="A picture of a cycle."))
    problem = only_problem(content_copy)
    assert problem.field == "cycle"
    assert "diagram_alt must keep {steps}" in problem.message


def test_a_misspelt_placeholder_is_explained(content_copy, edit_yaml):
    edit_yaml("pages/home.yaml", lambda data: data["cycle"].update(leads_to="Next: {next} {nxt}"))
    assert "may use only {count}, {steps} and {next}" in only_problem(content_copy).message


def test_every_page_must_be_in_the_menu_once_starting_with_home(content_copy, edit_yaml):
    edit_yaml("site.yaml", lambda data: data.update(menu=[m for m in data["menu"] if m["page"] != "home"]))
    messages = {str(problem) for problem in problems_in(content_copy)}
    assert messages == {
        "content/site.yaml: menu: the page 'home' is missing from the menu",
        "content/site.yaml: menu[1].page: the menu must start with 'home'",
    }


def test_a_page_in_the_menu_twice_is_refused(content_copy, edit_yaml):
    edit_yaml(
        "site.yaml",
        lambda data: data["menu"].append(next(dict(m) for m in data["menu"] if m["page"] == "urgent")),
    )
    assert (
        str(only_problem(content_copy)) == "content/site.yaml: menu: the page 'urgent' is in the menu twice"
    )


def test_an_activity_the_model_does_not_know_is_refused_with_the_ones_it_does(content_copy, edit_yaml):
    edit_yaml("pages/weight.yaml", lambda data: data["activities"][0].update(activity="jogging"))
    problem = only_problem(content_copy)
    assert (problem.file, problem.field) == ("content/pages/weight.yaml", "activities[1].activity")
    assert problem.message.startswith("'jogging' is not one of ")
    assert "'walking'" in problem.message and "'stairs-down'" in problem.message


def test_a_page_hidden_from_the_menu_bar_must_be_linked_from_another_page(content_copy, edit_yaml):
    def drop_the_only_link_to_evidence(data):
        data["evidence_link"]["page"] = "plan"

    edit_yaml("pages/tips.yaml", drop_the_only_link_to_evidence)
    problem = only_problem(content_copy)
    assert problem.file == "content/site.yaml"
    assert problem.message == (
        "the page 'evidence' is hidden from the menu bar, so another page must link to it"
    )


def test_a_tip_whose_id_a_plan_code_could_not_tell_apart_is_refused(content_copy, edit_yaml):
    source = content_copy / "tips" / "walking.yaml"
    clash = content_copy / "tips" / "walk-26019.yaml"
    clash.write_text(source.read_text().replace("id: walking", "id: walk-26019"))
    edit_yaml("rules.yaml", lambda data: data["tip_order"].append("walk-26019"))
    problem = only_problem(content_copy)
    assert str(problem) == (
        "content/tips/walking.yaml: id: a plan code could not tell 'walking' from 'walk-26019': "
        "rename one of them a little"
    )


def test_a_tip_for_the_knee_with_a_back_verdict_is_refused_with_a_message_for_the_editor(
    content_copy, edit_yaml
):
    edit_yaml(
        "tips/thigh-strength.yaml",
        lambda data: data["evidence"].update(
            back={"grade": "consider", "guideline": "NICE NG59", "read_in": "summary"}
        ),
    )
    problem = only_problem(content_copy)
    assert problem.file == "content/tips/thigh-strength.yaml"
    assert "only for the knee: remove evidence.back" in problem.message


def test_a_verdict_from_the_wrong_guideline_is_refused(content_copy, edit_yaml):
    edit_yaml("tips/walking.yaml", lambda data: data["evidence"]["knee"].update(guideline="NICE NG59"))
    problem = only_problem(content_copy)
    assert problem.field == "evidence"
    assert "the knee verdict comes from NICE NG226, not NICE NG59" in problem.message


@pytest.mark.parametrize("grade", ["not-routinely", "do-not-offer"])
def test_a_tip_nice_does_not_recommend_must_be_an_other_treatment(content_copy, edit_yaml, grade):
    edit_yaml("tips/heat.yaml", lambda data: data["evidence"]["knee"].update(grade=grade))
    problem = only_problem(content_copy)
    assert f"NICE says '{grade}' for this: make its kind other-treatment" in problem.message


def test_an_other_treatment_that_nice_offers_is_refused(content_copy, edit_yaml):
    edit_yaml(
        "tips/tens.yaml", lambda data: [data["evidence"][j].update(grade="offer") for j in ("back", "knee")]
    )
    assert (
        "an other-treatment tip is one UK guidelines do not recommend" in only_problem(content_copy).message
    )


def test_a_core_tip_must_be_one_nice_offers_or_considers_for_that_joint(content_copy, edit_yaml):
    edit_yaml("rules.yaml", lambda data: data["rules"][0]["tips"].append("footwear"))
    problem = only_problem(content_copy)
    assert problem.file == "content/rules.yaml"
    assert problem.field == "rules[1].tips[5]"
    assert "'footwear' is not a treatment NICE offers or considers for the knee, so it cannot be core" in str(
        problem
    )


def test_an_at_least_one_rule_needs_an_exercise_for_every_kit(content_copy, edit_yaml):
    def drop_the_no_kit_exercise(data):
        stairs = next(r for r in data["rules"] if r["id"] == "stairs")
        stairs["exercises"].remove("straight-leg-raise")

    edit_yaml("rules.yaml", drop_the_no_kit_exercise)
    messages = [str(p) for p in problems_in(content_copy)]
    assert (
        "content/rules.yaml: rules[7].exercises: for back pain with nothing at home, none of these "
        "exercises suits: add one that needs nothing (prop: none)"
    ) in messages


def test_every_tip_the_explorer_may_suggest_needs_its_place_in_tip_order(content_copy, edit_yaml):
    edit_yaml("rules.yaml", lambda data: data["tip_order"].remove("sleep"))
    problem = only_problem(content_copy)
    assert str(problem) == (
        "content/rules.yaml: tip_order: add 'sleep': every tip the explorer may suggest needs its place here"
    )


def test_tip_order_may_not_list_a_treatment_nice_does_not_recommend(content_copy, edit_yaml):
    edit_yaml("rules.yaml", lambda data: data["tip_order"].append("acupuncture"))
    assert (
        only_problem(content_copy).message == "remove 'acupuncture': it is not a tip the explorer may suggest"
    )


def test_every_exercise_needs_its_place_in_exercise_order(content_copy, edit_yaml):
    edit_yaml("rules.yaml", lambda data: data["exercise_order"].remove("clam"))
    assert str(only_problem(content_copy)) == (
        "content/rules.yaml: exercise_order: add 'clam': every exercise needs its place here"
    )


class UrgentPageWithMore(UrgentPage):
    """The urgent page with fields the real one does not have, named unlike any other."""

    sources: list[RefId] = Field(default_factory=list)
    next_page: PageId | None = None
    see_also: list[PageLink] = Field(default_factory=list)


@pytest.fixture
def urgent_page_with_more(monkeypatch):
    monkeypatch.setitem(PAGE_MODELS, "urgent", UrgentPageWithMore)


def test_a_source_is_checked_by_its_type_whatever_its_field_is_called(
    content_copy, edit_yaml, urgent_page_with_more
):
    edit_yaml("pages/urgent.yaml", lambda data: data.update(sources=["nice-ng59", "wolfe-1997"]))
    assert str(only_problem(content_copy)) == (
        "content/pages/urgent.yaml: sources[2]: 'wolfe-1997' is not in content/references.yaml"
    )
    edit_yaml("pages/urgent.yaml", lambda data: data.update(sources=["nice-ng59", "wolfe-1996"]))
    assert load_content(content_copy).pages["urgent"].sources == ["nice-ng59", "wolfe-1996"]


def test_a_page_link_is_checked_by_its_type_whatever_its_field_is_called(
    content_copy, edit_yaml, urgent_page_with_more
):
    def link_to_pages_that_do_not_exist(data):
        data["next_page"] = "abuot"
        data["see_also"] = [{"page": "home", "label": "Home"}, {"page": "diary", "label": "Diary"}]

    edit_yaml("pages/urgent.yaml", link_to_pages_that_do_not_exist)
    assert sorted(str(p) for p in problems_in(content_copy)) == [
        "content/pages/urgent.yaml: next_page: there is no page 'abuot': link only to pages in "
        "content/pages/",
        "content/pages/urgent.yaml: see_also[2].page: there is no page 'diary': link only to pages in "
        "content/pages/",
    ]
    edit_yaml("pages/urgent.yaml", lambda data: data.update(next_page="about", see_also=[]))
    assert load_content(content_copy).pages["urgent"].next_page == "about"


def test_the_walk_finds_marked_ids_inside_lists_nested_models_and_optional_fields():
    page = UrgentPageWithMore.model_validate(
        {
            **yaml.safe_load((CONTENT / "pages" / "urgent.yaml").read_text(encoding="utf-8")),
            "sources": ["a-1"],
            "next_page": "home",
            "see_also": [{"page": "about", "label": "About"}],
        }
    )
    assert [path for path, _ in cited_reference_ids(page)] == [
        *(f"references[{n}]" for n in range(1, len(page.references) + 1)),
        "sources[1]",
    ]
    assert list(linked_page_ids(page)) == [("next_page", "home"), ("see_also[1].page", "about")]
