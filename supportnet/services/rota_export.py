"""One supporter's part of a care team's rota, written to an .ics file (no Qt; ``now`` is
passed in). The file is written the way the plan export writes (atomically, 0600 when
new, the same writer); nothing is remembered in the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from supportnet.calendar import ExportEvent, ExportOptions, Who, calendar_bytes
from supportnet.calendar.rota_events import supporter_events
from supportnet.data import reads
from supportnet.model.care import ME, CareTeam
from supportnet.model.errors import NotFoundError, NothingToExportError
from supportnet.model.network import Person
from supportnet.services.calendar_export import check_target, write_atomically
from supportnet.services.everyone import whos
from supportnet.services.schedule_reader import user_zone

if TYPE_CHECKING:
    from supportnet.data.store import Store

__all__ = ["SupporterExport", "export_supporter", "supporter_part", "supporter_ref"]


@dataclass(frozen=True, slots=True)
class SupporterExport:
    """What was written for one supporter."""

    path: Path
    events: list[ExportEvent]
    size: int


def supporter_ref(store: Store, team: CareTeam, name: str) -> str:
    """The team supporter ``name`` means: "me" is the user; else a supporter whose name or
    nickname is ``name`` (any case), else the one whose name holds it."""
    wanted = name.strip().casefold()
    if not wanted:
        # An empty nickname is no one's name: it must not match everyone without one.
        raise NotFoundError(f"Name a supporter on {team.name}, or “me” for yourself.")
    if wanted == ME:
        if ME in team.supporters:
            return ME
        raise NotFoundError(f"You aren't a supporter on {team.name}.")
    people = _people(store, [ref for ref in team.supporters if ref != ME])
    named = [(p.uid, p.name.casefold(), p.nickname.casefold()) for p in people.values()]
    found = [uid for uid, full, nick in named if wanted in (full, nick)] or [
        uid for uid, full, nick in named if wanted in full or wanted in nick
    ]
    if len(found) != 1:
        raise NotFoundError(
            f"Nobody called “{name.strip()}” is a supporter on {team.name}."
            if not found
            else f"“{name.strip()}” could be more than one supporter; please give more of it."
        )
    return found[0]


def export_supporter(
    store: Store,
    path: Path,
    team_uid: str,
    supporter: str,
    options: ExportOptions,
    now: datetime,
) -> SupporterExport:
    """Write ``supporter``'s check-ins on the team to ``path``.

    Raises :class:`NothingToExportError` (no file made or changed) when they take none in
    the weeks ahead, and :class:`ExportError` when the file can't be written.
    """
    check_target(path)
    events = supporter_part(store, team_uid, supporter, options, now)
    data = calendar_bytes(events, options, now)
    write_atomically(path, data)
    return SupporterExport(path, events, len(data))


def supporter_part(
    store: Store, team_uid: str, supporter: str, options: ExportOptions, now: datetime
) -> list[ExportEvent]:
    """``supporter``'s events on the team (reads only), or :class:`NothingToExportError`
    when they take none in the weeks ahead."""
    zone = user_zone(store)
    with reads.snapshot(store.db):
        team = store.care_teams.get(team_uid)
        refs = {team.focus, *team.supporters} - {ME}
        refs |= {s.supporter for s in team.slots if s.supporter and s.supporter != ME}
        refs |= {s.supporter for s in team.swaps if s.supporter and s.supporter != ME}
        people = _people(store, sorted(refs))
        focus = people.get(team.focus)
        last: date | None = None
        who: Who | None = None
        if focus is not None and focus.id is not None:
            who = whos(store).get(("person", focus.id))
            moment = reads.last_contact_with(store.db, "person_id", [focus.id]).get(focus.id)
            last = moment.astimezone(ZoneInfo(zone)).date() if moment else None
    events = supporter_events(
        team,
        supporter,
        who,
        now,
        options,
        zone=zone,
        last_contact=last,
        known=lambda ref: ref in people,
    )
    if not events:
        raise NothingToExportError(
            "There's nothing to export: this supporter takes no check-ins in the weeks "
            "ahead. Try more weeks, or another supporter."
        )
    return events


def _people(store: Store, refs: list[str]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for uid in refs:
        for person in reads.people(store.db, uid=uid):
            found[person.uid] = person
    return found
