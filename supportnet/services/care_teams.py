"""Care teams: list, save whole with undo, remove and bring back, and the rota as days."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from supportnet.data import contact_reads, reads
from supportnet.data.repositories.care_teams import read_teams
from supportnet.i18n import N_, _, ngettext
from supportnet.model.care import ME, NOT_IN_NETWORK, YOU, CareTeam, RotaSlot, SupporterRef
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.errors import NotFoundError, ValidationError
from supportnet.model.network import ChannelKind, Person, display_name_of
from supportnet.model.plans import PlanKind
from supportnet.safety.ways import person_reach
from supportnet.scheduling.model import plan_zone
from supportnet.scheduling.occurrences import local_datetime, occurrence_on
from supportnet.scheduling.rota import Coverage, RotaCheckIn, coverage, expand

if TYPE_CHECKING:
    from supportnet.data.plan_bundles import LoggedCheckIn
    from supportnet.data.store import Store

__all__ = [
    "NOT_IN_NETWORK",
    "SLOTS_OWN",
    "YOU",
    "CareTeamService",
    "RotaDay",
    "RotaLine",
    "RotaSupporter",
    "RotaView",
    "name_of",
]

#: A check-in marked done with no time given, for an any-time or flexible slot: noon on
#: its day (clear of the night's clock changes, and of the day's edges in nearby zones).
_ANY_TIME_DONE = time(12)


class _SlotsOwn(Enum):
    SUPPORTER = "the slot's supporter that date"


#: :meth:`CareTeamService.mark_done`'s default supporter: whoever the rota has that date.
SLOTS_OWN = _SlotsOwn.SUPPORTER


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
    swap or a check-in marked done on the rota does; ``slot_zone`` is that zone's name
    (what marking it done checks the moment against)."""

    supporter_name: str | None
    time: str | None
    channel: str | None
    swapped: bool
    supporter: SupporterRef = None
    channel_kind: ChannelKind | None = None
    slot_uid: str = ""
    on: date | None = None
    done: bool = False
    checkin_uid: str | None = None
    slot_zone: str | None = None
    #: Who did a check-in marked done (a person's uid, or :data:`ME`) and their name now.
    done_by: SupporterRef = None
    done_by_name: str | None = None


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
    #: The focus person's id (None for the user, or someone no longer in the network).
    focus_id: int | None = None


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

    def teams_with(self, ref: str) -> builtins.list[CareTeam]:
        """The teams ``ref`` (a person's uid or :data:`ME`) is the focus or a supporter of."""
        return [team for team in self._store.care_teams.list() if ref in team.refs()]

    def names_by_uid(self, uids: Iterable[str]) -> dict[str, str]:
        """The names the app calls these people now, by uid; those no longer in the
        network are left out (who did a check-in reads as :data:`NOT_IN_NETWORK`)."""
        db = self._store.db
        with reads.snapshot(db):
            people = reads.people_by_uid(db, set(uids) - {ME})
        return {uid: display_name_of(p.name, p.nickname) for uid, p in people.items()}

    def removal_words(self, person_uid: str, name: str | None = None) -> str:
        """What taking ``person_uid`` out of the network means for the care teams, in a
        sentence or two for the question asked before ("" when they are on none). ``name``
        is what the question calls them (by default, the name the app shows)."""
        teams = self.teams_with(person_uid)
        if not teams:
            return ""
        if name is None:
            found = reads.people(self._store.db, uid=person_uid)
            name = name_of(person_uid, {p.uid: p for p in found}) if found else _("Someone")
        focus_of = [t.name for t in teams if t.focus == person_uid]
        supporting = [t.name for t in teams if t.focus != person_uid]
        words = []
        if focus_of:
            words.append(
                ngettext(
                    "{teams} is there for {name}; the team and its rota stay as they are.",
                    "{teams} are there for {name}; the teams and their rotas stay as they are.",
                    len(focus_of),
                ).format(teams=_names(focus_of), name=name)
            )
        if supporting:
            words.append(
                _(
                    "{name} is a supporter on {teams}; their check-ins there will show as open "
                    "until someone takes them."
                ).format(name=name, teams=_names(supporting))
            )
        return " ".join(words)

    def mark_done(
        self,
        team_uid: str,
        slot_uid: str,
        on: date,
        *,
        supporter: SupporterRef | _SlotsOwn = SLOTS_OWN,
        at: datetime | None = None,
        channel: ChannelKind | None = None,
        note: str = "",
        now: datetime | None = None,
    ) -> LoggedCheckIn:
        """Log that the check-in of ``slot_uid`` on ``on`` (its date in the slot's own zone)
        happened, as the supporter told the user: it goes into the focus person's check-in
        history, saying who did it, in one transaction. Undo:
        ``Services.checkins.unlog(logged)``.

        ``supporter`` is who did it: by default whoever the rota has that date (after
        swaps); :data:`ME` is the user. ``at`` is when: by default the time it was planned
        for (noon, for an any-time or flexible one), since people usually say "I called as
        planned" afterwards, or now when that time is still ahead (done early, today).
        Whatever zone the user sees the rota in, the moment must fall on ``on`` *in the
        slot's own zone* (the occurrence's date, as the rota matches done check-ins to
        lines); on the user's clock that may be the local day before or after (a 19:00
        New York check-in is 00:00 the next day in London; an any-time Auckland one is
        mostly the day before in Los Angeles). A contact on another day is logged on its
        own. ``channel``: None is the slot's own.
        ``now`` is the clock's time (tests pass one).

        Raises :class:`ValidationError` for a day still ahead, a time on another day or an
        open check-in with nobody given; :class:`NotFoundError` when the team, the slot,
        the person it is for or the supporter is gone. Nothing is stored then.
        """
        moment = now or datetime.now(UTC)

        def build(db: reads.Reader) -> CheckIn:
            # Read in the transaction that writes: a team or a person removed meanwhile in
            # another window is seen here, not written over.
            found = read_teams(db, team_uid)
            if not found:
                raise NotFoundError(_("That care team is no longer here."))
            return _done_checkin(db, found[0], slot_uid, on, supporter, at, channel, note, moment)

        return self._store.checkins.log_built(build)

    def rota(self, team_uid: str, start: date, days: int, zone: str) -> RotaView:
        """The team's check-ins on the local days from ``start`` in ``zone``, named from
        the network as it is now; someone no longer in it leaves their check-ins open.

        A line is ``done`` when a check-in marked done on its slot falls on its date (in
        the slot's zone). One done on a date with no line (a flexible slot moves on once
        someone was in touch) shows as a done line of its own, and covers its day."""
        db = self._store.db
        tz = ZoneInfo(zone)
        with reads.snapshot(db):
            team = self._store.care_teams.get(team_uid)
            # A slot's date can be a day either side of the local day it shows on.
            edge = local_datetime(start, time(0), tz)
            done_rows = reads.rota_checkins(
                db,
                [slot.uid for slot in team.slots],
                edge - timedelta(days=2),
                edge + timedelta(days=days + 2),
            )
            refs = team.refs()
            refs |= {ref for row in done_rows if (ref := _did_it(team, row))}
            people = reads.people_by_uid(db, refs - {ME})
            # The moment, not a day here: a slot in another zone counts from its own day.
            last = contact_reads.team_last_contact(db, team)

        def named(ref: str) -> str:
            return name_of(ref, people)

        def known(ref: str) -> bool:
            return ref in people

        def reach_of(ref: str) -> str:
            person = people.get(ref)
            return person_reach(person, numbers=True) if person else ""

        planned = expand(team, start, days, zone, last_contact=last, known=known)
        done = _done_by_occurrence(team, done_rows)
        extra = _done_elsewhere(team, done_rows, {(c.slot_uid, c.on) for c in planned}, tz)
        extra = [(c, uid) for c, uid in extra if 0 <= (c.day - start).days < days]
        checkins = sorted(planned + [c for c, _uid in extra], key=lambda c: c.start)
        done.update({(c.slot_uid, c.on): row for c, row in extra})
        zones = {slot.uid: plan_zone(slot.plan).key for slot in team.slots}
        by_day: dict[date, list[RotaLine]] = {}
        for checkin in checkins:
            by_day.setdefault(checkin.day, []).append(
                _line(
                    checkin,
                    named,
                    tz,
                    done.get((checkin.slot_uid, checkin.on)),
                    zones.get(checkin.slot_uid),
                    team,
                )
            )
        return RotaView(
            team=team,
            focus_name=named(team.focus),
            supporters=[
                RotaSupporter(ref, named(ref), ref == ME or known(ref), reach_of(ref))
                for ref in team.supporters
            ],
            days=[
                RotaDay(day, by_day.get(day, []))
                for day in (date.fromordinal(start.toordinal() + n) for n in range(days))
            ],
            coverage=coverage(checkins, start, days, team.comfortable_gap_days),
            focus_id=focus.id if (focus := people.get(team.focus)) else None,
        )


