"""Reading when the user was last in touch with someone, and a care team's focus person.

The user's own contact leaves out check-ins a supporter did on a care team's rota on their
behalf (``by`` set): the user wasn't in touch then. A team's rota counts every contact.
Every read stays on the (target, at) index: a filter on ``by_ref`` would read each row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

from supportnet.data.reads import Reader, chunks, placeholders, utc
from supportnet.model.care import ME, CareTeam


def last_contact_with(
    db: Reader,
    column: Literal["person_id", "group_id"],
    ids: Sequence[int],
    *,
    own_only: bool = False,
) -> dict[int, datetime]:
    """The latest check-in with each of ``ids``: one index lookup each, not a pass over all
    check-ins. Those never contacted are left out.

    ``own_only`` leaves out check-ins a supporter did on a care team's rota on the user's
    behalf (``by`` set): the user wasn't in touch then, so their own plans and suggestions
    don't count them. A team's rota counts every contact (the default)."""
    last: dict[int, datetime] = {}
    for chunk in chunks(sorted(set(ids))):
        rows = db.execute(
            f"SELECT t.id, (SELECT max(at) FROM checkins c WHERE c.{column} = t.id) "
            "FROM (SELECT value AS id FROM json_each(?)) t",
            (f"[{','.join(str(i) for i in chunk)}]",),
        )
        for target_id, at in rows:
            moment = utc(at)
            if moment is not None:
                last[int(target_id)] = moment
    if own_only:
        keep_own_contact(db, column, last)
    return last


def keep_own_contact(
    db: Reader, column: Literal["person_id", "group_id"], last: dict[int, datetime]
) -> None:
    """Make ``last`` (latest check-in by target) the user's own: those with a check-in a
    supporter did are read again (few, from the index alone), leaving those out."""
    mixed, done_by = take_out_done_by(db, column, last)
    last.update(own_last_contact(db, column, mixed, done_by))


def take_out_done_by(
    db: Reader, column: Literal["person_id", "group_id"], found: dict[int, Any]
) -> tuple[list[int], dict[int, list[str]]]:
    """Take out of ``found`` the targets with a check-in a supporter did on a rota (what
    was read of them counts those); those targets, and :func:`done_by_supporters`."""
    done_by = done_by_supporters(db, column)
    mixed = sorted(set(found) & set(done_by))
    for target_id in mixed:
        del found[target_id]
    return mixed, done_by


def own_newest_first(
    items: Iterable[str], done_by: Iterable[str], at: Callable[[str], str] = str
) -> list[str]:
    """``items`` newest first, less those done by supporters (``done_by``: their times as
    stored; ``at`` the time of an item). Sorted here: group_concat's order isn't promised
    by SQLite (stored times are one fixed-width text form, so they sort as they happened)."""
    left = Counter(done_by)
    own: list[str] = []
    for item in sorted(items, reverse=True):
        if left[at(item)] > 0:
            left[at(item)] -= 1
        else:
            own.append(item)
    return own


def own_last_contact(
    db: Reader,
    column: Literal["person_id", "group_id"],
    ids: Sequence[int],
    done_by: Mapping[int, list[str]],
) -> dict[int, datetime]:
    """The latest check-in with each of ``ids`` the user had themself, ``done_by`` being
    what :func:`done_by_supporters` found. From the (target, at) index alone (a filter on
    by_ref would read each row from the table): each one's newest check-ins, as many as
    were done by supporters and one more, less those (known by their time)."""
    last: dict[int, datetime] = {}
    for chunk in chunks(sorted(set(ids))):
        limit = 1 + max(len(done_by.get(i, ())) for i in chunk)
        rows = db.execute(
            "SELECT t.id, (SELECT group_concat(at) FROM ("
            f"SELECT c.at FROM checkins c WHERE c.{column} = t.id ORDER BY c.at DESC LIMIT ?)) "
            "FROM (SELECT value AS id FROM json_each(?)) t",
            (limit, f"[{','.join(str(i) for i in chunk)}]"),
        )
        for target_id, packed in rows:
            times = packed.split(",") if packed else []
            own = own_newest_first(times, done_by.get(int(target_id), ()))
            if own:
                moment = utc(own[0])
                assert moment is not None
                last[int(target_id)] = moment
    return last


def done_by_supporters(
    db: Reader, column: Literal["person_id", "group_id"]
) -> dict[int, list[str]]:
    """When (as stored) each check-in a supporter did on a care team's rota on the user's
    behalf was, by the person (or group) it was with. Such a check-in is always on a rota
    slot (:meth:`CheckIn.problems`), so this reads the few rota check-ins down their index,
    not every check-in."""
    found: dict[int, list[str]] = defaultdict(list)
    for target_id, at in db.execute(
        f"SELECT {column}, at FROM checkins INDEXED BY ix_checkins_rota_slot "
        f"WHERE rota_slot IS NOT NULL AND by_ref IS NOT NULL AND {column} IS NOT NULL"
    ):
        found[int(target_id)].append(at)
    return dict(found)


def team_last_contact(db: Reader, team: CareTeam) -> datetime | None:
    """When the team's focus person was last checked on, which its flexible check-ins count
    from. For a team for the user (:data:`ME`): the latest check-in on the team's own rota
    (the user's other contacts are theirs, not the team's). For someone in the network:
    any contact with them, whoever made it (the user, or a supporter on any rota). None
    when there is none, or the person is no longer in the network."""
    if team.focus == ME:
        latest: datetime | None = None
        for chunk in chunks(sorted(slot.uid for slot in team.slots)):
            [(at,)] = db.execute(
                f"SELECT max(at) FROM checkins WHERE rota_slot IN ({placeholders(chunk)})",
                tuple(chunk),
            )
            moment = utc(at)
            if moment is not None and (latest is None or moment > latest):
                latest = moment
        return latest
    found = db.execute("SELECT id FROM people WHERE uid = ?", (team.focus,))
    if not found:
        return None
    person_id = int(found[0][0])
    return last_contact_with(db, "person_id", [person_id]).get(person_id)
