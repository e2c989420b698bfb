"""The .ics file itself: VCALENDAR, VTIMEZONEs and VEVENTs, CRLF-folded UTF-8."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from supportnet.calendar.events import (
    ExportEvent,
)
from supportnet.calendar.options import (
    CALENDAR_NAME,
    DISCREET_PRODID,
    PRODID,
    ExportOptions,
    Privacy,
)
from supportnet.i18n import _

# -- the file ------------------------------------------------------------------------------------


def calendar_bytes(events: Sequence[ExportEvent], options: ExportOptions, now: datetime) -> bytes:
    """The whole .ics file: VCALENDAR with VTIMEZONEs then VEVENTs, CRLF-folded UTF-8.

    ``now`` is the export time (DTSTAMP). Every timed event's zone gets one VTIMEZONE
    covering its first start to the end of the horizon. The lines are written directly
    (:mod:`supportnet.calendar.content_lines`), byte for byte what icalendar would write.
    """
    from supportnet.calendar.content_lines import content_line, duration, escape_text
    from supportnet.calendar.timezones import vtimezone_bytes

    if any(not e.uid for e in events):
        raise ValueError("a flexible occurrence has no uid yet (see with_slots)")
    stamp = now.astimezone(UTC).replace(microsecond=0)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        content_line(
            "PRODID",
            escape_text(DISCREET_PRODID if options.privacy is Privacy.DISCREET else PRODID),
        ),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        content_line("NAME", escape_text(_(CALENDAR_NAME))),
        content_line("X-WR-CALNAME", escape_text(_(CALENDAR_NAME))),
    ]
    windows = zone_windows(events, options.weeks, now)
    head = "\r\n".join(lines).encode("utf-8") + b"\r\n"
    zones = b"".join(vtimezone_bytes(zone, *windows[zone]) for zone in sorted(windows))
    trigger = (
        None
        if options.alarm_minutes is None
        else duration(timedelta(minutes=-options.alarm_minutes))
    )
    stamp_line = f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}"
    body = "\r\n".join(
        line for event in events for line in _vevent_lines(event, stamp_line, trigger)
    )
    return head + zones + body.encode("utf-8") + (b"\r\n" if body else b"") + b"END:VCALENDAR\r\n"


def zone_windows(
    events: Sequence[ExportEvent], weeks: int, now: datetime
) -> dict[str, tuple[date, date]]:
    """The days each TZID's VTIMEZONE must cover: from its first event's start to the end
    of the weeks ahead (or a later start). All-day and UTC ("Z") events need none."""
    horizon_end = now.astimezone(UTC).date() + timedelta(days=7 * weeks + 1)
    windows: dict[str, tuple[date, date]] = {}
    for event in events:
        zone = event.tzid
        if zone is None:
            continue
        assert isinstance(event.start, datetime)
        first = event.start.date()
        lo, hi = windows.get(zone, (first, horizon_end))
        windows[zone] = (min(lo, first), max(hi, first))
    return windows


def _vevent_lines(event: ExportEvent, stamp_line: str, trigger: str | None) -> list[str]:
    """One VEVENT's lines, in icalendar's order: its canonical properties first (SUMMARY,
    DTSTART, DTEND, DTSTAMP, UID, RECURRENCE-ID, SEQUENCE, RRULE, EXDATE), then the rest
    alphabetically, then the VALARM."""
    from supportnet.calendar.content_lines import (
        content_line,
        date_line,
        dates_line,
        escape_text,
        recur,
    )

    summary = escape_text(event.summary)
    lines = [
        "BEGIN:VEVENT",
        content_line("SUMMARY", summary),
        date_line("DTSTART", event.start),
        date_line("DTEND", event.end),
        stamp_line,
        content_line("UID", escape_text(event.uid)),
    ]
    if event.recurrence_id is not None:
        lines.append(date_line("RECURRENCE-ID", event.recurrence_id))
    lines.append(f"SEQUENCE:{event.sequence}")
    if event.rrule is not None:
        lines.append(content_line("RRULE", recur(event.rrule)))
    if event.exdates:
        lines.append(dates_line("EXDATE", event.exdates))
    lines.append("CLASS:PRIVATE")
    if event.description:
        lines.append(content_line("DESCRIPTION", escape_text(event.description)))
    lines.append(f"LAST-MODIFIED:{event.modified.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    if event.cancelled:
        lines.append("STATUS:CANCELLED")
    if event.flexible:
        lines.append("TRANSP:TRANSPARENT")
    if trigger is not None and not event.cancelled:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            content_line("DESCRIPTION", summary),
            f"TRIGGER:{trigger}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines
