"""Desktop notifications when the desktop misbehaves: a notification server that restarts,
never answers or isn't there, a bus that never says hello, someone else's signals.

Each runs against a real dbus-daemon of the test's own (notification_bus.py).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, new_method_call, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from PySide6.QtGui import QIcon, QPixmap

from supportnet.services import Services
from supportnet.ui.shell.desktop_notifications import DesktopNotifications
from supportnet.ui.shell.reminders import ReminderService
from tests.ui.conftest import ZONE
from tests.ui.shell.notification_bus import NotificationServer

#: Mum's Sunday call is at 18:00 in London, 17:00 UTC, on Sunday 15 June 2025.
MUM_CALL = datetime(2025, 6, 15, 17, 0, tzinfo=UTC)
SUNDAY = date(2025, 6, 15)
NUDGE = ("A gentle nudge", "A plan for 18:00")
#: Long enough for a busy machine; the waits end as soon as the answer is there.
WAIT_MS = 10_000
#: How long the notifier waits for an answer in these tests (its own default is longer).
SHORT_MS = 300
PATH = "/org/freedesktop/Notifications"
SERVICE = "org.freedesktop.Notifications"


class Clock:
    def __init__(self, now: Any) -> None:
        self.now = now

    def __call__(self) -> Any:
        return self.now


@pytest.fixture
def made() -> Any:
    """Notifiers, services and bus connections made in a test; closed when it ends."""
    things: list[Any] = []
    yield things
    for thing in reversed(things):
        thing.stop() if isinstance(thing, ReminderService | NotificationServer) else thing.close()


def _heard(notifications: DesktopNotifications) -> list[tuple[Any, str]]:
    heard: list[tuple[Any, str]] = []
    notifications.action_invoked.connect(lambda key, action: heard.append((key, action)))
    return heard


def _failed(notifications: DesktopNotifications) -> list[tuple[Any, str, str]]:
    failed: list[tuple[Any, str, str]] = []
    notifications.failed.connect(lambda key, title, body: failed.append((key, title, body)))
    return failed


def _other_app(made: list[Any], address: str) -> Any:
    connection = open_dbus_connection(bus=address)
    made.append(connection)
    return connection


def _notify_as_other_app(connection: Any) -> int:
    target = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
    arguments: tuple[Any, ...] = ("Mail", 0, "", "Mail", "New mail", ["default", "Open"], {}, -1)
    call = new_method_call(target, "Notify", "susssasa{sv}i", arguments)
    return int(connection.send_and_get_reply(call, timeout=10).body[0])


# --- a server that restarts, and signals from others -------------------------------------------


def test_after_the_server_restarts_its_new_ids_are_not_taken_for_ours(
    qtbot: Any, made: list[Any], private_bus: str
) -> None:
    server = NotificationServer(private_bus, "actions,body")
    made.append(server)
    notifications = DesktopNotifications(private_bus)
    made.append(notifications)
    heard = _heard(notifications)
    notifications.send(*NUDGE, (7, SUNDAY))
    qtbot.waitUntil(lambda: bool(notifications._ids), timeout=WAIT_MS)

    # The desktop's notification server restarts (a crash, a shell restart): ids begin
    # again at 1, and another app's first notification gets the number ours had.
    made.remove(server)
    server.stop()
    qtbot.waitUntil(lambda: not notifications._ids, timeout=WAIT_MS)
    again = NotificationServer(private_bus, "actions,body")
    made.append(again)
    other_id = _notify_as_other_app(_other_app(made, private_bus))
    assert other_id == 1
    again.click(other_id, "not-today")

    # Nor does our next notification replace the other app's.
    notifications.send(*NUDGE, (7, SUNDAY))
    qtbot.waitUntil(lambda: len(again.calls()) == 2, timeout=WAIT_MS)
    assert again.calls()[1]["replaces_id"] == 0
    # The click on the other app's notification reached us before our Notify's answer did.
    qtbot.waitUntil(lambda: bool(notifications._ids), timeout=WAIT_MS)
    assert heard == []
    # A click on ours from the new server counts.
    again.click(notifications._ids[(7, SUNDAY)], "open")
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT_MS)
    assert heard == [((7, SUNDAY), "open")]


def test_only_the_server_that_showed_a_notification_speaks_for_it(
    qtbot: Any, made: list[Any], notification_server: NotificationServer, private_bus: str
) -> None:
    notifications = DesktopNotifications(private_bus)
    made.append(notifications)
    heard = _heard(notifications)
    notifications.send(*NUDGE, (7, SUNDAY))
    qtbot.waitUntil(lambda: bool(notifications._ids), timeout=WAIT_MS)
    shown_id = notifications._ids[(7, SUNDAY)]

    # Any program on the bus can send a signal that looks like the server's.
    other = _other_app(made, private_bus)
    emitter = DBusAddress(PATH, interface=SERVICE)
    other.send(new_signal(emitter, "ActionInvoked", "us", (shown_id, "not-today")))
    other.send(new_signal(emitter, "NotificationClosed", "uu", (shown_id, 2)))
    # A round trip, so the bus has passed both on before the server's click below.
    other.send_and_get_reply(message_bus.GetId(), timeout=10)

    notification_server.click(shown_id, "open")
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT_MS)
    assert heard == [((7, SUNDAY), "open")]
    assert notifications._ids == {(7, SUNDAY): shown_id}


# --- no server, a silent server, a silent bus ---------------------------------------------------


def test_with_a_tray_a_reminder_no_server_takes_goes_to_the_tray(
    qtbot: Any, demo_store: Any, made: list[Any], private_bus: str
) -> None:
    """ "As desktop notifications" chosen, but nobody on the bus shows them."""
    Services.of(demo_store).settings.update(timezone=ZONE, reminder_display="notifications")
    pixmap = QPixmap(16, 16)
    pixmap.fill()
    clock = Clock(MUM_CALL - timedelta(seconds=30))
    service = ReminderService(
        Services.of(demo_store),
        clock=clock,
        tray_available=lambda: True,
        icon=QIcon(pixmap),
        notifications=DesktopNotifications(private_bus),
    )
    made.append(service)
    assert service.tray is not None
    messages: list[tuple[Any, ...]] = []
    service.tray.showMessage = lambda *a: messages.append(a)  # type: ignore[method-assign]
    assert service.check() == []  # (start() would show the tray icon)
    clock.now += timedelta(seconds=60)
    service.check()
    qtbot.waitUntil(lambda: bool(messages), timeout=WAIT_MS)
    assert [m[:2] for m in messages] == [NUDGE]


def test_without_a_tray_a_reminder_nothing_showed_is_tried_once_more(
    qtbot: Any, demo_store: Any, made: list[Any], private_bus: str
) -> None:
    """No notification server at the reminder's time; one starts before the next check."""
    Services.of(demo_store).settings.update(timezone=ZONE)
    clock = Clock(MUM_CALL - timedelta(seconds=30))
    notifications = DesktopNotifications(private_bus)
    failed = _failed(notifications)
    service = ReminderService(
        Services.of(demo_store),
        clock=clock,
        tray_available=lambda: False,
        notifications=notifications,
    )
    made.append(service)
    service.start()
    clock.now += timedelta(seconds=60)
    service.check()
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT_MS)
    assert failed == [(_mum_key(demo_store), *NUDGE)]
    assert _mum_key(demo_store) not in service.already  # not counted as shown

    server = NotificationServer(private_bus, "actions,body")
    made.append(server)
    # The new server is heard of on the bus, so the notifier tries again at once.
    qtbot.waitUntil(lambda: notifications._retry_at == 0, timeout=WAIT_MS)
    clock.now += timedelta(seconds=60)
    assert service.check() == [NUDGE]
    qtbot.waitUntil(lambda: len(server.calls()) == 1, timeout=WAIT_MS)
    assert (server.calls()[0]["summary"], server.calls()[0]["body"]) == NUDGE


