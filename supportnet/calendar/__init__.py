"""Check-in plans as an iCalendar file that Google, Outlook, Apple Calendar and Thunderbird
import correctly (see INTEROP.md, ".ics export").

Pure: no clock reads and no store. :func:`plan_events` turns plans into events, the data
layer gives flexible occurrences their stored uids (:func:`with_slots`), and
:func:`calendar_bytes` writes the file's bytes: CRLF, folded, UTF-8.

- Fixed plans are one VEVENT with an RRULE from their first real occurrence, UNTIL in UTC
  for timed plans, skipped days as EXDATEs.
- Flexible plans are single events on the days they are expected, within the horizon,
  marked free time (TRANSP:TRANSPARENT): they are "around then", not appointments.
- One-off plans are single events. Paused plans are the caller's to leave out.
- Timed events carry the plan's zone as TZID, with a VTIMEZONE in the yearly-rule form.
"""

from __future__ import annotations

from supportnet.calendar.events import (
    ExportEvent,
    cancelled_event,
    exported_plans,
    plan_events,
    with_slots,
)
from supportnet.calendar.events import (
    description_for as description_for,
)
from supportnet.calendar.events import (
    summary_for as summary_for,
)
from supportnet.calendar.options import (
    CALENDAR_NAME,
    DEFAULT_FILE_NAME,
    DEFAULT_WEEKS,
    DISCREET_TITLE,
    ExportOptions,
    Privacy,
    Scope,
    export_explanation,
)
from supportnet.calendar.options import (
    FLEXIBLE_NOTE as FLEXIBLE_NOTE,
)
from supportnet.calendar.options import (
    MAX_ALARM_MINUTES as MAX_ALARM_MINUTES,
)
from supportnet.calendar.options import (
    MAX_WEEKS as MAX_WEEKS,
)
from supportnet.calendar.options import (
    PRODID as PRODID,
)
from supportnet.calendar.slots import (
    CANCEL_REPEAT_DAYS as CANCEL_REPEAT_DAYS,
)
from supportnet.calendar.slots import (
    SlotId,
    SlotPlan,
    StoredEvent,
    Who,
    follow,
    match_slots,
    withdraw,
)
from supportnet.calendar.writer import (
    calendar_bytes,
)
from supportnet.calendar.writer import (
    zone_windows as zone_windows,
)

__all__ = [
    "CALENDAR_NAME",
    "DEFAULT_FILE_NAME",
    "DEFAULT_WEEKS",
    "DISCREET_TITLE",
    "ExportEvent",
    "ExportOptions",
    "Privacy",
    "Scope",
    "SlotId",
    "SlotPlan",
    "StoredEvent",
    "Who",
    "calendar_bytes",
    "cancelled_event",
    "export_explanation",
    "exported_plans",
    "follow",
    "match_slots",
    "plan_events",
    "with_slots",
    "withdraw",
]
