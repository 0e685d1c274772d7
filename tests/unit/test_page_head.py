"""The page Streamlit serves goes out with our head (backknee/ui/server.py's PageHead, in
asgi.py): UK English, the app's name, and the controls' code named up front. Everything else
Streamlit sends passes untouched."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import pytest

from backknee import APP_NAME
from backknee.ui import server
from tests.unit.event_loop import in_a_new_event_loop

STREAMLIT_PAGE = (server.STREAMLIT_JS.parent.parent / "index.html").read_text()
Message = dict[str, Any]


def _scripts(html: str) -> list[str]:
    return re.findall(r"<script\b.*?</script>", html, flags=re.S)


def test_the_page_is_in_uk_english_named_for_the_app_and_names_the_controls_code():
    page = server.page_head(STREAMLIT_PAGE, APP_NAME, server.head_additions(STREAMLIT_PAGE))
    assert '<html lang="en-GB">' in page
    assert "<title>Back &amp; Knee</title>" in page and "<title>Streamlit</title>" not in page
    head = page.split("</head>")[0]
    assert server.preload_links(STREAMLIT_PAGE) in head and "ButtonGroup." in head
    assert f"<style>{server.HEAD_STYLE}</style>" in head


def test_what_follows_a_loading_control_waits_unseen_for_three_seconds_at_most():
    """The head style hides by an animation that ends by itself, never by a plain rule that
    could outlast the control's loading (backknee/ui/assets/head.css)."""
    style = re.sub(r"/\*.*?\*/", "", server.HEAD_STYLE, flags=re.S)
    keyframes = re.search(r"@keyframes bk-wait\s*\{\s*from, to \{ visibility: hidden; \}\s*\}", style)
    assert keyframes, "the wait must keep what follows hidden for as long as it runs"
    rules = style[keyframes.end() :]
    assert 'data-testid="stSkeleton"' in rules
    assert re.findall(r"animation: bk-wait (\d+(?:\.\d+)?)s !important;", rules) == ["3"]
    assert "visibility" not in rules and "infinite" not in rules, "hidden only while the wait runs"


def test_streamlit_s_own_scripts_are_left_exactly_as_they_were():
    """The proxy's Content-Security-Policy allows Streamlit's one inline script by its hash."""
    page = server.page_head(STREAMLIT_PAGE, APP_NAME, server.head_additions(STREAMLIT_PAGE))
    assert _scripts(page) == _scripts(STREAMLIT_PAGE) and _scripts(page)


def test_each_preloaded_control_and_every_file_it_imports_is_named_once_and_exists():
    links = re.findall(r'href="\./static/js/([^"]+)"', server.preload_links(STREAMLIT_PAGE))
    assert len(links) == len(set(links))
    for name in server.PRELOADED:
        assert any(re.fullmatch(rf"{name}\.[\w-]+\.js", link) for link in links), name
    named = set(links) | set(re.findall(r'\./static/js/([^"]+\.js)', STREAMLIT_PAGE))
    for link in links:
        imported = re.findall(
            r'(?:from|import)\s*"\./([\w.-]+\.js)"', (server.STREAMLIT_JS / link).read_text()
        )
        assert set(imported) <= named, (link, set(imported) - named)


def test_a_file_the_page_already_names_is_not_named_again():
    links = server.preload_links(STREAMLIT_PAGE)
    assert not any(
        f'href="./static/js/{file}"' in links
        for file in re.findall(r'\./static/js/([^"]+\.js)', STREAMLIT_PAGE)
    )


def test_a_control_whose_file_is_not_found_exactly_once_is_left_to_load_as_streamlit_ships_it(tmp_path: Path):
    (tmp_path / "ButtonGroup.a1.js").write_text('import{x}from"./shared.b2.js";')
    (tmp_path / "shared.b2.js").write_text("")
    (tmp_path / "PageLink.c3.js").write_text("")
    (tmp_path / "PageLink.d4.js").write_text("")  # two releases' files: which is meant is unknown
    links = server.preload_links("", folder=tmp_path)
    assert re.findall(r'href="\./static/js/([^"]+)"', links) == ["ButtonGroup.a1.js", "shared.b2.js"]


# --- The middleware, around a stand-in for Streamlit


def _served(answer: list[Message], scope: Message | None = None) -> list[Message]:
    """What PageHead sends for a request whose answer from Streamlit is `answer`."""

    async def streamlit(scope: Message, receive: Any, send: Any) -> None:
        for message in answer:
            await send(message)

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def receive() -> Message:
        return {"type": "http.request"}

    middleware = server.PageHead(streamlit, title=APP_NAME)
    in_a_new_event_loop(middleware(scope or {"type": "http", "method": "GET", "path": "/"}, receive, send))
    return sent


def _start(content_type: bytes, *extra: tuple[bytes, bytes], status: int = 200) -> Message:
    headers = [(b"content-type", content_type), (b"etag", b'"abc"'), (b"last-modified", b"Mon"), *extra]
    return {"type": "http.response.start", "status": status, "headers": headers}


def _body(data: bytes, more: bool = False) -> Message:
    return {"type": "http.response.body", "body": data, "more_body": more}


def _page_of(sent: list[Message]) -> tuple[dict[bytes, bytes], bytes]:
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    headers = dict(sent[0]["headers"])
    assert int(headers[b"content-length"]) == len(sent[1]["body"])
    return headers, sent[1]["body"]


def test_a_page_that_arrives_in_parts_goes_out_whole_with_our_head_and_its_true_length():
    raw = STREAMLIT_PAGE.encode()
    sent = _served(
        [
            _start(b"text/html; charset=utf-8", (b"content-length", str(len(raw)).encode())),
            _body(raw[:3000], more=True),
            _body(raw[3000:]),
        ]
    )
    headers, body = _page_of(sent)
    assert body.decode() == server.page_head(STREAMLIT_PAGE, APP_NAME, server.head_additions(STREAMLIT_PAGE))
    assert b"etag" not in headers and b"last-modified" not in headers  # they named Streamlit's file


def test_a_gzipped_page_is_changed_and_goes_out_gzipped():
    packed = gzip.compress(STREAMLIT_PAGE.encode())
    headers, body = _page_of(_served([_start(b"text/html", (b"content-encoding", b"gzip")), _body(packed)]))
    assert headers[b"content-encoding"] == b"gzip"
    assert '<html lang="en-GB">' in gzip.decompress(body).decode()


@pytest.mark.parametrize(
    "answer",
    [
        [_start(b"text/javascript"), _body(b"let a = 1;", more=True), _body(b"</head>")],
        [_start(b"text/html", status=404), _body(b'<html lang="en"></head>')],
    ],
    ids=["code, as it streams", "a page that is not a 200"],
)
def test_every_other_answer_passes_untouched(answer):
    assert _served(answer) == answer


def test_a_websocket_passes_untouched():
    answer = [{"type": "websocket.accept"}, {"type": "websocket.send", "text": "</head>"}]
    assert _served(answer, scope={"type": "websocket", "path": "/_stcore/stream"}) == answer
