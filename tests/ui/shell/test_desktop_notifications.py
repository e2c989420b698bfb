"""Reminders as desktop notifications, against a real notification server on a private bus.

The server (notification_server.py) owns org.freedesktop.Notifications on a dbus-daemon of
the test's own; it keeps every Notify call and presses buttons when asked, as a desktop does.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtGui import QIcon, QPixmap

from supportnet import APP_ID
from supportnet.services import Services
from supportnet.ui.shell.desktop_notifications import DesktopNotifications
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.shell.reminders import ReminderService
from supportnet.ui.shell.sidebar import Page
from tests.ui.conftest import ZONE
from tests.ui.shell.notification_bus import NotificationServer

#: Mum's Sunday call is at 18:00 in London, 17:00 UTC, on Sunday 15 June 2025.
MUM_CALL = datetime(2025, 6, 15, 17, 0, tzinfo=UTC)
SUNDAY = date(2025, 6, 15)
BUTTONS = ["default", "Open", "open", "Open", "not-today", "Not today"]
#: Long enough for a busy machine; the waits end as soon as the answer is there.
WAIT_MS = 10_000


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def london(demo_store: Any) -> Any:
    Services.of(demo_store).settings.update(timezone=ZONE)
    return demo_store


@pytest.fixture
def made() -> Any:
    """Services and notifiers made in a test; stopped when it ends."""
    things: list[Any] = []
    yield things
    for thing in things:
        thing.stop() if isinstance(thing, ReminderService) else thing.close()


def _reminders(
    made: list[Any],
    store: Any,
    server: NotificationServer,
    *,
    tray: bool = False,
    clock: Clock | None = None,
) -> ReminderService:
    notifications = DesktopNotifications(server.address)
    service = ReminderService(
        Services.of(store),
        clock=clock or Clock(MUM_CALL - timedelta(seconds=30)),
        tray_available=lambda: tray,
        notifications=notifications,
    )
    made.append(service)
    return service


def _calls(qtbot: Any, server: NotificationServer, count: int) -> list[dict[str, Any]]:
    qtbot.waitUntil(lambda: len(server.calls()) >= count, timeout=WAIT_MS)
    calls = server.calls()
    assert len(calls) == count
    return calls


def _remind_of_mum(service: ReminderService) -> None:
    service.start()
    service._clock.now += timedelta(seconds=60)  # type: ignore[attr-defined]
    assert len(service.check()) == 1


@pytest.mark.parametrize(
    ("level", "summary", "body"),
    [
        ("discreet", "A gentle nudge", "A plan for 18:00"),
        ("first-name", "Maybe a hello to Mum?", "A plan for 18:00"),
        ("full", "Maybe a hello to Mum?", "Sunday call with Mum, 18:00"),
    ],
)
def test_a_notification_says_what_the_reminder_level_lets_it(
    qtbot: Any,
    london: Any,
    made: list[Any],
    notification_server: NotificationServer,
    level: str,
    summary: str,
    body: str,
) -> None:
    """A lock screen shows a notification to anyone passing: it says no more than the level."""
    Services.of(london).settings.update(reminder_privacy=level)
    service = _reminders(made, london, notification_server)
    _remind_of_mum(service)
    (call,) = _calls(qtbot, notification_server, 1)
    assert call["signature"] == "susssasa{sv}i"
    assert (call["summary"], call["body"]) == (summary, body)
    assert call["replaces_id"] == 0
    assert call["actions"] == BUTTONS
    assert call["timeout"] == -1
    if level != "full":
        assert "Sunday call" not in str(call)
    if level == "discreet":
        assert "Mum" not in str(call)
        # Nor which app reminds: its name alone hints at depression care (a lock screen
        # shows the app's name and icon even where it hides the text).
        assert call["app_name"] == "Reminder"
        assert call["icon"] == "appointment-soon"  # a standard freedesktop icon name
        assert call["hints"] == {}
        assert "supportnet" not in str(call).lower()
        assert APP_ID.lower() not in str(call).lower()
    else:
        assert call["app_name"] == "SupportNet"
        assert call["icon"] == APP_ID  # the icon install-desktop puts in the theme
        assert call["hints"] == {
            "desktop-entry": ["s", APP_ID],
            "category": ["s", "x-supportnet.reminder"],
        }


def test_without_buttons_on_the_server_none_are_sent(
    qtbot: Any, london: Any, made: list[Any], plain_notification_server: NotificationServer
) -> None:
    service = _reminders(made, london, plain_notification_server)
    _remind_of_mum(service)
    (call,) = _calls(qtbot, plain_notification_server, 1)
    assert call["actions"] == []
    assert call["summary"] == "A gentle nudge"
    # Nor is the body escaped for a server that shows it as it is.
    service.notifications.send("Maybe a hello?", "Tea & cake", (9, SUNDAY))  # type: ignore[union-attr]
    assert _calls(qtbot, plain_notification_server, 2)[1]["body"] == "Tea & cake"


def test_a_second_notification_for_an_occurrence_replaces_the_first(
    qtbot: Any, made: list[Any], notification_server: NotificationServer
) -> None:
    notifications = DesktopNotifications(notification_server.address)
    made.append(notifications)
    notifications.send("A gentle nudge", "A plan for 18:00", (7, SUNDAY))
    (first,) = _calls(qtbot, notification_server, 1)
    assert first["replaces_id"] == 0
    qtbot.waitUntil(lambda: (7, SUNDAY) in notifications._ids, timeout=WAIT_MS)
    shown_id = notifications._ids[(7, SUNDAY)]

    notifications.send("Maybe a hello to Sam?", "Tea & cake <3, 18:30", (7, SUNDAY))
    notifications.send("A gentle nudge", "A plan for 19:00", (8, SUNDAY))
    calls = _calls(qtbot, notification_server, 3)
    assert calls[1]["replaces_id"] == shown_id
    assert calls[2]["replaces_id"] == 0
    # The server reads bodies as markup: a plan's own words stay words.
    assert calls[1]["body"] == "Tea &amp; cake &lt;3, 18:30"
    assert calls[1]["summary"] == "Maybe a hello to Sam?"

    # Once closed on the desktop, the next one for it is a new notification.
    notification_server.close_notification(shown_id)
    qtbot.waitUntil(lambda: (7, SUNDAY) not in notifications._ids, timeout=WAIT_MS)
    notifications.send("A gentle nudge", "A plan for 18:00", (7, SUNDAY))
    assert _calls(qtbot, notification_server, 4)[3]["replaces_id"] == 0


def test_with_a_tray_reminders_go_to_the_tray_unless_notifications_are_chosen(
    qtbot: Any, london: Any, made: list[Any], notification_server: NotificationServer
) -> None:
    pixmap = QPixmap(16, 16)
    pixmap.fill()
    clock = Clock(MUM_CALL - timedelta(seconds=30))
    service = ReminderService(
        Services.of(london),
        clock=clock,
        tray_available=lambda: True,
        icon=QIcon(pixmap),
        notifications=DesktopNotifications(notification_server.address),
    )
    made.append(service)
    assert service.tray is not None
    assert service.check() == []
    clock.now += timedelta(seconds=60)
    assert service.check() == [("A gentle nudge", "A plan for 18:00")]  # shown by the tray
    # A later reminder goes to the desktop, as now chosen.
    Services.of(london).settings.update(reminder_display="notifications")
    clock.now = datetime(2025, 6, 18, 11, 30, 20, tzinfo=UTC)  # 12:30:20 in London
    assert service.check() == [("A gentle nudge", "A plan for 12:30")]
    (call,) = _calls(qtbot, notification_server, 1)
    assert call["body"] == "A plan for 12:30"  # Mum's call never reached the server


def test_without_a_notification_server_nothing_fails(
    qtbot: Any, london: Any, made: list[Any], private_bus: str
) -> None:
    """A bus with nobody owning org.freedesktop.Notifications, then no bus at all."""
    notifications = DesktopNotifications(private_bus)
    service = ReminderService(
        Services.of(london),
        clock=Clock(MUM_CALL - timedelta(seconds=30)),
        tray_available=lambda: False,
        notifications=notifications,
    )
    made.append(service)
    _remind_of_mum(service)  # shown nowhere, quietly; Today still has it
    qtbot.waitUntil(lambda: not notifications._asking, timeout=WAIT_MS)
    assert notifications.supports_actions is None
    assert not notifications._waiting

    nowhere = DesktopNotifications("unix:path=/nonexistent/supportnet-test-bus")
    made.append(nowhere)
    failed: list[Any] = []
    nowhere.failed.connect(lambda *args: failed.append(args))
    assert nowhere.send("A gentle nudge", "A plan for 18:00", (1, SUNDAY))
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT_MS)
    assert nowhere.supports_actions is None
    assert not nowhere._waiting
    # It waits a while before knocking again.
    assert not nowhere.send("A gentle nudge", "A plan for 18:01", (2, SUNDAY))


def _window(qtbot: Any, store: Any) -> MainWindow:
    window = MainWindow(
        Services.of(store), data_location="/d", key_location="k", clock=lambda: MUM_CALL
    )
    qtbot.addWidget(window)
    return window


def _shown_id(qtbot: Any, service: ReminderService) -> int:
    notifications = service.notifications
    assert notifications is not None
    qtbot.waitUntil(lambda: bool(notifications._keys), timeout=WAIT_MS)
    (shown_id,) = notifications._keys
    return int(shown_id)


# WORKAROUND: the offscreen platform can't raise a window, and says so.
@pytest.mark.qt_log_ignore("does not support raise", extend=True)
def test_open_brings_up_the_window_on_today(
    qtbot: Any, london: Any, made: list[Any], notification_server: NotificationServer
) -> None:
    window = _window(qtbot, london)
    window.show_page(Page.PEOPLE)
    service = _reminders(made, london, notification_server)
    service.attach_window(window)
    _remind_of_mum(service)
    shown_id = _shown_id(qtbot, service)
    assert not window.isVisible()

    notification_server.click(shown_id, "open")
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert window.current_page is Page.TODAY

    # A click on the notification itself does the same.
    window.hide()
    window.show_page(Page.PEOPLE)
    notification_server.click(shown_id, "default")
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert window.current_page is Page.TODAY


def test_not_today_moves_the_plan_to_tomorrow_as_todays_button_does(
    qtbot: Any, london: Any, made: list[Any], notification_server: NotificationServer
) -> None:
    window = _window(qtbot, london)
    service = _reminders(made, london, notification_server)
    service.attach_window(window)
    _remind_of_mum(service)
    shown_id = _shown_id(qtbot, service)
    mum_plan = next(p for p in london.plans.list_all() if p.title == "Sunday call with Mum")
    assert not [p for p in london.postponements.list_active(SUNDAY) if p.plan_id == mum_plan.id]
    steps = window.undo_stack.count()

    # Someone else's notification's button is none of ours.
    notification_server.click(shown_id + 100, "not-today")
    notification_server.click(shown_id, "not-today")
    qtbot.waitUntil(lambda: window.undo_stack.count() == steps + 1, timeout=WAIT_MS)

    (moved,) = [p for p in london.postponements.list_active(SUNDAY) if p.plan_id == mum_plan.id]
    assert moved.to_date == SUNDAY + timedelta(days=1)
    assert moved.from_date == SUNDAY
    assert window.note.text() == "Moved to tomorrow"
    assert not window.isVisible()  # a quiet move: the window stays where it was
    # Undo puts it back, as for the card's button.
    window.undo_stack.undo()
    assert not [p for p in london.postponements.list_active(SUNDAY) if p.plan_id == mum_plan.id]


def test_the_app_hands_the_reminders_its_desktop_notifications(
    qtbot: Any, london: Any, private_bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from supportnet.ui import app as app_module
    from supportnet.ui.shell import desktop_notifications

    notifications = DesktopNotifications(private_bus)
    monkeypatch.setattr(desktop_notifications, "for_this_desktop", lambda: notifications)
    window = _window(qtbot, london)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    service = app_module.start_reminders(window, london, app)
    try:
        assert service.notifications is notifications
        assert notifications.parent() is service
    finally:
        service.stop()


# WORKAROUND: the offscreen platform can't raise a window, and says so.
@pytest.mark.qt_log_ignore("does not support raise", extend=True)
def test_not_today_for_a_plan_deleted_since_opens_today_instead(
    qtbot: Any, london: Any, made: list[Any], notification_server: NotificationServer
) -> None:
    window = _window(qtbot, london)
    service = _reminders(made, london, notification_server)
    service.attach_window(window)
    _remind_of_mum(service)
    shown_id = _shown_id(qtbot, service)
    mum_plan = next(p for p in london.plans.list_all() if p.title == "Sunday call with Mum")
    Services.of(london).plans.remove(mum_plan)
    steps = window.undo_stack.count()

    notification_server.click(shown_id, "not-today")
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert window.current_page is Page.TODAY
    assert window.undo_stack.count() == steps
    assert not london.postponements.list_active(SUNDAY)
