"""The example network builder's state and helpers, shared by its parts."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tests.demo.legacy.common import (
    _EARLIEST,
    _SAT,
    _TUE,
    HISTORY_DAYS,
    _local_minutes,
    _on_or_before,
    _Rhythm,
)
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import (
    ChannelKind,
    Group,
    Person,
)
from supportnet.model.plans import Plan


class _BuilderBase:
    def __init__(
        self, today: date, user_zone: str, tz: ZoneInfo, friend_zone: str, seed: int
    ) -> None:
        self.today = today
        self.user_zone = user_zone
        self.tz = tz
        self.friend_zone = friend_zone
        self.friend_tz = ZoneInfo(friend_zone)
        self.seed = seed
        self.first_day = today - timedelta(days=HISTORY_DAYS)
        self.last_day = today - timedelta(days=1)
        self.people: dict[str, Person] = {}
        self.rhythms: dict[str, _Rhythm] = {}
        self.groups: dict[str, Group] = {}
        self.plans: list[tuple[str, Plan]] = []
        self.checkins: list[tuple[str, CheckIn]] = []

    # -- helpers ---------------------------------------------------------------------------

    def rng(self, key: str) -> random.Random:
        """A generator of its own for each part, seeded from the seed and a name."""
        return random.Random(f"supportnet-demo:{self.seed}:{key}")

    def at(self, day: date, minutes: int) -> datetime:
        return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=self.tz)

    def add_checkin(
        self,
        target: str,
        when: datetime,
        *,
        channel: ChannelKind | None,
        initiator: Initiator = Initiator.ME,
        note: str = "",
        mood: tuple[int | None, int | None] = (None, None),
    ) -> None:
        self.checkins.append(
            (
                target,
                CheckIn(
                    at=when,
                    channel=channel,
                    initiator=initiator,
                    note=note,
                    mood_before=mood[0],
                    mood_after=mood[1],
                ),
            )
        )

    def add_plan(self, target: str, plan: Plan) -> None:
        self.plans.append((target, plan))

    def uid(self, key: str) -> str:
        if key in self.people:
            return self.people[key].uid
        return self.groups[key].uid

    def person(self, key: str, person: Person, rhythm: _Rhythm) -> None:
        self.people[key] = person
        self.rhythms[key] = rhythm

    def video_hour(self) -> int:
        """An hour in the friend's zone that is a sensible time for both, all year round."""
        saturdays = [_on_or_before(self.today, _SAT) + timedelta(weeks=w) for w in range(-30, 20)]
        best = (float("inf"), 14)
        for hour in range(9, 21):
            minutes = [
                _local_minutes(datetime.combine(d, time(hour), tzinfo=self.friend_tz), self.tz)
                for d in saturdays
            ]
            outside = sum(1 for m in minutes if not _EARLIEST <= m <= 20 * 60 + 30)
            mean = sum(minutes) / len(minutes)
            score = outside * 1000 + abs(mean - 18 * 60) / 60 + abs(hour - 14) / 2
            if score < best[0]:
                best = (score, hour)
        return best[1]

    def ruth_anchor(self) -> date:
        return _on_or_before(self.today - timedelta(days=84), _TUE)
