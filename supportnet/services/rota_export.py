"""One supporter's part of a care team's rota, written to an .ics file (no Qt; ``now`` is
passed in). The file is written the way the plan export writes (atomically, 0600 when
new, the same writer), and what it gave that supporter's calendar is remembered per
supporter (``store.calendar.rota``), so the next file updates rather than duplicates:
SEQUENCE rises on a changed time, and what is no longer theirs comes out cancelled."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.calendar import MAX_WEEKS, ExportEvent, ExportOptions, Who, calendar_bytes
from supportnet.calendar.rota_events import RotaSettled, settle_supporter, supporter_events
from supportnet.data import contact_reads, reads
from supportnet.data.repositories.calendar import RotaCalendarRecord
from supportnet.i18n import _
from supportnet.model.care import ME, CareTeam
from supportnet.model.errors import NotFoundError, NothingToExportError
from supportnet.model.network import Person
from supportnet.services.calendar_export import check_target, write_atomically
from supportnet.services.care_teams import name_of
from supportnet.services.everyone import person_who
from supportnet.services.schedule_reader import user_zone

if TYPE_CHECKING:
    from supportnet.data.store import Store

__all__ = [
    "SupporterCalendarExport",
    "SupporterExport",
    "TeamChoice",
    "export_supporter",
    "preview_supporter",
    "supporter_part",
    "supporter_ref",
    "team_choices",
]


@dataclass(frozen=True, slots=True)
class SupporterExport:
    """What was written for one supporter."""

    path: Path
    events: list[ExportEvent]
    size: int
    cancelled: int = 0  # given to their calendar before, no longer theirs: written cancelled


def supporter_ref(store: Store, team: CareTeam, name: str) -> str:
    """The team supporter ``name`` means: "me" is the user; else a supporter whose name or
    nickname is ``name`` (any case), else the one whose name holds it. Someone who has
    left the team but was given a file of it counts too: their next file withdraws it."""
    wanted = name.strip().casefold()
    if not wanted:
        # An empty nickname is no one's name: it must not match everyone without one.
        raise NotFoundError(
            _("Name a supporter on {team}, or “me” for yourself.").format(team=team.name)
        )
    refs = _with_former(store, team)
    if wanted == ME:
        if ME in refs:
            return ME
        raise NotFoundError(_("You aren't a supporter on {team}.").format(team=team.name))
    people = _people(store, [ref for ref in refs if ref != ME])
    named = [(p.uid, p.name.casefold(), p.nickname.casefold()) for p in people.values()]
    found = [uid for uid, full, nick in named if wanted in (full, nick)] or [
        uid for uid, full, nick in named if wanted in full or wanted in nick
    ]
    if len(found) != 1:
        raise NotFoundError(
            _("Nobody called “{name}” is a supporter on {team}.").format(
                name=name.strip(), team=team.name
            )
            if not found
            else _("“{name}” could be more than one supporter; please give more of it.").format(
                name=name.strip()
            )
        )
    return found[0]


def _with_former(store: Store, team: CareTeam) -> list[str]:
    """The team's supporters, then anyone no longer on it whose calendar has some of it."""
    former = [ref for ref in store.calendar.rota.supporters(team.uid) if ref not in team.supporters]
    return [*team.supporters, *former]


def export_supporter(
    store: Store,
    path: Path,
    team_uid: str,
    supporter: str,
    options: ExportOptions,
    now: datetime,
) -> SupporterExport:
    """Write ``supporter``'s check-ins on the team to ``path``, and remember what their
    calendar was given.

    Raises :class:`NothingToExportError` (no file made or changed) when they take none in
    the weeks ahead and nothing given before needs withdrawing, and :class:`ExportError`
    when the file can't be written; then nothing is remembered either.
    """
    check_target(path)
    team, settled = _settle(store, team_uid, supporter, options, now)
    if not settled.events and not settled.cancelled:
        raise NothingToExportError(
            _(
                "There's nothing to export: this supporter takes no check-ins in the weeks "
                "ahead. Try more weeks, or another supporter."
            )
        )
    data = calendar_bytes([*settled.events, *settled.cancelled], options, now)
    writes = [RotaCalendarRecord.of(event, single) for event, single in settled.writes]
    write_atomically(
        path,
        data,
        before_rename=lambda: store.calendar.rota.save(team.uid, supporter, writes, settled.forget),
    )
    return SupporterExport(path, settled.events, len(data), len(settled.cancelled))