def name_of(ref: str, people: Mapping[str, Person]) -> str:
    """What a team calls ``ref``, in the current language: :data:`YOU` for the user, a
    person of ``people`` (by uid) as the app shows them, else :data:`NOT_IN_NETWORK`.
    Tell these apart by ``ref`` (``ME``, in ``people`` or not), never by the name."""
    if ref == ME:
        return _(YOU)
    person = people.get(ref)
    return display_name_of(person.name, person.nickname) if person else _(NOT_IN_NETWORK)


def _done_by_occurrence(
    team: CareTeam, rows: list[reads.RotaDone]
) -> dict[tuple[str, date | None], reads.RotaDone]:
    """The first check-in done on each slot's date (in the slot's zone), by (slot, date)."""
    zones = {slot.uid: plan_zone(slot.plan) for slot in team.slots}
    done: dict[tuple[str, date | None], reads.RotaDone] = {}
    for row in rows:
        done.setdefault((row.slot_uid, row.at.astimezone(zones[row.slot_uid]).date()), row)
    return done


def _did_it(team: CareTeam, row: reads.RotaDone) -> str | None:
    """Who did a check-in done on the rota: named on it; else, on a team for the user, whom
    it was with; else the user. None when that person is gone from the check-in."""
    return row.by or (row.person_uid if team.focus == ME else ME)


