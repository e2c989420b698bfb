"""When plans happen, who is due a gentle reach-out today, the agenda and reminders.

Pure logic: every function takes ``now`` (and the person's zone) as arguments and never reads
the clock. Times are handled with :mod:`zoneinfo`, comparisons of instants in UTC (Python
compares two datetimes sharing one ``tzinfo`` by wall time, which is wrong in the hour a
clock goes back).
"""

from __future__ import annotations

from supportnet.scheduling.dueness import dueness, flexible_days, flexible_due, rhythm_days
from supportnet.scheduling.model import (
    GATHER_DAYS,
    ONE_OFF_RHYTHM_DAYS,
    AgendaItem,
    Moved,
    Occurrence,
    Postponement,
    Suggestion,
    Target,
    plan_zone,
)
from supportnet.scheduling.occurrences import (
    describe_skipping,
    first_occurrence,
    local_datetime,
    next_occurrence,
    occurrence_on,
    occurrences,
    skipped_months,
    skipped_occurrences,
)
from supportnet.scheduling.placing import moved_occurrences
from supportnet.scheduling.suggestions import suggestions
from supportnet.scheduling.upcoming import agenda, in_quiet_hours, reminders_due

__all__ = [
    "GATHER_DAYS",
    "ONE_OFF_RHYTHM_DAYS",
    "AgendaItem",
    "Moved",
    "Occurrence",
    "Postponement",
    "Suggestion",
    "Target",
    "agenda",
    "describe_skipping",
    "dueness",
    "first_occurrence",
    "flexible_days",
    "flexible_due",
    "in_quiet_hours",
    "local_datetime",
    "moved_occurrences",
    "next_occurrence",
    "occurrence_on",
    "occurrences",
    "plan_zone",
    "reminders_due",
    "rhythm_days",
    "skipped_months",
    "skipped_occurrences",
    "suggestions",
]
