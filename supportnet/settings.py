"""User settings with their defaults and limits."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from supportnet.errors import Problem
from supportnet.network import raise_problems


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

    def problems(self) -> list[Problem]:
        """Everything wrong with these settings, one message per field."""
        problems: list[Problem] = []
        if not 1 <= self.suggestions_per_day <= 10:
            problems.append(
                Problem("suggestions_per_day", "Suggest between 1 and 10 people a day.")
            )
        if self.timezone is not None:
            try:
                ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                problems.append(
                    Problem("timezone", f"“{self.timezone}” isn't a time zone we know.")
                )
        return problems

    def validate(self) -> None:
        """Raise :class:`ValidationError` naming the first problem, carrying all of them."""
        raise_problems(self.problems())


SETTING_NAMES = tuple(f.name for f in fields(Settings))
