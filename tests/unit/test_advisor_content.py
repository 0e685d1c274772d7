"""The advisor with the real content: the same answers always give the same outcome, and no
rule or tip is dead. (tests/unit/test_guarantees.py proves the safety rules over every
combination of answers.)"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backknee.content.loader import load_content
from backknee.explorer.advisor import Answers, advise, matching_rules
from backknee.vocab import Confidence, Difficulty, Joint, Prop, Setting
from tests.paths import CONTENT

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
@settings(max_examples=100)
def test_the_same_answers_always_give_the_same_outcome(given_answers):
    assert outcome(given_answers) == outcome(Answers(**given_answers.__dict__))


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
                    found = outcome(given_answers)
                    reached.update(t.tip_id for t in found.tips + found.more_tips)
    named = {tip for rule in CONTENT_NOW.rules.rules for tip in rule.tips}
    assert named - reached == set()


def test_every_exercise_is_in_someone_s_plan():
    reached = set()
    for where in Joint:
        for difficulty in [None, *Difficulty]:
            for minutes in (10, 30):
                found = outcome(
                    Answers(
                        where=where,
                        minutes=minutes,
                        hard=frozenset({difficulty}) if difficulty else frozenset(),
                        equipment=frozenset({Prop.CHAIR, Prop.STEP, Prop.WALL}),
                    )
                )
                reached.update(p.exercise_id for p in found.plan.exercises)
    assert set(CONTENT_NOW.exercises) - reached <= {"hamstring-stretch"}, "only the stretch is left to browse"
