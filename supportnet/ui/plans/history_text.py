"""How check-ins read in the history: moods, who reached out, when, and the empty texts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from supportnet.model.care import NOT_IN_NETWORK
from supportnet.model.checkins import CheckIn, Initiator, mood_word
from supportnet.model.days import short_date

#: The domain id of a row (``CheckIn.id``).
ID_ROLE = Qt.ItemDataRole.UserRole
#: The row's uid, which survives a delete and its undo.
UID_ROLE = Qt.ItemDataRole.UserRole + 1

NOT_NOTED = "Not noted"
WHO_TEXT = {Initiator.ME: "I did", Initiator.THEM: "They did"}
#: Said after who did a check-in that fulfilled a care team's rota slot.
ON_THE_ROTA = "(on the care team rota)"
EMPTY_HISTORY = "Nothing logged with {name} yet."
EMPTY_HISTORY_MORE = (
    "When you're in touch, whoever reached out, it can be noted here. "
    "There's no score and nothing to keep up."
)
NOTHING_SELECTED = "Choose a check-in in the list to edit or delete it."
#: How each field is named in "Check … to save".
CHECKIN_FIELD_NAMES = {
    "at": "when it was",
    "channel": "how you were in touch",
    "initiator": "who reached out",
    "note": "the note",
    "mood_before": "the mood before",
    "mood_after": "the mood after",
    "target": "who it was with",
}

Index = QModelIndex | QPersistentModelIndex


def who_text(checkin: CheckIn, names: Mapping[str, str]) -> str:
    """Who reached out, or who checked in on the user's behalf: "I did", "They did",
    "Rosie checked in (on the care team rota)" with the name the app calls them now
    (``names`` by uid), or "Someone no longer in your network checked in" when gone."""
    on_rota = f" {ON_THE_ROTA}" if checkin.rota_slot else ""
    if checkin.by is not None:
        return f"{names.get(checkin.by, NOT_IN_NETWORK)} checked in{on_rota}"
    text = WHO_TEXT.get(checkin.initiator, "")
    return f"{text}{on_rota}" if text else ""


def mood_text(before: int | None, after: int | None) -> str:
    """ "Low → Good", "Before: Low", "After: Good" or "": words, never the scale's numbers."""
    if before is not None and after is not None:
        return f"{mood_word(before)} → {mood_word(after)}"
    if before is not None:
        return f"Before: {mood_word(before)}"
    if after is not None:
        return f"After: {mood_word(after)}"
    return ""


def when_text(at: datetime, zone: ZoneInfo, now: datetime | None = None) -> str:
    """ "Sun 14 Jun, 18:05" in ``zone`` (with the year when it isn't this year)."""
    local = at.astimezone(zone)
    this_year = now is not None and now.astimezone(zone).year == local.year
    text = short_date(local.date(), year=not this_year)
    return f"{text}, {local:%H:%M}"
