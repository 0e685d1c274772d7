"""What every page shares: the style and scripts, the urgent-help notice, the footer, the
clinic's contact block, source lines, tiles, and the calm page shown when something is wrong."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import ParamSpec, TypeVar

import streamlit as st

from backknee.content.base import ExplainsMethod, Fact, PageLink
from backknee.content.loader import Content, ReviewDate
from backknee.content.pages.about import AboutPage
from backknee.content.pages.home import Tile
from backknee.content.shared import Reference, Site, WarningSign
from backknee.errors import ContentError
from backknee.ui.pages import page_script
from backknee.ui.state import Cards, Element, Key, card, clear_answers
from backknee.vocab import Urgency
from backknee.words.dates import uk_date

log = logging.getLogger("backknee")

# The calm page cannot take its words from content/: it is shown when content/ is broken.
UPDATING_HEADING = "This guide is being updated"
UPDATING_TEXT = (
    "Sorry, this guide is not available just now. Please ask a member of staff, "
    "or try again later.\n\n"
    "If you feel very unwell, call **999**. For urgent advice, call **NHS 111**."
)


@cache
def _asset(name: str) -> str:
    return (Path(__file__).parent / "assets" / name).read_text(encoding="utf-8")


SCRIPTS = ("touch.js", "kiosk.js")
"""Our scripts in assets/, in the order they run: the touch-screen fixes, then the kiosk reset."""


def apply_style() -> None:
    """Shared by every page: touch-friendly sizes and print rules (style.css), the touch-screen
    fixes (touch.js) and the shared-tablet reset (kiosk.js)."""
    # Our own fixed style and scripts, never text from a patient, a URL or a content file.
    st.html(_page_assets(), unsafe_allow_javascript=True)


@cache
def _page_assets() -> str:
    # One <script>: each file is a self-contained function, run once per page load.
    script = "\n".join(_asset(name) for name in SCRIPTS)
    return f"<style>{_asset('style.css')}</style><script>{script}</script>"


def show_updating_page(error: BaseException) -> None:
    """Show the calm 'being updated' page and log the details for staff, never for the patient."""
    log_error(error)
    st.title(UPDATING_HEADING)
    st.markdown(UPDATING_TEXT)


def log_error(error: BaseException) -> None:
    """Log what went wrong for staff; the patient is shown the calm message instead."""
    if isinstance(error, ContentError):
        log.error("Content problems, showing the 'being updated' page:\n%s", error)
    else:
        log.error("A page failed, showing the 'being updated' message", exc_info=error)


P = ParamSpec("P")


def calm_fragment(body: Callable[P, None]) -> Callable[P, None]:
    """`st.fragment`, except that an error inside shows the calm message, never a traceback.

    A fragment reruns on its own when its widgets change, outside app.py's guard, so it
    needs a guard of its own.
    """

    @functools.wraps(body)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            body(*args, **kwargs)
        except Exception as error:  # a patient must never see a traceback
            log_error(error)
            st.warning(f"**{UPDATING_HEADING}.** {UPDATING_TEXT}")

    return st.fragment(guarded)


def urgent_notice(site: Site) -> None:
    """A short notice, one tap from the warning signs."""
    with st.container(border=True, key=Element.URGENT_NOTICE):
        st.markdown(f"⚠️ {site.urgent_notice}")
        urgent_link(site)


def urgent_link(site: Site) -> None:
    """The link to the warning signs."""
    st.page_link(page_script("urgent"), label=site.urgent_link_label, icon="🚑")


def footer(site: Site) -> None:
    """The small print, and the button that clears everything (for a shared tablet)."""
    # The rule and the small print in one element: each element costs time on every rerun.
    st.markdown(f"---\n\n:small[{site.footer}]")
    if st.session_state.pop(Key.CLEARED, False):
        st.success(site.cleared, icon="✅")
    st.button(site.clear_label, key=Key.CLEAR_EVERYTHING, on_click=clear_answers, icon="🧹")


def sources(label: str, references: list[Reference]) -> None:
    """A short line naming the sources of a claim; the full list is on the About page."""
    st.caption(sources_line(label, references))


def sources_line(label: str, references: list[Reference]) -> str:
    """The same line as text, to go inside a larger element."""
    return f"{label}: {'; '.join(ref.short for ref in references)}"


def fact_card(fact: Fact, content: Content, sources_label: str) -> None:
    """A fact with its sources as one element: the card never changes, and every element
    costs time on each rerun."""
    st.markdown(
        f"### {fact.headline}\n\n{fact.text}\n\n"
        f":small[{sources_line(sources_label, content.cite(fact.references))}]"
    )


T = TypeVar("T")


def cards(items: Sequence[T], key_prefix: Cards | None = None) -> Iterator[T]:
    """Yield each item inside a bordered card, two cards to a row (one on a phone), each
    row of equal height. With a key prefix, card n gets the CSS class st-key-<prefix>_<n>."""
    for row_start in range(0, len(items), 2):
        for number, (column, item) in enumerate(
            zip(st.columns(2), items[row_start : row_start + 2], strict=False), start=row_start + 1
        ):
            key = card(key_prefix, number) if key_prefix else None
            with column, st.container(border=True, height="stretch", key=key):
                yield item


def facts(items: list[Fact], content: Content, sources_label: str) -> None:
    """Fact cards, two to a row."""
    for fact in cards(items):
        fact_card(fact, content, sources_label)


def tiles(items: list[Tile], site: Site) -> None:
    """Large tiles to the other pages, named as in the menu. The whole card is the link."""
    menu = {item.page: item for item in site.menu}
    for tile in cards(items, key_prefix=Cards.TILE):
        entry = menu[tile.page]
        st.page_link(page_script(tile.page), label=f"**{entry.title}**", icon=entry.icon)
        st.markdown(tile.text)


def page_link(link: PageLink) -> None:
    """A link to another page of the guide, by the page's id."""
    st.page_link(page_script(link.page), label=link.label, icon="➡️")


