"""What the AppTest tests share: the app's entry point, the pages it registers, and the text
on a page. The fixtures are in conftest.py."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from streamlit.testing.v1 import AppTest

from backknee.content.loader import load_content
from backknee.ui.pages import page_script
from tests.paths import CONTENT, ROOT

APP = str(ROOT / "app.py")


def registered_pages(kiosk: bool = False) -> list[str]:
    """The page scripts that app.py hands to st.navigation: one per entry of the menu in
    content/site.yaml (a kiosk's welcome page only on a kiosk)."""
    return [page_script(item.page) for item in load_content(CONTENT).site.menu if kiosk or not item.kiosk]


def all_text(at: AppTest) -> str:
    """Every piece of text on the page, joined, for 'does the patient see X' checks."""
    parts = [
        e.value for kind in ("title", "header", "subheader", "markdown", "caption") for e in getattr(at, kind)
    ]
    parts += [e.body for e in at.info]
    return "\n".join(str(p) for p in parts)


SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Picture:
    """A chart as the page sent it: an SVG picture (backknee/charts/svg.py)."""

    markup: str
    root: ET.Element

    @property
    def alt(self) -> str:
        """Its words for a screen reader."""
        return self.root.get("aria-label", "")

    @property
    def frames(self) -> int:
        """How many frames it plays (0 for a still picture)."""
        return sum(1 for g in self.root.iter(f"{SVG}g") if g.get("class") == "bk-frame")

    @property
    def tappable(self) -> int:
        """How many of its marks answer a tap (the cycle's steps)."""
        return sum(1 for g in self.root.iter(f"{SVG}g") if g.get("data-bk-step") is not None)

    def bold(self) -> list[str]:
        """The words it writes in bold."""
        return [t.text or "" for t in self.root.iter(f"{SVG}tspan") if t.get("font-weight") == "bold"]


def pictures(at: AppTest) -> dict[str, Picture]:
    """Every chart on the page, by its id (each is a Markdown element holding one SVG picture:
    backknee/ui/figures.py)."""
    found = {}
    for element in at.markdown:
        body = element.value
        if "<svg" not in body:
            continue
        markup = body[body.index("<svg") : body.rindex("</svg>") + len("</svg>")]
        root = ET.fromstring(markup)
        found[root.get("id", "")] = Picture(markup, root)
    return found


def away_and_back(at: AppTest, script: str, away: str = "app_pages/home.py") -> AppTest:
    """Go to another page and come back, as a patient does through the menu: Streamlit
    forgets the widgets of a page it does not draw, so this is where a choice can be lost."""
    at.switch_page(away).run()
    assert not at.exception
    at.switch_page(script).run()
    assert not at.exception
    return at
