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
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtGui import QGuiApplication

import supportnet
from supportnet import APP_ID

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
#: The themed icon `supportnet install-desktop` installs, named by the app's id.
ICON_NAME = APP_ID
#: The spec has no reminder category; its form for one of our own is "x-vendor.class".
CATEGORY = "x-supportnet.reminder"

#: Action keys: "default" is a click on the notification itself.
DEFAULT = "default"
OPEN = "open"
NOT_TODAY = "not-today"
#: What the buttons say (keys and labels alternate, as the spec lays them out).
ACTIONS = (DEFAULT, "Open", OPEN, "Open", NOT_TODAY, "Not today")
#: Let the server choose how long a notification stays.
SERVER_DEFAULT_TIMEOUT = -1


class DesktopNotifications(QObject):
    """Sends notifications and hears their buttons; one notification per ``key``.

    ``key`` is whatever names the thing notified (a plan's occurrence): sending for a key
    again replaces its notification (replaces_id) rather than stacking a second one.
    ``address`` is a D-Bus address; None means the session bus (tests pass a private one).
    """

    #: A button or the notification was clicked: (key, OPEN or NOT_TODAY).
    action_invoked = Signal(object, str)

    def __init__(self, address: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._address = address
        self._connection: Any = None
        self._notifier: QSocketNotifier | None = None
        #: Whether the server shows buttons (None: not asked yet, or no server answered).
        self.supports_actions: bool | None = None
        #: Whether the server reads the body as markup (then "&" and "<" are escaped).
        self._markup = False
        self._asking = False
        #: Notifications waiting for the server's capabilities: (title, body, key).
        self._waiting: list[tuple[str, str, Hashable]] = []
        #: Answers expected, by the serial of the call they answer.
        self._answers: dict[int, Callable[[Any], None]] = {}
        self._ids: dict[Hashable, int] = {}
        self._keys: dict[int, Hashable] = {}

    # --- sending -------------------------------------------------------------------------------

    def send(self, title: str, body: str, key: Hashable) -> None:
        """Show a notification for ``key`` (replacing one already up for it); quietly
        nothing where there is no notification server."""
        if self.supports_actions is None:
            self._waiting.append((title, body, key))
            self._ask_capabilities()
            return
        self._notify(title, body, key)

    def _ask_capabilities(self) -> None:
        if self._asking:
            return
        if not self._connect():
            self._waiting.clear()
            return
        self._asking = True
        self._call("GetCapabilities", "", (), self._capabilities)

    def _capabilities(self, message: Any) -> None:
        self._asking = False
        waiting, self._waiting = self._waiting, []
        if not _is_answer(message):
            log.info("No desktop notification server answered; reminders wait on Today")
            return
        self.supports_actions = "actions" in message.body[0]
        self._markup = "body-markup" in message.body[0]
        for title, body, key in waiting:
            self._notify(title, body, key)

    def _notify(self, title: str, body: str, key: Hashable) -> None:
        if not self._connect():
            return
        replaces = self._ids.get(key, 0)
        hints = {"desktop-entry": ("s", _desktop_entry()), "category": ("s", CATEGORY)}
        actions = list(ACTIONS) if self.supports_actions else []
        arguments = (
            supportnet.APP_NAME,
            replaces,
            ICON_NAME,
            title,
            html.escape(body, quote=False) if self._markup else body,
            actions,
            hints,
            SERVER_DEFAULT_TIMEOUT,
        )
        self._call(
            "Notify",
            "susssasa{sv}i",
            arguments,
            lambda message: self._shown(key, message),
        )

    def _shown(self, key: Hashable, message: Any) -> None:
        if not _is_answer(message):
            # The server may have gone: ask again before the next one.
            self.supports_actions = None
            log.info("The desktop notification server did not take a reminder")
            return
        notification_id = int(message.body[0])
        old = self._ids.get(key)
        if old is not None and old != notification_id:
            self._keys.pop(old, None)
        self._ids[key] = notification_id
        self._keys[notification_id] = key

    # --- hearing -------------------------------------------------------------------------------

    def _signal(self, member: str, body: tuple[Any, ...]) -> None:
        # Other applications' notifications send these signals too: only ours count.
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

    # --- the connection ------------------------------------------------------------------------

    def _connect(self) -> bool:
        """Open the bus connection once; False (quietly) where there is none."""
        if self._connection is not None:
            return True
        try:
            from jeepney import MatchRule
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection

            connection = open_dbus_connection(bus=self._address or "SESSION")
        except Exception as exc:
            log.info("No D-Bus session for desktop notifications (%s)", type(exc).__name__)
            return False
        self._connection = connection
        notifier = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._readable)
        self._notifier = notifier
        rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
        self._send(message_bus.AddMatch(rule))
        return True

    def _call(
        self, method: str, signature: str, body: tuple[Any, ...], answer: Callable[[Any], None]
    ) -> None:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        serial = self._send(new_method_call(address, method, signature or None, body))
        if serial is None:
            answer(None)
        else:
            self._answers[serial] = answer

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
                answer = self._answers.pop(header.fields.get(HeaderFields.reply_serial, -1), None)
                if answer is not None:
                    answer(message)
            elif (
                header.message_type is MessageType.signal
                and header.fields.get(HeaderFields.interface) == INTERFACE
            ):
                with contextlib.suppress(ValueError, TypeError, IndexError):
                    self._signal(header.fields.get(HeaderFields.member, ""), message.body)

    def _lost(self, exc: BaseException) -> None:
        log.info("The D-Bus connection for notifications closed (%s)", type(exc).__name__)
        self.close()

    def close(self) -> None:
        """Let go of the bus (a later notification connects again)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.close()
            self._connection = None
        answers, self._answers = self._answers, {}
        self.supports_actions = None
        self._asking = False
        for answer in answers.values():
            answer(None)
        self._ids.clear()
        self._keys.clear()


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
