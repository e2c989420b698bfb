"""The Insights charts' numbers from the store: the span's check-ins added up by SQLite and
shaped by :mod:`supportnet.insights` (no matplotlib here: drawing is :mod:`supportnet.charts`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from supportnet.data import insight_reads, reads
from supportnet.insights.connection import (
    Split,
    WeekCount,
    WeeklyConnection,
    connection_of_counts,
    week_bounds,
)
from supportnet.insights.coverage import RECENT_DAYS, support_coverage
from supportnet.insights.lift import lifts_of_sums
from supportnet.insights.overview import Insights
from supportnet.insights.rhythm import rhythm_strips
from supportnet.model.zones import zone_or_utc
from supportnet.services.everyone import targets
from supportnet.services.schedule_reader import user_zone

if TYPE_CHECKING:
    from supportnet.data.store import Store

#: Check-ins a week, stacked by circle and by who reached out.
Connection = tuple[WeeklyConnection, WeeklyConnection]

#: The spans the page offers, in weeks: about 6 and 12 months.
SPANS = (26, 52)
DEFAULT_WEEKS = SPANS[0]
#: The longest span the command line takes (five years).
MAX_WEEKS = 260


class InsightsService:
    """Reads what the charts add up; safe to call off the GUI thread (reads only)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _zone(self) -> ZoneInfo:
        return zone_or_utc(user_zone(self._store))

    def today(self, now: datetime) -> date:
        """``now``'s date where the user lives: the day the charts' last week ends on."""
        return now.astimezone(self._zone()).date()

    def connection(self, now: datetime, weeks: int = DEFAULT_WEEKS) -> Connection:
        """The first chart's numbers alone (check-ins a week, by circle and by who reached
        out): quicker than :meth:`gather`, so the Insights page shows that chart first."""
        zone = self._zone()
        today = now.astimezone(zone).date()
        counts = insight_reads.weekly_counts(self._store.db, week_bounds(today, weeks, zone))
        return _both_splits(counts, today, weeks)

    def gather(
        self, now: datetime, weeks: int = DEFAULT_WEEKS, *, connection: Connection | None = None
    ) -> Insights:
        """The charts' numbers for the ``weeks`` weeks up to ``now``'s, in the user's zone;
        ``connection`` is :meth:`connection`'s for the same ``now`` and ``weeks``, if read
        already."""
        store = self._store
        zone = self._zone()
        today = now.astimezone(zone).date()
        bounds = week_bounds(today, weeks, zone)
        span_start = bounds[0]
        # Coverage looks at the last month whatever the span.
        month_ago = now - timedelta(days=RECENT_DAYS)
        with reads.snapshot(store.db):
            everyone = targets(store)
            support = insight_reads.support_by_target(store.db)
            plans = reads.plans(store.db, kind="flexible", paused=False)
            # SQLite adds up the span's check-ins (tens of thousands on a big store) as the
            # pure functions of supportnet.insights would (tests hold the two to the same
            # figures): what comes back is a row a week and one per person or group.
            if connection is None:
                counts = insight_reads.weekly_counts(store.db, bounds)
                connection = _both_splits(counts, today, weeks)
            moods = insight_reads.mood_sums(store.db, span_start)
            lately = insight_reads.own_last_contact_since(store.db, month_ago)
            # Only the flexible plans' people and groups need each check-in's time.
            contacts = insight_reads.contact_times(
                store.db,
                span_start,
                {plan.person_id for plan in plans if plan.person_id is not None},
                {plan.group_id for plan in plans if plan.group_id is not None},
            )
        names = {key: target.name for key, target in everyone.items()}
        return Insights(
            weeks=weeks,
            now=now,
            by_circle=connection[0],
            by_who=connection[1],
            coverage=support_coverage(support, lately, now=now),
            lifts=lifts_of_sums(moods, names),
            rhythms=rhythm_strips(plans, contacts, names, since=span_start),
        )


def _both_splits(counts: Sequence[WeekCount], today: date, weeks: int) -> Connection:
    return (
        connection_of_counts(counts, today=today, weeks=weeks, split=Split.CIRCLE),
        connection_of_counts(counts, today=today, weeks=weeks, split=Split.WHO),
    )
