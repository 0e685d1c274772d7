"""What every page shares: the style and scripts, the urgent-help notice, the footer, the
clinic's contact block, source lines, tiles, and the calm page shown when something is wrong."""

from __future__ import annotations

import base64
import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from functools import cache
from html import escape
from pathlib import Path
from typing import ParamSpec, TypeVar

import streamlit as st

from backknee.content.base import ExplainsMethod, Fact, PageLink
from backknee.content.loader import Content, ReviewDate
from backknee.content.pages.about import AboutPage
from backknee.content.pages.home import Tile
from backknee.content.shared import Reference, Site, WarningSign
from backknee.errors import ContentError
from backknee.settings import settings
from backknee.ui.pages import link_target, page_script
from backknee.ui.state import Cards, Element, Key, card, clear_answers, forget_everything
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


STATIC = Path(__file__).resolve().parents[2] / "static"


def _favicon() -> str:
    # What Streamlit makes of an SVG file, made once here: given the file, set_page_config
    # reads and encodes it again on every rerun (0.7 ms of a simple page's 10).
    svg = (STATIC / "favicon.svg").read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


FAVICON = _favicon()
"""A local picture as a data address: an emoji favicon is an empty box without a colour-emoji font."""

SCRIPTS = ("touch.js",)
"""Our scripts for every page, in static/ (Streamlit serves that folder at app/static/)."""
KIOSK_SCRIPTS = ("kiosk.js",)
"""Scripts only a shared clinic tablet gets: the idle warning and reset."""


def apply_style() -> None:
    """Shared by every page, first: touch-friendly sizes and print rules (style.css).

    Style alone, so Streamlit keeps it out of the page's flow: an element in the flow takes
    room until Streamlit's code for it has loaded, then gives it back, and everything below
    it jumps up as the page loads (a layout shift, which Lighthouse scores)."""
    # Our own fixed style, never text from a patient, a URL or a content file.
    st.html(f"<style>{_asset('style.css')}</style>")


def page_scripts(site: Site) -> None:
    """Shared by every page, last: the touch-screen fixes (touch.js) and the menu button's
    word for it. At the end, so nothing on the page moves while they load."""
    # Each script is a file, never inline, so the proxy's Content-Security-Policy can refuse
    # every inline script (deploy/nginx/security-headers.conf).
    st.html(_page_assets(site), unsafe_allow_javascript=True)


RECONNECT_CHECK = timedelta(hours=1)
"""How often the empty fragment below reruns by itself: rarely, since its work is the rerun
Streamlit's page asks for when it reconnects."""


@st.fragment(run_every=RECONNECT_CHECK)
def _redraw_after_reconnect() -> None:
    """Nothing to draw: that this fragment reruns by itself is what counts.

    After a lost connection, Streamlit's page asks for a fresh run only if something on it
    reruns by itself; otherwise it shows the old page until the next tap. When the session is
    gone (its server process stopped, or a kiosk's short disconnectedSessionTTL ran out), the
    process it reconnects to has a new, empty session: with this fragment the page is redrawn
    from that fresh start at once, so what a patient sees is what the server holds.
    """


def redraw_after_reconnect() -> None:
    """Call once per run, on every page."""
    _redraw_after_reconnect()


def _root() -> str:
    """The app's address on its host: '/', or '/<base>/' behind a proxy's sub-path."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/" if base else "/"


def _script_tags(names: Iterable[str]) -> str:
    return "".join(f'<script src="{_root()}app/static/{name}"></script>' for name in names)


def _page_assets(site: Site) -> str:
    word = f'<div id="bk-menu-label" hidden data-label="{escape(site.menu_label)}"></div>'
    return word + _script_tags(SCRIPTS)


def menu_label(site: Site) -> None:
    """The word on the phone's menu button (below 768 px the menu is a drawer behind it): shown
    by style, and made the button's name by touch.js (page_scripts hands it the word)."""
    # In a CSS string only letters, digits, spaces and dashes: nothing can end the string.
    css = "".join(c for c in site.menu_label if c.isalnum() or c in " -")
    st.html(f'<style>[data-testid="stExpandSidebarButton"]::after {{ content: "{css}"; }}</style>')


def kiosk_mode() -> bool:
    """True on a shared clinic tablet: set by the server (backknee/settings.py), never a URL."""
    return settings().kiosk


