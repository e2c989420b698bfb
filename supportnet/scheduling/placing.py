"""Placing occurrences on the user's calendar, moved by postponements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from supportnet.model.plans import (
    Plan,
    PlanKind,
)
from supportnet.scheduling.model import Moved, Occurrence, Postponement, _shift, _ts
from supportnet.scheduling.occurrences import local_datetime, occurrences

_PLACED_CACHE: dict[tuple[object, ...], tuple[_Placed, ...]] = {}
_PLACED_CACHE_SIZE = 50_000

# -- placing occurrences on the user's calendar ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Placed:
    """An occurrence as the user sees it: on a user-local day, perhaps moved there."""

    occurrence: Occurrence
    day: date  # user-local
    start: datetime | None  # aware, user zone
    origin_day: date  # user-local day it originally fell on (before any move)
    moved: bool


def _placed(
    plan: Plan,
    lo: date,
    hi: date,
    postponements: Sequence[Postponement],
    today: date,
    user_tz: ZoneInfo,
) -> list[_Placed]:
    """Occurrences of ``plan`` on user-local days ``lo``..``hi``, with postponements applied.

    A postponement with a ``from_date`` moves that occurrence to ``to_date`` (the same wall
    time there, in the user's zone), whether or not ``to_date`` has come: a moved
    occurrence is simply on its new day. One without a ``from_date`` holds back every
    occurrence before ``to_date`` while ``to_date`` is after ``today``.
    """
    own: list[Postponement] = []
    if plan.kind is not PlanKind.FLEXIBLE and plan.id is not None:
        own = sorted((p for p in postponements if p.plan_id == plan.id), key=lambda p: p.to_date)
    # Today's page is worked out again and again with the same plans; what a plan's
    # occurrences are on given days depends only on its timing and these arguments.
    key = (plan.id, plan.uid, plan.timing_key(), lo, hi, tuple(own), today, str(user_tz))
    cached = _PLACED_CACHE.get(key)
    if cached is None:
        if len(_PLACED_CACHE) >= _PLACED_CACHE_SIZE:
            _PLACED_CACHE.clear()
        cached = _PLACED_CACHE[key] = tuple(_place(plan, lo, hi, own, today, user_tz))
    return list(cached)


def _place(
    plan: Plan,
    lo: date,
    hi: date,
    own: list[Postponement],
    today: date,
    user_tz: ZoneInfo,
) -> list[_Placed]:
    # Plan-local days near the range, and near every day a postponement moves from: two
    # either side, as two zones can be up to 26 hours apart (Kiritimati and Pago Pago).
    wanted: dict[date, Occurrence] = {}
    spans = [(lo, hi)] + [(p.from_date, p.from_date) for p in own if p.from_date is not None]
    for span_lo, span_hi in spans:
        for occ in occurrences(plan, _shift(span_lo, -2), _shift(span_hi, 2)):
            wanted.setdefault(occ.day, occ)
    items: list[_Placed] = []
    for occ in sorted(wanted.values(), key=lambda o: o.day):
        start = None if occ.start is None else occ.start.astimezone(user_tz)
        day = occ.day if start is None else start.date()
        items.append(_Placed(occ, day, start, day, moved=False))
    for post in own:
        if post.from_date is None:
            continue
        for index, item in enumerate(items):
            if post.from_date in (item.occurrence.day, item.day):
                start = item.start
                if start is not None:
                    start = local_datetime(post.to_date, start.time(), user_tz)
                items[index] = _Placed(
                    item.occurrence, post.to_date, start, item.origin_day, moved=True
                )
                break
    holds = [p.to_date for p in own if p.from_date is None and p.to_date > today]
    hold_until = max(holds) if holds else None
    kept = [
        item
        for item in items
        if lo <= item.day <= hi and (hold_until is None or item.day >= hold_until)
    ]
    kept.sort(key=lambda i: (i.day, i.start is None, 0.0 if i.start is None else _ts(i.start)))
    return kept


def in_touch(item: _Placed, last_contact: datetime | None, user_tz: ZoneInfo) -> bool:
    """Whether a contact was logged since the start of the occurrence's user-local day (its
    first day, if moved): Today then leaves it off, and other pages drop "later is fine too"."""
    if last_contact is None:
        return False
    since = local_datetime(min(item.origin_day, item.day), time(0), user_tz)
    return _ts(last_contact) >= _ts(since)


def moved_occurrences(
    plan: Plan, postponements: Sequence[Postponement], today: date, user_zone: str
) -> list[Moved]:
    """The occurrences of a fixed or one-off ``plan`` that postponements moved, as the
    agenda shows them, leaving out those that were and are now both before ``today``
    (user-local). Sorted by the original occurrence's day."""
    own = [
        p
        for p in postponements
        if p.plan_id == plan.id and p.from_date is not None and plan.kind is not PlanKind.FLEXIBLE
    ]
    if not own:
        return []
    days = [d for p in own for d in (p.from_date, p.to_date) if d is not None]
    user_tz = ZoneInfo(user_zone)
    placed = _placed(plan, min(days), max(days), postponements, today, user_tz)
    moved = [
        Moved(item.occurrence, item.day, item.start)
        for item in placed
        if item.moved and max(item.origin_day, item.day) >= today
    ]
    return sorted(moved, key=lambda m: m.original.day)
