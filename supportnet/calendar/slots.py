"""Flexible occurrences' stored uids: who a plan is for, slots matched and followed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from supportnet.model.network import ChannelKind, Circle
from supportnet.model.targets import TargetKey


@dataclass(frozen=True, slots=True)
class Who:
    """What an export may say about the person or group a plan is for."""

    kind: str  # "person" | "group"
    id: int
    name: str
    first_name: str
    circle: Circle
    channel: ChannelKind | None = None  # their preferred way, when the plan names none

    @property
    def key(self) -> TargetKey:
        return (self.kind, self.id)


@dataclass(frozen=True, slots=True)
class SlotId:
    """The stored calendar identity of one flexible occurrence slot."""

    uid: str
    sequence: int
    modified: datetime


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as last exported: its uid, SEQUENCE and timing, and whether it was
    cancelled. ``slot`` numbers a flexible plan's occurrences; ``None`` is a plan's own
    event (a repeating series or a one-off)."""

    slot: int | None
    uid: str
    sequence: int
    timing: str
    modified: datetime
    cancelled: bool = False

    @property
    def day(self) -> str:
        """The plan-local day it was on, ISO 8601 (timings start with it)."""
        return self.timing[:10]

    @property
    def zone(self) -> str | None:
        """The zone its times were in (timings end with it); ``None`` for an all-day one."""
        return _timing_parts(self.timing)[2] or None

    @property
    def identity(self) -> SlotId:
        return SlotId(self.uid, self.sequence, self.modified)


@dataclass(frozen=True, slots=True)
class SlotPlan:
    """What one export does with a flexible plan's stored occurrences."""

    assigned: list[StoredEvent]  # one per wanted timing, in the same order
    cancelled: list[StoredEvent]  # exported before, ahead of today, no longer due
    write: list[StoredEvent]  # new or changed rows
    forget: list[str]  # uids of past rows nothing needs any more


def match_slots(
    stored: Sequence[StoredEvent],
    timings: Sequence[str],
    today: date,
    now: datetime,
    new_uid: Callable[[], str],
) -> SlotPlan:
    """Give each wanted occurrence (by timing) a stored slot, so re-imports don't duplicate.

    - An occurrence on exactly the timing of a stored slot keeps it, unchanged.
    - The rest take stored slots from today on that are left, earliest first: the same uid
      with the new timing and SEQUENCE + 1, so calendars move the event they have.
    - Any still left get new slots and uids.
    - Stored slots from today on that nothing took are cancelled (SEQUENCE + 1, written as
      STATUS:CANCELLED, and again on later exports until their day has passed), so a
      calendar drops them rather than keeping a stray duplicate.
    - Past slots nothing took are forgotten: calendars keep them as they were.
    """
    today_iso = today.isoformat()
    active = [s for s in stored if not s.cancelled]
    by_timing: dict[str, StoredEvent] = {}
    for slot in active:
        by_timing.setdefault(slot.timing, slot)
    assigned: list[StoredEvent | None] = []
    used: set[int | None] = set()
    for timing in timings:
        found = by_timing.get(timing)
        if found is not None and found.slot not in used:
            used.add(found.slot)
            assigned.append(found)
        else:
            assigned.append(None)
    spare = sorted(
        (s for s in active if s.slot not in used and s.day >= today_iso),
        key=lambda s: (s.timing, s.slot),
    )
    write: list[StoredEvent] = []
    next_number = max((s.slot for s in stored if s.slot is not None), default=-1) + 1
    for index, timing in enumerate(timings):
        if assigned[index] is not None:
            continue
        if spare:
            old = spare.pop(0)
            used.add(old.slot)
            moved = StoredEvent(old.slot, old.uid, old.sequence + 1, timing, now)
        else:
            moved = StoredEvent(next_number, new_uid(), 0, timing, now)
            next_number += 1
        assigned[index] = moved
        write.append(moved)
    cancelled: list[StoredEvent] = []
    forget: list[str] = []
    for slot in stored:
        if slot.slot in used:
            continue
        if slot.day < today_iso:
            forget.append(slot.uid)
        elif slot.cancelled:
            cancelled.append(slot)
        else:
            gone = StoredEvent(slot.slot, slot.uid, slot.sequence + 1, slot.timing, now, True)
            cancelled.append(gone)
            write.append(gone)
    done = [a for a in assigned if a is not None]
    return SlotPlan(done, cancelled, write, sorted(forget))


#: How long a cancellation is said again on every export, for calendars that missed it.
CANCEL_REPEAT_DAYS = 60


def follow(
    stored: StoredEvent | None, uid: str, timing: str, floor: int, now: datetime
) -> StoredEvent:
    """A plan's own event as exported now, given how it was exported last time.

    Same timing: the same SEQUENCE (or the plan's own, if higher). New timing, or back
    after a cancellation: one more than calendars last saw, so they update their copy.
    ``floor`` is the plan's SEQUENCE.
    """
    if stored is not None and not stored.cancelled and stored.timing == timing:
        sequence = max(stored.sequence, floor)
        if sequence == stored.sequence:
            return stored
        return dataclasses.replace(stored, sequence=sequence, modified=now)
    sequence = floor if stored is None else max(floor, stored.sequence + 1)
    return StoredEvent(None, uid, sequence, timing, now)


def withdraw(stored: StoredEvent, now: datetime) -> StoredEvent | None:
    """An event whose plan was paused or deleted: cancelled (SEQUENCE + 1), then said
    again on each export for :data:`CANCEL_REPEAT_DAYS`; ``None`` once it can be forgotten."""
    if not stored.cancelled:
        return dataclasses.replace(
            stored, sequence=stored.sequence + 1, cancelled=True, modified=now
        )
    if now - stored.modified > timedelta(days=CANCEL_REPEAT_DAYS):
        return None
    return stored


def _timing_parts(timing: str) -> list[str]:
    """A timing's start, end and zone (zone names have slashes too; moves follow a "|")."""
    parts = timing.split("|", 1)[0].split("/", 2)
    return parts + [""] * (3 - len(parts))
