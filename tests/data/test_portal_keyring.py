"""The Secret portal keyring (Flatpak): values sealed with the portal's per-app secret; the
portal asked over a real D-Bus daemon (a private one), answered by a small fake portal
that writes its secret into the pipe it was handed, as xdg-desktop-portal does."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportnet.data import keys, portal_keyring
from supportnet.data.keys import KeyMethod, read_keyinfo
from supportnet.data.portal_keyring import PortalKeyring, retrieve_portal_secret
from supportnet.data.store import open_store
from supportnet.model.errors import KeyUnavailableError

SECRET = bytes(range(64))


def test_values_round_trip_sealed_in_a_private_file(tmp_path: Path) -> None:
    backend = PortalKeyring(tmp_path / "keyrings", secret=lambda: SECRET)
    assert backend.get_password("SupportNet", "database-key:a") is None
    backend.set_password("SupportNet", "database-key:a", "00ff" * 16)
    assert backend.get_password("SupportNet", "database-key:a") == "00ff" * 16
    assert stat.S_IMODE(backend.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backend.path.parent.stat().st_mode) == 0o700
    text = backend.path.read_text()
    assert "00ff" not in text
    assert "database-key" not in text  # entries are named by a digest, not the name
    backend.delete_password("SupportNet", "database-key:a")
    assert backend.get_password("SupportNet", "database-key:a") is None


def test_another_desktops_secret_opens_nothing(tmp_path: Path) -> None:
    PortalKeyring(tmp_path, secret=lambda: SECRET).set_password("S", "u", "value")
    elsewhere = PortalKeyring(tmp_path, secret=lambda: bytes(64))
    with pytest.raises(KeyUnavailableError, match="doesn't open"):
        elsewhere.get_password("S", "u")


def test_a_store_keeps_its_key_with_the_portal(tmp_path: Path) -> None:
    backend = PortalKeyring(tmp_path / "keyrings", secret=lambda: SECRET)
    data = tmp_path / "data"
    open_store(data, keyring_backend=backend).close()
    info = read_keyinfo(data)
    assert info is not None
    assert info.method is KeyMethod.KEYRING
    assert info.keyring_backend == "Secret portal"
    # A new process: a new backend, the same secret.
    open_store(data, keyring_backend=PortalKeyring(tmp_path / "keyrings", lambda: SECRET)).close()
    with pytest.raises(KeyUnavailableError):
        open_store(data, keyring_backend=PortalKeyring(tmp_path / "keyrings", lambda: bytes(64)))


def test_inside_flatpak_the_default_backend_is_the_portal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = tmp_path / ".flatpak-info"
    monkeypatch.setattr(portal_keyring, "FLATPAK_INFO", info)
    assert not isinstance(keys.default_backend(), PortalKeyring)  # not in a sandbox
    info.write_text("[Application]\nname=io.github.supportnet.SupportNet\n")
    # The tests' own choice (PYTHON_KEYRING_BACKEND) still wins...
    assert not isinstance(keys.default_backend(), PortalKeyring)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    # ...and without one, in a sandbox, it is the portal's.
    assert isinstance(keys.default_backend(), PortalKeyring)


# --- The portal over D-Bus ---------------------------------------------------------------


@pytest.fixture
def bus() -> Iterator[str]:
    """The address of a private D-Bus daemon of this test's own."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (Debian: dbus)")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


class FakePortal:
    """Owns org.freedesktop.portal.Desktop on ``address`` and answers one RetrieveSecret:
    the secret into the pipe, the request's path back, then its Response signal."""

    def __init__(
        self, address: str, secret: bytes, response: int = 0, keep_open: bool = False
    ) -> None:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        self.secret, self.response, self.keep_open = secret, response, keep_open
        self.kept: list[int] = []
        self.calls: list[tuple[str, dict[str, object]]] = []
        self.connection = open_dbus_connection(bus=address, enable_fds=True)
        self.connection.send_and_get_reply(
            message_bus.RequestName(portal_keyring.PORTAL_BUS_NAME), timeout=10
        )
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal

        while True:
            message = self.connection.receive(timeout=30)
            fields = message.header.fields
            if message.header.message_type is not MessageType.method_call:
                continue
            assert fields[HeaderFields.member] == "RetrieveSecret"
            assert fields[HeaderFields.interface] == portal_keyring.SECRET_INTERFACE
            pipe, options = message.body
            sender = fields[HeaderFields.sender]
            token = options["handle_token"][1]
            self.calls.append((sender, options))
            fd = pipe.to_raw_fd()
            os.write(fd, self.secret)
            if self.keep_open:  # a portal that never closes its end of the pipe
                self.kept.append(fd)
            else:
                os.close(fd)
            handle = f"{portal_keyring.PORTAL_PATH}/request/{sender[1:].replace('.', '_')}/{token}"
            self.connection.send(new_method_return(message, "o", (handle,)))
            signal = new_signal(
                DBusAddress(handle, interface=portal_keyring.REQUEST_INTERFACE),
                "Response",
                "ua{sv}",
                (self.response, {}),
            )
            signal.header.fields[HeaderFields.destination] = sender
            self.connection.send(signal)
            return

    def close(self) -> None:
        self.thread.join(timeout=30)
        self.connection.close()
        for fd in self.kept:
            os.close(fd)


def test_the_secret_comes_from_the_portal_through_a_pipe(bus: str) -> None:
    portal = FakePortal(bus, SECRET)
    try:
        assert retrieve_portal_secret(bus, timeout=30) == SECRET
    finally:
        portal.close()
    ((_sender, options),) = portal.calls
    assert options["handle_token"][0] == "s"


def test_a_store_opens_with_the_portals_secret_over_dbus(bus: str, tmp_path: Path) -> None:
    data, folder = tmp_path / "data", tmp_path / "keyrings"
    for _ in range(2):  # made, then opened again by a new backend asking the portal anew
        portal = FakePortal(bus, SECRET)
        try:
            backend = PortalKeyring(folder, lambda: retrieve_portal_secret(bus, timeout=30))
            open_store(data, keyring_backend=backend).close()
        finally:
            portal.close()
        assert len(portal.calls) == 1


def test_a_portal_keeping_its_end_of_the_pipe_open_doesnt_hang(
    bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portal_keyring, "READ_TIMEOUT", 0.5)
    portal = FakePortal(bus, SECRET, keep_open=True)
    try:
        assert retrieve_portal_secret(bus, timeout=30) == SECRET
    finally:
        portal.close()


def test_a_declined_request_is_a_calm_error(bus: str) -> None:
    portal = FakePortal(bus, SECRET, response=1)
    try:
        with pytest.raises(KeyUnavailableError, match="declined or cancelled"):
            retrieve_portal_secret(bus, timeout=30)
    finally:
        portal.close()


def test_no_portal_on_the_bus_is_a_calm_error(bus: str) -> None:
    with pytest.raises(KeyUnavailableError, match="no secret portal"):
        retrieve_portal_secret(bus, timeout=30)


def test_no_bus_at_all_is_a_calm_error(tmp_path: Path) -> None:
    with pytest.raises(KeyUnavailableError, match="can't be reached"):
        retrieve_portal_secret(f"unix:path={tmp_path / 'no-bus'}", timeout=5)
