"""Reading when the user was last in touch with someone, and a care team's focus person.

The user's own contact leaves out check-ins a supporter did on a care team's rota on their
behalf (``by`` set): the user wasn't in touch then. A team's rota counts every contact.
Every read stays on the (target, at) index: a filter on ``by_ref`` would read each row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Literal

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
        # Only those with a check-in done by a supporter are read again, leaving those out.
        done_by = done_by_supporters(db, column)
        mixed = sorted(set(last) & set(done_by))
        for target_id in mixed:
            del last[target_id]
        last.update(own_last_contact(db, column, mixed, done_by))
    return last


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
            left = Counter(done_by.get(int(target_id), ()))
            # Newest first, sorted here: group_concat's order isn't promised by SQLite.
            for at in sorted(packed.split(",") if packed else [], reverse=True):
                if left[at] > 0:
                    left[at] -= 1
                    continue
                moment = utc(at)
                assert moment is not None
                last[int(target_id)] = moment
                break
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
