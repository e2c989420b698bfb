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
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supportnet.data import files, keys, portal_keyring, recovery
from supportnet.data.keys import KeyMethod, read_keyinfo
from supportnet.data.portal_keyring import PortalKeyring, retrieve_portal_secret
from supportnet.data.store import open_store
from supportnet.data.store_recovery import recover_store
from supportnet.model.errors import (
    KeyringEntryMissingError,
    KeyringEntryUnreadableError,
    KeyUnavailableError,
)

SECRET = bytes(range(64))
NOW = datetime(2026, 12, 4, 2, 45, tzinfo=UTC)


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


def test_a_damaged_value_is_told_apart_from_a_changed_secret(tmp_path: Path) -> None:
    import base64
    import json

    backend = PortalKeyring(tmp_path, secret=lambda: SECRET)
    backend.set_password("S", "u", "value")
    data = json.loads(backend.path.read_text())
    (entry,) = data["entries"].values()
    sealed = bytearray(base64.b64decode(entry["value"]))
    sealed[0] ^= 1
    entry["value"] = base64.b64encode(bytes(sealed)).decode()
    backend.path.write_text(json.dumps(data))
    with pytest.raises(KeyringEntryUnreadableError, match="damaged"):
        PortalKeyring(tmp_path, secret=lambda: SECRET).get_password("S", "u")


def test_a_changed_secret_says_so_and_points_at_the_recovery_key(tmp_path: Path) -> None:
    folder, data = tmp_path / "keyrings", tmp_path / "data"
    with open_store(data, keyring_backend=PortalKeyring(folder, lambda: SECRET)) as store:
        key_text = recovery.RecoveryKeeper.for_store(store, lambda: NOW).key_text()
    # The desktop's keyring was reset: the portal now hands out another secret.
    changed = PortalKeyring(folder, lambda: bytes(64))
    with pytest.raises(KeyringEntryMissingError) as raised:
        open_store(data, keyring_backend=changed)
    message = str(raised.value)
    assert "secret has changed" in message
    assert "can't be reached" not in message
    assert "Unlock your keyring" not in message
    assert message.endswith(recovery.UNLOCK_HINT)
    # The recovery key is the way back in; then the key is kept with the new secret.
    recover_store(data, key_text, keyring_backend=changed, now=NOW).store.close()
    open_store(data, keyring_backend=PortalKeyring(folder, lambda: bytes(64))).close()


def test_a_portal_that_cant_be_reached_says_so_in_its_own_words(tmp_path: Path) -> None:
    folder, data = tmp_path / "keyrings", tmp_path / "data"
    open_store(data, keyring_backend=PortalKeyring(folder, lambda: SECRET)).close()
    nowhere = f"unix:path={tmp_path / 'no-bus'}"
    unreachable = PortalKeyring(folder, lambda: retrieve_portal_secret(nowhere, timeout=5))
    with pytest.raises(KeyUnavailableError) as raised:
        open_store(data, keyring_backend=unreachable)
    assert not isinstance(raised.value, KeyringEntryMissingError)
    message = str(raised.value)
    assert message.startswith("The desktop's secret portal can't be reached")
    assert "(KeyUnavailableError)" not in message
    assert recovery.UNLOCK_HINT not in message  # it may well work again after unlocking


def test_changes_are_read_and_written_under_a_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    backend = PortalKeyring(tmp_path, secret=lambda: SECRET)
    backend.set_password("S", "first", "1")
    held: list[bool] = []

    def probe() -> None:
        """Whether another process could take the lock right now (it must not)."""
        fd = os.open(backend.path.with_name(backend.path.name + ".lock"), os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            held.append(True)
        else:
            held.append(False)
        finally:
            os.close(fd)

    read, write = backend._entries, files.write_private_file

    def probed_read() -> dict[str, object]:
        probe()
        return read()

    def probed_write(path: Path, data: bytes) -> None:
        probe()
        write(path, data)

    monkeypatch.setattr(backend, "_entries", probed_read)
    monkeypatch.setattr(portal_keyring, "write_private_file", probed_write)
    backend.set_password("S", "second", "2")
    backend.delete_password("S", "first")
    assert held == [True, True, True, True]  # each read and each write
    assert backend.get_password("S", "second") == "2"


def test_two_processes_saving_at_once_keep_every_value(tmp_path: Path) -> None:
    import sys

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from supportnet.data.portal_keyring import PortalKeyring\n"
        "ring = PortalKeyring(Path(sys.argv[1]), secret=lambda: bytes(range(64)))\n"
        "for n in range(40):\n"
        "    ring.set_password('S', f'{sys.argv[2]}{n}', str(n))\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path), name], env=env)
        for name in ("window", "command")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    ring = PortalKeyring(tmp_path, secret=lambda: SECRET)
    for name in ("window", "command"):
        assert [ring.get_password("S", f"{name}{n}") for n in range(40)] == [
            str(n) for n in range(40)
        ]


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
