"""The export dialog's words, remembered-state keys and small text and path helpers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from supportnet.calendar import (
    ExportEvent,
    Privacy,
)
from supportnet.i18n import N_, _, ngettext
from supportnet.i18n.calendar_words import words
from supportnet.model.days import clock_time
from supportnet.services.files import user_path
from supportnet.ui.plans.wording import (
    NO_MORE_AFTER_TODAY,
    earlier_text,
    short_date,
    then_text,
)

TITLE = N_("Export to calendar")
INTRO = N_(
    "Save your plans as a calendar file (.ics) to import into Google Calendar, Outlook, "
    "Apple Calendar or Thunderbird. Nothing is sent anywhere."
)
PRIVACY_HEADING = N_("What your calendar will say")
PRIVACY_HINT = N_(
    "Calendars appear on phones, lock screens and shared screens. Choose how much your events say."
)
#: Each level's radio text, with its mnemonic.
PRIVACY_TEXT = {
    Privacy.DISCREET: N_("&Discreet"),
    Privacy.FIRST_NAME: N_("&First name"),
    Privacy.FULL: N_("F&ull"),
}
EVERYONE = N_("Every&one with a plan")
CHOSEN = N_("Chosen &people and groups")
ONE_CIRCLE = N_("One &circle")
WEEKS_HINT = N_(
    "For plans that come every so often, and one-off plans. Repeating plans are exported "
    "as repeating events, with no end unless they have one."
)
ALARM_HINT = N_("Google Calendar leaves reminders out when it imports; it uses your own defaults.")
HELP_TOGGLE = N_("What happens when I &import again?")
HELP_TEXT = N_(
    "Each export keeps the same event identities, so a new file can update an old one.\n\n"
    "•  Google Calendar and khal update the events they already have.\n"
    "•  Outlook updates matching events, or asks you first.\n"
    "•  Thunderbird skips events it already has. To see changes, delete the old events "
    "first, or import into a fresh calendar.\n"
    "•  Apple Calendar imports into a calendar you choose. Importing again may add copies, "
    "so use a fresh calendar."
)
NOTHING_TO_WRITE = N_("Nothing to write yet")
NOTHING_MORE = N_(
    "The chosen plans are paused, finished, or fall outside the weeks ahead. "
    "You could choose everyone, or more weeks."
)
NO_PLANS = N_("There are no plans to export yet")
NO_PLANS_MORE = N_("Plans you make for people and groups will appear here.")
CHOOSE_SOME = N_("Tick the people and groups whose plans you'd like in the file.")
FIX_FIRST = N_("Check the note above to see the preview.")
EXISTS_NOTE = N_("A file with this name is already there; exporting replaces it.")
NO_PATH = N_("Choose where to save the file.")
FILE_FILTER = N_("Calendar files (*.ics)")
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
    """ "1 event", "1,200 events" (the number written as the locale writes it)."""
    return ngettext("{n} event", "{n} events", n).format(n=number(n))


def withdrawn_text(n: int, *, by_event: bool = False) -> str:
    """E.g. "3 events from before, no longer planned, will be taken out of your calendar.";
    ``by_event``: "… of calendars that update by event (Google, Outlook, khal)."."""
    if by_event:
        said = ngettext(
            "{n} event from before, no longer planned, will be taken out of calendars that "
            "update by event (Google, Outlook, khal).",
            "{n} events from before, no longer planned, will be taken out of calendars that "
            "update by event (Google, Outlook, khal).",
            n,
        )
    else:
        said = ngettext(
            "{n} event from before, no longer planned, will be taken out of your calendar.",
            "{n} events from before, no longer planned, will be taken out of your calendar.",
            n,
        )
    return said.format(n=number(n))


def count_text(n: int, withdrawn: int = 0) -> str:
    """The line above the preview: "23 events will be written.", how many are shown, and
    how many given to calendars before will be taken out again."""
    sentences = [
        ngettext("{n} event will be written.", "{n} events will be written.", n).format(n=number(n))
    ]
    if withdrawn:
        sentences.append(withdrawn_text(withdrawn))
    if n > PREVIEW_LIMIT:
        sentences.append(_("Showing the first {n}.").format(n=number(PREVIEW_LIMIT)))
    return " ".join(sentences)


def number(n: int) -> str:
    """``n`` as the locale writes it: "1,200", "1.200"."""
    return words().number(n)


#: The longest "when" the preview says, to size its column by.
WHEN_SAMPLE = N_("Earlier today, 18:00 · next Wed 29 Nov")


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
        # Translators: a day and a time of day, "Thu 3 Dec, 17:30".
        text = _("{date}, {time}").format(
            date=short_date(local.date(), today), time=clock_time(local)
        )
    else:
        text = short_date(start, today)
    if event.flexible:
        return _("Around {when}").format(when=text)
    if event.rrule is not None:
        if event.earlier_today is not None and before is not None:
            if not event.upcoming:
                # Translators: "Earlier today, 12:30 · no more dates after today".
                return _("{before} · {after}").format(before=before, after=_(NO_MORE_AFTER_TODAY))
            if isinstance(start, datetime):
                local = start.astimezone(zone)
                begun = event.earlier_today.astimezone(zone)
                text = then_text(local.date(), local, begun, today)
            # Translators: "Earlier today, 12:30 · next Wed 2 Dec".
            return _("{before} · next {when}").format(before=before, when=text)
        if event.upcoming:
            return _("Next {when}").format(when=text)
        return _("From {when}").format(when=text)
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
