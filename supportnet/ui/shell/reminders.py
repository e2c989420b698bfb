"""Reminders: a quiet timer that notifies once when a planned reach-out's time comes.

What a reminder says follows its own privacy level, discreet unless the person chooses
more (Preferences): a notification may show on a lock screen others can see.

Where reminders show: the tray icon's message where the desktop has a tray (on macOS and
Windows that is the system's notification centre), else a desktop notification over D-Bus
(:mod:`desktop_notifications`), whose "Open" shows Today and whose "Not today" moves the plan
to tomorrow as Today's own button does; Preferences can choose notifications even with a tray.

At start, and after the computer sleeps, it looks back only one interval: anything older
simply waits on the Today page instead of arriving in a flood. Inside quiet hours, or with
reminders turned off, it shows nothing (and does not save it up for later either).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from supportnet.i18n import N_, _
from supportnet.model.plans import Plan
from supportnet.model.privacy import Privacy
from supportnet.model.settings import ReminderDisplay
from supportnet.model.targets import PERSON
from supportnet.model.zones import system_zone_name, user_zone_name
from supportnet.scheduling import Target, reminders_due
from supportnet.scheduling.reaching_out import (
    local_today,
    reminder_since,
    reminder_text,
)
from supportnet.services import Services
from supportnet.ui.hard_day.entry import HARD_DAY_ACTION_TEXT
from supportnet.ui.shell.sidebar import Page
from supportnet.ui.widgets.menus import fill_menu

#: How often the timer looks for reminders.
CHECK_INTERVAL_MS = 60_000
#: How long a notification stays up, where the desktop lets an app choose.
NOTIFY_MS = 15_000
#: What a first-name reminder calls a group: "Maybe a hello to your group?".
# Translators: stands for a group's name in a reminder, as a first name would.
GROUP_AT_FIRST_NAME = N_("your group")

#: Shows one notification: (title, body).
Notify = Callable[[str, str], None]
#: Which plan's occurrence a reminder is for: (plan_id, the occurrence's day).
OccurrenceKey = tuple[int, date]


class ReminderService(QObject):
    """Owns the reminder timer and, where the desktop has one, a tray icon with a small menu.

    ``notify`` and ``clock`` can be replaced (tests do). By default a reminder goes to the
    tray icon, or to ``notifications`` (a :class:`DesktopNotifications`) where there is no
    tray or the person chose them; with neither nothing is shown and nothing fails: Today
    still gathers everything.
    """

    open_requested = Signal()
    #: A notification's "Open": the window, on Today.
    today_requested = Signal()
    #: A notification's "Not today": (plan, the occurrence's start, whom it is with).
    not_today_requested = Signal(object, object, str)
    log_requested = Signal()
    hard_day_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        source: Services,
        *,
        clock: Callable[[], datetime] | None = None,
        notify: Notify | None = None,
        system_zone: Callable[[], str] = system_zone_name,
        interval_ms: int = CHECK_INTERVAL_MS,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        icon: QIcon | None = None,
        notifications: Any | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock or (lambda: datetime.now(UTC))
        self._system_zone = system_zone
        self.interval = timedelta(milliseconds=interval_ms)
        #: Occurrences already notified, as ``(plan_id, day)``; each is shown once.
        self.already: set[tuple[int, date]] = set()
        #: When the last check ran (None before the first).
        self.last_check: datetime | None = None
        self._plans: list[Plan] | None = None
        self._targets: dict[tuple[str, int], Target] | None = None
        #: People's first names by id, read only when a reminder may say one.
        self._first_names: dict[int, str] | None = None

        self.tray: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        if tray_available():
            self._make_tray(icon or QIcon())
        self._notify = notify
        #: Desktop notifications (None: only the tray); their buttons come back here.
        self.notifications = notifications
        if notifications is not None:
            if notifications.parent() is None:
                notifications.setParent(self)
            notifications.action_invoked.connect(self._notification_action)
            notifications.failed.connect(self._not_shown)
            # A reminder still waiting for the server after a check's interval waits on Today.
            notifications.stale_after_s = self.interval.total_seconds()
        #: What each recent reminder was for, so its "Not today" can move it.
        self._reminded: dict[OccurrenceKey, tuple[Plan, datetime, str]] = {}
        #: Where the check that sent each recent reminder looked back from.
        self._sent_since: dict[OccurrenceKey, datetime] = {}
        #: Where the next check looks back from, at most, to try again what nothing showed.
        self._retry_since: datetime | None = None

        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    # --- the tray ------------------------------------------------------------------------------

    def _make_tray(self, icon: QIcon) -> None:
        tray = QSystemTrayIcon(icon, self)
        tray.setToolTip("SupportNet")  # the app's name, never translated
        menu = QMenu()
        menu.setAccessibleName("SupportNet")
        self.open_action = QAction(_("&Open SupportNet"), menu)
        self.open_action.triggered.connect(lambda _c=False: self.open_requested.emit())
        self.log_action = QAction(_("&Log a check-in…"), menu)
        self.log_action.triggered.connect(lambda _c=False: self.log_requested.emit())
        self.hard_day_action = QAction(_(HARD_DAY_ACTION_TEXT), menu)
        self.hard_day_action.triggered.connect(lambda _c=False: self.hard_day_requested.emit())
        self.quit_action = QAction(_("&Quit"), menu)
        self.quit_action.triggered.connect(lambda _c=False: self.quit_requested.emit())
        fill_menu(
            menu,
            [self.open_action, self.log_action],
            [self.hard_day_action],
            [self.quit_action],
        )
        tray.setContextMenu(menu)
        tray.activated.connect(self._activated)
        tray.messageClicked.connect(self.open_requested)
        self.menu = menu
        self.tray = tray

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def _show(
        self, title: str, body: str, key: OccurrenceKey, where: ReminderDisplay, discreet: bool
    ) -> bool:
        """Show one reminder where it belongs (see the class docstring); False where nothing
        could (a desktop notification may still fail later: :meth:`_not_shown`)."""
        if self._notify is not None:
            self._notify(title, body)
            return True
        wants_desktop = self.tray is None or where is ReminderDisplay.NOTIFICATIONS
        notifications = self.notifications if wants_desktop else None
        if notifications is not None and notifications.send(title, body, key, discreet=discreet):
            return True
        if self.tray is None:
            return False
        self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, NOTIFY_MS)
        return True

    def _not_shown(self, key: OccurrenceKey, title: str, body: str) -> None:
        """No notification server took a reminder: the tray shows it where there is one;
        else it isn't counted as shown, and the next check may try again."""
        since = self._sent_since.pop(key, None)
        if self.tray is not None:
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, NOTIFY_MS)
            return
        self.already.discard(key)
        if since is not None:
            self._retry_from(since)

    def _retry_from(self, since: datetime) -> None:
        if self._retry_since is None or since < self._retry_since:
            self._retry_since = since

    def _notification_action(self, key: OccurrenceKey, action: str) -> None:
        from supportnet.ui.shell.desktop_notifications import NOT_TODAY

        reminded = self._reminded.get(key)
        if action == NOT_TODAY and reminded is not None:
            self.not_today_requested.emit(*reminded)
        else:
            self.today_requested.emit()

    # --- running -------------------------------------------------------------------------------

    def start(self) -> None:
        """Show the tray icon and start checking; nothing from before now is notified."""
        if self.tray is not None:
            self.tray.show()
        self.last_check = None
        self.check()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()
        if self.notifications is not None:
            self.notifications.close()

    def invalidate(self) -> None:
        """People, groups or plans changed: read them again at the next check."""
        self._plans = None
        self._targets = None
        self._first_names = None

    def attach_window(self, window: Any) -> None:
        """Wire the tray menu to the main window and follow its changes."""
        signals = window.signals
        for signal in (
            signals.people_changed,
            signals.groups_changed,
            signals.plans_changed,
        ):
            signal.connect(self.invalidate)

        def bring_up() -> None:
            window.showNormal()
            window.raise_()
            window.activateWindow()

        def log() -> None:
            bring_up()
            window.today.log_checkin()

        def show_today() -> None:
            bring_up()
            window.show_page(Page.TODAY)

        def not_today(plan: Plan, due_at: datetime, name: str) -> None:
            # The plan as it is now (edited or deleted since the reminder, perhaps); then the
            # same move, undo and note as Today's own "Not today" button.
            now = next((p for p in self._source.plans.list_all() if p.id == plan.id), None)
            if now is None:
                show_today()
                return
            window.today.not_today_for(now, due_at, name)

        self.open_requested.connect(bring_up)
        self.today_requested.connect(show_today)
        self.not_today_requested.connect(not_today)
        self.log_requested.connect(log)
        # The panel opens on its own; the window can stay in the tray.
        self.hard_day_requested.connect(window.open_hard_day)
        self.quit_requested.connect(window.quit_app)

    def check(self) -> list[tuple[str, str]]:
        """Notify what has come due since the last check; returns what was shown."""
        now = self._clock()
        since = reminder_since(self.last_check, now, self.interval)
        retry, self._retry_since = self._retry_since, None
        if retry is not None and since == self.last_check:
            # Once more for what nothing showed, but no further back than the check before
            # this one: what came before that waits on Today, as after a sleep.
            since = max(min(since, retry), now - 2 * self.interval)
        self.last_check = now
        settings = self._source.settings.load()
        if not settings.reminders_enabled or since >= now:
            return []
        zone = user_zone_name(settings.timezone, self._system_zone())
        today = local_today(now, zone)
        if self._plans is None or self._targets is None:
            self._plans = self._source.plans.list_all()
            self._targets = self._source.targets()
        plans = self._plans
        postponements = self._source.postponements.list_active(today)
        due = reminders_due(
            plans,
            self._targets,
            postponements,
            now,
            since,
            zone,
            quiet_start=settings.quiet_hours_start,
            quiet_end=settings.quiet_hours_end,
            already=self.already,
        )
        by_id = {plan.id: plan for plan in plans}
        level = settings.reminder_level
        shown: list[tuple[str, str]] = []
        for occurrence, target in due:
            key = (occurrence.plan_id, occurrence.day)
            self.already.add(key)
            plan = by_id.get(occurrence.plan_id)
            title, body = reminder_text(
                target.name,
                plan.title if plan else "",
                occurrence.start,
                zone,
                level=level,
                first_name=self._first_name(target) if level is Privacy.FIRST_NAME else "",
            )
            if plan is not None and occurrence.start is not None:
                self._reminded[key] = (plan, occurrence.start, target.name)
            self._sent_since[key] = since
            if self._show(title, body, key, settings.reminder_where, level is Privacy.DISCREET):
                shown.append((title, body))
            else:  # not counted as shown: the next check may try again
                self.already.discard(key)
                self._retry_from(since)
        # Forget what can no longer come round again.
        self.already = {(p, d) for p, d in self.already if d >= today - timedelta(days=2)}
        self._reminded = {k: v for k, v in self._reminded.items() if k in self.already}
        self._sent_since = {k: v for k, v in self._sent_since.items() if k in self.already}
        return shown

    def _first_name(self, target: Target) -> str:
        """What a first-name reminder calls them: a person's first name or nickname; a
        group "your group" (its name may say what it is for, and the level promises a
        first name and nothing more)."""
        if target.kind != PERSON:
            return _(GROUP_AT_FIRST_NAME)
        if self._first_names is None:
            self._first_names = {
                p.id: p.first_name for p in self._source.people.list_all() if p.id is not None
            }
        return self._first_names.get(target.id, "")
