"""Today's check-ins of every care team, as the Today page shows them (no Qt; the day and
the zone are passed in).

How they share the page's gentle cap (``suggestions_per_day``, 3 by default): **the cap
counts the cards that ask something of the user**. All the teams' check-ins of the day
come together on one compact card, "Your care team today", and while any of them is still
to happen that card is one of the cap's places; the user's own suggestions fill the other
places (``cap - 1``), so the page never holds more than ``cap`` such cards. Once every
check-in of the day is done the card only says so ("Done — Rosie checked in"), asks
nothing, and gives its place back to the suggestions. Inside the card the same cap bounds
the lines: at most ``cap`` check-ins, those that ask most of the user kept first (the
user's own reach-outs, then slots nobody has taken yet, then the others, then those
already done), shown in the order of the day; the rest is one calm line pointing to the
Care team page. A tired person then meets at most ``cap`` things to act on, and a team of
twenty never turns Today into a wall.

So that nobody is left longer than the team agreed without someone noticing, the card
also says, once per team, the nearest stretch starting in the next three days with nobody
planned for longer than the team is comfortable with (:data:`AHEAD_DAYS`). Such a note
asks something of the user (finding someone), so a card holding one takes a place too,
even on a day without check-ins.

The user's own check-in ("You call Dan at 19:00") is left out when Today already shows a
card of the user's own plans for that person: one reach-out, said once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from supportnet.i18n import N_, _
from supportnet.model.care import ME, SupporterRef
from supportnet.model.targets import PERSON
from supportnet.scheduling.rota_words import ahead_text, checkin_text, done_text, more_text
from supportnet.services.care_teams import RotaLine, RotaView

if TYPE_CHECKING:
    from supportnet.scheduling import Suggestion
    from supportnet.services import Services

__all__ = [
    "CareToday",
    "TeamLine",
    "care_today",
    "people_with_cards",
    "share_cap",
    "team_lines",
]

TITLE = N_("Your care team today")
#: How far ahead Today looks for a stretch longer than a team is comfortable with.
AHEAD_DAYS = 3
#: How far past those days it looks for where such a stretch ends.
LOOK_DAYS = 14
TITLE_TEAMS = N_("Your care teams today")


@dataclass(frozen=True, slots=True)
class TeamLine:
    """One check-in of today on one team's rota, in Today's words."""

    team_uid: str
    team_name: str
    #: Whom the team is there for, as the rota names them (:data:`YOU` for the user).
    focus_name: str
    #: What the card says: "Auntie Shiv calls Dan at 19:00", "Done — Rosie checked in".
    text: str
    #: The rota's own line: the slot, its date and supporter (what marking it done takes).
    line: RotaLine
    #: The user takes it.
    yours: bool
    done: bool
    #: Whom the team is there for: their uid (or :data:`ME`) and their id (None: the user,
    #: or someone no longer in the network).
    focus: str = ""
    focus_id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.line.supporter is None

    def rank(self) -> int:
        """How much it asks of the user: 0 their own, 1 open, 2 someone else's, 3 done."""
        if self.done:
            return 3
        if self.yours:
            return 0
        return 1 if self.is_open else 2


@dataclass(frozen=True, slots=True)
class CareToday:
    """What the card shows: ``lines`` in the order of the day and how many were left off."""

    lines: list[TeamLine]
    more: int = 0
    #: Per team uid, its supporters as (ref, name), for choosing who did a check-in.
    supporters: dict[str, list[tuple[SupporterRef, str]]] = field(default_factory=dict)
    #: Stretches coming up with nobody planned for longer than a team is comfortable
    #: with, one per team at most, in words.
    ahead: list[str] = field(default_factory=list)
    #: How many teams the card speaks for.
    teams: int = 0
    #: Every line of the day, none left out, and the cap on lines: what :meth:`beside`
    #: builds the card again from, without reading anything.
    pool: list[TeamLine] = field(default_factory=list, compare=False, repr=False)
    limit: int = field(default=0, compare=False, repr=False)
    notes: list[tuple[str, str]] = field(default_factory=list, compare=False, repr=False)

    def beside(self, suggestions: Sequence[Suggestion]) -> CareToday:
        """The card beside these suggestion cards instead: the user's own check-ins with
        the people they are for left out (from what was read, in memory)."""
        ids = {s.target.id for s in suggestions if s.target.kind == PERSON}
        shown = [line for line in self.pool if not (line.yours and line.focus_id in ids)]
        return _card(shown, self.pool, self.limit, self.supporters, self.notes)

    @property
    def title(self) -> str:
        return _(TITLE) if self.teams <= 1 else _(TITLE_TEAMS)

    @property
    def asks(self) -> bool:
        """Whether any check-in on the card is still to happen (done ones are ranked last,
        so none left off is either), or a stretch ahead needs someone."""
        return bool(self.ahead) or any(not line.done for line in self.lines)

    @property
    def more_text(self) -> str:
        return more_text(self.more) if self.more else ""

    def __bool__(self) -> bool:
        return bool(self.lines or self.ahead)


def _time_key(line: TeamLine) -> tuple[bool, str, str]:
    # Timed check-ins in the order of the day, then those for any time of it.
    return (line.line.time is None, line.line.time or "", line.text.casefold())


