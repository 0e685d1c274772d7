"""`python -m backknee coverage`: a clinician editing content/rules.yaml sees how often each tip
and exercise is suggested over every combination of answers, and whether every promise holds."""

from __future__ import annotations

from dataclasses import replace

from backknee import __main__ as cli
from backknee.content.loader import load_content
from backknee.explorer import guarantees
from backknee.explorer.advisor import Plan, PlannedExercise
from tests.paths import CONTENT

C = load_content(CONTENT)


def small(walk: guarantees.Walk) -> guarantees.Walk:
    """The real walk cut to every 500th case, so the command's output can be checked quickly."""
    return guarantees.Walk(tips=walk.tips[::500], plans=walk.plans[::500])


def test_the_coverage_command_lists_every_suggestible_tip_and_exercise_and_says_each_promise_holds(
    monkeypatch, capsys, walk
):
    monkeypatch.setattr(guarantees, "walk_every_answer", lambda *args: small(walk))
    assert cli.main(["coverage", str(CONTENT)]) == 0
    out = capsys.readouterr().out
    for tip_id, tip in C.tips.items():
        assert (f"  {tip_id} " in out) is tip.recommendable, tip_id
    for exercise_id in C.exercises:
        assert f"  {exercise_id} " in out
    holds = [line for line in out.splitlines() if line.startswith("holds ")]
    assert len(holds) == 9 and "BROKEN" not in out


def test_the_coverage_command_names_a_broken_promise_and_fails(monkeypatch, capsys, walk):
    cut = small(walk)
    case, plan = cut.plans[0]
    one = Plan(exercises=(PlannedExercise("bridge", plan.exercises[0].level, ()),), sessions_per_week=2)
    broken = replace(cut, plans=[(case, one), *cut.plans[1:]])
    monkeypatch.setattr(guarantees, "walk_every_answer", lambda *args: broken)
    assert cli.main(["coverage", str(CONTENT)]) == 1
    out = capsys.readouterr().out
    assert "BROKEN  every plan has 3 to 5 exercises that suit the kit and the joints: 1 cases" in out
