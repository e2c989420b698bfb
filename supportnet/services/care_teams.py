"""Care teams: list, save whole with undo, remove and bring back, and the rota as days."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from supportnet.data import reads
from supportnet.model.care import ME, CareTeam, SupporterRef
from supportnet.model.network import ChannelKind, display_name_of
from supportnet.safety.resolve import person_reach
from supportnet.scheduling.rota import Coverage, RotaCheckIn, coverage, expand

if TYPE_CHECKING:
    from supportnet.data.store import Store

__all__ = [
    "NOT_IN_NETWORK",
    "YOU",
    "CareTeamService",
    "RotaDay",
    "RotaLine",
    "RotaSupporter",
    "RotaView",
]

#: What the user is called on a rota.
YOU = "You"
#: How someone taken out of the network reads on a team (their uid stays, their name goes).
NOT_IN_NETWORK = "Someone no longer in your network"


@dataclass(frozen=True, slots=True)
class RotaSupporter:
    """A supporter as the rota names them; ``in_network`` False when they were removed;
    ``reach`` their way to be reached as the plan for hard days words it, else ""."""

    ref: str
    name: str
    in_network: bool
    reach: str = ""


@dataclass(frozen=True, slots=True)
class RotaLine:
    """One check-in of a day: who (None: nobody yet), at what local time ("HH:MM", None
    for any time of day), how (the channel's label) and whether it was swapped.
    ``slot_uid`` and ``on`` (the date in the slot's own zone) name the occurrence, as a
    swap or a check-in marked done on the rota does."""

    supporter_name: str | None
    time: str | None
    channel: str | None
    swapped: bool
    supporter: SupporterRef = None
    channel_kind: ChannelKind | None = None
    slot_uid: str = ""
    on: date | None = None


@dataclass(frozen=True, slots=True)
class RotaDay:
    day: date
    check_ins: list[RotaLine]


@dataclass(frozen=True, slots=True)
class RotaView:
    """A team's rota over some days, named as the network is now, and its coverage."""

    team: CareTeam
    focus_name: str
    supporters: list[RotaSupporter]
    days: list[RotaDay]
    coverage: Coverage


class CareTeamService:
    """Care teams for the page and the CLI. Undo of :meth:`save` is saving what it
    returned (or :meth:`remove` when it returned None); undo of :meth:`remove` is
    :meth:`restore`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self) -> list[CareTeam]:
        """Every team, by name."""
        return self._store.care_teams.list()

    def get(self, uid: str) -> CareTeam:
        """The team with ``uid``; :class:`NotFoundError` if it is gone."""
        return self._store.care_teams.get(uid)

    def save(self, team: CareTeam) -> CareTeam | None:
        """Check ``team`` and store it whole in one transaction; the team as it was before
        (None when it is new). Raises :class:`ValidationError` (nothing stored)."""
        team.normalised()
        before, _now = self._store.care_teams.save(team)
        return before

    def remove(self, uid: str) -> CareTeam:
        """Take the team out with its rota; what :meth:`restore` needs to bring it back."""
        return self._store.care_teams.remove(uid)

    def restore(self, team: CareTeam) -> CareTeam:
        """Bring a removed team back with the same ids and uids."""
        return self._store.care_teams.restore(team)

    def rota(self, team_uid: str, start: date, days: int, zone: str) -> RotaView:
        """The team's check-ins on the local days from ``start`` in ``zone``, named from
        the network as it is now; someone no longer in it leaves their check-ins open."""
        db = self._store.db
        with reads.snapshot(db):
            team = self._store.care_teams.get(team_uid)
            refs = {team.focus, *team.supporters}
            refs |= {s.supporter for s in team.slots if s.supporter}
            refs |= {s.supporter for s in team.swaps if s.supporter}
            people = {}
            for uid in sorted(refs - {ME}):
                for person in reads.people(db, uid=uid):
                    people[person.uid] = person
            last: date | None = None
            focus = people.get(team.focus)
            if focus is not None and focus.id is not None:
                moment = reads.last_contact_with(db, "person_id", [focus.id]).get(focus.id)
                last = moment.astimezone(ZoneInfo(zone)).date() if moment else None

        def name_of(ref: str) -> str:
            if ref == ME:
                return YOU
            person = people.get(ref)
            return display_name_of(person.name, person.nickname) if person else NOT_IN_NETWORK

        def known(ref: str) -> bool:
            return ref in people

        def reach_of(ref: str) -> str:
            person = people.get(ref)
            return person_reach(person, numbers=True) if person else ""

        checkins = expand(team, start, days, zone, last_contact=last, known=known)
        tz = ZoneInfo(zone)
        by_day: dict[date, list[RotaLine]] = {}
        for checkin in checkins:
            by_day.setdefault(checkin.day, []).append(_line(checkin, name_of, tz))
        return RotaView(
            team=team,
            focus_name=name_of(team.focus),
            supporters=[
                RotaSupporter(ref, name_of(ref), ref == ME or known(ref), reach_of(ref))
                for ref in team.supporters
            ],
            days=[
                RotaDay(day, by_day.get(day, []))
                for day in (date.fromordinal(start.toordinal() + n) for n in range(days))
            ],
            coverage=coverage(checkins, start, days, team.comfortable_gap_days),
        )


def _line(checkin: RotaCheckIn, name_of: Callable[[str], str], tz: ZoneInfo) -> RotaLine:
    supporter = checkin.supporter
    return RotaLine(
        supporter_name=name_of(supporter) if supporter is not None else None,
        time=None if checkin.all_day else f"{checkin.start.astimezone(tz):%H:%M}",
        channel=checkin.channel.label if checkin.channel else None,
        swapped=checkin.swapped,
        supporter=supporter,
        channel_kind=checkin.channel,
        slot_uid=checkin.slot_uid,
        on=checkin.on,
    )
