"""The exercise library in a real Streamlit session: every exercise can be chosen and shows
how to do it, the filters narrow the list, and both pictures are described in words."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from backknee.charts.exercises import describe
from backknee.content.loader import load_content
from backknee.content.pages.exercises import ExercisesPage
from backknee.content.pages.plan import PlanPage
from backknee.explorer.plan import dose_text
from backknee.explorer.screens import filter_exercises
from backknee.vocab import Joint, MuscleGroup
from tests.app.helpers import pictures
from tests.paths import CONTENT

SCRIPT = "app_pages/exercises.py"
CONTENT_NOW = load_content(CONTENT)
PAGE = CONTENT_NOW.page("exercises", ExercisesPage)
PLAN_WORDS = CONTENT_NOW.page("plan", PlanPage)
EXERCISES = list(CONTENT_NOW.exercises.values())


@pytest.fixture
def library(open_page) -> AppTest:
    at = open_page(SCRIPT)
    assert not at.exception
    return at


def choose(at: AppTest, exercise_id: str) -> AppTest:
    at.pills(key="exercises_chosen").set_value(exercise_id).run()
    assert not at.exception
    return at


def detail(at: AppTest) -> str:
    box = at.main.get_by_key("exercise_detail")
    return "\n".join([h.value for h in box.header] + [m.value for m in box.markdown])


def test_the_chooser_offers_every_exercise_by_name_and_starts_with_the_first(library):
    chooser = library.pills(key="exercises_chosen")
    assert chooser.options == [e.name for e in EXERCISES]
    assert chooser.value == EXERCISES[0].id
    assert [h.value for h in library.header] == [EXERCISES[0].name]
    assert PAGE.safety_note in [i.body for i in library.info]


def test_every_exercise_can_be_chosen_and_shows_its_steps_dose_and_cautions(library):
    for exercise in EXERCISES:
        choose(library, exercise.id)
        assert [h.value for h in library.header] == [exercise.name]
        text = detail(library)
        assert exercise.summary in text
        assert f"**{PAGE.starting_label}.** {exercise.starting_position}" in text
        for number, step in enumerate(exercise.steps, start=1):
            assert f"{number}. {step}" in text
        assert f"**{PAGE.dose_label}:** {dose_text(exercise.dose, PLAN_WORDS)}" in text
        assert f"**{PAGE.easier_label}.** {exercise.easier}" in text
        assert f"**{PAGE.harder_label}.** {exercise.harder}" in text
        for caution in exercise.cautions:
            assert f"- {caution}" in text
        for muscle in exercise.targets:
            assert PAGE.muscle_labels.of(muscle) in text
        for ref in CONTENT_NOW.cite(exercise.references):
            assert ref.short in text


def test_an_exercise_with_cautions_lists_them_under_take_care(library):
    cautious = [e for e in EXERCISES if e.cautions]
    assert cautious, "at least one exercise has cautions"
    choose(library, cautious[0].id)
    text = detail(library)
    assert f"**{PAGE.cautions_label}**\n\n- {cautious[0].cautions[0]}" in text


FILTERS = {
    "back": ("back", []),
    "knee": ("knee", []),
    "calves": (None, ["calves"]),
    "hips or core": (None, ["hips", "core"]),
    "knee and thighs": ("knee", ["thighs"]),
}


@pytest.mark.parametrize(("joint", "muscles"), FILTERS.values(), ids=FILTERS.keys())
def test_the_filters_narrow_the_choice_as_filter_exercises_does(library, joint, muscles):
    if joint:
        library.segmented_control(key="exercises_filter_joint").set_value(joint).run()
    if muscles:
        library.pills(key="exercises_filter_muscles").set_value(muscles).run()
    assert not library.exception
    expected = filter_exercises(EXERCISES, joint=joint, muscles=muscles)
    assert 0 < len(expected) < len(EXERCISES), "the filter narrows but leaves something"
    chooser = library.pills(key="exercises_chosen")
    assert chooser.options == [e.name for e in expected]
    assert chooser.value in [e.id for e in expected], "the chosen exercise is one still shown"
    assert [h.value for h in library.header] == [CONTENT_NOW.exercises[chooser.value].name]


def test_filtering_out_the_chosen_exercise_moves_the_choice_to_the_first_one_left(library):
    knee_only = next(e for e in EXERCISES if not e.helps.covers(Joint.BACK))
    choose(library, knee_only.id)
    library.segmented_control(key="exercises_filter_joint").set_value("back").run()
    first_left = filter_exercises(EXERCISES, joint="back", muscles=[])[0]
    assert library.pills(key="exercises_chosen").value == first_left.id
    assert [h.value for h in library.header] == [first_left.name]


def test_filters_that_match_nothing_say_so_instead_of_showing_an_exercise(library):
    empty = next(
        (
            (joint.value, [muscle.value])
            for joint in Joint
            for muscle in MuscleGroup
            if not filter_exercises(EXERCISES, joint=joint.value, muscles=[muscle.value])
        ),
        None,
    )
    if empty is None:
        pytest.skip("every place and muscle has an exercise")
    joint, muscles = empty
    library.segmented_control(key="exercises_filter_joint").set_value(joint).run()
    library.pills(key="exercises_filter_muscles").set_value(muscles).run()
    assert not library.exception
    assert PAGE.no_results in [i.body for i in library.info]
    assert not pictures(library)


def test_both_pictures_are_described_in_words_that_name_the_exercise(library):
    for exercise in EXERCISES:
        choose(library, exercise.id)
        found = pictures(library)
        assert set(found) == {f"exercise_demo_{exercise.id}", f"exercise_stills_{exercise.id}"}
        for chart in found.values():
            assert exercise.name in chart.alt
            assert chart.alt == describe(exercise, PAGE)
        for keyframe in exercise.keyframes:
            if keyframe.label:
                assert keyframe.label in found[f"exercise_demo_{exercise.id}"].alt


def test_the_demonstration_moves_through_frames_and_the_stills_do_not(library):
    for exercise in EXERCISES:
        choose(library, exercise.id)
        found = pictures(library)
        assert found[f"exercise_demo_{exercise.id}"].frames >= len(exercise.keyframes), exercise.id
        assert found[f"exercise_stills_{exercise.id}"].frames == 0, exercise.id


def test_nothing_chosen_goes_into_the_address(library):
    library.segmented_control(key="exercises_filter_joint").set_value("knee").run()
    choose(library, filter_exercises(EXERCISES, joint="knee", muscles=[])[-1].id)
    assert dict(library.query_params) == {}
