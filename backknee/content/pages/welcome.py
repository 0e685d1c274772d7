"""content/pages/welcome.yaml: the first screen on a shared clinic tablet (kiosk mode only)."""

from __future__ import annotations

from pydantic import Field, model_validator

from backknee.content.base import Page, Text, unique
from backknee.content.pages.home import Tile


class WelcomePage(Page):
    """Large tiles to the main pages, one line each; shown instead of home on a kiosk."""

    tiles: list[Tile] = Field(min_length=1, max_length=6)
    privacy: Text
    """How the tablet forgets: said before the patient starts."""

    @model_validator(mode="after")
    def _one_tile_per_page(self) -> WelcomePage:
        unique([tile.page for tile in self.tiles], "tile page")
        return self
