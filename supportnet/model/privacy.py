"""How much a text others may see says: one set of levels for calendar files and reminders.

Each place explains the levels in its own words (a file holds ways to reach people, a
reminder only a time): calendar.options and model.settings keep those explanations.
"""

from __future__ import annotations

from enum import StrEnum

from supportnet.i18n import N_, _


class Privacy(StrEnum):
    """How much a calendar file or a reminder may say, least first."""

    DISCREET = "discreet"
    FIRST_NAME = "first-name"
    FULL = "full"

    @property
    def label(self) -> str:
        return _(_PRIVACY_LABELS[self])


_PRIVACY_LABELS = {
    Privacy.DISCREET: N_("Discreet"),
    Privacy.FIRST_NAME: N_("First name"),
    Privacy.FULL: N_("Full"),
}
