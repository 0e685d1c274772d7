"""The server's side of speed (docs/performance.md measures each part):
- two costs Streamlit 1.67 adds to every tap, removed once per server process from the app's
  first run: a reply held back by Nagle's algorithm, and a full garbage collection after each
  run that walks every object the server holds;
- the page Streamlit serves, with our head (PageHead, a middleware of asgi.py's st.App): UK
  English, the app's name, no jumps while the page loads, and the first screen's controls'
  code named up front;
- the server's start (warming_up, asgi.py's lifespan): the first run's imports and content
  read while the first browser loads Streamlit's code."""

from __future__ import annotations

import gc
import gzip
import os
import re
import socket
import stat
import sys
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from html import escape
from pathlib import Path
from time import monotonic
from typing import Any

import streamlit

from backknee.settings import settings

_lock = threading.Lock()
_sockets_done = False
_frozen_at: tuple[int, int] | None = None
_frozen_when = 0.0

REFREEZE_SECONDS = 120.0
"""At most this long between two freezes. Whatever was alive at a freeze is set aside with
the rest, the sessions open then included; a session that has ended since is in reference
cycles that only the collector frees, so each freeze first lets go of the last one and
collects: an ended session's objects are gone from memory within this time, as they would be
without the freeze."""


def _tcp_sockets() -> list[socket.socket]:
    """This process's TCP sockets, each a duplicate that the caller closes. Linux lists a
    process's open files in /proc/self/fd; where there is no such folder, none are found."""
    folder = Path("/proc/self/fd")
    found = []
    for name in os.listdir(folder) if folder.is_dir() else []:
        try:
            fd = int(name)
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
            one = socket.socket(fileno=os.dup(fd))
        except OSError:
            continue  # closed meanwhile
        if one.family in (socket.AF_INET, socket.AF_INET6) and one.type == socket.SOCK_STREAM:
            found.append(one)
        else:
            one.close()
    return found


def send_replies_at_once() -> None:
    """Turn Nagle's algorithm off (TCP_NODELAY) on the server's TCP sockets, once.

    Streamlit 1.67 binds its listening socket itself, as socket.socket(family) with no protocol
    number, so asyncio does not see the connections it accepts as TCP and leaves Nagle's
    algorithm on: a reply's last small messages wait for the browser's delayed acknowledgement,
    about 40 ms on Linux, after every tap. Set on the listening socket, the option passes to
    every connection accepted afterwards; set on the ones already open, it helps them too."""
    global _sockets_done
    with _lock:
        if _sockets_done:
            return
        _sockets_done = True
        for one in _tcp_sockets():
            try:
                one.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass  # a socket that refuses the option is left as it was
            finally:
                one.close()


def freeze_what_lasts(content: object) -> None:
    """After a run that imported a module or read the content afresh, or REFREEZE_SECONDS
    after the last time, set every object alive now aside from the garbage collector
    (gc.freeze).

    Streamlit collects all garbage after every run (runner.postScriptGC), and that walks every
    object the process holds: about 35 ms on this app's 137,000 objects (modules, pydantic
    models, content), against 23 ms on a bare app's 73,000 (bench/tuning.py). What is alive
    after such a run is mostly what lasts as long as the server, so later collections walk
    only what later runs made. Each freeze first undoes the last one and collects everything
    (about 60 ms, once every two minutes at most), so nothing set aside stays once unused."""
    global _frozen_at, _frozen_when
    now = (len(sys.modules), id(content))
    with _lock:
        if now == _frozen_at and monotonic() - _frozen_when < REFREEZE_SECONDS:
            return
        _frozen_at, _frozen_when = now, monotonic()
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def tune(content: object) -> None:
    """Both, at the end of a run, unless the server was told to run Streamlit as it ships
    (BACKKNEE_TUNE_SERVER=0)."""
    if settings().tune_server:
        send_replies_at_once()
        freeze_what_lasts(content)


# --- The page Streamlit serves ---------------------------------------------------------------

STREAMLIT_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"

HEAD_STYLE = (Path(__file__).parent / "assets" / "head.css").read_text()
"""Style that holds from the page's first paint, before the app's first run has sent
style.css: what follows a control still loading waits unseen, for a few seconds at most (see
the file)."""

PRELOADED = ("ButtonGroup", "PageLink", "Button")
"""Streamlit's code for the controls on the first screen of most pages: pills and segmented
controls (home's cycle steps, the exercises filters, the explorer's choices), the warning-signs
link and buttons. Streamlit fetches each only when the first such control arrives; named in
the page's head, with the files each imports, they come with the rest of Streamlit's code, so
what HEAD_STYLE holds back shows sooner on a slow network (docs/performance.md section 9)."""

