"""The guided explorer (one question per screen, Back and Next) and the browse-all-tips mode.

Answers live in the session only (`Key.TIPS_ANSWERS`): never in the URL, never stored.
Each widget has its own key and copies its value into the answers when it changes, so an
answer survives moving between screens (Streamlit forgets a widget that is not drawn).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any

import streamlit as st

from backknee.content.base import Labels
from backknee.content.items import Tip
from backknee.content.loader import Content
from backknee.content.pages.tips import TipCardWords, TipsPage
from backknee.explorer.advisor import (
    DEFAULT_EQUIPMENT,
    MINUTES_CHOICES,
    ChosenTip,
    Outcome,
    OutcomeKind,
    advise,
)
from backknee.explorer.screens import (
    NO,
    QUESTIONS,
    SAFETY,
    YES,
    Screen,
    answers_from,
    can_continue,
    filter_tips,
    next_screen,
    peg_score,
    previous_screen,
)
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.ui.state import PEG_ANSWERS, Answer, Element, Key, TipList, answer_widget, start_again, tip_box
from backknee.vocab import Confidence, Difficulty, Grade, Joint, Prop, Setting, TipKind, Urgency
from backknee.words.evidence import verdict_text

STOPPING = (Screen.EMERGENCY.value, Screen.URGENT.value)
"""The safety questions whose Yes ends the explorer (emergency, and same day)."""


def _store() -> dict[str, Any]:
    store: dict[str, Any] = st.session_state.setdefault(Key.TIPS_ANSWERS, {})
    return store


def _remember(name: Answer) -> None:
    _store()[name] = st.session_state[answer_widget(name)]
    # Any changed answer makes the last outcome out of date: the plan page must not show a
    # plan for answers the patient has since changed (say, a Yes to the emergency signs).
    st.session_state.pop(Key.PLAN_OUTCOME, None)
    if name in STOPPING and _store()[name] == YES:
        # A Yes that stops the explorer counts at once, before Next is tapped: until then no
        # page may show a plan, not even one opened earlier from a code.
        _outcome(get_content())


def _prefill(name: Answer) -> str:
    """The widget key for an answer, filled with the stored answer before it is drawn."""
    key = answer_widget(name)
    if key not in st.session_state and name in _store():
        st.session_state[key] = _store()[name]
    return key


def _go(screen: Screen) -> None:
    st.session_state[Key.TIPS_SCREEN] = screen.value


@chrome.calm_fragment
def explorer(page: TipsPage, content: Content) -> None:
    """The choice of guided or browse, and the one chosen."""
    st.segmented_control(
        page.mode_label,
        ["guided", "browse"],
        format_func=lambda mode: page.guided_label if mode == "guided" else page.browse_label,
        key=Key.TIPS_MODE,
        required=True,
        default="guided",
    )
    screen = st.session_state.get(Key.TIPS_SCREEN)
    outcome = st.session_state.get(Key.PLAN_OUTCOME)
    stopped = screen in (Screen.STOP.value, Screen.TODAY.value) or (
        isinstance(outcome, Outcome) and outcome.kind != OutcomeKind.PLAN
    )
    # For a patient coming back to their plan; never beside the emergency or same-day advice.
    # Its place stays when it goes: a Yes to those signs hides it at once, and if everything
    # below moved up one place, the rerun would show the old question beside the new one.
    with st.container(key=Element.TIPS_PLAN_LINK):
        if not stopped:
            chrome.page_link(page.plan_link)
    if st.session_state.get(Key.TIPS_MODE) == "browse":
        browse(page, content)
    else:
        guided(page, content)


def guided(page: TipsPage, content: Content) -> None:
    """The explorer: the screen shown, then Back, Next and Start again."""
    screen = Screen(st.session_state.setdefault(Key.TIPS_SCREEN, Screen.EMERGENCY.value))
    store = _store()
    if screen in QUESTIONS:
        st.caption(page.progress.format(step=QUESTIONS.index(screen) + 1, total=len(QUESTIONS)))
        st.progress((QUESTIONS.index(screen) + 1) / len(QUESTIONS))
    with st.container(border=True, key=Element.TIPS_SCREEN_BOX):
        if screen in SAFETY:
            _safety(page, content, screen)
        elif screen == Screen.WHERE:
            _where(page)
        elif screen == Screen.HARD:
            _hard(page)
        elif screen == Screen.SUITS:
            _suits(page)
        elif screen == Screen.STOP:
            _stop(page, content)
        elif screen == Screen.TODAY:
            _today(page, content)
        else:
            _result(page, content)
    with st.container(horizontal=True, key=Element.TIPS_NAV):
        if screen != Screen.EMERGENCY:
            st.button(
                f"← {page.back_label}", key=Key.TIPS_BACK, on_click=_go, args=(previous_screen(screen),)
            )
        if screen in QUESTIONS:
            st.button(
                f"{page.next_label} →",
                key=Key.TIPS_NEXT,
                type="primary",
                disabled=not can_continue(screen, store),
                on_click=_go,
                args=(next_screen(screen, store),),
            )
        if not chrome.kiosk_mode():  # a kiosk's own Start again, always on screen, does this and more
            st.button(page.start_again_label, key=Key.TIPS_START_AGAIN, on_click=start_again)


def _safety(page: TipsPage, content: Content, screen: Screen) -> None:
    st.header(page.safety_heading)
    st.markdown(page.safety_intro)
    level = SAFETY[screen]
    group = next(lv for lv in content.red_flags.levels if lv.level == level)
    question = {
        Urgency.EMERGENCY: page.emergency_question,
        Urgency.URGENT: page.urgent_question,
        Urgency.ROUTINE: page.routine_question,
    }[level]
    st.markdown(
        f"**{content.red_flags.back_label}**\n\n"
        + chrome.warning_sign_lines(group.back)
        + f"\n\n**{content.red_flags.knee_label}**\n\n"
        + chrome.warning_sign_lines(group.knee)
    )
    _ask(Answer(screen.value), question, [YES, NO], lambda v: page.yes_label if v == YES else page.no_label)


def _ask(
    name: Answer,
    label: str,
    options: Sequence[object],
    words: Callable[[Any], str] = str,
    many: bool = False,
) -> None:
    """One question as large buttons whose answer is kept in the session's answers: one
    choice (a segmented control) or several (pills)."""
    common: dict[str, Any] = {
        "format_func": words,
        "key": _prefill(name),
        "on_change": _remember,
        "args": (name,),
    }
    if many:
        st.pills(label, list(options), selection_mode="multi", **common)
    else:
        st.segmented_control(label, list(options), **common)


def _ask_kind(name: Answer, label: str, kinds: Iterable[StrEnum], labels: Labels, many: bool = False) -> None:
    """A question whose answers are values of a fixed list, each shown in the page's words."""
    words = {kind.value: labels.of(kind) for kind in kinds}
    _ask(name, label, list(words), words.__getitem__, many=many)


