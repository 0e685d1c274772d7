"""What the app does once to the Streamlit server process it runs in (backknee/ui/server.py):
replies leave at once, and lasting objects are kept out of every garbage collection."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit.web.server.starlette.starlette_server import _bind_socket

from backknee.settings import Settings
from backknee.ui import server
from tests.paths import ROOT
from tests.unit.event_loop import in_a_new_event_loop


async def _nodelay_of_a_connection_accepted_by(listening: socket.socket) -> int:
    """Accept one loopback connection the way Streamlit's server does (asyncio on the socket
    Streamlit bound); the TCP_NODELAY of the server's end of it."""
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    served = await asyncio.start_server(on_connect, sock=listening)
    _, writer = await asyncio.open_connection(*listening.getsockname()[:2])
    try:
        return await asyncio.wait_for(accepted, 10)
    finally:
        writer.close()
        served.close()


def _accepted_nodelay(listening: socket.socket) -> int:
    # In a thread of its own: the browser tests' Playwright may hold an event loop in this one.
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _nodelay_of_a_connection_accepted_by(listening)).result(30)


@pytest.fixture
def streamlit_socket():
    listening = _bind_socket("127.0.0.1", 0, 8)
    yield listening
    listening.close()


def test_streamlit_alone_leaves_nagle_on_for_the_connections_it_accepts(streamlit_socket):
    """Why send_replies_at_once exists. If this fails, Streamlit has fixed it: remove the fix."""
    assert _accepted_nodelay(streamlit_socket) == 0


def test_after_the_first_run_every_accepted_connection_sends_at_once(streamlit_socket, monkeypatch):
    monkeypatch.setattr(server, "_sockets_done", False)
    server.send_replies_at_once()
    assert streamlit_socket.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    assert _accepted_nodelay(streamlit_socket) != 0


def test_the_sockets_are_set_once_per_process(streamlit_socket, monkeypatch):
    monkeypatch.setattr(server, "_sockets_done", True)
    server.send_replies_at_once()
    assert streamlit_socket.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0


def test_setting_the_sockets_leaves_every_other_open_file_open(streamlit_socket, monkeypatch):
    monkeypatch.setattr(server, "_sockets_done", False)
    reader, writer = socket.socketpair()  # not TCP: looked at and left alone
    with reader, writer:
        server.send_replies_at_once()
        writer.sendall(b"still open")
        assert reader.recv(16) == b"still open"
    assert streamlit_socket.getsockname()[1] > 0


FREEZE_CHECK = textwrap.dedent(
    """
    import gc, sys
    from backknee.ui import server
    frozen = []
    def freeze(content):
        gc.unfreeze()  # so each count is what this call froze, not left from the one before
        server.freeze_what_lasts(content)
        frozen.append(gc.get_freeze_count())
    lasting = [[n] for n in range(1000)]
    content = ["read", [1]]
    freeze(content)
    freeze(content)  # nothing new: nothing frozen
    import colorsys  # a module imported since (one nothing above imports): what is alive now is frozen
    freeze(content)
    freeze(["read", [2]])  # content read afresh: the same
    print(*frozen)
    """
)


def in_a_fresh_python(code: str) -> str:
    """What `code` prints, run in a Python process of its own (the garbage collector's frozen
    set is per process, and the tests' own objects must not be in it)."""
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def test_what_is_alive_after_a_run_that_imported_or_read_something_new_is_frozen_once():
    # In a process of its own: freezing pytest's own objects would keep them for the whole run.
    first, again, after_import, after_new_content = map(int, in_a_fresh_python(FREEZE_CHECK).split())
    assert first > 1000  # the 1,000 lists alive, and the modules
    assert again == 0
    assert after_import > 1000
    assert after_new_content > 1000


def test_garbage_made_before_the_freeze_is_collected_not_kept():
    printed = in_a_fresh_python(
        textwrap.dedent(
            """
            import gc, weakref
            from backknee.ui import server
            class Node: pass
            a, b = Node(), Node()
            a.other, b.other = b, a  # a cycle: only the collector can free it
            gone = weakref.ref(a)
            del a, b
            server.freeze_what_lasts(object())
            print(gone() is None)
            """
        )
    )
    assert printed.strip() == "True"


def test_a_session_that_ended_after_a_freeze_is_freed_by_the_next_one():
    """What was alive at a freeze (a session open then, say) and has ended since is in a
    reference cycle: it must not stay in memory for the life of the server."""
    printed = in_a_fresh_python(
        textwrap.dedent(
            """
            import gc, weakref
            from backknee.ui import server
            class Session: pass
            a, b = Session(), Session()
            a.other, b.other = b, a  # a cycle: only the collector can free it
            gone = weakref.ref(a)
            content = ["read"]
            server.freeze_what_lasts(content)  # while the session is open
            del a, b  # the session ends
            server.freeze_what_lasts(content)  # soon after: nothing new, nothing done
            kept_meanwhile = gone() is not None
            server._frozen_when -= server.REFREEZE_SECONDS  # two minutes later
            server.freeze_what_lasts(content)
            print(kept_meanwhile, gone() is None)
            """
        )
    )
    assert printed.split() == ["True", "True"]


def test_a_server_told_to_run_streamlit_as_it_ships_is_left_alone(streamlit_socket, monkeypatch):
    monkeypatch.setattr(server, "_sockets_done", False)
    monkeypatch.setattr(server, "settings", lambda: Settings(tune_server=False))
    server.tune(content=["read"])
    assert streamlit_socket.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
    assert server._sockets_done is False


def test_a_tuned_server_sets_its_sockets_at_the_end_of_a_run(streamlit_socket, monkeypatch):
    monkeypatch.setattr(server, "_sockets_done", False)
    monkeypatch.setattr(server, "settings", lambda: Settings(tune_server=True))
    monkeypatch.setattr(server, "freeze_what_lasts", lambda content: None)  # not in pytest's process
    server.tune(content=["read"])
    assert streamlit_socket.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_the_server_s_start_reads_the_content_in_the_background_before_any_run(monkeypatch):
    """asgi.py's lifespan: the first patient's first run finds the content read and checked."""
    from backknee.ui import content

    monkeypatch.setattr(content, "_kept", {})

    async def start_and_stop() -> None:
        async with server.warming_up(object()):
            pass

    in_a_new_event_loop(start_and_stop())
    for thread in threading.enumerate():
        if thread.name == "backknee-warm-up":
            thread.join(timeout=60)
    assert str(content.content_dir()) in content._kept