def _done_elsewhere(
    team: CareTeam,
    rows: list[reads.RotaDone],
    planned: set[tuple[str, date | None]],
    tz: ZoneInfo,
) -> list[tuple[RotaCheckIn, reads.RotaDone]]:
    """The check-ins done on a slot's date that has no line on the rota, each as a check-in
    of the local day it happened (in ``tz``) by whoever did it, with its row."""
    slots = {slot.uid: slot for slot in team.slots}
    seen = set(planned)
    out: list[tuple[RotaCheckIn, reads.RotaDone]] = []
    for row in rows:
        on = row.at.astimezone(plan_zone(slots[row.slot_uid].plan)).date()
        if (row.slot_uid, on) in seen:
            continue
        seen.add((row.slot_uid, on))
        checkin = RotaCheckIn(
            slot_uid=row.slot_uid,
            supporter=_did_it(team, row),
            start=row.at,
            day=row.at.astimezone(tz).date(),
            all_day=False,
            channel=row.channel,
            swapped=False,
            on=on,
        )
        out.append((checkin, row))
    return out


def _done_checkin(
    db: reads.Reader,
    team: CareTeam,
    slot_uid: str,
    on: date,
    supporter: SupporterRef | _SlotsOwn,
    at: datetime | None,
    channel: ChannelKind | None,
    note: str,
    now: datetime,
) -> CheckIn:
    """The check-in :meth:`CareTeamService.mark_done` logs, from what ``db`` reads."""
    slot = team.slot(slot_uid)
    if slot is None:
        raise NotFoundError(_("That check-in is no longer on the rota."))
    zone = plan_zone(slot.plan)
    moment = now.astimezone(zone)
    if on > moment.date():
        raise ValidationError(
            "on", _("This check-in's day is still ahead; it can be marked done from that day.")
        )
    if at is None:
        at = min(_planned(slot, on), moment, key=datetime.timestamp)
    elif at.tzinfo is not None and at.astimezone(zone).date() != on:
        raise ValidationError(
            "at",
            _(
                "Choose a time on the check-in's own day; another day's contact is logged on "
                "its own."
            ),
        )
    who = _who_did(db, team, slot, on, supporter)
    checkin = CheckIn(
        at=at,
        channel=channel if channel is not None else slot.plan.channel,
        note=note,
        rota_slot=slot.uid,
    )
    if team.focus == ME:
        # The user is the one checked on: the supporter reached out to them.
        checkin.person_id = _person(db, who, _SUPPORTER_GONE).id
        checkin.initiator = Initiator.THEM
    else:
        checkin.person_id = _person(db, team.focus, _FOCUS_GONE).id
        checkin.by = None if who == ME else _person(db, who, _SUPPORTER_GONE).uid
    return checkin


