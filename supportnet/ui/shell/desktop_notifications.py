"""Reminders as desktop notifications: org.freedesktop.Notifications on the session bus.

For desktops without a tray (stock GNOME) or where the person prefers them. Every failure
is quiet: no session bus, no notification server, a server that goes away. Today still
gathers everything. Nothing a notification says is ever logged.

# WORKAROUND: PySide6's QtDBus cannot send Notify. Its replaces_id is a D-Bus uint32, and
# PySide6 turns a Python int into an int32 (QDBusArgument picks uint16); GNOME Shell and
# Plasma answer a wrong signature with an error (PySide6 6.11 has no QDBusArgument.add(value,
# type)). So the conversation runs over jeepney, the pure-Python D-Bus library keyring
# already needs on Linux, on one connection watched by Qt's event loop (QSocketNotifier),
# without blocking the window: every call's answer arrives as a message like any other.
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtGui import QGuiApplication

import supportnet
from supportnet import APP_ID
from supportnet.i18n import N_, _

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
BUS = "org.freedesktop.DBus"
#: The themed icon `supportnet install-desktop` installs, named by the app's id.
ICON_NAME = APP_ID
#: The spec has no reminder category; its form for one of our own is "x-vendor.class".
CATEGORY = "x-supportnet.reminder"
#: A discreet notification doesn't say which app sent it (the name alone hints at depression
#: care, and lock screens show the app's name and icon even where they hide the text): a
#: neutral name, a standard freedesktop icon, no desktop entry or category (as a discreet
#: calendar file names no app, calendar/options.py).
DISCREET_APP_NAME = N_("Reminder")
DISCREET_ICON = "appointment-soon"

#: Action keys: "default" is a click on the notification itself.
DEFAULT = "default"
OPEN = "open"
NOT_TODAY = "not-today"
#: What the buttons say (keys and labels alternate, as the spec lays them out).
ACTIONS = (DEFAULT, N_("Open"), OPEN, N_("Open"), NOT_TODAY, N_("Not today"))
#: Let the server choose how long a notification stays.
SERVER_DEFAULT_TIMEOUT = -1
#: How long to wait for the bus to say hello, or the server to answer, before taking silence
#: for no server at all.
TIMEOUT_MS = 8_000
#: After a failure, how long before asking the bus again (a new server on it is heard of
#: sooner, through NameOwnerChanged).
BACKOFF_S = 300.0
#: A reminder waiting longer than this (a check's interval) is dropped: Today has it.
STALE_AFTER_S = 60.0


class _Relay(QObject):
    """Carries the connecting thread's answer to the GUI thread. Not the notifier's own
    signal: this object outlives a notifier deleted while the thread still runs."""

    opened = Signal(object, object)


class _Opening:
    """One attempt at opening the bus connection, on a thread of its own: jeepney says
    Hello() without a timeout, and a wedged bus must not freeze the window."""

    def __init__(self, address: str, receiver: Callable[[_Opening, Any], None]) -> None:
        self.socket: Any = None
        self._relay = _Relay()
        self._relay.opened.connect(receiver)
        self._lock = threading.Lock()
        self._abandoned = False
        self._thread = threading.Thread(
            target=self._run, args=(address,), name="notifications-bus", daemon=True
        )
        self._thread.start()

    def _run(self, address: str) -> None:
        connection: Any = None
        try:
            from jeepney.bus import get_bus
            from jeepney.io.blocking import DBusConnection, prep_socket

            sock = prep_socket(get_bus(address), timeout=TIMEOUT_MS / 1000)
            with self._lock:
                self.socket = sock
                if self._abandoned:
                    sock.close()
                    return
            connection = DBusConnection(sock)
        except Exception as exc:
            log.info("No D-Bus session for desktop notifications (%s)", type(exc).__name__)
        with self._lock:
            if self._abandoned:
                if connection is not None:
                    with contextlib.suppress(OSError):
                        connection.close()
                return
            # A queued signal: the answer is handled on the GUI thread.
            self._relay.opened.emit(self, connection)

    def abandon(self) -> None:
        """Give up on it: a Hello still waited for ends (the socket is shut)."""
        import socket

        with self._lock:
            self._abandoned = True
            if self.socket is not None:
                with contextlib.suppress(OSError):
                    self.socket.shutdown(socket.SHUT_RDWR)


class DesktopNotifications(QObject):
    """Sends notifications and hears their buttons; one notification per ``key``.

    ``key`` is whatever names the thing notified (a plan's occurrence): sending for a key
    again replaces its notification (replaces_id) rather than stacking a second one.
    ``address`` is a D-Bus address; None means the session bus (tests pass a private one).
    A notification nothing could show comes back through ``failed``; silence for
    ``timeout_ms`` counts as no server, and after a failure the bus is left alone for
    ``backoff_s`` (or until a new server appears on it).
    """

    #: A button or the notification was clicked: (key, OPEN or NOT_TODAY).
    action_invoked = Signal(object, str)
    #: Nothing took a notification sent: (key, title, body).
    failed = Signal(object, str, str)

    def __init__(
        self,
        address: str | None = None,
        parent: QObject | None = None,
        *,
        timeout_ms: int = TIMEOUT_MS,
        backoff_s: float = BACKOFF_S,
        stale_after_s: float = STALE_AFTER_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._address = address
        self._timeout_ms = timeout_ms
        self._backoff_s = backoff_s
        self.stale_after_s = stale_after_s
        self._clock = clock
        self._connection: Any = None
        self._opening: _Opening | None = None
        self._notifier: QSocketNotifier | None = None
        #: Not before this (the clock's time) does it try the bus again; 0: any time.
        self._retry_at = 0.0
        #: The unique bus name of the server that answered: only its signals count.
        self._owner: str | None = None
        #: Whether the server shows buttons (None: not asked yet, or no server answered).
        self.supports_actions: bool | None = None
        #: Whether the server reads the body as markup (then "&" and "<" are escaped).
        self._markup = False
        self._asking = False
        #: Notifications waiting for the server: (title, body, key, discreet, when queued).
        self._waiting: list[tuple[str, str, Hashable, bool, float]] = []
        #: Answers expected, by the serial of the call they answer, each with its timer.
        self._answers: dict[int, tuple[Callable[[Any], None], QTimer]] = {}
        self._ids: dict[Hashable, int] = {}
        self._keys: dict[int, Hashable] = {}

    # --- sending -------------------------------------------------------------------------------

    def send(self, title: str, body: str, key: Hashable, *, discreet: bool = True) -> bool:
        """Show a notification for ``key`` (replacing one already up for it).

        False where it is known nothing can show it now (a recent failure); True where it
        is on its way, though ``failed`` may still say otherwise. ``discreet`` leaves out
        which app sent it."""
        if self._clock() < self._retry_at:
            return False
        if self.supports_actions is None:
            self._waiting.append((title, body, key, discreet, self._clock()))
            self._ask_capabilities()
            return True
        self._notify(title, body, key, discreet)
        return True

    def _ask_capabilities(self) -> None:
        if self._asking:
            return
        self._asking = True
        if self._connection is not None:
            self._call("GetCapabilities", "", (), self._capabilities)
        elif self._opening is None:
            opening = _Opening(self._address or "SESSION", self._connected)
            self._opening = opening
            QTimer.singleShot(self._timeout_ms, self, lambda: self._opening_timed_out(opening))

    def _opening_timed_out(self, opening: _Opening) -> None:
        if opening is self._opening:
            opening.abandon()
            self._connected(opening, None)

    def _connected(self, opening: _Opening, connection: Any) -> None:
        if opening is not self._opening:  # given up on already
            if connection is not None:
                with contextlib.suppress(OSError):
                    connection.close()
            return
        self._opening = None
        if connection is None:
            self._give_up()
            return
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus

        self._connection = connection
        notifier = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._readable)
        self._notifier = notifier
        self._send(message_bus.AddMatch(MatchRule(type="signal", interface=INTERFACE, path=PATH)))
        # A notification server that starts, stops or restarts (its ids start again at 1).
        owner = MatchRule(type="signal", sender=BUS, interface=BUS, member="NameOwnerChanged")
        owner.add_arg_condition(0, SERVICE)
        self._send(message_bus.AddMatch(owner))
        if self._connection is not None:
            self._call("GetCapabilities", "", (), self._capabilities)

    def _capabilities(self, message: Any) -> None:
        self._asking = False
        if not _is_answer(message):
            log.info("No desktop notification server answered")
            self._give_up()
            return
        self._owner = _sender(message)
        self.supports_actions = "actions" in message.body[0]
        self._markup = "body-markup" in message.body[0]
        waiting, self._waiting = self._waiting, []
        oldest = self._clock() - self.stale_after_s
        for title, body, key, discreet, queued in waiting:
            if queued >= oldest:  # older ones wait on Today
                self._notify(title, body, key, discreet)

    def _give_up(self) -> None:
        """Nothing can show notifications: say which weren't, and wait before trying again."""
        self._asking = False
        self._retry_at = self._clock() + self._backoff_s
        waiting, self._waiting = self._waiting, []
        for title, body, key, _discreet, _queued in waiting:
            self.failed.emit(key, title, body)

    def _notify(self, title: str, body: str, key: Hashable, discreet: bool) -> None:
        if self._connection is None:
            self.failed.emit(key, title, body)
            return
        replaces = self._ids.get(key, 0)
        if discreet:
            app, icon, hints = _(DISCREET_APP_NAME), DISCREET_ICON, {}
        else:
            app, icon = supportnet.APP_NAME, ICON_NAME
            hints = {"desktop-entry": ("s", _desktop_entry()), "category": ("s", CATEGORY)}
        # The keys stay as they are; each label is said in the person's language.
        labels = [_(a) if i % 2 else a for i, a in enumerate(ACTIONS)]
        actions = labels if self.supports_actions else []
        text = html.escape(body, quote=False) if self._markup else body
        arguments = (app, replaces, icon, title, text, actions, hints, SERVER_DEFAULT_TIMEOUT)
        self._call(
            "Notify",
            "susssasa{sv}i",
            arguments,
            lambda message: self._shown(key, title, body, message),
        )

    def _shown(self, key: Hashable, title: str, body: str, message: Any) -> None:
        if not _is_answer(message):
            # The server may have gone, or hung: ask again, after a while, before the next.
            self.supports_actions = None
            self._retry_at = self._clock() + self._backoff_s
            log.info("The desktop notification server did not take a reminder")
            self.failed.emit(key, title, body)
            return
        self._owner = _sender(message)
        notification_id = int(message.body[0])
        old = self._ids.get(key)
        if old is not None and old != notification_id:
            self._keys.pop(old, None)
        self._ids[key] = notification_id
        self._keys[notification_id] = key

    # --- hearing -------------------------------------------------------------------------------

    def _signal(self, sender: str | None, member: str, body: tuple[Any, ...]) -> None:
        if member == "NameOwnerChanged":
            if sender == BUS and body[0] == SERVICE:
                self._server_changed(body[2])
            return
        # Other applications' notifications send these signals too, and anyone on the bus
        # can send a lookalike: only the server that showed ours speaks for them.
        if sender is None or sender != self._owner:
            return
        if member == "ActionInvoked":
            notification_id, action = body
            key = self._keys.get(notification_id)
            if key is None:
                return
            self.action_invoked.emit(key, NOT_TODAY if action == NOT_TODAY else OPEN)
        elif member == "NotificationClosed":
            key = self._keys.pop(body[0], None)
            if key is not None and self._ids.get(key) == body[0]:
                del self._ids[key]
        elif member == "ActivationToken" and body[0] in self._keys:
            _offer_activation_token(body[1])

    def _server_changed(self, new_owner: str) -> None:
        """The notification server went, came or was replaced: its ids mean nothing now."""
        self._ids.clear()
        self._keys.clear()
        self._owner = None
        self.supports_actions = None
        self._markup = False
        if new_owner:
            self._retry_at = 0.0  # a new server: worth asking at once

    # --- the connection ------------------------------------------------------------------------

    def _call(
        self, method: str, signature: str, body: tuple[Any, ...], answer: Callable[[Any], None]
    ) -> None:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        serial = self._send(new_method_call(address, method, signature or None, body))
        if serial is None:
            answer(None)
            return
        # Silence counts as no answer (a hung server must not keep reminders queued).
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._answered(serial, None))
        timer.start(self._timeout_ms)
        self._answers[serial] = (answer, timer)

    def _answered(self, serial: int, message: Any) -> None:
        waiting = self._answers.pop(serial, None)
        if waiting is None:
            return  # answered late: already taken for silence
        answer, timer = waiting
        timer.stop()
        timer.deleteLater()
        answer(message)

    def _send(self, message: Any) -> int | None:
        connection = self._connection
        if connection is None:
            return None
        serial = int(next(connection.outgoing_serial))
        try:
            connection.send(message, serial=serial)
        except OSError as exc:
            self._lost(exc)
            return None
        return serial

    def _readable(self, *_args: Any) -> None:
        """Read every message waiting on the bus connection (the notifier fired)."""
        from jeepney import HeaderFields, MessageType

        while self._connection is not None:
            try:
                message = self._connection.receive(timeout=0)
            except TimeoutError:
                return
            except OSError as exc:
                self._lost(exc)
                return
            header = message.header
            if header.message_type in (MessageType.method_return, MessageType.error):
                self._answered(header.fields.get(HeaderFields.reply_serial, -1), message)
            elif header.message_type is MessageType.signal and header.fields.get(
                HeaderFields.interface
            ) in (INTERFACE, BUS):
                with contextlib.suppress(ValueError, TypeError, IndexError):
                    member = header.fields.get(HeaderFields.member, "")
                    self._signal(_sender(message), member, message.body)

    def _lost(self, exc: BaseException) -> None:
        """The bus went: what was on its way comes back through ``failed``."""
        log.info("The D-Bus connection for notifications closed (%s)", type(exc).__name__)
        waiting, self._waiting = self._waiting, []
        answers = self._shut()
        for answer in answers:
            answer(None)
        self._retry_at = self._clock() + self._backoff_s
        for title, body, key, _discreet, _queued in waiting:
            self.failed.emit(key, title, body)

    def close(self) -> None:
        """Let go of the bus, quietly (a later notification connects again)."""
        self._shut()
        self._retry_at = 0.0

    def _shut(self) -> list[Callable[[Any], None]]:
        """Close the connection and forget the server; returns the answers still awaited."""
        if self._opening is not None:
            self._opening.abandon()
            self._opening = None
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.close()
            self._connection = None
        self._waiting.clear()
        answers, self._answers = self._answers, {}
        for _answer, timer in answers.values():
            timer.stop()
            timer.deleteLater()
        self.supports_actions = None
        self._owner = None
        self._asking = False
        self._ids.clear()
        self._keys.clear()
        return [answer for answer, _timer in answers.values()]