def how_we_worked_this_out(page: ExplainsMethod, content: Content, sources_label: str) -> None:
    """The method, assumptions and sources of a page's numbers, folded away until asked for."""
    with st.expander(page.method_heading, icon="🧮"):
        st.markdown("\n\n".join(f"**{section.heading}**\n\n{section.body}" for section in page.method))
        sources(sources_label, content.cite(page.method_references))


def warning_sign_lines(signs: Iterable[WarningSign]) -> str:
    """Warning signs as a Markdown list; a sign with several parts lists them underneath."""
    return "\n".join(
        f"- {sign.text}" + "".join(f"\n    - {detail}" for detail in sign.details) for sign in signs
    )


def warning_level(content: Content, level: Urgency) -> None:
    """One level of the warning signs as a coloured box: what to do, and the link to them all."""
    group = next(lv for lv in content.red_flags.levels if lv.level == level)
    box = st.error if level == Urgency.EMERGENCY else st.warning
    box(f"### {group.icon} {group.heading}\n\n{group.action}")
    urgent_link(content.site)


def clinic_contact(content: Content) -> None:
    """How to reach the clinic: address, phone, booking, and the kiosk line."""
    clinic = content.clinic
    with st.container(border=True, key=Element.CLINIC_CONTACT):
        st.subheader(content.site.contact_heading)
        st.markdown(f"**{clinic.name}**  \n" + "  \n".join(clinic.address))
        st.link_button(f"{clinic.call_label}: {clinic.phone}", clinic.phone_link, icon="📞")
        st.caption(clinic.phone_hours)
        st.link_button(clinic.booking_label, clinic.booking_url, icon="📅")
        st.info(clinic.kiosk_line, icon="💬")


def reference_lines(references: Iterable[Reference]) -> str:
    """Every source, numbered, with a link where it has one and any caution in plain words."""
    lines = []
    for number, ref in enumerate(references, start=1):
        line = f"{number}. {ref.citation}"
        if ref.link:
            line += f" [{ref.link.removeprefix('https://')}]({ref.link})"
        if ref.note:
            line += f"  \n   _{ref.note}_"
        lines.append(line)
    return "\n".join(lines)


def review_lines(reviews: Iterable[ReviewDate], page: AboutPage, today: date) -> str:
    """When each content file was last changed, who checked it, and when the next check is
    due: a list rather than a table, so it reads on a phone without scrolling sideways."""
    return "\n".join(
        f"- **{review.file}**: {page.reviewed_label} {uk_date(review.reviewed)}. "
        f"{page.checked_by_label}: {review.reviewed_by or page.not_checked}. "
        f"{page.due_label} {uk_date(review.review_due)}"
        + (f" {page.overdue_label}" if review.review_due < today else "")
        + "."
        for review in reviews
    )