def _where(page: TipsPage) -> None:
    st.header(page.where_heading)
    _ask_kind(Answer.WHERE, page.where_question, Joint, page.where_labels)
    st.toggle(page.peg_label, key=_prefill(Answer.USE_PEG), on_change=_remember, args=(Answer.USE_PEG,))
    if _store().get(Answer.USE_PEG):
        st.caption(page.peg_help)
        for name, question in zip(PEG_ANSWERS, page.peg_questions, strict=True):
            _ask(name, question, range(11))
        parts = [_store().get(name) for name in PEG_ANSWERS]
        if all(isinstance(p, int) for p in parts):
            st.markdown(page.peg_result.format(score=peg_score(*parts)))  # type: ignore[arg-type]
    else:
        _ask(Answer.PAIN, page.pain_question, range(11))
        st.caption(page.pain_help)


def _hard(page: TipsPage) -> None:
    st.header(page.hard_heading)
    _ask_kind(Answer.HARD, page.hard_question, Difficulty, page.hard_labels, many=True)


def _suits(page: TipsPage) -> None:
    st.header(page.suits_heading)
    _ask_kind(Answer.SETTINGS, page.settings_question, Setting, page.setting_labels, many=True)
    if Answer.EQUIPMENT not in _store():
        _store()[Answer.EQUIPMENT] = sorted(p.value for p in DEFAULT_EQUIPMENT)
    props = [p for p in Prop if p != Prop.NONE]
    _ask_kind(Answer.EQUIPMENT, page.equipment_question, props, page.equipment_labels, many=True)
    _ask(
        Answer.MINUTES, page.minutes_question, MINUTES_CHOICES, lambda m: page.minutes_label.format(minutes=m)
    )
    _ask_kind(Answer.CONFIDENCE, page.confidence_question, Confidence, page.confidence_labels)


def _outcome(content: Content) -> Outcome:
    answers = answers_from(_store(), content.red_flags)
    found = advise(answers, content.red_flags, content.rules, content.tips, content.exercises)
    st.session_state[Key.PLAN_OUTCOME] = found
    return found


def _stop(page: TipsPage, content: Content) -> None:
    _outcome(content)
    group = next(lv for lv in content.red_flags.levels if lv.level == Urgency.EMERGENCY)
    st.header(f"{group.icon} {page.emergency_result_heading}")
    st.error(page.emergency_result_text)
    chrome.urgent_link(content.site)


def _today(page: TipsPage, content: Content) -> None:
    """After a Yes to the same-day signs: what to do today, first and plainly; then, calmly,
    what the patient may look at once they have been checked. Nothing is prescribed."""
    _outcome(content)
    group = next(lv for lv in content.red_flags.levels if lv.level == Urgency.URGENT)
    st.header(f"{group.icon} {page.same_day_heading}")
    st.warning(f"**{group.heading}**\n\n{group.action}")
    chrome.urgent_link(content.site)
    st.markdown(page.same_day_text)
    st.subheader(page.once_checked_heading)
    st.markdown(page.once_checked_text)
    st.button(page.browse_button, key=Key.TIPS_BROWSE_ONCE_CHECKED, on_click=_browse)
    chrome.page_link(page.exercises_link)