def _who_did(
    db: reads.Reader, team: CareTeam, slot: RotaSlot, on: date, supporter: SupporterRef | _SlotsOwn
) -> str:
    if supporter is SLOTS_OWN:
        swap = team.swap_on(slot.uid, on)
        supporter = swap.supporter if swap is not None else slot.supporter
        if supporter not in (None, ME) and not reads.people(db, uid=supporter):
            supporter = None  # the rota shows it open: someone else did it
    if supporter is None or isinstance(supporter, _SlotsOwn):
        raise ValidationError("supporter", _("Say who checked in."))
    if supporter == team.focus:
        raise ValidationError("supporter", _("Choose the supporter who checked in."))
    return supporter


def _person(db: reads.Reader, uid: str, gone: str) -> Person:
    found = reads.people(db, uid=uid)
    if not found:
        raise NotFoundError(_(gone))
    return found[0]


_FOCUS_GONE = N_("The person this team is there for is no longer in your network.")
_SUPPORTER_GONE = N_("The supporter who checked in is no longer in your network.")


def _names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) == 1:
        return names[0]
    # Translators: the end of a list: "Mum's team, Tom's team" and "Sam's team".
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _planned(slot: RotaSlot, on: date) -> datetime:
    """When the slot's check-in on ``on`` was planned for; noon for any time of day."""
    zone = plan_zone(slot.plan)
    occurrence = occurrence_on(slot.plan, on)
    if slot.plan.kind is PlanKind.FLEXIBLE or occurrence.start is None:
        return local_datetime(on, _ANY_TIME_DONE, zone)
    return occurrence.start


def _line(
    checkin: RotaCheckIn,
    name_of: Callable[[str], str],
    tz: ZoneInfo,
    done: reads.RotaDone | None,
    slot_zone: str | None,
    team: CareTeam,
) -> RotaLine:
    supporter = checkin.supporter
    did = _did_it(team, done) if done is not None else None
    # Who did it: "" when the check-in names nobody any more (the rota's supporter then).
    did_ref: str | None = None if done is None else (did or "")
    return RotaLine(
        supporter_name=name_of(supporter) if supporter is not None else None,
        time=None if checkin.all_day else f"{checkin.start.astimezone(tz):%H:%M}",
        channel=checkin.channel.label if checkin.channel else None,
        swapped=checkin.swapped,
        supporter=supporter,
        channel_kind=checkin.channel,
        slot_uid=checkin.slot_uid,
        on=checkin.on,
        done=done is not None,
        checkin_uid=done.uid if done is not None else None,
        slot_zone=slot_zone,
        done_by=did_ref,
        done_by_name=name_of(did_ref) if did_ref is not None else None,
    )
