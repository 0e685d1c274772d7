"""Two costs Streamlit 1.67 adds to every tap, removed once per server process from the app's
first run: a reply held back by Nagle's algorithm, and a full garbage collection after each run
that walks every object the server holds. bench/ measures both (docs/performance.md)."""

from __future__ import annotations

import gc
import os
import socket
import stat
import sys
import threading
from pathlib import Path
from time import monotonic

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
