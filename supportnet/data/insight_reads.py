"""The user's own check-ins over a span added up for the Insights charts by SQLite itself,
from the covering index on the time (``ix_checkins_at_covering``, migration 0008): a row
a week and one per person or group come back in place of tens of thousands of check-ins.
The adding up is defined by the pure functions of :mod:`supportnet.insights`; tests hold
the two to the same figures."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import UTC, datetime

from supportnet.data.reads import Reader, stored_utc
from supportnet.insights.connection import WeekCount
from supportnet.model.checkins import Initiator
from supportnet.model.network import Circle, SupportType
from supportnet.model.targets import GROUP, PERSON, TargetKey

_SUPPORTS = {m.value: m for m in SupportType}


def support_by_target(db: Reader) -> dict[TargetKey, set[SupportType]]:
    """What each person and group gives (those marked with some kind of support only)."""
    support: dict[TargetKey, set[SupportType]] = {}
    for kind, table in ((PERSON, "person_support"), (GROUP, "group_support")):
        for owner, value in db.execute(f"SELECT {kind}_id, support_type FROM {table}"):
            support.setdefault((kind, owner), set()).add(_SUPPORTS[value])
    return support


def own_last_contact_since(db: Reader, since: datetime) -> dict[TargetKey, datetime]:
    """The user's own latest check-in with each person and group they had one with at or
    after ``since`` (from the index on the time alone)."""
    stamp = stored_utc(since)
    last: dict[TargetKey, datetime] = {}
    for person_id, group_id, at in db.execute(
        "SELECT person_id, group_id, max(at) FROM checkins INDEXED BY ix_checkins_at_covering "
        "WHERE at >= ? AND by_ref IS NULL GROUP BY person_id, group_id",
        (stamp,),
    ):
        key = (PERSON, person_id) if person_id is not None else (GROUP, group_id)
        last[key] = datetime.fromisoformat(at).replace(tzinfo=UTC)
    return last


def weekly_counts(db: Reader, bounds: Sequence[datetime]) -> list[WeekCount]:
    """The user's own check-ins counted per week, by circle and by who reached out: week
    ``i`` is from ``bounds[i]`` up to ``bounds[i + 1]`` (see
    :func:`~supportnet.insights.connection.week_bounds`); a check-in with someone no longer
    in the network is in no circle.

    One range of the time index per week, added up there (a sub-query per week: grouping
    the rows instead sorts every one of them, which takes several times as long)."""
    weeks = ", ".join(["(?, ?, ?)"] * (len(bounds) - 1))
    stamps = [stored_utc(bound) for bound in bounds]
    values: list[object] = [v for i in range(len(bounds) - 1) for v in (i, *stamps[i : i + 2])]
    circles = list(Circle)
    per_circle = ", ".join(["total(coalesce(p.circle, g.circle) = ?)"] * len(circles))
    rows = db.execute(
        f"WITH weeks(slot, lo, hi) AS (VALUES {weeks}) "
        f"SELECT slot, (SELECT json_array(count(*), total(c.initiator = ?), {per_circle}) "
        "FROM checkins AS c INDEXED BY ix_checkins_at_covering "
        "LEFT JOIN people AS p ON p.id = c.person_id "
        "LEFT JOIN community_groups AS g ON g.id = c.group_id "
        "WHERE c.at >= weeks.lo AND c.at < weeks.hi AND c.by_ref IS NULL) FROM weeks",
        (*values, Initiator.ME.value, *(circle.value for circle in circles)),
    )
    counts: list[WeekCount] = []
    for slot, added in rows:
        every, mine, *in_circles = (round(n) for n in json.loads(added))
        counts += [(slot, Initiator.ME, mine), (slot, Initiator.THEM, every - mine)]
        counts += zip([slot] * len(circles), circles, in_circles, strict=True)
    return counts


def mood_sums(db: Reader, since: datetime) -> dict[TargetKey, tuple[int, int]]:
    """For each person and group the user had their own check-ins with at or after
    ``since`` with both moods noted: the sum of mood after minus before, and how many such
    check-ins (from the time index alone)."""
    return {
        (PERSON, person_id) if person_id is not None else (GROUP, group_id): (change, pairs)
        for person_id, group_id, change, pairs in db.execute(
            "SELECT person_id, group_id, sum(mood_after - mood_before), count(*) "
            "FROM checkins INDEXED BY ix_checkins_at_covering WHERE at >= ? AND by_ref IS NULL "
            "AND mood_before IS NOT NULL AND mood_after IS NOT NULL GROUP BY person_id, group_id",
            (stored_utc(since),),
        )
    }


def contact_times(
    db: Reader, since: datetime, people: Collection[int], groups: Collection[int]
) -> dict[TargetKey, list[datetime]]:
    """The times of the user's own check-ins at or after ``since`` with these people and
    groups (each one's oldest first), from the indexes on whom then the time."""
    stamp = stored_utc(since)
    times: dict[TargetKey, list[datetime]] = {}
    parse = datetime.fromisoformat
    for kind, column, index, ids in (
        (PERSON, "person_id", "ix_checkins_person_at", people),
        (GROUP, "group_id", "ix_checkins_group_at", groups),
    ):
        if not ids:
            continue
        for owner, at in db.execute(
            f"SELECT {column}, at FROM checkins INDEXED BY {index} "
            f"WHERE {column} IN (SELECT value FROM json_each(?)) AND at >= ? "
            f"AND by_ref IS NULL ORDER BY {column}, at",
            (json.dumps(sorted(ids)), stamp),
        ):
            times.setdefault((kind, owner), []).append(parse(at).replace(tzinfo=UTC))
    return times
