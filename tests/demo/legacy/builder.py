"""Building the example network: the time zones and the whole build."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tests.demo.legacy.common import (
    _EARLIEST,
    _LATEST,
    DemoNetwork,
    _local_minutes,
)
from tests.demo.legacy.history import _HistoryMixin
from tests.demo.legacy.people import _PeopleMixin
from tests.demo.legacy.plans import _PlansMixin
from supportnet.model.errors import ValidationError


def friend_zone_for(user_zone: str) -> str:
    """The zone of the friend abroad: one whose daylight-saving rules differ from the user's.

    New York for users in Europe, otherwise London; and whichever of the two keeps
    different clocks from the user's zone (so ``America/New_York`` gets London and an alias
    of London, such as ``GB``, gets New York).
    """
    first, second = "America/New_York", "Europe/London"
    if not user_zone.startswith("Europe/"):
        first, second = second, first
    if _same_clocks(user_zone, first):
        return second
    return first


def _same_clocks(zone_a: str, zone_b: str) -> bool:
    a, b = ZoneInfo(zone_a), ZoneInfo(zone_b)
    # Every week of a recent year catches any daylight-saving rule that differs.
    start = datetime(2025, 1, 1, 12)
    moments = [start + timedelta(weeks=w) for w in range(53)]
    return all(m.replace(tzinfo=a).utcoffset() == m.replace(tzinfo=b).utcoffset() for m in moments)


def build_demo_network(today: date, user_zone: str, *, seed: int = 2024) -> DemoNetwork:
    """Build the example network for someone whose day is ``today`` in ``user_zone``.

    Check-ins cover the :data:`HISTORY_DAYS` days before ``today`` and all fall before
    midnight at the start of ``today`` in ``user_zone``; plans start a little before
    ``today`` and one-offs fall in the two weeks after it.
    """
    try:
        tz = ZoneInfo(user_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            "timezone", f"“{user_zone}” isn't a time zone we know; choose one like Europe/London."
        ) from exc
    friend_zone = friend_zone_for(user_zone)
    builder = _Builder(today, user_zone, tz, friend_zone, seed)
    return builder.build()


class _Builder(_PeopleMixin, _PlansMixin, _HistoryMixin):
    # -- the whole thing -------------------------------------------------------------------

    def build(self) -> DemoNetwork:
        self.add_people()
        self.add_groups()
        self.add_plans()
        self.add_history()
        start = self.at(self.first_day, 0)
        end = datetime.combine(self.today, time(0), tzinfo=self.tz)
        kept = [
            (uid, c)
            for uid, c in self.checkins
            if start <= c.at < end and _EARLIEST <= _local_minutes(c.at, self.tz) <= _LATEST
        ]
        kept.sort(key=lambda pair: pair[1].at)
        return DemoNetwork(
            people=[p.normalised() for p in self.people.values()],
            groups=[g.normalised() for g in self.groups.values()],
            plans=[(uid, p.normalised()) for uid, p in self.plans],
            checkins=[(uid, c.normalised()) for uid, c in kept],
        )
