"""The example network's six months of check-in history."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from tests.demo.legacy.builder_base import _BuilderBase
from tests.demo.legacy.common import (
    _GENERAL_NOTES,
    _SAT,
    _SUN,
    _THU,
    _TUE,
    _WED,
    _add_months,
    _minutes,
    _mood,
    _nth_weekday_of,
    _on_or_after,
    _on_or_before,
)
from supportnet.model.checkins import Initiator
from supportnet.model.network import (
    ChannelKind,
)


class _HistoryMixin(_BuilderBase):
    # -- history ---------------------------------------------------------------------------

    def add_history(self) -> None:
        for key in self.people:
            self.person_history(key)
        self.anchored_history()
        self.group_history()

    def person_history(self, key: str) -> None:
        rhythm = self.rhythms[key]
        if rhythm.every is None:
            return
        rng = self.rng(key)
        last = self.last_day - timedelta(days=rhythm.quiet_days)
        span = (last - self.first_day).days
        offset = rng.uniform(0, min(rhythm.every, span))
        days: list[date] = []
        while offset <= span:
            days.append(self.first_day + timedelta(days=int(offset)))
            offset += rhythm.every * rng.uniform(0.65, 1.35)
        for day in days:
            self.person_checkin(key, rng, day, _minutes(rng, *rhythm.hours))

    def person_checkin(
        self,
        key: str,
        rng: random.Random,
        day: date,
        minutes: int,
        channel: ChannelKind | None = None,
    ) -> None:
        rhythm = self.rhythms[key]
        person = self.people[key]
        if channel is None:
            weights = rhythm.channels or {c.kind: 3 if c.preferred else 1 for c in person.channels}
            kinds = list(weights)
            channel = rng.choices(kinds, weights=[weights[k] for k in kinds])[0]
        initiator = Initiator.THEM if rng.random() < rhythm.them_share else Initiator.ME
        note = ""
        if rng.random() < rhythm.note_share:
            note = rng.choice(rhythm.notes + _GENERAL_NOTES)
        mood = _mood(rng) if rng.random() < rhythm.mood_share else (None, None)
        self.add_checkin(
            person.uid,
            self.at(day, minutes),
            channel=channel,
            initiator=initiator,
            note=note,
            mood=mood,
        )

    def weekly(self, weekday: int, anchor: date, interval: int = 1) -> list[date]:
        """Dates in the history window on ``weekday``, every ``interval`` weeks from anchor."""
        day = _on_or_after(self.first_day, weekday)
        out = []
        while day <= self.last_day:
            if ((day - anchor).days // 7) % interval == 0:
                out.append(day)
            day += timedelta(weeks=1)
        return out

    def anchored_history(self) -> None:
        rng = self.rng("mum:sundays")
        for day in self.weekly(_SUN, self.today):
            if rng.random() < 0.85:
                self.person_checkin(
                    "mum", rng, day, 18 * 60 + 5 * rng.randrange(5), ChannelKind.CALL
                )
        rng = self.rng("ruth:sessions")
        for day in self.weekly(_TUE, self.ruth_anchor(), interval=2):
            if rng.random() < 0.9:
                self.person_checkin("ruth", rng, day, 10 * 60, ChannelKind.IN_PERSON)
        rng = self.rng("tom:walks")
        for day in self.weekly(_WED, self.today):
            if rng.random() < 0.75:
                self.person_checkin(
                    "tom", rng, day, 12 * 60 + 30 + 5 * rng.randrange(4), ChannelKind.IN_PERSON
                )
        rng = self.rng("jamie:video")
        hour = self.video_hour()
        jamie_plan_start = _on_or_before(self.today - timedelta(days=28), _SAT)
        for day in self.weekly(_SAT, jamie_plan_start, interval=2):
            if rng.random() < 0.8:
                there = datetime.combine(
                    day, time(hour, 5 * rng.randrange(3)), tzinfo=self.friend_tz
                )
                here = there.astimezone(self.tz)
                self.person_checkin(
                    "jamie", rng, here.date(), here.hour * 60 + here.minute, ChannelKind.VIDEO
                )

    def group_history(self) -> None:
        rng = self.rng("circle")
        circle = self.groups["circle"].uid
        notes = (
            "Just listened tonight, and that was enough.",
            "Shared a little. People nodded.",
            "Stayed for tea afterwards.",
        )
        for day in self.weekly(_THU, self.today):
            if rng.random() < 0.8:
                note = rng.choice(notes) if rng.random() < 0.3 else ""
                mood = _mood(rng, lift=1) if rng.random() < 0.5 else (None, None)
                self.add_checkin(
                    circle,
                    self.at(day, 19 * 60 + 5 * rng.randrange(3)),
                    channel=ChannelKind.IN_PERSON,
                    note=note,
                    mood=mood,
                )

        rng = self.rng("walkers")
        walkers = self.groups["walkers"].uid
        month = _add_months(self.first_day, 0)
        while month <= self.last_day:
            day = _nth_weekday_of(month, 3, _SAT)
            if self.first_day <= day <= self.last_day and rng.random() < 0.7:
                note = rng.choice(("Did the short loop.", "Geoff brought flapjacks.", ""))
                self.add_checkin(
                    walkers,
                    self.at(day, 10 * 60 + 5 * rng.randrange(2)),
                    channel=ChannelKind.IN_PERSON,
                    note=note,
                    mood=_mood(rng, lift=1) if rng.random() < 0.5 else (None, None),
                )
            month = _add_months(month, 1)

        rng = self.rng("forum")
        forum = self.groups["forum"].uid
        offset = rng.uniform(0, 10)
        span = (self.last_day - self.first_day).days
        while offset <= span:
            day = self.first_day + timedelta(days=int(offset))
            note = rng.choice(
                ("Posted in the Sunday thread.", "Replied to someone having a rough week.", "", "")
            )
            self.add_checkin(
                forum,
                self.at(day, _minutes(rng, 19 * 60, 21 * 60 + 30)),
                channel=ChannelKind.MESSAGING,
                note=note,
            )
            offset += 10 * rng.uniform(0.6, 1.5)