def preview_supporter(
    store: Store, team_uid: str, supporter: str, options: ExportOptions, now: datetime
) -> tuple[list[ExportEvent], int]:
    """The events :func:`export_supporter` would write, and how many it would cancel.
    Reads only."""
    _team, settled = _settle(store, team_uid, supporter, options, now)
    return settled.events, len(settled.cancelled)


def supporter_part(
    store: Store, team_uid: str, supporter: str, options: ExportOptions, now: datetime
) -> tuple[CareTeam, list[ExportEvent]]:
    """The team as read and ``supporter``'s events on it as a live calendar gets them
    (reads only; a server deletes what it no longer holds, so no cancellations); no
    events when they take none in the weeks ahead."""
    team, settled = _settle(store, team_uid, supporter, options, now)
    return team, settled.events


def _settle(
    store: Store, team_uid: str, supporter: str, options: ExportOptions, now: datetime
) -> tuple[CareTeam, RotaSettled]:
    zone = user_zone(store)
    # One read transaction, so the team, its people and the memory agree (the GUI thread
    # may change the store while an export reads on the worker).
    with reads.snapshot(store.db):
        team = store.care_teams.get(team_uid)
        people = _people(store, sorted(team.refs() - {ME}))
        focus = people.get(team.focus)
        who: Who | None = None
        if focus is not None and focus.id is not None:
            who = person_who(focus)
        last = contact_reads.team_last_contact(store.db, team)
        memory = store.calendar.rota.for_supporter(team.uid, supporter)

    def events_for(weeks: int) -> list[ExportEvent]:
        return supporter_events(
            team,
            supporter,
            who,
            now,
            dataclasses.replace(options, weeks=weeks),
            zone=zone,
            last_contact=last,
            known=lambda ref: ref in people,
        )

    later: set[str] | None = None

    def still_planned(uid: str) -> bool:
        # Only asked of a date remembered beyond these weeks: is it theirs further on?
        nonlocal later
        if later is None:
            later = {event.uid for event in events_for(MAX_WEEKS)}
        return uid in later

    settled = settle_supporter(
        events_for(options.weeks),
        [(record.stored, record.single) for record in memory],
        now,
        still_planned=still_planned,
    )
    return team, settled


@dataclass(frozen=True, slots=True)
class TeamChoice:
    """A care team as the export dialog offers it: its supporters as (ref, name)."""

    uid: str
    name: str
    supporters: list[tuple[str, str]]


class SupporterCalendarExport:
    """One supporter's calendar file over one store, as the export dialog uses it."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def teams(self) -> list[TeamChoice]:
        """:func:`team_choices`."""
        return team_choices(self._store)

    def preview(
        self, team_uid: str, supporter: str, options: ExportOptions, now: datetime
    ) -> tuple[list[ExportEvent], int]:
        """:func:`preview_supporter`."""
        return preview_supporter(self._store, team_uid, supporter, options, now)

    def export(
        self, path: Path, team_uid: str, supporter: str, options: ExportOptions, now: datetime
    ) -> SupporterExport:
        """:func:`export_supporter`; safe on a worker thread (it reads in one snapshot)."""
        return export_supporter(self._store, path, team_uid, supporter, options, now)


def team_choices(store: Store) -> list[TeamChoice]:
    """Every care team with a supporter, and what to call each one ("You": the user), as
    the export and publish dialogs offer them; someone who left the team but was given a
    file of it comes last, so their next file (or publish) can withdraw what it gave."""
    found = []
    with reads.snapshot(store.db):
        teams = store.care_teams.list()
        refs = {team.uid: _with_former(store, team) for team in teams}
        everyone = sorted({r for listed in refs.values() for r in listed} - {ME})
        people = _people(store, everyone)

    def choice(ref: str, team: CareTeam) -> str | None:
        if ref != ME and ref not in people:
            return None  # no longer in the network: no one to give a file to
        name = name_of(ref, people)
        if ref in team.supporters:
            return name
        return _("{name} (no longer on the team)").format(name=name)

    for team in teams:
        named = [(ref, name) for ref in refs[team.uid] if (name := choice(ref, team))]
        if named:
            found.append(TeamChoice(team.uid, team.name, named))
    return found


def _people(store: Store, refs: list[str]) -> dict[str, Person]:
    return reads.people_by_uid(store.db, refs)