def test_a_reminder_nothing_showed_is_not_tried_for_ever(
    qtbot: Any, demo_store: Any, made: list[Any], private_bus: str
) -> None:
    """The next check may try again; after that it waits on Today, as after a sleep."""
    Services.of(demo_store).settings.update(timezone=ZONE)
    clock = Clock(MUM_CALL - timedelta(seconds=30))
    notifications = DesktopNotifications(private_bus, backoff_s=0)
    failed = _failed(notifications)
    service = ReminderService(
        Services.of(demo_store),
        clock=clock,
        tray_available=lambda: False,
        notifications=notifications,
    )
    made.append(service)
    service.start()
    for tries in (1, 2):
        clock.now += timedelta(seconds=60)
        assert service.check() == [NUDGE]
        qtbot.waitUntil(lambda tries=tries: len(failed) == tries, timeout=WAIT_MS)
    clock.now += timedelta(seconds=60)
    assert service.check() == []


def _mum_key(store: Any) -> tuple[int, date]:
    mum = next(p for p in store.plans.list_all() if p.title == "Sunday call with Mum")
    assert mum.id is not None
    return (mum.id, SUNDAY)


class Waker:
    def __init__(self, pid: int) -> None:
        self.pid = pid

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGCONT)


def test_a_server_that_never_answers_counts_as_none(
    qtbot: Any, notification_server: NotificationServer, private_bus: str, made: list[Any]
) -> None:
    """A hung server: each reminder waits a few seconds, not until the server wakes."""
    os.kill(notification_server.process.pid, signal.SIGSTOP)
    # However the test ends, the server can be stopped for good.
    made.append(Waker(notification_server.process.pid))
    notifications = DesktopNotifications(private_bus, timeout_ms=SHORT_MS)
    made.append(notifications)
    failed = _failed(notifications)
    assert notifications.send(*NUDGE, (7, SUNDAY))
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT_MS)
    assert failed == [((7, SUNDAY), *NUDGE)]
    # Later reminders aren't queued behind it: the notifier waits a while before asking again.
    assert not notifications.send("A gentle nudge", "A plan for 19:00", (8, SUNDAY))
    assert not notifications._waiting

    # When the server wakes, nothing saved up arrives all at once.
    os.kill(notification_server.process.pid, signal.SIGCONT)
    assert notification_server.calls() == []


