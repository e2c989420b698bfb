"""The example network's six months of check-in history, drawn as history.toml describes."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from supportnet.demo.common import (
    HISTORY_DAYS,
    _add_months,
    _minutes,
    _mood,
    _nth_weekday_of,
    _on_or_after,
    _Rhythm,
)
from supportnet.demo.data import Spec, check_keys, clock, keys
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Frequency, MonthlyMode, Plan

# The keys each kind of entry in history.toml may have.
_FOLLOWS_KEYS = keys("plan seed chance late_by")
_MEETING_KEYS = keys(
    "group seed follows chance late_by draws notes note_share mood_share mood_lift"
)
_POSTS_KEYS = keys("group seed every spread hours channel notes")


class History:
    """Collects check-ins, each part drawing from a generator of its own."""

    def __init__(self, today: date, tz: ZoneInfo, seed: int, doc: Spec) -> None:
        self.tz = tz
        self.seed = seed
        self.doc = doc
        self.first_day = today - timedelta(days=HISTORY_DAYS)
        self.last_day = today - timedelta(days=1)
        self.checkins: list[tuple[str, CheckIn]] = []

    def rng(self, key: str) -> random.Random:
        """A generator of its own for each part, seeded from the seed and a name."""
        return random.Random(f"supportnet-demo:{self.seed}:{key}")

    def at(self, day: date, minutes: int) -> datetime:
        return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=self.tz)

    def add(
        self,
        target: str,
        when: datetime,
        channel: ChannelKind | None,
        *,
        initiator: Initiator = Initiator.ME,
        note: str = "",
        mood: tuple[int | None, int | None] = (None, None),
    ) -> None:
        checkin = CheckIn(
            at=when,
            channel=channel,
            initiator=initiator,
            note=note,
            mood_before=mood[0],
            mood_after=mood[1],
        )
        self.checkins.append((target, checkin))

    # -- people ----------------------------------------------------------------------------

    def person_rhythm(self, key: str, person: Person, rhythm: _Rhythm) -> None:
        """Contacts every so often, with a gentle gap before today if the rhythm has one."""
        if rhythm.every is None:
            return
        rng = self.rng(key)
        last = self.last_day - timedelta(days=rhythm.quiet_days)
        low, high = self.doc["spread"]
        span = (last - self.first_day).days
        offset = rng.uniform(0, min(rhythm.every, span))
        days: list[date] = []
        while offset <= span:
            days.append(self.first_day + timedelta(days=int(offset)))
            offset += rhythm.every * rng.uniform(low, high)
        for day in days:
            self.person_checkin(person, rhythm, rng, day, _minutes(rng, *rhythm.hours))

    def person_follows(self, spec: Spec, person: Person, rhythm: _Rhythm, plan: Plan) -> None:
        """Contacts on most of the days ``plan`` falls on, at its time (in its zone)."""
        check_keys(spec, _FOLLOWS_KEYS)
        rng = self.rng(spec["seed"])
        plan_tz = ZoneInfo(plan.timezone)
        start = _start_minutes(plan)
        for plan_day in self.plan_days(plan):
            if rng.random() < spec["chance"]:
                minutes = start + _late(rng, spec["late_by"])
                when = datetime.combine(plan_day, time(minutes // 60, minutes % 60), plan_tz)
                # A plan in the friend's zone: the check-in is logged at the user's time.
                here = when.astimezone(self.tz) if plan_tz.key != self.tz.key else when
                day, minutes = here.date(), here.hour * 60 + here.minute
                self.person_checkin(person, rhythm, rng, day, minutes, plan.channel)

    def person_checkin(
        self,
        person: Person,
        rhythm: _Rhythm,
        rng: random.Random,
        day: date,
        minutes: int,
        channel: ChannelKind | None = None,
    ) -> None:
        if channel is None:
            weights = rhythm.channels or {c.kind: 3 if c.preferred else 1 for c in person.channels}
            kinds = list(weights)
            channel = rng.choices(kinds, weights=[weights[k] for k in kinds])[0]
        initiator = Initiator.THEM if rng.random() < rhythm.them_share else Initiator.ME
        note = ""
        if rng.random() < rhythm.note_share:
            note = rng.choice((*rhythm.notes, *self.doc["general_notes"]))
        mood = _mood(rng) if rng.random() < rhythm.mood_share else (None, None)
        self.add(
            person.uid,
            self.at(day, minutes),
            channel,
            initiator=initiator,
            note=note,
            mood=mood,
        )

    # -- groups ----------------------------------------------------------------------------

    def group_meetings(self, spec: Spec, uid: str, plan: Plan) -> None:
        """Meetings on most of the days ``plan`` falls on, drawn in the order ``draws`` says."""
        check_keys(spec, _MEETING_KEYS)
        if sorted(spec["draws"]) != ["mood", "note", "time"]:
            raise ValueError("A group's draws are a note, a mood and a time, in some order.")
        rng = self.rng(spec["seed"])
        notes, start = tuple(spec["notes"]), _start_minutes(plan)
        for day in self.plan_days(plan):
            if rng.random() >= spec["chance"]:
                continue
            note, minutes = "", start
            mood: tuple[int | None, int | None] = (None, None)
            for draw in spec["draws"]:
                if draw == "note":
                    if "note_share" not in spec or rng.random() < spec["note_share"]:
                        note = rng.choice(notes)
                elif draw == "mood":
                    if rng.random() < spec["mood_share"]:
                        mood = _mood(rng, lift=spec.get("mood_lift", 0))
                else:
                    minutes = start + _late(rng, spec["late_by"])
            self.add(uid, self.at(day, minutes), plan.channel, note=note, mood=mood)

    def group_posts(self, spec: Spec, uid: str) -> None:
        """Posts every so often, each with a line (or none) and a time."""
        check_keys(spec, _POSTS_KEYS)
        rng = self.rng(spec["seed"])
        every, (low, high) = spec["every"], spec["spread"]
        earliest, latest = (clock(t) for t in spec["hours"])
        span = (self.last_day - self.first_day).days
        offset = rng.uniform(0, min(every, span))
        while offset <= span:
            day = self.first_day + timedelta(days=int(offset))
            note = rng.choice(spec["notes"])
            when = self.at(day, _minutes(rng, earliest, latest))
            self.add(uid, when, ChannelKind(spec["channel"]), note=note)
            offset += every * rng.uniform(low, high)

    # -- the days a plan falls on ----------------------------------------------------------

    def plan_days(self, plan: Plan) -> Iterator[date]:
        """The days in the history window that ``plan``'s pattern falls on (started or not)."""
        rec = plan.recurrence
        assert rec is not None, "only a repeating plan can be followed"
        if rec.frequency is Frequency.WEEKLY:
            (weekday,) = rec.weekdays
            day = _on_or_after(self.first_day, weekday)
            while day <= self.last_day:
                if ((day - plan.start_date).days // 7) % rec.interval == 0:
                    yield day
                day += timedelta(weeks=1)
            return
        assert rec.monthly_mode is MonthlyMode.BY_WEEKDAY, "a weekly or nth-weekday plan"
        assert rec.nth is not None
        assert rec.nth_weekday is not None
        month = _add_months(self.first_day, 0)
        while month <= self.last_day:
            day = _nth_weekday_of(month, rec.nth, rec.nth_weekday)
            if self.first_day <= day <= self.last_day:
                yield day
            month = _add_months(month, 1)


def _start_minutes(plan: Plan) -> int:
    assert plan.window_start is not None, "a followed plan has a time"
    return plan.window_start.hour * 60 + plan.window_start.minute


def _late(rng: random.Random, late_by: int) -> int:
    """Minutes late, on a five-minute step up to ``late_by`` (no draw for none)."""
    return _minutes(rng, 0, late_by) if late_by else 0