def team_lines(
    services: Services,
    today: date,
    zone: str,
    *,
    with_cards: Collection[str] = (),
    supporters: dict[str, list[tuple[SupporterRef, str]]] | None = None,
    ahead: list[tuple[str, str]] | None = None,
) -> list[TeamLine]:
    """Every team's check-ins on ``today`` (the user's local day in ``zone``), in words.

    ``with_cards``: uids of people Today already shows a card of the user's own plans
    for; the user's own check-ins with them are left out. ``supporters``, when given, is
    filled with each team's supporters still in the network, as (ref, name). A check-in
    marked done names who did it, as the rota does.
    ``ahead``, when given, gets each team's nearest stretch over its comfortable gap that
    starts in the next :data:`AHEAD_DAYS` days, as (team uid, words).
    """
    out: list[TeamLine] = []
    for team in services.care_teams.list():
        # A rota from today, as the Care team page reads it (a flexible check-in that is
        # due shows today); with the notes, a fortnight past the days ahead as well, to see
        # where a stretch that starts in them ends.
        span = 1 if ahead is None else AHEAD_DAYS + LOOK_DAYS
        view = services.care_teams.rota(team.uid, today, span, zone)
        if supporters is not None:
            supporters[team.uid] = [(s.ref, s.name) for s in view.supporters if s.in_network]
        focus = None if team.focus == ME else view.focus_name
        if ahead is not None:
            note = _stretch_ahead(view, today, focus)
            if note:
                ahead.append((team.uid, note))
        for day in view.days[:1]:
            for line in day.check_ins:
                yours = line.supporter == ME
                if yours and team.focus in with_cards:
                    continue
                done = line.done
                if done:
                    text = done_text(line.done_by_name, by_you=line.done_by == ME)
                else:
                    text = checkin_text(
                        line.supporter_name, focus, line.channel_kind, line.time, by_you=yours
                    )
                out.append(
                    TeamLine(
                        team.uid,
                        team.name,
                        view.focus_name,
                        text,
                        line,
                        yours,
                        done,
                        team.focus,
                        view.focus_id,
                    )
                )
    return out


def _stretch_ahead(view: RotaView, today: date, focus: str | None) -> str:
    """The nearest stretch longer than the team is comfortable with that starts in the
    days ahead (counted from today, as the Care team page counts), in words; "" when
    there is none. One that runs past what was read is said from its first day."""
    coverage = view.coverage
    end = coverage.start + timedelta(days=coverage.days - 1)
    for gap in coverage.gaps_over_comfort:
        if (gap.first - today).days < AHEAD_DAYS:
            return ahead_text(focus, gap, open_ended=gap.last == end)
    return ""


def care_today(
    services: Services,
    today: date,
    zone: str,
    *,
    limit: int,
    with_cards: Collection[str] = (),
) -> CareToday:
    """The card's lines: at most ``limit``, those asking most of the user first, shown in
    the order of the day (see the module's note on the cap)."""
    supporters: dict[str, list[tuple[SupporterRef, str]]] = {}
    ahead: list[tuple[str, str]] = []
    pool = team_lines(services, today, zone, supporters=supporters, ahead=ahead)
    # Every line is kept apart, so the card beside fewer suggestion cards needs no reading.
    lines = [line for line in pool if not (line.yours and line.focus in with_cards)]
    return _card(lines, pool, limit, supporters, ahead)


def _card(
    lines: list[TeamLine],
    pool: list[TeamLine],
    limit: int,
    supporters: dict[str, list[tuple[SupporterRef, str]]],
    ahead: list[tuple[str, str]],
) -> CareToday:
    """The card of ``lines`` (``pool``: every line of the day, for :meth:`CareToday.beside`)."""
    kept = sorted(lines, key=lambda line: (line.rank(), _time_key(line)))[: max(limit, 0)]
    kept.sort(key=_time_key)
    notes = ahead[: max(limit, 0)]
    teams = len({line.team_uid for line in kept} | {uid for uid, _text in notes})
    texts = [text for _uid, text in notes]
    return CareToday(kept, len(lines) - len(kept), supporters, texts, teams, pool, limit, ahead)


def people_with_cards(services: Services, suggestions: Sequence[Suggestion]) -> set[str]:
    """The uids of the people these suggestion cards are for (one read per card)."""
    return {services.people.get(s.target.id).uid for s in suggestions if s.target.kind == PERSON}


def share_cap(
    cap: int,
    suggestions: Sequence[Suggestion],
    team_for: Callable[[Sequence[Suggestion]], CareToday],
) -> tuple[list[Suggestion], CareToday]:
    """The page's cards under the cap: the user's own suggestions and the team card.

    ``suggestions`` are the user's own, most due first (up to ``cap`` of them);
    ``team_for`` gives the team card beside the given suggestion cards; it is asked once,
    beside none, and :meth:`CareToday.beside` leaves out what the cards say. While the card
    has a check-in still to happen it takes one of the ``cap`` places and the suggestions
    keep ``cap - 1``; otherwise they keep all ``cap`` (beside a card that only says what
    is done, or none).
    """
    own = list(suggestions[: max(cap - 1, 0)])
    every = list(suggestions[: max(cap, 0)])
    # The teams are read once, beside no card (so no card's person is read either); the
    # card beside the cards shown is built from that, the user's own check-ins with their
    # people left out in memory. A card made without its lines kept is taken as it is.
    read = team_for([])
    team = read.beside(own) if read.pool else read
    if team.asks:
        return own, team
    return every, (read.beside(every) if read.pool else read)
