"""The plan page in a real Streamlit session: no plan yet, the plan from the explorer, a plan
opened from a share code (in the address or typed), and clearing it."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from backknee.content.loader import load_content
from backknee.content.pages.plan import PlanPage
from backknee.content.pages.tips import TipsPage
from backknee.errors import InvalidShareCode
from backknee.explorer.advisor import Answers, advise
from backknee.explorer.plan import dose_text, from_outcome, from_shared
from backknee.explorer.share import MAX_TIPS, OpenedCode, SharedPlan, decode, encode
from backknee.ui.state import CODE_PARAM, Key
from backknee.vocab import Confidence, Difficulty, Joint, Setting, Urgency
from tests.app.helpers import all_text, away_and_back
from tests.paths import CONTENT
from tests.unit.codes import crafted

SCRIPT = "app_pages/plan.py"
CONTENT_NOW = load_content(CONTENT)
PAGE = CONTENT_NOW.page("plan", PlanPage)
OUTCOME = advise(
    Answers(
        where=Joint.KNEE,
        pain=8,
        hard=frozenset({Difficulty.STAIRS}),
        settings=frozenset({Setting.HOME, Setting.POOL}),
        minutes=30,
        confidence=Confidence.SOME,
    ),
    CONTENT_NOW.red_flags,
    CONTENT_NOW.rules,
    CONTENT_NOW.tips,
    CONTENT_NOW.exercises,
)
VIEW = from_outcome(OUTCOME, CONTENT_NOW.tips, CONTENT_NOW.exercises, CONTENT_NOW.rules, PAGE)
OFFERED = [t for t, tip in CONTENT_NOW.tips.items() if tip.recommendable]
SHARED = SharedPlan(
    tip_ids=tuple(OFFERED[:2]),
    exercises=tuple(zip(list(CONTENT_NOW.exercises)[:3], ("easier", "standard", "harder"), strict=True)),
)
SMALL = SharedPlan(tip_ids=tuple(OFFERED[:1]), exercises=((next(iter(CONTENT_NOW.exercises)), "harder"),))


def decode_here(code: str) -> SharedPlan:
    opened = decode(code, CONTENT_NOW.tips.keys(), CONTENT_NOW.exercises.keys())
    from_shared(opened, CONTENT_NOW.tips, CONTENT_NOW.exercises, PAGE)
    return opened.plan


def open_with_code(code: str) -> AppTest:
    """Open the plan page the way a phone does after scanning the square code."""
    at = AppTest.from_file(str(CONTENT.parent / "app.py"), default_timeout=30).run()
    at.query_params[CODE_PARAM] = code
    at.switch_page(SCRIPT).run()
    assert not at.exception
    return at


def with_plan(at: AppTest) -> AppTest:
    at.session_state[Key.PLAN_OUTCOME] = OUTCOME
    at.run()
    assert not at.exception
    return at


def shows_no_plan(at: AppTest) -> bool:
    return PAGE.no_plan_heading in [h.value for h in at.header]


def submit_code(at: AppTest, code: str) -> AppTest:
    """Type a code into the box (text longer than the box allows is refused, as in a browser)
    and tap the button."""
    at.text_input(key="plan_code_typed").input(code)
    next(b for b in at.button if b.label == PAGE.code_button).click().run()
    assert not at.exception
    return at


def shown_code(at: AppTest) -> str:
    before, _, after = PAGE.code_shown.partition("{code}")
    [line] = [m.value for m in at.markdown if m.value.startswith(before)]
    found = re.fullmatch(re.escape(before) + "`([^`]+)`" + re.escape(after), line)
    assert found, line
    return found.group(1)


def test_with_no_plan_the_page_offers_the_questions_and_the_code_form(open_page):
    at = open_page(SCRIPT)
    assert not at.exception
    assert shows_no_plan(at)
    text = all_text(at)
    assert PAGE.no_plan in text
    links = [link for link in at.get("page_link") if link.proto.page == "tips"]
    assert [link.proto.label for link in links] == [PAGE.start_link.label]
    assert at.text_input(key="plan_code_typed").label == PAGE.code_label
    assert PAGE.code_button in [b.label for b in at.button]
    assert PAGE.exercises_heading not in [h.value for h in at.header]
    assert not at.get("download_button")


def test_the_plan_from_the_explorer_shows_every_exercise_with_its_dose_and_the_pain_rule(open_page):
    at = with_plan(open_page(SCRIPT))
    assert not shows_no_plan(at)
    assert PAGE.intro in all_text(at)
    assert OUTCOME.plan is not None and VIEW is not None
    assert 3 <= len(OUTCOME.plan.exercises) <= 5
    for planned in OUTCOME.plan.exercises:
        exercise = CONTENT_NOW.exercises[planned.exercise_id]
        card = "\n".join(m.value for m in at.main.get_by_key(f"plan_exercise_{exercise.id}").markdown)
        assert card.startswith(f"### {exercise.name}")
        assert f"**{dose_text(exercise.dose, PAGE)}.**" in card
        assert exercise.easier in card, "pain of 8 starts every exercise the easier way"
        for rule_id in planned.rule_ids:
            assert next(r.because for r in CONTENT_NOW.rules.rules if r.id == rule_id) in card
    text = all_text(at)
    assert PAGE.sessions.format(count=OUTCOME.plan.sessions_per_week) in text
    headings = [h.value for h in at.header]
    assert PAGE.pain_rule_heading in headings
    assert PAGE.pain_rule in text
    for week in PAGE.weeks:
        assert week in text
    for chosen in OUTCOME.tips:
        assert f"**{CONTENT_NOW.tips[chosen.tip_id].title}.**" in text
    assert "urgent" in [link.proto.page for link in at.get("page_link")]


def test_the_shown_share_code_opens_the_same_plan(open_page):
    at = with_plan(open_page(SCRIPT))
    code = shown_code(at)
    assert len(VIEW.tips) > MAX_TIPS, "this plan has more tips than a code carries"
    carried = SharedPlan(tip_ids=VIEW.shared.tip_ids[:MAX_TIPS], exercises=VIEW.shared.exercises)
    assert decode_here(code) == carried, "every exercise at its level, and the best tips"
    opened = open_with_code(code)
    text = all_text(opened)
    for item in VIEW.exercises:
        assert f"### {item.exercise.name}\n\n**{item.dose}.** {item.version}" in text
    for item in VIEW.tips[:MAX_TIPS]:
        assert f"**{item.tip.title}.** {item.tip.summary}" in text
    assert decode_here(shown_code(opened)) == carried


def test_a_valid_code_in_the_address_opens_its_plan_and_leaves_the_address(open_page):
    code = encode(SHARED)
    at = open_with_code(code)
    assert dict(at.query_params) == {}, "the code is taken out of the address at once"
    assert not shows_no_plan(at)
    view = from_shared(OpenedCode(SHARED), CONTENT_NOW.tips, CONTENT_NOW.exercises, PAGE)
    text = all_text(at)
    for item in view.exercises:
        assert f"### {item.exercise.name}\n\n**{item.dose}.** {item.version}" in text
    for item in view.tips:
        assert f"**{item.tip.title}.** {item.tip.summary}" in text
    assert PAGE.pain_rule in text
    assert decode_here(shown_code(at)) == SHARED


def damaged(code: str) -> str:
    """The code with one letter changed (the checksum must notice)."""
    position = len(code) // 2
    while code[position] == "-":
        position += 1
    swap = "A" if code[position] != "A" else "B"
    return code[:position] + swap + code[position + 1 :]


BAD_CODES = {
    "one letter changed": damaged(encode(SHARED)),
    "random words": "hello-there-ZZZZ",
    "a script": "<script>alert(1)</script>",
    "only an exercise the app does not have": encode(
        SharedPlan(tip_ids=(), exercises=(("no-such-move", "easier"),))
    ),
    "only a treatment NICE does not recommend": crafted(["acupuncture"], []),
    "far too long": "BK1-" + "A" * 500,
}


@pytest.mark.parametrize("code", BAD_CODES.values(), ids=BAD_CODES.keys())
def test_a_bad_code_in_the_address_says_so_calmly_and_never_shows_the_code(code):
    with pytest.raises(InvalidShareCode):
        decode_here(code)
    at = open_with_code(code)
    assert [w.body for w in at.warning] == [PAGE.code_invalid]
    assert shows_no_plan(at)
    assert dict(at.query_params) == {}
    text = all_text(at)
    assert code not in text
    assert code.replace("-", "") not in text.replace("-", "")
    assert at.text_input(key="plan_code_typed").value in ("", None), "the code is not copied into the form"
    assert "Traceback" not in text


def test_typing_a_code_into_the_form_opens_the_plan_spaces_and_small_letters_allowed(open_page):
    at = open_page(SCRIPT)
    code = encode(SMALL)
    submit_code(at, code.lower().replace("-", " "))
    assert not shows_no_plan(at)
    assert not at.warning
    assert decode_here(shown_code(at)) == SMALL


def test_typing_a_damaged_code_says_so_and_shows_the_code_only_in_the_box(open_page):
    at = open_page(SCRIPT)
    code = damaged(encode(SMALL))
    submit_code(at, code)
    assert at.session_state["plan_code_typed"] == code
    assert [w.body for w in at.warning] == [PAGE.code_invalid]
    assert shows_no_plan(at)
    assert code not in all_text(at)


def clear_everything(at: AppTest) -> AppTest:
    """Tap the 'clear my answers' button at the foot of the page."""
    at.button(key="clear_everything").click().run()
    assert not at.exception
    return at


def test_clearing_my_answers_takes_the_plan_off_the_screen_at_once(open_page):
    at = with_plan(open_page(SCRIPT))
    at.session_state[Key.TIPS_ANSWERS] = {"emergency": "no", "where": "knee"}
    assert at.button(key="clear_everything").label == CONTENT_NOW.site.clear_label
    clear_everything(at)
    assert CONTENT_NOW.site.cleared in [s.body for s in at.success]
    for key in (Key.PLAN_OUTCOME, Key.PLAN_SHARED, Key.TIPS_ANSWERS):
        assert key not in at.session_state
    assert shows_no_plan(at)
    assert PAGE.exercises_heading not in [h.value for h in at.header]
    assert not at.get("download_button") and not at.get("imgs")


def test_clearing_my_answers_forgets_a_plan_opened_from_a_code_too():
    at = open_with_code(encode(SHARED))
    assert Key.PLAN_SHARED in at.session_state
    clear_everything(at)
    assert Key.PLAN_SHARED not in at.session_state
    assert shows_no_plan(at)


def test_after_an_emergency_sign_the_plan_page_shows_the_emergency_advice_and_no_plan():
    emergency = advise(
        Answers(warning_signs=frozenset({CONTENT_NOW.red_flags.signs(Urgency.EMERGENCY)[0].id})),
        CONTENT_NOW.red_flags,
        CONTENT_NOW.rules,
        CONTENT_NOW.tips,
        CONTENT_NOW.exercises,
    )
    at = open_with_code(encode(SHARED))
    assert not shows_no_plan(at), "a plan opened from a code first"
    at.session_state[Key.PLAN_OUTCOME] = emergency
    at.run()
    assert not at.exception
    group = next(lv for lv in CONTENT_NOW.red_flags.levels if lv.level == Urgency.EMERGENCY)
    [box] = [e.body for e in at.error]
    assert group.heading in box and group.action in box
    assert "urgent" in [link.proto.page for link in at.get("page_link")]
    headings = [h.value for h in at.header]
    assert PAGE.exercises_heading not in headings and PAGE.keep_heading not in headings
    assert not at.get("download_button")


def test_after_a_same_day_sign_the_plan_page_says_get_help_today_and_shows_no_plan(open_page):
    same_day = advise(
        Answers(warning_signs=frozenset({CONTENT_NOW.red_flags.signs(Urgency.URGENT)[0].id})),
        CONTENT_NOW.red_flags,
        CONTENT_NOW.rules,
        CONTENT_NOW.tips,
        CONTENT_NOW.exercises,
    )
    at = open_with_code(encode(SHARED))
    at.session_state[Key.PLAN_OUTCOME] = same_day
    at.run()
    assert not at.exception
    group = next(lv for lv in CONTENT_NOW.red_flags.levels if lv.level == Urgency.URGENT)
    [box] = [w.body for w in at.warning]
    assert group.heading in box and group.action in box
    text = all_text(at)
    assert PAGE.same_day in text
    assert PAGE.pain_rule not in text, "no pain rule before the patient has been checked"
    headings = [h.value for h in at.header]
    assert PAGE.exercises_heading not in headings and PAGE.keep_heading not in headings
    assert not at.get("download_button"), "not even the plan opened from a code before"
    links = [(link.proto.page, link.proto.label) for link in at.get("page_link")]
    for link in PAGE.same_day_links:
        assert (link.page, link.label) in links


def test_a_crafted_code_with_treatments_nice_does_not_recommend_opens_without_them_and_says_so():
    code = crafted(["acupuncture", "walking", "tens"], [("bridge", 1), ("clam", 0)])
    at = open_with_code(code)
    assert not shows_no_plan(at)
    text = all_text(at)
    for refused in ("acupuncture", "tens"):
        assert f"**{CONTENT_NOW.tips[refused].title}.**" not in text, "not under Tips for you"
    assert f"**{CONTENT_NOW.tips['walking'].title}.**" in text
    [note] = [i.body for i in at.info if PAGE.left_out_intro in i.body]
    for refused in ("acupuncture", "tens"):
        assert PAGE.left_out_not_advised.format(title=CONTENT_NOW.tips[refused].title) in note
    assert code not in text
    assert decode_here(shown_code(at)).tip_ids == ("walking",), "the new code holds only what was shown"


def test_the_code_the_page_shows_can_be_typed_into_the_code_box_on_a_phone(open_page):
    code = shown_code(with_plan(open_page(SCRIPT)))
    phone = submit_code(open_page(SCRIPT), code)
    assert not shows_no_plan(phone)
    assert decode_here(shown_code(phone)) == decode_here(code)


def test_after_a_routine_sign_the_plan_says_to_book_a_gp_or_physio(open_page):
    routine = advise(
        Answers(warning_signs=frozenset({CONTENT_NOW.red_flags.signs(Urgency.ROUTINE)[0].id})),
        CONTENT_NOW.red_flags,
        CONTENT_NOW.rules,
        CONTENT_NOW.tips,
        CONTENT_NOW.exercises,
    )
    at = open_page(SCRIPT)
    at.session_state[Key.PLAN_OUTCOME] = routine
    at.run()
    note = CONTENT_NOW.page("tips", TipsPage).routine_note
    assert note in [i.body for i in at.info]


def test_the_first_day_and_time_chosen_for_the_calendar_come_back_after_another_page(open_page):
    """The calendar file is made from these two boxes when its button is tapped (AppTest cannot
    tap a download), so the boxes showing the choice is what the file will use."""
    at = with_plan(open_page(SCRIPT))
    first_day = date.today() + timedelta(days=10)
    at.date_input(key="plan_start").set_value(first_day).run()
    at.time_input(key="plan_time").set_value(time(18, 30)).run()
    away_and_back(at, SCRIPT)
    assert at.date_input(key="plan_start").value == first_day
    assert at.time_input(key="plan_time").value == time(18, 30)