def _sender(message: Any) -> str | None:
    from jeepney import HeaderFields

    sender = message.header.fields.get(HeaderFields.sender)
    return str(sender) if sender else None


def _is_answer(message: Any) -> bool:
    from jeepney import MessageType

    return message is not None and message.header.message_type is MessageType.method_return


def _desktop_entry() -> str:
    """The desktop file's name without ".desktop", as the app set it (spec: desktop-entry)."""
    return QGuiApplication.desktopFileName().removesuffix(".desktop") or APP_ID


def _offer_activation_token(token: str) -> None:
    """Let the window come to the front on Wayland after a click on a notification.

    Qt's Wayland plugin takes XDG_ACTIVATION_TOKEN from the environment when a window asks
    to be activated (the spec's ActivationToken comes just before ActionInvoked)."""
    if token and QGuiApplication.platformName() == "wayland":
        os.environ["XDG_ACTIVATION_TOKEN"] = token


def for_this_desktop() -> DesktopNotifications | None:
    """Desktop notifications where they go over D-Bus (Linux and the BSDs); None elsewhere.

    On macOS and Windows Qt's tray icon already hands notifications to the system's own
    notification centre (QSystemTrayIcon.showMessage), so the tray path is used there."""
    import sys

    if sys.platform in ("darwin", "win32"):
        return None
    return DesktopNotifications()
