"""User settings with their defaults and limits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, time
from enum import StrEnum

from supportnet.i18n import N_, _, ngettext
from supportnet.model.errors import Problem
from supportnet.model.network import raise_problems
from supportnet.model.privacy import Privacy
from supportnet.model.zones import is_known_zone

_REMINDER_EXPLANATIONS = {
    Privacy.DISCREET: N_("A gentle nudge and the time; no name or plan."),
    Privacy.FIRST_NAME: N_("A first name or nickname and the time, nothing more."),
    Privacy.FULL: N_("The name, the plan and the time."),
}


def reminder_explanation(level: Privacy) -> str:
    """What a reminder says at ``level`` (a reminder's level is set apart from exports')."""
    return _(_REMINDER_EXPLANATIONS[level])


class ReminderDisplay(StrEnum):
    """Where reminders show: the tray where the desktop has one, else desktop notifications
    (automatic), or desktop notifications even where there is a tray."""

    AUTOMATIC = "automatic"
    NOTIFICATIONS = "notifications"

    @property
    def label(self) -> str:
        return _(_DISPLAY_LABELS[self])


_DISPLAY_LABELS = {
    ReminderDisplay.AUTOMATIC: N_("In the tray, where there is one"),
    ReminderDisplay.NOTIFICATIONS: N_("As desktop notifications"),
}


@dataclass(slots=True)
class Settings:
    """Preferences kept in the encrypted store.

    ``timezone`` of ``None`` means "follow the system".
    """

    suggestions_per_day: int = 3
    reminders_enabled: bool = True
    quiet_hours_start: time = time(21, 30)
    quiet_hours_end: time = time(8, 30)
    low_energy_until: date | None = None
    timezone: str | None = None
    #: Whether the first-run choice (example network or empty) has been made.
    onboarded: bool = False
    #: Closing the window keeps SupportNet in the system tray, so reminders still come.
    keep_in_tray: bool = False
    #: What a reminder may say (a :class:`Privacy` value; stored as its text).
    reminder_privacy: str = Privacy.DISCREET.value
    #: The calendar server last published to, and the account (never its password).
    caldav_url: str = ""
    caldav_username: str = ""
    #: A folder the daily automatic backups are also copied to (a USB stick, a synced
    #: folder); empty for none.
    backup_folder: str = ""
    #: Where reminders show (a :class:`ReminderDisplay` value; stored as its text).
    reminder_display: str = ReminderDisplay.AUTOMATIC.value

    def problems(self) -> list[Problem]:
        """Everything wrong with these settings, one message per field."""
        problems: list[Problem] = []
        if not 1 <= self.suggestions_per_day <= 10:
            problems.append(
                Problem("suggestions_per_day", _("Suggest between 1 and 10 people a day."))
            )
        if self.timezone is not None and not is_known_zone(self.timezone):
            problems.append(
                Problem(
                    "timezone",
                    _("“{zone}” isn't a time zone we know.").format(zone=self.timezone),
                )
            )
        if self.reminder_privacy not in set(Privacy):
            problems.append(
                Problem("reminder_privacy", _("Choose discreet, first name or full for reminders."))
            )
        if self.reminder_display not in set(ReminderDisplay):
            problems.append(
                Problem(
                    "reminder_display", _("Choose where reminders show: tray or notifications.")
                )
            )
        return problems

    @property
    def reminder_where(self) -> ReminderDisplay:
        """Where reminders show; automatic for anything unknown."""
        try:
            return ReminderDisplay(self.reminder_display)
        except ValueError:
            return ReminderDisplay.AUTOMATIC

    @property
    def reminder_level(self) -> Privacy:
        """What reminders may say; discreet for anything unknown (nothing to leak)."""
        try:
            return Privacy(self.reminder_privacy)
        except ValueError:
            return Privacy.DISCREET

    def validate(self) -> None:
        """Raise :class:`ValidationError` naming the first problem, carrying all of them."""
        raise_problems(self.problems())


SETTING_NAMES = tuple(f.name for f in fields(Settings))

#: What each setting is called where people meet it (the Preferences dialog, Go easy);
#: marked, shown through ``_()``.
SETTING_LABELS = {
    "suggestions_per_day": N_("suggestions a day"),
    "reminders_enabled": N_("reminders"),
    "quiet_hours_start": N_("quiet hours"),
    "quiet_hours_end": N_("quiet hours"),
    "low_energy_until": N_("going easy"),
    "timezone": N_("time zone"),
    "onboarded": N_("the first-start choice"),
    "keep_in_tray": N_("keeping running in the tray"),
    "reminder_privacy": N_("what reminders say"),
    "caldav_url": N_("the calendar server"),
    "caldav_username": N_("the calendar server"),
    "backup_folder": N_("the extra backup folder"),
    "reminder_display": N_("where reminders show"),
}


def reset_notice(names: Iterable[str]) -> str:
    """What to tell someone whose stored settings ``names`` were unreadable and reset.

    E.g. "One setting couldn't be read and is back to its default: quiet hours. You can set
    it again in Preferences." Empty when nothing was reset.
    """
    labels = list(dict.fromkeys(_label(name) for name in names))
    if not labels:
        return ""
    listed = labels[0]
    if len(labels) > 1:
        # Translators: the last two of a list, "quiet hours, reminders and time zone".
        listed = _("{items} and {last}").format(items=", ".join(labels[:-1]), last=labels[-1])
    return ngettext(
        "One setting couldn't be read and is back to its default: {settings}. "
        "You can set it again in Preferences.",
        "Some settings couldn't be read and are back to their defaults: {settings}. "
        "You can set them again in Preferences.",
        len(labels),
    ).format(settings=listed)


def _label(name: str) -> str:
    label = SETTING_LABELS.get(name)
    return _(label) if label else name
