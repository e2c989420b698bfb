"""The Insights charts' numbers from the store: one read of the span's check-ins, added up by
:mod:`supportnet.insights` (no matplotlib here: drawing is :mod:`supportnet.charts`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from supportnet.data import insight_reads, reads
from supportnet.insights.connection import Split, connection_over_time, weeks_ending
from supportnet.insights.coverage import RECENT_DAYS, support_coverage
from supportnet.insights.lift import mood_lifts
from supportnet.insights.overview import Insights
from supportnet.insights.rhythm import rhythm_strips
from supportnet.model.targets import GROUP, PERSON, TargetKey, target_key_of
from supportnet.model.zones import zone_or_utc
from supportnet.services.everyone import targets
from supportnet.services.schedule_reader import user_zone

if TYPE_CHECKING:
    from supportnet.data.store import Store

#: The spans the page offers, in weeks: about 6 and 12 months.
SPANS = (26, 52)
DEFAULT_WEEKS = SPANS[0]
#: The longest span the command line takes (five years).
MAX_WEEKS = 260


class InsightsService:
    """Reads what the charts add up; safe to call off the GUI thread (reads only)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def gather(self, now: datetime, weeks: int = DEFAULT_WEEKS) -> Insights:
        """The charts' numbers for the ``weeks`` weeks up to ``now``'s, in the user's zone."""
        store = self._store
        zone = zone_or_utc(user_zone(store))
        today = now.astimezone(zone).date()
        first = weeks_ending(today, weeks)[0]
        span_start = datetime.combine(first, datetime.min.time(), zone)
        with reads.snapshot(store.db):
            checkins = insight_reads.own_checkins_since(store.db, span_start)
            # Coverage looks at the last month whatever the span: read again only when the
            # span is shorter than that.
            month_ago = now - timedelta(days=RECENT_DAYS)
            lately = (
                None
                if span_start <= month_ago
                else insight_reads.own_last_contact_since(store.db, month_ago)
            )
            everyone = targets(store)
            support = insight_reads.support_by_target(store.db)
            plans = reads.plans(store.db, kind="flexible", paused=False)
        circles = {key: target.circle for key, target in everyone.items()}
        names = {key: target.name for key, target in everyone.items()}
        # Only the flexible plans' people and groups need each check-in's time.
        planned = {plan.person_id for plan in plans if plan.person_id is not None}
        planned_groups = {plan.group_id for plan in plans if plan.group_id is not None}
        if lately is None:
            lately = {}
            for checkin in checkins:  # oldest first: the last one written is the latest
                if checkin.at >= month_ago:
                    key = target_key_of(checkin.person_id, checkin.group_id)
                    if key is not None:
                        lately[key] = checkin.at
        contacts: dict[TargetKey, list[datetime]] = {}
        for checkin in checkins:
            if checkin.person_id in planned:
                contacts.setdefault((PERSON, checkin.person_id), []).append(checkin.at)
            elif checkin.group_id in planned_groups:
                contacts.setdefault((GROUP, checkin.group_id), []).append(checkin.at)
        return Insights(
            weeks=weeks,
            now=now,
            by_circle=connection_over_time(
                checkins, circles, zone=zone, today=today, weeks=weeks, split=Split.CIRCLE
            ),
            by_who=connection_over_time(
                checkins, circles, zone=zone, today=today, weeks=weeks, split=Split.WHO
            ),
            coverage=support_coverage(support, lately, now=now),
            lifts=mood_lifts(checkins, names),
            rhythms=rhythm_strips(plans, contacts, names, since=span_start),
        )