def _browse() -> None:
    st.session_state[Key.TIPS_MODE] = "browse"


def _result(page: TipsPage, content: Content) -> None:
    found = _outcome(content)
    if found.notes:
        st.info(page.routine_note)
    st.header(page.result_heading)
    st.markdown(page.result_intro)
    chrome.page_link(page.plan_link)
    for chosen in found.tips:
        tip = content.tips[chosen.tip_id]
        reasons = list(content.rules.reasons(chosen.rule_ids))
        tip_card(tip, page.card, content, page.sources_label, reasons, key=tip_box(TipList.RESULT, tip.id))
    if found.more_tips:
        # Shown, not folded away: what the patient told us is here even when NICE backs other
        # tips more strongly.
        st.markdown(
            f"### {page.more_heading}\n\n"
            + "\n".join(_more_line(chosen, content) for chosen in found.more_tips)
        )


def _more_line(chosen: ChosenTip, content: Content) -> str:
    tip = content.tips[chosen.tip_id]
    reasons = " ".join(content.rules.reasons(chosen.rule_ids))
    return f"- **{tip.title}.** {tip.summary} *{reasons}*"


def tip_card(
    tip: Tip,
    words: TipCardWords,
    content: Content,
    sources_label: str,
    reasons: list[str],
    key: str,
) -> None:
    """One tip: its title, summary, why it was chosen, what NICE says for each joint, and
    how to do it (folded away). The key is the card's box: state.tip_box."""
    with st.container(border=True, key=key):
        labels = {Joint.BACK: words.back_label, Joint.KNEE: words.knee_label}
        grades = "  \n".join(
            f"{labels[joint]} ({verdict.guideline}): "
            + verdict_text(verdict, words.grades, words.recommendation, words.summary_note)
            + (f"  \n:small[{verdict.also}]" if verdict.also else "")
            for joint, verdict in tip.evidence.verdicts
        )
        tags = [words.minutes.format(minutes=tip.tags.minutes_per_day)] if tip.tags.minutes_per_day else []
        if tip.tags.at_home:
            tags.append(words.at_home)
        st.markdown(
            f"### {tip.title}\n\n{tip.summary}\n\n"
            + "".join(f"- *{reason}*\n" for reason in reasons)
            + f"\n**{words.evidence_label}**  \n{grades}\n\n"
            + (f":small[{' · '.join(tags)}]" if tags else "")
        )
        with st.expander(words.how_label):
            st.markdown(
                f"**{words.why_label}.** {tip.why}\n\n"
                + "\n".join(f"{n}. {step}" for n, step in enumerate(tip.steps, start=1))
                + (
                    f"\n\n**{words.cautions_label}**\n\n" + "\n".join(f"- {c}" for c in tip.cautions)
                    if tip.cautions
                    else ""
                )
                + f"\n\n{chrome.small_sources(sources_label, content.cite(tip.references))}"
            )
            for link in tip.why_links:
                chrome.page_link(link)


def browse(page: TipsPage, content: Content) -> None:
    """Every tip, with filters; then the treatments this guide does not recommend."""
    st.header(page.browse_heading)
    st.markdown(page.browse_intro)
    st.segmented_control(
        page.joint_filter_label,
        [j.value for j in Joint],
        format_func=lambda v: page.where_labels.of(Joint(v)),
        key=Key.TIPS_FILTER_JOINT,
    )
    kinds = [k for k in TipKind if k != TipKind.OTHER_TREATMENT]
    st.pills(
        page.kind_filter_label,
        [k.value for k in kinds],
        format_func=lambda v: page.kind_labels.of(TipKind(v)),
        selection_mode="multi",
        key=Key.TIPS_FILTER_KIND,
    )
    st.pills(
        page.grade_filter_label,
        [g.value for g in (Grade.OFFER, Grade.CONSIDER, Grade.NOT_COVERED)],
        format_func=lambda v: page.card.grades.of(Grade(v)),
        selection_mode="multi",
        key=Key.TIPS_FILTER_GRADE,
    )
    st.toggle(page.home_filter_label, key=Key.TIPS_FILTER_HOME)
    shown = filter_tips(
        list(content.tips.values()),
        joint=st.session_state.get(Key.TIPS_FILTER_JOINT),
        kinds=st.session_state.get(Key.TIPS_FILTER_KIND) or [],
        grades=st.session_state.get(Key.TIPS_FILTER_GRADE) or [],
        at_home_only=bool(st.session_state.get(Key.TIPS_FILTER_HOME)),
    )
    if not shown:
        st.info(page.no_results)
    for tip in shown:
        tip_card(tip, page.card, content, page.sources_label, [], key=tip_box(TipList.BROWSE, tip.id))
    st.header(page.other_heading)
    st.markdown(page.other_intro)
    for tip in (t for t in content.tips.values() if not t.recommendable):
        tip_card(tip, page.card, content, page.sources_label, [], key=tip_box(TipList.OTHER, tip.id))
    chrome.page_link(page.evidence_link)
