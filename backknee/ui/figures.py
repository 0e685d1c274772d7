"""Figures that are built once and shown many times, and the one way a still chart is shown."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from backknee.charts.style import CHART_CONFIG


class PreparedFigure(go.Figure):  # type: ignore[misc]  # plotly has no type hints
    """A figure whose plain form is worked out once.

    `st.plotly_chart` turns every figure it is given into a plain dict with `to_dict()`, a
    deep copy that cost about 3 ms for the cycle on each rerun. A figure that never changes
    (one kept in `st.cache_resource`) can hand over the same dict every time: Streamlit only
    reads it to write the chart's JSON. Do not change a prepared figure after making it.
    """

    def __init__(self, figure: go.Figure) -> None:
        super().__init__(figure)
        self._prepared: dict[str, Any] = figure.to_dict()

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> PreparedFigure:
        """A prepared figure straight from a plain spec, skipping plotly's checks (about 15 ms
        for the posture figure, and 1.4 ms even for an empty Figure). Only for specs whose
        builder is tested through a checked `go.Figure(spec)`; `st.plotly_chart` reads
        nothing but `to_dict()`."""
        prepared: PreparedFigure = cls.__new__(cls)
        prepared._prepared = spec
        return prepared

    def to_dict(self) -> dict[str, Any]:
        """The plain form worked out when the figure was made (the same dict every time)."""
        return self._prepared


STATIC_CONFIG = {**CHART_CONFIG, "staticPlot": True}
"""A still chart: nothing on it answers a finger, so a swipe over it scrolls the page."""


def static_chart(spec: dict[str, Any], key: str, alt: str) -> None:
    """Show a plain spec (see `PreparedFigure.from_spec`) as a still chart with its words for
    a screen reader."""
    st.plotly_chart(PreparedFigure.from_spec(spec), key=key, config=STATIC_CONFIG, theme=None, alt=alt)
