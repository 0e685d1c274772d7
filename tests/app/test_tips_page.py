"""The "What helps" page in a real Streamlit session: the safety check always comes first, an
emergency stops the explorer, the suggestions are exactly the advisor's with its reasons, and
browsing lists every tip the filters let through."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from backknee.content.loader import load_content
from backknee.content.pages.plan import PlanPage
from backknee.content.pages.tips import TipsPage
from backknee.explorer.advisor import OutcomeKind, advise
from backknee.explorer.screens import QUESTIONS, answers_from, filter_tips, peg_score
from backknee.explorer.share import SharedPlan, encode
from backknee.ui.state import CODE_PARAM
from backknee.vocab import Joint, ReadIn, Urgency
from backknee.words.evidence import badge
from tests.app.helpers import all_text
from tests.paths import CONTENT

SCRIPT = "app_pages/tips.py"
CONTENT_NOW = load_content(CONTENT)
PAGE = CONTENT_NOW.page("tips", TipsPage)
RED_FLAGS = CONTENT_NOW.red_flags
RULES = {rule.id: rule for rule in CONTENT_NOW.rules.rules}
NO_SIGNS = {"emergency": "no", "urgent": "no", "routine": "no"}


@pytest.fixture
def tips(open_page) -> AppTest:
    return open_page(SCRIPT)


def answer(at: AppTest, name: str, value: Any) -> AppTest:
    """Answer one question on the screen shown, by its widget."""
    key = f"tips_w_{name}"
    if isinstance(value, list):
        at.pills(key=key).set_value(value).run()
    elif isinstance(value, bool):
        at.toggle(key=key).set_value(value).run()
    else:
        at.segmented_control(key=key).set_value(value).run()
    assert not at.exception
    return at


def tap(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception
    return at


def screen(at: AppTest) -> str:
    return str(at.session_state["tips_screen"])


def go_through(at: AppTest, answers: dict[str, Any]) -> AppTest:
    """Answer each question screen from `answers` and tap Next, up to the result."""
    by_screen = {
        "emergency": ["emergency"],
        "urgent": ["urgent"],
        "routine": ["routine"],
        "where": ["where", "use_peg", "pain", "peg_1", "peg_2", "peg_3"],
        "hard": ["hard"],
        "suits": ["settings", "minutes", "confidence"],
    }
    for question in QUESTIONS:
        if screen(at) != question.value:
            break  # a Yes to the emergency or same-day signs ends the questions
        for name in by_screen[question.value]:
            if name in answers:
                answer(at, name, answers[name])
        tap(at, "tips_next")
    return at


def keyed(at: AppTest, prefix: str) -> list[str]:
    """The keys of the containers on the page that start with `prefix`, in page order, with
    the prefix taken off: the ids of the tip cards."""
    return [
        node.key.removeprefix(prefix)
        for node in at.main
        if isinstance(node, Block) and node.key and node.key.startswith(prefix)
    ]


def card_text(at: AppTest, key: str) -> str:
    return "\n".join(m.value for m in at.main.get_by_key(key).markdown)


def kinds_in_order(at: AppTest) -> list[tuple[str, str]]:
    """Each element of the page, in order, with its text where it has one."""
    found = []
    for node in at.main:
        text = getattr(node, "value", None) or getattr(node, "body", None) or ""
        found.append((type(node).__name__, str(text)))
    return found


def test_the_first_screen_is_the_emergency_check_with_every_emergency_sign(tips):
    assert not tips.exception
    assert screen(tips) == "emergency"
    assert [h.value for h in tips.header] == [PAGE.safety_heading]
    question = tips.segmented_control(key="tips_w_emergency")
    assert question.label == PAGE.emergency_question
    assert question.value is None, "nothing is answered for the patient"
    text = all_text(tips)
    signs = RED_FLAGS.signs(Urgency.EMERGENCY)
    assert signs
    for sign in signs:
        assert f"- {sign.text}" in text
    for sign in RED_FLAGS.signs(Urgency.URGENT):
        assert sign.text not in text, "one level of signs per screen"
    assert PAGE.progress.format(step=1, total=len(QUESTIONS)) in text
    assert "tips_back" not in [b.key for b in tips.button], "there is nothing to go back to"


def test_next_stays_disabled_until_yes_or_no_is_tapped(tips):
    assert tips.button(key="tips_next").disabled
    answer(tips, "emergency", "no")
    assert not tips.button(key="tips_next").disabled
    tap(tips, "tips_next")
    assert screen(tips) == "urgent"
    assert tips.button(key="tips_next").disabled, "each safety question needs its own answer"
    assert tips.segmented_control(key="tips_w_urgent").label == PAGE.urgent_question
    for sign in RED_FLAGS.signs(Urgency.URGENT):
        assert sign.text in all_text(tips)


def test_yes_to_an_emergency_sign_stops_at_the_urgent_advice_with_no_tips(tips):
    answer(tips, "emergency", "yes")
    tap(tips, "tips_next")
    assert screen(tips) == "stop"
    [stop] = [e.body for e in tips.error]
    assert any(PAGE.emergency_result_heading in h.value for h in tips.header)
    assert PAGE.emergency_result_text in stop
    box = tips.main.get_by_key("tips_screen_box")
    assert [link.proto.page for link in box.page_link] == ["urgent"]
    assert box.page_link[0].proto.label == CONTENT_NOW.site.urgent_link_label
    assert keyed(tips, "tip_") == [], "no tip is suggested after an emergency sign"
    assert PAGE.result_heading not in all_text(tips)
    assert "tips_next" not in [b.key for b in tips.button]
    assert tips.session_state["plan_outcome"].kind == OutcomeKind.EMERGENCY
    assert tips.session_state["plan_outcome"].plan is None


ANSWER_SETS = {
    "knee, stairs and a pool": {
        **NO_SIGNS,
        "where": "knee",
        "pain": 6,
        "hard": ["stairs", "chair"],
        "settings": ["home", "pool"],
        "minutes": 30,
        "confidence": "high",
    },
    "back, lifting and little time": {
        **NO_SIGNS,
        "where": "back",
        "pain": 8,
        "hard": ["lifting", "sleep"],
        "minutes": 10,
        "confidence": "low",
    },
    "both, nothing else said": {**NO_SIGNS, "where": "both", "pain": 2},
}


@pytest.mark.parametrize("answers", ANSWER_SETS.values(), ids=ANSWER_SETS.keys())
def test_the_result_lists_exactly_the_advisors_tips_in_order_each_with_its_reasons(tips, answers):
    go_through(tips, answers)
    assert screen(tips) == "result"
    expected = advise(
        answers_from(answers, RED_FLAGS),
        RED_FLAGS,
        CONTENT_NOW.rules,
        CONTENT_NOW.tips,
        CONTENT_NOW.exercises,
    )
    assert expected.kind == OutcomeKind.PLAN and expected.tips
    assert keyed(tips, "tip_result_") == [chosen.tip_id for chosen in expected.tips]
    for chosen in expected.tips:
        card = card_text(tips, f"tip_result_{chosen.tip_id}")
        tip = CONTENT_NOW.tips[chosen.tip_id]
        assert card.startswith(f"### {tip.title}\n\n{tip.summary}")
        for rule_id in chosen.rule_ids:
            assert f"- *{RULES[rule_id].because}*" in card
        for rule_id in set(RULES) - set(chosen.rule_ids):
            assert RULES[rule_id].because not in card, "only the rules that chose it are given"
        for joint, verdict in tip.evidence.verdicts:
            label = PAGE.card.back_label if joint == Joint.BACK else PAGE.card.knee_label
            assert f"{label} ({verdict.guideline}): {badge(verdict.grade, PAGE.card.grades)}" in card
            assert (PAGE.card.summary_note in card) >= (verdict.read_in == ReadIn.SUMMARY)
        if tip.helps != Joint.BOTH:
            other = PAGE.card.knee_label if tip.helps == Joint.BACK else PAGE.card.back_label
            assert other not in card, "no verdict for a joint the tip is not for"
    more = "\n".join(m.value for m in tips.main.get_by_key("tips_screen_box").markdown)
    if expected.more_tips:
        assert f"### {PAGE.more_heading}" in more
        for chosen in expected.more_tips:
            tip = CONTENT_NOW.tips[chosen.tip_id]
            assert f"- **{tip.title}.** {tip.summary}" in more
            assert f"tip_result_{tip.id}" not in [n.key for n in tips.main if isinstance(n, Block)]
    assert tips.session_state["plan_outcome"] == expected, "the plan page gets the same outcome"
    assert not tips.warning and not tips.error


def test_a_same_day_sign_says_what_to_do_today_first_with_no_plan_and_a_way_to_browse(tips):
    go_through(tips, {"emergency": "no", "urgent": "yes", "where": "knee", "pain": 9})
    assert screen(tips) == "today", "no more questions after a same-day sign"
    group = next(lv for lv in RED_FLAGS.levels if lv.level == Urgency.URGENT)
    box = tips.main.get_by_key("tips_screen_box")
    first, second = [
        (type(node).__name__, getattr(node, "value", None) or getattr(node, "body", ""))
        for node in box
        if not isinstance(node, Block)
    ][:2]
    assert first == ("Header", f"{group.icon} {PAGE.same_day_heading}"), "what to do today comes first"
    assert second == ("Warning", f"**{group.heading}**\n\n{group.action}")
    [warning] = [w.body for w in tips.warning]
    assert group.heading in warning and group.action in warning
    assert "urgent" in [link.proto.page for link in box.page_link]
    assert tips.session_state["plan_outcome"].kind == OutcomeKind.SAME_DAY
    assert not keyed(tips, "tip_result_"), "no tips: nothing is prescribed"
    pages = [link.proto.page for link in tips.get("page_link")]
    assert "plan" not in pages, "no plan to open"
    assert PAGE.exercises_link.page in pages
    text = all_text(tips)
    assert PAGE.same_day_text in text and PAGE.once_checked_text in text
    assert CONTENT_NOW.page("plan", PlanPage).pain_rule not in text
    tap(tips, "tips_browse_once_checked")
    assert tips.session_state["tips_mode"] == "browse"
    assert keyed(tips, "tip_browse_"), "once checked, every tip can be read"


def test_a_routine_sign_adds_a_note_to_book_a_gp_or_physio(tips):
    go_through(tips, {"emergency": "no", "urgent": "no", "routine": "yes", "where": "back", "pain": 3})
    assert PAGE.routine_note in [i.body for i in tips.info]
    assert not tips.warning
    assert keyed(tips, "tip_result_")


def test_back_goes_to_the_previous_screen_and_keeps_the_earlier_answers(tips):
    go_through(tips, {**NO_SIGNS, "where": "knee", "pain": 5, "hard": ["walking"], "minutes": 20})
    assert screen(tips) == "result"
    tap(tips, "tips_back")
    assert screen(tips) == "suits"
    assert tips.segmented_control(key="tips_w_minutes").value == 20
    tap(tips, "tips_back")
    assert screen(tips) == "hard"
    assert tips.pills(key="tips_w_hard").value == ["walking"]
    tap(tips, "tips_back")
    assert screen(tips) == "where"
    assert tips.segmented_control(key="tips_w_where").value == "knee"
    assert tips.segmented_control(key="tips_w_pain").value == 5
    assert not tips.button(key="tips_next").disabled
    for name in ("routine", "urgent", "emergency"):
        tap(tips, "tips_back")
        assert screen(tips) == name
        assert tips.segmented_control(key=f"tips_w_{name}").value == "no"


def test_start_again_forgets_every_answer_and_the_plan(tips):
    go_through(tips, {**NO_SIGNS, "where": "both", "pain": 7, "hard": ["sleep"]})
    assert "plan_outcome" in tips.session_state
    tap(tips, "tips_start_again")
    assert screen(tips) == "emergency"
    assert tips.session_state["tips_answers"] == {}
    assert "plan_outcome" not in tips.session_state
    assert tips.segmented_control(key="tips_w_emergency").value is None
    assert tips.button(key="tips_next").disabled
    answer(tips, "emergency", "no")
    tap(tips, "tips_next")
    assert tips.segmented_control(key="tips_w_urgent").value is None, "no old answer comes back"


def test_the_peg_toggle_asks_three_questions_instead_of_one_and_shows_the_score(tips):
    for name in ("emergency", "urgent", "routine"):
        answer(tips, name, "no")
        tap(tips, "tips_next")
    assert screen(tips) == "where"
    labels = [s.label for s in tips.segmented_control]
    assert PAGE.pain_question in labels
    answer(tips, "where", "back")
    answer(tips, "use_peg", True)
    labels = [s.label for s in tips.segmented_control]
    assert PAGE.pain_question not in labels
    assert [q for q in PAGE.peg_questions if q in labels] == PAGE.peg_questions
    assert len(PAGE.peg_questions) == 3
    assert PAGE.peg_help in all_text(tips)
    scores = (4, 7, 8)
    for number, score in enumerate(scores, start=1):
        assert tips.button(key="tips_next").disabled, "all three PEG answers are needed"
        answer(tips, f"peg_{number}", score)
    text = all_text(tips)
    assert PAGE.peg_result.format(score=peg_score(*scores)) in text
    assert not tips.button(key="tips_next").disabled
    assert answers_from(tips.session_state["tips_answers"], RED_FLAGS).pain == peg_score(*scores)
    answer(tips, "use_peg", False)
    assert PAGE.pain_question in [s.label for s in tips.segmented_control]
    assert PAGE.peg_result.format(score=peg_score(*scores)) not in all_text(tips)


def test_the_progress_counts_each_question_screen(tips):
    for number, name in enumerate(("emergency", "urgent", "routine"), start=1):
        assert PAGE.progress.format(step=number, total=len(QUESTIONS)) in all_text(tips)
        answer(tips, name, "no")
        tap(tips, "tips_next")
    assert PAGE.progress.format(step=4, total=len(QUESTIONS)) in all_text(tips)
    assert [h.value for h in tips.header] == [PAGE.where_heading]


def browse(at: AppTest) -> AppTest:
    at.segmented_control(key="tips_mode").set_value("browse").run()
    assert not at.exception
    return at


def test_browse_lists_every_recommendable_tip_and_the_other_treatments_under_their_own_heading(tips):
    browse(tips)
    recommendable = [t.id for t in CONTENT_NOW.tips.values() if t.recommendable]
    others = [t.id for t in CONTENT_NOW.tips.values() if not t.recommendable]
    assert recommendable and others
    assert keyed(tips, "tip_browse_") == recommendable
    assert keyed(tips, "tip_other_") == others
    headings = [h.value for h in tips.header]
    assert headings == [PAGE.browse_heading, PAGE.other_heading]
    order = kinds_in_order(tips)
    other_heading_at = next(i for i, (kind, text) in enumerate(order) if text == PAGE.other_heading)
    for tip_id in others:
        title = f"### {CONTENT_NOW.tips[tip_id].title}"
        at = next(i for i, (kind, text) in enumerate(order) if text.startswith(title))
        assert at > other_heading_at, f"{tip_id} is under the other treatments heading"
    assert "evidence" in [link.proto.page for link in tips.get("page_link")]


FILTERS = {
    "back only": {"joint": "back"},
    "knee only": {"joint": "knee"},
    "strengthening and activity": {"kinds": ["strengthening", "activity"]},
    "NICE says consider": {"grades": ["consider"]},
    "at home only": {"at_home_only": True},
    "knee, offer, at home": {"joint": "knee", "grades": ["offer"], "at_home_only": True},
}


@pytest.mark.parametrize("filters", FILTERS.values(), ids=FILTERS.keys())
def test_each_browse_filter_narrows_the_list_as_filter_tips_does(tips, filters):
    browse(tips)
    if "joint" in filters:
        tips.segmented_control(key="tips_filter_joint").set_value(filters["joint"]).run()
    if "kinds" in filters:
        tips.pills(key="tips_filter_kind").set_value(filters["kinds"]).run()
    if "grades" in filters:
        tips.pills(key="tips_filter_grade").set_value(filters["grades"]).run()
    if filters.get("at_home_only"):
        tips.toggle(key="tips_filter_home").set_value(True).run()
    assert not tips.exception
    expected = filter_tips(
        list(CONTENT_NOW.tips.values()),
        joint=filters.get("joint"),
        kinds=filters.get("kinds", []),
        grades=filters.get("grades", []),
        at_home_only=bool(filters.get("at_home_only")),
    )
    everything = [t for t in CONTENT_NOW.tips.values() if t.recommendable]
    assert 0 < len(expected) < len(everything), "the filter narrows but leaves something"
    assert keyed(tips, "tip_browse_") == [t.id for t in expected]
    assert PAGE.no_results not in [i.body for i in tips.info]
    assert keyed(tips, "tip_other_") == [t.id for t in CONTENT_NOW.tips.values() if not t.recommendable]


def test_the_joint_filter_offers_every_place_by_its_label(tips):
    browse(tips)
    assert tips.segmented_control(key="tips_filter_joint").options == [PAGE.where_labels.of(j) for j in Joint]


def test_nothing_the_patient_answers_or_filters_goes_into_the_address(tips):
    go_through(tips, {"emergency": "no", "urgent": "yes", "routine": "yes", "where": "knee", "pain": 9})
    assert dict(tips.query_params) == {}
    browse(tips)
    tips.segmented_control(key="tips_filter_joint").set_value("back").run()
    tips.toggle(key="tips_filter_home").set_value(True).run()
    assert dict(tips.query_params) == {}


@pytest.mark.parametrize("where", ["knee", "back"])
def test_a_reason_never_says_the_patient_said_a_place_they_did_not(tips, where):
    go_through(tips, {**NO_SIGNS, "where": where, "pain": 4})
    only_both = [r.because for r in RULES.values() if r.when.where == [Joint.BOTH]]
    assert only_both
    text = all_text(tips)
    for because in only_both:
        assert because not in text


@pytest.mark.parametrize("question", ["emergency", "urgent"])
def test_a_yes_that_stops_the_explorer_counts_before_next_so_no_plan_is_left_to_open(question):
    """Even a plan opened from a code earlier: a Yes to the emergency or same-day signs, not
    yet followed by Next, leaves no plan link and no plan on "My plan"."""
    plan_words = CONTENT_NOW.page("plan", PlanPage)
    shared = SharedPlan(tip_ids=("walking",), exercises=(("bridge", "standard"),))
    at = AppTest.from_file(str(CONTENT.parent / "app.py"), default_timeout=30).run()
    at.query_params[CODE_PARAM] = encode(shared)
    at.switch_page("app_pages/plan.py").run()
    assert plan_words.exercises_heading in [h.value for h in at.header], "the code's plan is open"
    at.switch_page(SCRIPT).run()
    if question == "urgent":
        answer(at, "emergency", "no")
        tap(at, "tips_next")
    answer(at, question, "yes")
    assert "plan" not in [link.proto.page for link in at.get("page_link")]
    at.switch_page("app_pages/plan.py").run()
    assert not at.exception
    assert plan_words.exercises_heading not in [h.value for h in at.header]
    assert plan_words.pain_rule not in all_text(at)
    assert not at.get("download_button")
    level = Urgency.EMERGENCY if question == "emergency" else Urgency.URGENT
    heading = next(lv.heading for lv in RED_FLAGS.levels if lv.level == level)
    boxes = [e.body for e in at.error] + [w.body for w in at.warning]
    assert any(heading in box for box in boxes)


def test_a_yes_to_the_emergency_signs_after_a_result_never_leaves_a_plan_to_open(tips):
    go_through(tips, {**NO_SIGNS, "where": "knee", "pain": 3})
    while screen(tips) != "emergency":
        tap(tips, "tips_back")
    answer(tips, "emergency", "yes")
    assert "plan" not in [link.proto.page for link in tips.get("page_link")]
    tips.switch_page("app_pages/plan.py").run()
    assert not tips.exception
    plan_words = CONTENT_NOW.page("plan", PlanPage)
    assert plan_words.exercises_heading not in [h.value for h in tips.header]
