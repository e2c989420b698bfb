"""A real Radicale on 127.0.0.1 with a password, for the publishing tests.

Radicale 3 runs in-process as a WSGI app on a free port (as in
tests/calendar/test_calendar_radicale.py), with htpasswd "plain" auth from a file in the
test's folder. A thin WSGI layer in front counts the requests by method (so a test can
prove a second publish sends no PUT or DELETE) and, when asked, answers every PUT with
507 Insufficient Storage, as a full server does, over the same real socket.
"""

from __future__ import annotations

import base64
import http.client
import logging
import socket
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

USER = "sam"
PASSWORD = "correct horse battery"


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Server:
    """A running Radicale: where it is, what it was asked, and a switch for 507."""

    port: int
    storage: Path
    methods: Counter[str] = field(default_factory=Counter)
    full: bool = False

    def url(self, calendar: str = "checkins") -> str:
        return f"http://127.0.0.1:{self.port}/{USER}/{calendar}/"

    def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        """A request of the test's own (not counted), as ``USER``."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            headers = {"Authorization": f"Basic {token}", "Content-Length": str(len(body))}
            if body:
                headers["Content-Type"] = "text/calendar; charset=utf-8"
            headers["X-Test-Own"] = "1"
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def items(self, calendar: str = "checkins") -> dict[str, bytes]:
        """The stored items of ``calendar`` by file name, as Radicale keeps them."""
        folder = self.storage / "collection-root" / USER / calendar
        if not folder.is_dir():
            return {}
        return {p.name: p.read_bytes() for p in folder.glob("*.ics")}


@contextmanager
def radicale(tmp_path: Path) -> Iterator[Server]:
    """Radicale with ``USER``/``PASSWORD`` on a free port, storing in ``tmp_path``."""
    import radicale as radicale_app
    import radicale.config

    users = tmp_path / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    storage = tmp_path / "collections"
    configuration = radicale.config.load()
    configuration.update(
        {
            "server": {"delay_on_error": "0"},
            "auth": {
                "type": "htpasswd",
                "htpasswd_filename": str(users),
                "htpasswd_encryption": "plain",
                "delay": "0",
            },
            "rights": {"type": "owner_only"},
            "storage": {"type": "multifilesystem", "filesystem_folder": str(storage)},
            "hook": {"type": "none"},
            "sharing": {"type": "none"},
            "web": {"type": "none"},
        },
        "test",
    )
    quiet = logging.getLogger("radicale")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # failed logins and refused items are the point here
    app = radicale_app.Application(configuration)
    server_state = Server(0, storage)

    def front(environ: dict[str, Any], start: Any) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        if not environ.get("HTTP_X_TEST_OWN"):
            server_state.methods[method] += 1
        if server_state.full and method == "PUT":
            start("507 Insufficient Storage", [("Content-Type", "text/plain")])
            return [b"The disk is full."]
        return app(environ, start)  # type: ignore[no-any-return]

    server: WSGIServer = make_server("127.0.0.1", 0, front, handler_class=_QuietHandler)
    server_state.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server_state
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        quiet.setLevel(level)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def untrusted_tls(tmp_path: Path) -> Iterator[int]:
    """A TLS server on 127.0.0.1 with a self-signed certificate no one trusts; yields its
    port. It only shakes hands (the client gives up there), like a server whose
    certificate expired or was never signed."""
    import datetime
    import ssl

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _addr = listener.accept()
            except OSError:
                continue
            try:
                with context.wrap_socket(conn, server_side=True):
                    pass
            except (OSError, ssl.SSLError):
                pass  # the client refused the certificate: what the test wants

    thread = threading.Thread(target=serve)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        thread.join(timeout=10)
        listener.close()