def kiosk_bar(site: Site) -> None:
    """On a shared tablet: the Start again button, always on screen, and the idle guard that
    asks "Are you still there?" and then clears everything for the next person."""
    kiosk = site.kiosk
    with st.container(key=Element.KIOSK_BAR):
        tapped = st.button(
            kiosk.start_again, key=Key.KIOSK_START_AGAIN, icon=":material/restart_alt:", type="primary"
        )
        if tapped:
            forget_everything()
            st.switch_page(page_script("welcome"))
    words = {
        "idle": settings().idle_seconds,
        "warning": settings().warning_seconds,
        "heading": kiosk.still_there_heading,
        "text": kiosk.still_there_text,
        "button": kiosk.still_here,
        "home": _root(),
    }
    attributes = " ".join(f'data-{name}="{escape(str(value))}"' for name, value in words.items())
    # The words are the clinic's (content/site.yaml), escaped; the numbers are the server's.
    st.html(
        f'<style>{_asset("kiosk.css")}</style><div id="bk-kiosk" hidden {attributes}></div>'
        + _script_tags(KIOSK_SCRIPTS),
        unsafe_allow_javascript=True,
    )


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
    """One slim line at the top of the page that is itself the link to the warning signs: one
    tap, and a link to a screen reader. It leaves the first screen to the picture."""
    with st.container(key=Element.URGENT_NOTICE):
        st.page_link(link_target("urgent"), label=site.urgent_line, icon=":material/emergency:")


def urgent_link(site: Site) -> None:
    """The link to the warning signs."""
    st.page_link(link_target("urgent"), label=site.urgent_link_label, icon=":material/emergency:")


def footer(site: Site) -> None:
    """The small print, and the button that clears everything (for a shared tablet)."""
    # The rule and the small print in one element: each element costs time on every rerun.
    st.markdown(f"---\n\n:small[{site.footer}]")
    if st.session_state.pop(Key.CLEARED, False):
        st.success(site.cleared, icon=":material/check_circle:")
    st.button(site.clear_label, key=Key.CLEAR_EVERYTHING, on_click=clear_answers, icon=":material/delete:")


def sources(label: str, references: list[Reference]) -> None:
    """A short line naming the sources of a claim; the full list is on the About page."""
    st.caption(sources_line(label, references))


def sources_line(label: str, references: list[Reference]) -> str:
    """The same line as text, to go inside a larger element."""
    return f"{label}: {'; '.join(ref.short for ref in references)}"


def small_sources(label: str, references: list[Reference]) -> str:
    """The same line in small print, as Markdown: the last line of an element that holds its
    claim and its sources together (every element costs time on each rerun)."""
    return f":small[{sources_line(label, references)}]"


def fact_card(fact: Fact, content: Content, sources_label: str) -> None:
    """A fact with its sources as one element: the card never changes, and every element
    costs time on each rerun."""
    st.markdown(
        f"### {fact.headline}\n\n{fact.text}\n\n{small_sources(sources_label, content.cite(fact.references))}"
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
        st.page_link(link_target(tile.page), label=f"**{entry.title}**", icon=entry.icon)
        st.markdown(tile.text)


def page_link(link: PageLink) -> None:
    """A link to another page of the guide, by the page's id."""
    st.page_link(link_target(link.page), label=link.label, icon=":material/arrow_forward:")


def how_we_worked_this_out(page: ExplainsMethod, content: Content, sources_label: str) -> None:
    """The method, assumptions and sources of a page's numbers, folded away until asked for."""
    with st.expander(page.method_heading, icon=":material/calculate:"):
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
        if kiosk_mode():  # a shared tablet opens no other site and dials no number
            st.markdown(
                f"**{clinic.call_label}: {clinic.phone}**  \n{clinic.phone_hours}\n\n"
                f"{clinic.booking_label}: {_as_text(clinic.booking_url)}"
            )
        else:
            st.link_button(f"{clinic.call_label}: {clinic.phone}", clinic.phone_link, icon=":material/call:")
            st.caption(clinic.phone_hours)
            st.link_button(clinic.booking_label, clinic.booking_url, icon=":material/calendar_month:")
        st.info(clinic.kiosk_line, icon=":material/support_agent:")


def reference_lines(references: Iterable[Reference]) -> str:
    """Every source, numbered, with a link where it has one and any caution in plain words."""
    lines = []
    for number, ref in enumerate(references, start=1):
        line = f"{number}. {ref.citation}"
        if ref.link and kiosk_mode():
            line += f" {_as_text(ref.link)}"
        elif ref.link:
            line += f" [{ref.link.removeprefix('https://')}]({ref.link})"
        if ref.note:
            line += f"  \n   _{ref.note}_"
        lines.append(line)
    return "\n".join(lines)


def _as_text(address: str) -> str:
    """A web address as words that no browser turns into a link (for a shared tablet)."""
    # Markdown turns no address inside a code span into a link.
    return "`" + address.removeprefix("https://").removeprefix("http://").rstrip("/") + "`"


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
