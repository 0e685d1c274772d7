"""One Streamlit session spoken over Streamlit's own WebSocket protocol, as a browser tab speaks
it, without a browser: for bench/load.py, which needs 25 of them on a 2-core machine.

A tab connects to /_stcore/stream (subprotocol "streamlit") and sends BackMsg protobufs: a
`rerun_script` carrying the page, the widget states and, for a widget inside an `st.fragment`,
that fragment's id. The server answers with ForwardMsg protobufs: the page list
(`navigation`), one delta per element, and `script_finished` when the run is over. A browser
resends every widget's state on each rerun; this client sends only the one it changes, which
the server treats the same way: a widget whose state is not sent keeps the value the server
holds. It announces no cached messages, so the server sends every element in full.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

RUN_TIMEOUT_S = 60
"""Longest wait for one run to finish: a run that never ends fails the benchmark, never hangs it."""
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
WIDGET_ID_PREFIX = "$$ID-"
"""Streamlit's element ids are `$$ID-<hash>-<key>`: the key given to the widget comes last."""


@dataclass(frozen=True)
class Widget:
    """A widget as the last run drew it: its id, the fragment it is in ('' for none) and its
    element (label, options, disabled and so on)."""

    id: str
    fragment_id: str
    element: Element

    @property
    def proto(self) -> Any:
        """The widget's own message (Button, Slider, ButtonGroup...)."""
        return getattr(self.element, str(self.element.WhichOneof("type")))

    @property
    def value(self) -> Any:
        """A slider's or number box's value as drawn: the one the server set, else its default
        (a slider's is a list, one number per thumb)."""
        proto = self.proto
        return proto.value if proto.set_value else proto.default

    @property
    def options(self) -> list[str]:
        """A segmented control's or pills' choices, as shown."""
        return [option.content for option in self.proto.options]


@dataclass
class Run:
    """What one rerun sent back, and how long it took from the request to `script_finished`."""

    seconds: float
    status: int
    texts: list[str] = field(default_factory=list)
    """Every heading, paragraph, alert and label drawn in this run, in order."""
    exceptions: list[str] = field(default_factory=list)
    """Any traceback element drawn (there should be none)."""

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    def shows(self, text: str) -> bool:
        """Whether any element drawn in this run holds `text`."""
        return any(text in drawn for drawn in self.texts)


def _text(element: Element) -> str:
    kind = str(element.WhichOneof("type"))
    proto = getattr(element, kind)
    for name in ("body", "label", "message"):
        if hasattr(proto, name):
            return str(getattr(proto, name))
    return ""


class Session:
    """One tab's session on a Streamlit server at `base_url` (http://host:port)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.pages: dict[str, str] = {}
        """The app's pages, url path to page script hash (from the `navigation` message)."""
        self.page = ""
        self.page_hash = ""
        self.widgets: dict[str, Widget] = {}
        """The widgets on screen, by the key the app gave them."""
        self._socket: ClientConnection | None = None

    async def __aenter__(self) -> Session:
        stream = self.base_url.replace("http", "ws", 1) + "/_stcore/stream"
        self._socket = await connect(stream, subprotocols=["streamlit"], max_size=None)  # type: ignore[list-item]
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def open(self, page: str) -> Run:
        """Open a page by its url path, as the first visit does or a tap in the menu: the
        whole script runs."""
        self.page = page
        self.page_hash = self.pages.get(page, "")
        return await self._rerun()

    async def tap(self, key: str) -> Run:
        """Tap a button."""
        widget = self.widgets[key]
        return await self._rerun(WidgetState(id=widget.id, trigger_value=True), widget.fragment_id)

    async def set_number(self, key: str, value: float) -> Run:
        """Type a number into a number input."""
        widget = self.widgets[key]
        return await self._rerun(WidgetState(id=widget.id, double_value=value), widget.fragment_id)

    async def slide(self, key: str, value: float) -> Run:
        """Move a slider (one thumb) to a value."""
        widget = self.widgets[key]
        state = WidgetState(id=widget.id)
        state.double_array_value.data.append(value)
        return await self._rerun(state, widget.fragment_id)

    async def choose(self, key: str, shown: list[str]) -> Run:
        """Choose options of a segmented control or pills, by the words they show."""
        widget = self.widgets[key]
        state = WidgetState(id=widget.id)
        state.string_array_value.data.extend(shown)
        return await self._rerun(state, widget.fragment_id)

    async def _rerun(self, state: WidgetState | None = None, fragment_id: str = "") -> Run:
        message = BackMsg()
        client = message.rerun_script
        client.page_name = self.page
        client.page_script_hash = self.page_hash
        client.fragment_id = fragment_id
        client.context_info.url = f"{self.base_url}/{self.page}"
        client.context_info.timezone = "Europe/London"
        client.context_info.locale = "en-GB"
        if state is not None:
            client.widget_states.widgets.append(state)
        assert self._socket is not None, "use the session in `async with`"
        started = time.monotonic()
        await self._socket.send(message.SerializeToString())
        async with asyncio.timeout(RUN_TIMEOUT_S):
            return await self._read_run(started, fragment_id)

    async def _read_run(self, started: float, fragment_id: str) -> Run:
        """Read messages until this run's `script_finished`; keep its widgets and texts."""
        assert self._socket is not None
        drawn: dict[str, Widget] = {}
        run = Run(seconds=0.0, status=-1)
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self._socket.recv())  # type: ignore[arg-type]
            kind = message.WhichOneof("type")
            if kind == "script_finished":
                run.seconds = time.monotonic() - started
                run.status = message.script_finished
                break
            if kind == "navigation":
                navigation = message.navigation
                self.pages = {page.url_pathname: page.page_script_hash for page in navigation.app_pages}
                self.page_hash = navigation.page_script_hash
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                run.texts.append(_text(element))
                if element.WhichOneof("type") == "exception":
                    run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
                widget_id = str(getattr(getattr(element, str(element.WhichOneof("type"))), "id", ""))
                if widget_id.startswith(WIDGET_ID_PREFIX):
                    key = widget_id.split("-", 2)[-1]
                    drawn[key] = Widget(widget_id, message.delta.fragment_id, element)
        # A whole run redraws the page; a fragment's run redraws only that fragment.
        if fragment_id:
            kept = {key: w for key, w in self.widgets.items() if w.fragment_id != fragment_id}
            drawn = {**kept, **drawn}
        self.widgets = drawn
        return run