def test_a_reminder_queued_longer_than_a_check_is_dropped(
    qtbot: Any, made: list[Any], notification_server: NotificationServer, private_bus: str
) -> None:
    clock = Clock(1000.0)
    notifications = DesktopNotifications(private_bus, clock=clock, stale_after_s=60)
    made.append(notifications)
    notifications.send(*NUDGE, (7, SUNDAY))  # waits for the server's capabilities
    clock.now += 61
    notifications.send("A gentle nudge", "A plan for 18:01", (8, SUNDAY))
    qtbot.waitUntil(lambda: bool(notifications._ids), timeout=WAIT_MS)
    assert [c["body"] for c in notification_server.calls()] == ["A plan for 18:01"]


class WedgedBus:
    """A socket that authenticates like a D-Bus daemon, then never answers Hello."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connections = 0
        self._server = socket.socket(socket.AF_UNIX)
        self._server.bind(str(path))
        self._server.listen(4)
        self._open: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def address(self) -> str:
        return f"unix:path={self.path}"

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            self.connections += 1
            self._open.append(connection)
            threading.Thread(target=self._authenticate, args=(connection,), daemon=True).start()

    def _authenticate(self, connection: socket.socket) -> None:
        received = b""
        try:
            while b"BEGIN" not in received:
                data = connection.recv(4096)
                if not data:
                    return
                received += data
                if b"AUTH" in data:
                    connection.sendall(b"OK 0123456789abcdef0123456789abcdef\r\n")
            while connection.recv(4096):  # Hello, never answered
                pass
        except OSError:
            return

    def close(self) -> None:
        self._server.close()
        for connection in self._open:
            connection.close()


def test_a_bus_that_never_says_hello_does_not_hold_up_the_window(
    qtbot: Any, made: list[Any], tmp_path: Path
) -> None:
    bus = WedgedBus(tmp_path / "wedged.sock")
    made.append(bus)
    notifications = DesktopNotifications(bus.address, timeout_ms=SHORT_MS)
    made.append(notifications)
    failed = _failed(notifications)
    # Were it to wait for the bus here, it would wait for good (until the test ended).
    assert notifications.send(*NUDGE, (7, SUNDAY))
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT_MS)
    assert failed == [((7, SUNDAY), *NUDGE)]
    # The next reminder doesn't knock again straight away.
    assert not notifications.send(*NUDGE, (8, SUNDAY))
    assert bus.connections == 1


def test_closing_while_the_server_is_asked_is_quiet(
    qtbot: Any, notification_server: NotificationServer, private_bus: str, made: list[Any]
) -> None:
    """Quitting with a reminder on its way: nothing is said to have failed (no tray message
    as the app goes), and a later reminder may connect again at once."""
    notifications = DesktopNotifications(private_bus)
    made.append(notifications)
    failed = _failed(notifications)
    notifications.send(*NUDGE, (7, SUNDAY))
    qtbot.waitUntil(lambda: bool(notifications._ids), timeout=WAIT_MS)
    os.kill(notification_server.process.pid, signal.SIGSTOP)
    made.append(Waker(notification_server.process.pid))
    notifications.send("A gentle nudge", "A plan for 19:00", (8, SUNDAY))
    assert notifications._answers  # its Notify, unanswered
    notifications.close()
    assert failed == []
    assert not notifications._answers
    assert notifications._retry_at == 0
