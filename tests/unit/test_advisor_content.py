"""The advisor with the real content and any answers at all (hypothesis): the safety rules
hold for every combination, not just the ones we thought of."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backknee.advisor import MAX_EXERCISES, MIN_EXERCISES, Answers, OutcomeKind, advise, matching_rules
from backknee.loader import load_content
from backknee.models import Confidence, Difficulty, Grade, Joint, Prop, Setting, Urgency
from tests.conftest import CONTENT

CONTENT_NOW = load_content(CONTENT)
SIGNS = {level.level: [s.id for s in level.back + level.knee] for level in CONTENT_NOW.red_flags.levels}
ALL_SIGNS = sorted(s for signs in SIGNS.values() for s in signs)

answers = st.builds(
    Answers,
    warning_signs=st.frozensets(st.sampled_from(ALL_SIGNS), max_size=4),
    where=st.sampled_from(list(Joint)),
    pain=st.integers(0, 10),
    hard=st.frozensets(st.sampled_from(list(Difficulty))),
    settings=st.frozensets(st.sampled_from(list(Setting))),
    minutes=st.sampled_from([10, 20, 30]),
    confidence=st.sampled_from(list(Confidence)),
    equipment=st.frozensets(st.sampled_from([Prop.CHAIR, Prop.STEP, Prop.WALL])),
)


def outcome(given_answers: Answers):
    c = CONTENT_NOW
    return advise(given_answers, c.red_flags, c.rules, c.tips, c.exercises)


@given(answers)
@settings(max_examples=300)
def test_any_answers_give_a_valid_outcome(given_answers):
    found = outcome(given_answers)
    assert found.kind in set(OutcomeKind)
    if found.kind != OutcomeKind.EMERGENCY:
        assert found.plan is not None
        assert MIN_EXERCISES <= len(found.plan.exercises) <= MAX_EXERCISES
        assert found.plan.sessions_per_week in (2, 3)
        assert found.tips, "everyone gets some tips"


@given(answers, st.sampled_from(SIGNS[Urgency.EMERGENCY]))
@settings(max_examples=200)
def test_any_emergency_sign_always_gives_the_urgent_outcome_and_no_plan(given_answers, sign):
    with_sign = Answers(**{**given_answers.__dict__, "warning_signs": given_answers.warning_signs | {sign}})
    found = outcome(with_sign)
    assert found.kind == OutcomeKind.EMERGENCY
    assert found.plan is None
    assert found.tips == ()
    assert sign in found.warning_signs


@given(answers)
@settings(max_examples=300)
def test_every_suggestion_exists_suits_the_joint_and_is_never_one_nice_says_not_to_offer(given_answers):
    found = outcome(given_answers)
    for chosen in found.tips:
        tip = CONTENT_NOW.tips[chosen.tip_id]
        assert tip.recommendable
        assert tip.helps.covers(given_answers.where)
        assert all(v.grade != Grade.DO_NOT_OFFER for v in tip.evidence.for_joint(given_answers.where))
        assert chosen.rule_ids, "each tip says which rule chose it"
    if found.plan:
        for planned in found.plan.exercises:
            exercise = CONTENT_NOW.exercises[planned.exercise_id]
            assert exercise.helps.covers(given_answers.where)
            assert exercise.prop == Prop.NONE or exercise.prop in given_answers.equipment, "nothing they lack"


@given(answers)
@settings(max_examples=100)
def test_the_same_answers_always_give_the_same_outcome(given_answers):
    assert outcome(given_answers) == outcome(Answers(**given_answers.__dict__))


@given(answers, st.sampled_from(SIGNS[Urgency.URGENT]))
@settings(max_examples=100)
def test_an_urgent_sign_without_an_emergency_one_puts_that_advice_first_above_a_gentle_plan(
    given_answers, sign
):
    signs = {s for s in given_answers.warning_signs if s not in SIGNS[Urgency.EMERGENCY]} | {sign}
    found = outcome(Answers(**{**given_answers.__dict__, "warning_signs": frozenset(signs)}))
    assert found.kind == OutcomeKind.URGENT_FIRST
    assert found.warning_signs[0] in SIGNS[Urgency.URGENT]
    assert found.plan is not None
    assert {p.level.value for p in found.plan.exercises} == {"easier"}


def test_every_rule_applies_to_some_answers():
    """No dead rule: each rule matches at least one of a wide spread of answers."""
    fired = set()
    for where in Joint:
        for pain in (0, 5, 8):
            for confidence in Confidence:
                for minutes in (10, 30):
                    for hard in (frozenset(), frozenset(Difficulty)):
                        given_answers = Answers(
                            where=where,
                            pain=pain,
                            confidence=confidence,
                            minutes=minutes,
                            hard=hard,
                            settings=frozenset(Setting),
                        )
                        fired.update(rule.id for rule in matching_rules(given_answers, CONTENT_NOW.rules))
    assert fired == {rule.id for rule in CONTENT_NOW.rules.rules}


def test_every_recommendable_tip_can_be_suggested_to_someone():
    """Each tip a rule names reaches some patient's list (the list holds the best 8)."""
    reached = set()
    for where in Joint:
        for difficulty in [None, *Difficulty]:
            for setting in Setting:
                for pain, confidence in ((2, Confidence.HIGH), (8, Confidence.LOW)):
                    given_answers = Answers(
                        where=where,
                        pain=pain,
                        confidence=confidence,
                        hard=frozenset({difficulty}) if difficulty else frozenset(),
                        settings=frozenset({setting}),
                    )
                    reached.update(t.tip_id for t in outcome(given_answers).tips)
    named = {tip for rule in CONTENT_NOW.rules.rules for tip in rule.tips}
    assert named - reached == set()
