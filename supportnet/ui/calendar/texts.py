"""The export dialog's words, remembered-state keys and small text and path helpers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from supportnet.calendar import (
    ExportEvent,
    Privacy,
)
from supportnet.services.files import user_path
from supportnet.ui.plans.wording import (
    NO_MORE_AFTER_TODAY,
    earlier_text,
    short_date,
    then_text,
)

TITLE = "Export to calendar"
INTRO = (
    "Save your plans as a calendar file (.ics) to import into Google Calendar, Outlook, "
    "Apple Calendar or Thunderbird. Nothing is sent anywhere."
)
PRIVACY_HEADING = "What your calendar will say"
PRIVACY_HINT = (
    "Calendars appear on phones, lock screens and shared screens. Choose how much your events say."
)
#: Each level's radio text, with its mnemonic.
PRIVACY_TEXT = {
    Privacy.DISCREET: "&Discreet",
    Privacy.FIRST_NAME: "&First name",
    Privacy.FULL: "F&ull",
}
EVERYONE = "Every&one with a plan"
CHOSEN = "Chosen &people and groups"
ONE_CIRCLE = "One &circle"
WEEKS_HINT = (
    "For plans that come every so often, and one-off plans. Repeating plans are exported "
    "as repeating events, with no end unless they have one."
)
ALARM_HINT = "Google Calendar leaves reminders out when it imports; it uses your own defaults."
HELP_TOGGLE = "What happens when I &import again?"
HELP_TEXT = (
    "Each export keeps the same event identities, so a new file can update an old one.\n\n"
    "•  Google Calendar and khal update the events they already have.\n"
    "•  Outlook updates matching events, or asks you first.\n"
    "•  Thunderbird skips events it already has. To see changes, delete the old events "
    "first, or import into a fresh calendar.\n"
    "•  Apple Calendar imports into a calendar you choose. Importing again may add copies, "
    "so use a fresh calendar."
)
NOTHING_TO_WRITE = "Nothing to write yet"
NOTHING_MORE = (
    "The chosen plans are paused, finished, or fall outside the weeks ahead. "
    "You could choose everyone, or more weeks."
)
NO_PLANS = "There are no plans to export yet"
NO_PLANS_MORE = "Plans you make for people and groups will appear here."
CHOOSE_SOME = "Tick the people and groups whose plans you'd like in the file."
FIX_FIRST = "Check the note above to see the preview."
EXISTS_NOTE = "A file with this name is already there; exporting replaces it."
NO_PATH = "Choose where to save the file."
FILE_FILTER = "Calendar files (*.ics)"
#: How many events the preview lists.
PREVIEW_LIMIT = 50
#: How long the preview waits for more changes before it reads again.
DEBOUNCE_MS = 150
DEFAULT_ALARM_MINUTES = 15

# UI-state keys (the INI file beside the data, not the database).
STATE_PRIVACY = "export/privacy"
STATE_WEEKS = "export/weeks"
STATE_ALARM = "export/alarm"
STATE_FOLDER = "export/folder"


def events_text(n: int) -> str:
    return "1 event" if n == 1 else f"{n:,} events"


def withdrawn_text(n: int, where: str = "of your calendar") -> str:
    """E.g. "3 events from before, no longer planned, will be taken out of your calendar."."""
    return f"{events_text(n)} from before, no longer planned, will be taken out {where}."


def count_text(n: int, withdrawn: int = 0) -> str:
    """The line above the preview: "23 events will be written.", how many are shown, and
    how many given to calendars before will be taken out again."""
    text = "1 event will be written." if n == 1 else f"{events_text(n)} will be written."
    if withdrawn:
        text += f" {withdrawn_text(withdrawn)}"
    if n > PREVIEW_LIMIT:
        text += f" Showing the first {PREVIEW_LIMIT}."
    return text


#: The longest "when" the preview says, to size its column by.
WHEN_SAMPLE = "Earlier today, 18:00 · next Wed 29 Nov"


def when_text(event: ExportEvent, zone: ZoneInfo, today: date) -> str:
    """When an event is, on the user's clock: "Sun 29 Nov, 18:00", "Around Mon 30 Nov",
    "Next Sun 29 Nov, 18:00" for a repeating one (its next time after now), and first
    today's that has already begun, as Plans and the Agenda say it: "Earlier today, 12:30 ·
    next Wed 2 Dec"."""
    before = None
    if event.earlier_today is not None:
        before = earlier_text(event.earlier_today.astimezone(zone))
        if event.rrule is None and not event.flexible:
            return before
    start = event.upcoming or event.start
    if isinstance(start, datetime):
        local = start.astimezone(zone)
        text = f"{short_date(local.date(), today)}, {local:%H:%M}"
    else:
        text = short_date(start, today)
    if event.flexible:
        return f"Around {text}"
    if event.rrule is not None:
        if event.earlier_today is not None and before is not None:
            if not event.upcoming:
                return f"{before} · {NO_MORE_AFTER_TODAY}"
            if isinstance(start, datetime):
                local = start.astimezone(zone)
                begun = event.earlier_today.astimezone(zone)
                return f"{before} · next {then_text(local.date(), local, begun, today)}"
            return f"{before} · next {text}"
        return f"{'Next' if event.upcoming else 'From'} {text}"
    return text


def normalise_path(text: str) -> Path | None:
    """The file a typed path means: ``~`` expanded, under home if relative, ".ics" if bare."""
    text = text.strip()
    if not text:
        return None
    path = user_path(text)
    if not path.is_absolute():
        path = Path.home() / path
    if not path.suffix and path.name:
        path = path.with_name(path.name.rstrip(".") + ".ics")
    return path