_IMPORT = re.compile(r'(?:from|import)\s*"\./([\w.-]+\.js)"')


def preload_links(html: str, folder: Path = STREAMLIT_JS) -> str:
    """A modulepreload link for each of PRELOADED and every file it imports, found by name in
    Streamlit's bundle (the names carry a hash that changes with each release), less those
    `html` links already. A name found not exactly once is left out: that control then
    loads as Streamlit ships it."""
    wanted: list[str] = []
    for name in PRELOADED:
        found = sorted(folder.glob(f"{name}.*.js"))
        if len(found) == 1:
            wanted.append(found[0].name)
    seen: set[str] = set()
    while wanted:
        file = wanted.pop()
        if file in seen or not (folder / file).is_file():
            continue
        seen.add(file)
        wanted.extend(_IMPORT.findall((folder / file).read_text(errors="replace")))
    return "".join(
        f'<link rel="modulepreload" crossorigin href="./static/js/{file}">'
        for file in sorted(seen)
        if f"./static/js/{file}" not in html
    )


def page_head(html: str, title: str, additions: str) -> str:
    """Streamlit's index.html with our title (the tab's name until the app's first run names
    the page), UK English as the page's language, and `additions` at the end of the head."""
    html = html.replace('<html lang="en">', '<html lang="en-GB">', 1)
    html = html.replace("<title>Streamlit</title>", f"<title>{escape(title)}</title>", 1)
    return html.replace("</head>", f"{additions}</head>", 1)


def head_additions(html: str) -> str:
    """What page_head adds to Streamlit's `html`: the preload links and HEAD_STYLE."""
    return preload_links(html) + f"<style>{HEAD_STYLE}</style>"


Message = dict[str, Any]
Send = Callable[[Message], Awaitable[None]]


class PageHead:
    """ASGI middleware: every page Streamlit serves (its index.html, for any page's address)
    goes out with page_head's changes; every other answer passes untouched, as it streams.

    Streamlit's own compression runs inside this one, so a page may come gzipped: it is
    unpacked, changed and packed again (8 KB, well under a millisecond). Its ETag and
    Last-Modified go: they describe Streamlit's file, not the page as changed."""

    def __init__(self, app: Callable[..., Awaitable[None]], title: str) -> None:
        self.app = app
        self.title = title
        self.additions: str | None = None  # worked out from the first page served

    async def __call__(self, scope: Message, receive: Callable[[], Awaitable[Message]], send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def change_pages(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                if headers.get(b"content-type", b"").startswith(b"text/html") and message["status"] == 200:
                    start = message  # held until the whole page is here
                    return
            elif start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                await self._send_page(start, b"".join(chunks), send)
                return
            await send(message)

        await self.app(scope, receive, change_pages)

    async def _send_page(self, start: Message, body: bytes, send: Send) -> None:
        headers = [
            (k, v)
            for k, v in start.get("headers", [])
            if k not in (b"content-length", b"etag", b"last-modified")
        ]
        packed = dict(headers).get(b"content-encoding") == b"gzip"
        html = (gzip.decompress(body) if packed else body).decode()
        if self.additions is None:
            self.additions = head_additions(html)
        body = page_head(html, self.title, self.additions).encode()
        if packed:
            body = gzip.compress(body, mtime=0)
        headers.append((b"content-length", str(len(body)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


# --- The server's start ----------------------------------------------------------------------


def warm_up() -> None:
    """What the first run of the landing page would otherwise wait for, done in a thread as
    the server starts, while the first browser fetches Streamlit's code (bench/cold_start.py;
    docs/performance.md section 9):
    - the landing page's modules imported (0.4 s, pydantic's models built on the way);
    - the content read and checked (0.1 s);
    - numpy and PIL imported (0.24 s): Streamlit needs them for the page's icon;
    - Python's table of which file holds which module, filled (0.16 s): Streamlit looks at the
      call stack once, before its first element, to see whether it runs in a terminal.
    A run that starts meanwhile waits for the same import or read and never does it twice.
    Only the landing page's modules: more would compete with that first run for the one
    Python thread that runs at a time."""
    import inspect

    import numpy  # noqa: F401 (imported for the import's sake, as are the next three)
    import PIL.Image  # noqa: F401

    from backknee.ui import chrome, home, pages  # noqa: F401
    from backknee.ui.content import get_content

    inspect.stack()
    try:
        get_content()
    except Exception:  # a content error is shown, on its first run, to whoever opens the app
        return


@asynccontextmanager
async def warming_up(_app: object) -> AsyncIterator[None]:
    """st.App's lifespan: warm_up in the background once the server starts."""
    threading.Thread(target=warm_up, name="backknee-warm-up", daemon=True).start()
    yield
