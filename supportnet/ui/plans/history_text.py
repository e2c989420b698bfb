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

from supportnet.i18n import N_, _
from supportnet.model.care import NOT_IN_NETWORK
from supportnet.model.checkins import CheckIn, Initiator, mood_word
from supportnet.model.days import short_date

#: The domain id of a row (``CheckIn.id``).
ID_ROLE = Qt.ItemDataRole.UserRole
#: The row's uid, which survives a delete and its undo.
UID_ROLE = Qt.ItemDataRole.UserRole + 1

NOT_NOTED = N_("Not noted")
WHO_TEXT = {Initiator.ME: N_("I did"), Initiator.THEM: N_("They did")}
#: Said after who did a check-in that fulfilled a care team's rota slot.
ON_THE_ROTA = N_("(on the care team rota)")
#: Who reached out, on a care team's rota.
WHO_ON_THE_ROTA = {
    Initiator.ME: N_("I did (on the care team rota)"),
    Initiator.THEM: N_("They did (on the care team rota)"),
}
EMPTY_HISTORY = N_("Nothing logged with {name} yet.")
EMPTY_HISTORY_THEM = N_("Nothing logged with them yet.")
EMPTY_HISTORY_MORE = N_(
    "When you're in touch, whoever reached out, it can be noted here. "
    "There's no score and nothing to keep up."
)
NOTHING_SELECTED = N_("Choose a check-in in the list to edit or delete it.")
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
#: The line beside a disabled Save button, by the field that needs a look first.
CHECKIN_SAVE_HINTS = {
    "at": N_("Check when it was to save"),
    "channel": N_("Check how you were in touch to save"),
    "initiator": N_("Check who reached out to save"),
    "note": N_("Check the note to save"),
    "mood_before": N_("Check the mood before to save"),
    "mood_after": N_("Check the mood after to save"),
    "target": N_("Check who it was with to save"),
}

Index = QModelIndex | QPersistentModelIndex


def who_text(checkin: CheckIn, names: Mapping[str, str]) -> str:
    """Who reached out, or who checked in on the user's behalf: "I did", "They did",
    "Rosie checked in (on the care team rota)" with the name the app calls them now
    (``names`` by uid), or "Someone no longer in your network checked in" when gone."""
    if checkin.by is not None:
        name = names.get(checkin.by) or _(NOT_IN_NETWORK)
        if checkin.rota_slot:
            return _("{name} checked in (on the care team rota)").format(name=name)
        return _("{name} checked in").format(name=name)
    table = WHO_ON_THE_ROTA if checkin.rota_slot else WHO_TEXT
    text = table.get(checkin.initiator, "")
    return _(text) if text else ""


def mood_text(before: int | None, after: int | None) -> str:
    """ "Low → Good", "Before: Low", "After: Good" or "": words, never the scale's numbers."""
    if before is not None and after is not None:
        return f"{mood_word(before)} → {mood_word(after)}"
    if before is not None:
        return _("Before: {mood}").format(mood=mood_word(before))
    if after is not None:
        return _("After: {mood}").format(mood=mood_word(after))
    return ""


def when_text(at: datetime, zone: ZoneInfo, now: datetime | None = None) -> str:
    """ "Sun 14 Jun, 18:05" in ``zone`` (with the year when it isn't this year)."""
    local = at.astimezone(zone)
    this_year = now is not None and now.astimezone(zone).year == local.year
    text = short_date(local.date(), year=not this_year)
    return f"{text}, {local:%H:%M}"
