"""The check-in log."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from supportnet.data import contact_reads, reads
from supportnet.data.repositories.base import Repository, require_targets
from supportnet.i18n import N_, _
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import NotFoundError
from supportnet.scheduling.rhythm import RECENT_CHECKINS, ContactStats, typical_interval

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from supportnet.data.engine import RawDatabase
    from supportnet.data.plan_bundles import LoggedCheckIn
    from supportnet.data.reads import Reader
    from supportnet.data.schema import CheckInRow
    from supportnet.scheduling import Postponement

_GONE = N_("That check-in no longer exists.")


def _with_live_plan(session: Session, checkin: CheckIn) -> CheckIn:
    """``checkin``, unlinked from its plan if that plan has gone (deleted since it was read)."""
    from supportnet.data.plan_bundles import plan_exists

    if checkin.plan_id is None or plan_exists(session, checkin.plan_id):
        return checkin
    return dataclasses.replace(checkin, plan_id=None)


def _fill(row: CheckInRow, checkin: CheckIn) -> None:
    row.at = checkin.at
    row.person_id = checkin.person_id
    row.group_id = checkin.group_id
    row.plan_id = checkin.plan_id
    row.channel = checkin.channel.value if checkin.channel else None
    row.initiator = checkin.initiator.value
    row.note = checkin.note
    row.mood_before = checkin.mood_before
    row.mood_after = checkin.mood_after
    row.by_ref = checkin.by
    row.rota_slot = checkin.rota_slot


class CheckInsRepository(Repository):
    """Log, change and remove check-ins; ask when, and how often, someone was in touch.

    Reads use plain SQL; writes use the ORM.
    """

    def add(self, checkin: CheckIn) -> CheckIn:
        """Add a check-in as it is; postponements stay (see :meth:`log`)."""
        return self.log(checkin, plans=()).checkin

    def log(self, checkin: CheckIn, *, plans: Sequence[int] | None = None) -> LoggedCheckIn:
        """Add a check-in and clear its plan's postponements ("Not today" has done its
        job), in one transaction; :meth:`unlog` undoes both. ``plans`` names the plans whose
        postponements to clear instead (the command line clears all of someone's)."""
        checkin.normalised().validate()
        return self.log_built(lambda _db: checkin, plans=plans)

    def log_built(
        self, build: Callable[[Reader], CheckIn], *, plans: Sequence[int] | None = None
    ) -> LoggedCheckIn:
        """:meth:`log` the check-in ``build`` makes from what it reads through the given
        reader, in the same transaction: what decided it can't change before it is written
        (a check-in marked done on a care team's rota). ``build`` may raise to write
        nothing."""
        from supportnet.data.plan_bundles import (
            LoggedCheckIn,
            plan_postponements,
            replace_postponements,
        )
        from supportnet.data.reads import SessionReader
        from supportnet.data.schema import CheckInRow

        with self._sessions.begin() as session:
            checkin = build(SessionReader(session))
            checkin.normalised().validate()
            if plans is None:
                plans = [] if checkin.plan_id is None else [checkin.plan_id]
            require_targets(session, checkin.person_id, checkin.group_id, checkin.plan_id)
            row = CheckInRow(uid=checkin.uid)
            _fill(row, checkin)
            session.add(row)
            session.flush()
            new_id = row.id
            cleared: list[Postponement] = []
            for plan_id in plans:
                found = plan_postponements(session, plan_id)
                if found:
                    replace_postponements(session, plan_id, (), self._clock())
                    cleared += found
        return LoggedCheckIn(self.get(new_id), tuple(cleared))

    def unlog(self, logged: LoggedCheckIn) -> None:
        """Undo :meth:`log` in one transaction: the check-in goes, and the plans still there
        get back the postponements logging it cleared."""
        from collections import defaultdict

        from sqlalchemy import delete

        from supportnet.data.plan_bundles import plan_exists, replace_postponements
        from supportnet.data.schema import CheckInRow

        by_plan: dict[int, list[Postponement]] = defaultdict(list)
        for postponement in logged.cleared:
            by_plan[postponement.plan_id].append(postponement)
        with self._sessions.begin() as session:
            result = session.execute(delete(CheckInRow).where(CheckInRow.uid == logged.checkin.uid))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError(_(_GONE))
            for plan_id, postponements in by_plan.items():
                if plan_exists(session, plan_id):
                    replace_postponements(session, plan_id, postponements, self._clock())

    def add_many(self, checkins: list[CheckIn]) -> None:
        """Log many check-ins in one transaction (imports, the example network)."""
        from supportnet.data.schema import CheckInRow

        for checkin in checkins:
            checkin.normalised().validate()
        with self._sessions.begin() as session:
            for person_id, group_id, plan_id in {
                (c.person_id, c.group_id, c.plan_id) for c in checkins
            }:
                require_targets(session, person_id, group_id, plan_id)
            for checkin in checkins:
                row = CheckInRow(uid=checkin.uid)
                _fill(row, checkin)
                session.add(row)

    def update(self, checkin: CheckIn) -> CheckIn:
        from supportnet.data.schema import CheckInRow

        if checkin.id is None:
            raise NotFoundError(_("This check-in hasn't been saved yet."))
        checkin.normalised().validate()
        with self._sessions.begin() as session:
            row = session.get(CheckInRow, checkin.id)
            if row is None:
                raise NotFoundError(_(_GONE))
            require_targets(session, checkin.person_id, checkin.group_id, checkin.plan_id)
            _fill(row, checkin)
        return self.get(checkin.id)

    def update_by_uid(self, checkin: CheckIn) -> CheckIn:
        """Give the stored check-in with ``checkin``'s uid ``checkin``'s values, unlinked
        from its plan if that plan has gone since; one transaction (undo and redo of an edit).
        """
        from sqlalchemy import select

        from supportnet.data.schema import CheckInRow

        checkin.normalised().validate()
        with self._sessions.begin() as session:
            row = session.scalar(select(CheckInRow).where(CheckInRow.uid == checkin.uid))
            if row is None:
                raise NotFoundError(_(_GONE))
            again = _with_live_plan(session, checkin)
            require_targets(session, again.person_id, again.group_id, again.plan_id)
            _fill(row, again)
            checkin_id = row.id
        return self.get(checkin_id)

    def delete_by_uid(self, uid: str) -> CheckIn:
        """Delete the check-in with this uid; returns it as it was, read in the same
        transaction, for :meth:`add_back` to undo it."""
        from sqlalchemy import delete

        from supportnet.data.schema import CheckInRow

        with self._sessions.begin() as session:
            # SessionReader is a Reader, as RawDatabase is: reads.checkins only runs queries.
            reader: Any = reads.SessionReader(session)
            found = reads.checkins(reader, uid=uid)
            if not found:
                raise NotFoundError(_(_GONE))
            session.execute(delete(CheckInRow).where(CheckInRow.uid == uid))
        return found[0]

    def add_back(self, checkin: CheckIn) -> CheckIn:
        """Undo :meth:`delete_by_uid`: the check-in again with its uid (a new id), unlinked
        from its plan if that plan has gone since; one transaction."""
        from supportnet.data.schema import CheckInRow

        checkin.normalised().validate()
        with self._sessions.begin() as session:
            again = _with_live_plan(session, checkin)
            require_targets(session, again.person_id, again.group_id, again.plan_id)
            row = CheckInRow(uid=again.uid)
            _fill(row, again)
            session.add(row)
            session.flush()
            new_id = row.id
        return self.get(new_id)

    def get(self, checkin_id: int) -> CheckIn:
        found = reads.checkins(self._db, id=checkin_id)
        if not found:
            raise NotFoundError(_(_GONE))
        return found[0]

    def delete(self, checkin_id: int) -> None:
        from sqlalchemy import delete

        from supportnet.data.schema import CheckInRow

        with self._sessions.begin() as session:
            result = session.execute(delete(CheckInRow).where(CheckInRow.id == checkin_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError(_(_GONE))

    def for_person(self, person_id: int, limit: int | None = None) -> list[CheckIn]:
        """A person's check-ins, newest first."""
        return reads.checkins(self._db, person_id=person_id, limit=limit)

    def for_group(self, group_id: int, limit: int | None = None) -> list[CheckIn]:
        """A group's check-ins, newest first."""
        return reads.checkins(self._db, group_id=group_id, limit=limit)

    def last_contact_by_person(self) -> dict[int, datetime]:
        """When each person was last in touch, either way round (one indexed query)."""
        return _last_contact(self._db, "person_id")

    def last_contact_by_group(self) -> dict[int, datetime]:
        return _last_contact(self._db, "group_id")

    def contact_stats_by_person(self) -> dict[int, ContactStats]:
        """Count, last contact and typical interval of everyone with at least one check-in.

        The typical interval is :func:`supportnet.scheduling.rhythm.typical_interval` of their
        check-in times: the median gap among their most recent check-ins. People never contacted are
        left out; use :data:`supportnet.scheduling.rhythm.NO_CONTACT` for them.
        """
        return _contact_stats(self._db, "person_id", "people")

    def contact_stats_by_group(self) -> dict[int, ContactStats]:
        """Like :meth:`contact_stats_by_person`, for groups."""
        return _contact_stats(self._db, "group_id", "community_groups")

    def count(self) -> int:
        return reads.count(self._db, "checkins")


_Target = Literal["person_id", "group_id"]


def _last_contact(db: RawDatabase, col: _Target) -> dict[int, datetime]:
    """The user's own last contact with each: one done by a supporter on a care team's rota
    doesn't count (the user wasn't in touch)."""
    rows = db.execute(f"SELECT {col}, max(at) FROM checkins WHERE {col} IS NOT NULL GROUP BY {col}")
    last = {int(target): _utc(at) for target, at in rows}
    # Filtering every row on by_ref reads the table (measured 30 times slower); read again
    # only those with a check-in done by a supporter, which are few, from the index alone.
    contact_reads.keep_own_contact(db, col, last)
    return last


# Per target, three look-ups on the (target, at) index: how many check-ins, the latest one
# (as stored, so exact to the microsecond) and the whole seconds of the most recent few, from
# which Python takes the median gap. The work grows with the number of targets, not of
# check-ins. A window function (LAG over every check-in, then ROW_NUMBER to keep the recent
# ones) reads and sorts the whole table and measured about ten times slower at 100,000
# check-ins; a GROUP BY for the count and latest time alone was slower than these look-ups.
# Seconds come from julianday(), which every SQLite has and which measured faster than
# strftime('%s'); unixepoch() would need SQLite 3.38.
_STATS_SQL = """
SELECT t.id,
       (SELECT count(*) FROM checkins AS c WHERE c.{col} = t.id),
       (SELECT max(c.at) FROM checkins AS c WHERE c.{col} = t.id),
       (SELECT group_concat(s) FROM (
            SELECT CAST(round((julianday(c.at) - 2440587.5) * 86400) AS INTEGER) AS s
            FROM checkins AS c WHERE c.{col} = t.id
            ORDER BY c.at DESC LIMIT ?))
FROM {table} AS t
"""

# Check-ins a supporter did on a care team's rota (by_ref set) are not the user's own
# contact. Filtering on by_ref reads each row from the table, not the index alone (16 times
# slower for everyone, measured), so everyone is read as above and only the few with such a
# check-in are read again, still from the index alone: their count, and their most recent
# check-ins (as many more as they have done by supporters) from which Python takes out
# those (known by their time, found down the rota_slot index).
_MIXED_SQL = """
SELECT t.id,
       (SELECT count(*) FROM checkins AS c WHERE c.{col} = t.id),
       (SELECT group_concat(r) FROM (
            SELECT c.at || '|' ||
                   CAST(round((julianday(c.at) - 2440587.5) * 86400) AS INTEGER) AS r
            FROM checkins AS c WHERE c.{col} = t.id
            ORDER BY c.at DESC LIMIT ?))
FROM (SELECT value AS id FROM json_each(?)) AS t
"""


def _contact_stats(
    db: RawDatabase, col: _Target, table: Literal["people", "community_groups"]
) -> dict[int, ContactStats]:
    rows = db.execute(_STATS_SQL.format(col=col, table=table), (RECENT_CHECKINS,))
    stats = {
        int(target): ContactStats(
            count=int(count),
            last_contact=_utc(last),
            typical_interval_days=typical_interval(map(int, recent.split(","))),
        )
        for target, count, last, recent in rows
        if count
    }
    mixed, done_by = contact_reads.take_out_done_by(db, col, stats)
    for chunk in reads.chunks(mixed):
        limit = RECENT_CHECKINS + max(len(done_by[target]) for target in chunk)
        rows = db.execute(_MIXED_SQL.format(col=col), (limit, f"[{','.join(map(str, chunk))}]"))
        for target, total, recent in rows:
            own = _own_recent(recent, done_by[int(target)])
            count = int(total) - len(done_by[int(target)])
            if count > 0 and own:
                stats[int(target)] = ContactStats(
                    count=count,
                    last_contact=_utc(own[0][0]),
                    typical_interval_days=typical_interval(
                        seconds for _at, seconds in own[:RECENT_CHECKINS]
                    ),
                )
    return stats


def _own_recent(packed: str | None, done_by: list[str]) -> list[tuple[str, int]]:
    """The (time as stored, seconds) of the user's own check-ins among ``packed`` (newest
    first), once those done by supporters (their times in ``done_by``) are taken out."""
    items = packed.split(",") if packed else []
    own = contact_reads.own_newest_first(items, done_by, at=lambda item: item.rsplit("|", 1)[0])
    return [(at, int(seconds)) for at, seconds in (item.rsplit("|", 1) for item in own)]


def _utc(value: str) -> datetime:
    at = reads.utc(value)
    assert at is not None
    return at
