"""A server that answers in a way no CalDAV server does: one plain sentence (no address
with a password, no user data), never a traceback; the store is left as it was."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from supportnet.model.errors import PublishError
from supportnet.services import caldav_publish as publishing
from supportnet.services.caldav_publish import check_target
from supportnet.services.caldav_server import UNCLEAR
from tests.services.caldav_server import PASSWORD, USER
from tests.services.test_caldav_publish import NOW, OPTIONS, World, _memory, plans, world

__all__ = ["plans", "world"]  # fixtures, used below

#: (status, content type, body) answered to every request, and the sentence it gets.
ANSWERS = {
    "not-xml": (207, "application/xml", b"this is not XML at all <<<", UNCLEAR),
    "html-200": (200, "text/html", b"<html><body>Welcome</body></html>", "isn't a calendar"),
    "empty-200": (200, "text/plain", b"", UNCLEAR),
    "500": (500, "text/plain", b"Internal Server Error", "couldn't use; nothing was"),
}


@contextmanager
def _answering(status: int, kind: str, body: bytes) -> Iterator[int]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_MKCALENDAR = _answer
        do_OPTIONS = do_POST = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.mark.parametrize("answer", sorted(ANSWERS))
def test_a_strange_answer_is_one_sentence_and_changes_nothing(
    world: World, plans: list, answer: str
) -> None:
    before = _memory(world.store)
    status, kind, body, words = ANSWERS[answer]
    with _answering(status, kind, body) as port:
        target = check_target(f"http://127.0.0.1:{port}/{USER}/checkins/", USER)
        with pytest.raises(PublishError) as caught:
            publishing.publish_plans(world.store, target, PASSWORD, OPTIONS, NOW)
    message = caught.value.message
    assert "\n" not in message
    assert PASSWORD not in message
    assert words in message
    assert _memory(world.store) == before
