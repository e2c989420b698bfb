"""A private D-Bus session bus, and a test notification server on it, for reminder tests.

The bus is a dbus-daemon of its own with no service directories (nothing real can be
started on it) and the test process's environment is left alone: only the server child
is told the address, and the app's notifier is handed it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SERVER = Path(__file__).with_name("notification_server.py")
CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    """The address of a fresh, private session bus."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    config = tmp_path / "bus.conf"
    config.write_text(CONFIG)
    process = subprocess.Popen(
        [daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    try:
        assert address.startswith("unix:"), "dbus-daemon gave no address"
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)


class NotificationServer:
    """The test server's process, and its control methods."""

    def __init__(self, address: str, capabilities: str) -> None:
        self.address = address
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER), address, capabilities],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"
        from jeepney.io.blocking import open_dbus_connection

        self._connection = open_dbus_connection(bus=address)

    def _call(self, method: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
        from jeepney import DBusAddress, new_method_call

        target = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.supportnet.TestNotifications",
        )
        reply = self._connection.send_and_get_reply(
            new_method_call(target, method, signature, body), timeout=10
        )
        return reply.body

    def calls(self) -> list[dict[str, Any]]:
        """Every Notify call so far, oldest first."""
        result: list[dict[str, Any]] = json.loads(self._call("Calls")[0])
        return result

    def click(self, notification_id: int, action: str) -> None:
        self._call("Click", "us", (notification_id, action))

    def close_notification(self, notification_id: int) -> None:
        self._call("Close", "u", (notification_id,))

    def stop(self) -> None:
        self._connection.close()
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def notification_server(private_bus: str) -> Iterator[NotificationServer]:
    """A notification server that shows buttons ("actions")."""
    server = NotificationServer(private_bus, "actions,body,body-markup")
    yield server
    server.stop()


@pytest.fixture
def plain_notification_server(private_bus: str) -> Iterator[NotificationServer]:
    """A notification server without buttons."""
    server = NotificationServer(private_bus, "body")
    yield server
    server.stop()
