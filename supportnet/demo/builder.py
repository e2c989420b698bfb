"""Building the example network: the time zones and the whole build."""

from __future__ import annotations

from datetime import date, datetime, time

from supportnet.demo.common import (
    _EARLIEST,
    _LATEST,
    DemoNetwork,
    _local_minutes,
)
from supportnet.demo.history import _HistoryMixin
from supportnet.demo.people import _PeopleMixin
from supportnet.demo.plans import _PlansMixin
from supportnet.model.errors import ValidationError
from supportnet.model.zones import known_zone, same_clocks


def friend_zone_for(user_zone: str) -> str:
    """The zone of the friend abroad: one whose daylight-saving rules differ from the user's.

    New York for users in Europe, otherwise London; and whichever of the two keeps
    different clocks from the user's zone (so ``America/New_York`` gets London and an alias
    of London, such as ``GB``, gets New York).
    """
    first, second = "America/New_York", "Europe/London"
    if not user_zone.startswith("Europe/"):
        first, second = second, first
    if same_clocks(user_zone, first):
        return second
    return first


def build_demo_network(today: date, user_zone: str, *, seed: int = 2024) -> DemoNetwork:
    """Build the example network for someone whose day is ``today`` in ``user_zone``.

    Check-ins cover the :data:`HISTORY_DAYS` days before ``today`` and all fall before
    midnight at the start of ``today`` in ``user_zone``; plans start a little before
    ``today`` and one-offs fall in the two weeks after it.
    """
    tz = known_zone(user_zone)
    if tz is None:
        raise ValidationError(
            "timezone", f"“{user_zone}” isn't a time zone we know; choose one like Europe/London."
        )
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
