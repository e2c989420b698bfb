"""Today's suggestions and the agenda, read from a store (no Qt; `now` is passed in).

:class:`ReachOutReader` keeps the plans and the list of people and groups between calls
and re-reads them only when something was committed since (SQLite's own change counter,
:meth:`RawDatabase.change_stamp`, not timestamps: an edit saved after the clock stepped
back must be seen too), so refreshing Today when nothing changed reads almost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from supportnet.data import contact_reads, reads
from supportnet.model.targets import GROUP, PERSON, TargetKey
from supportnet.model.zones import system_zone_name, user_zone_name
from supportnet.services import everyone

if TYPE_CHECKING:
    from supportnet.data.store import Store
    from supportnet.model.plans import Plan
    from supportnet.scheduling import AgendaItem, Postponement, Suggestion, Target

    #: What the scheduler's suggestions and agenda both take first.
    _Inputs = tuple[
        list[Plan],
        dict[TargetKey, Target],
        dict[TargetKey, datetime],
        list[Postponement],
        datetime,
        str,
    ]


@dataclass(frozen=True, slots=True)
class ReachOutState:
    """Everything the scheduler needs, read once."""

    plans: list[Plan]
    targets: dict[TargetKey, Target]
    last_contact: dict[TargetKey, datetime]
    postponements: list[Postponement]
    user_zone: str
    cap: int
    low_energy_until: date | None

    def inputs(self, now: datetime) -> _Inputs:
        """What the scheduler's :func:`suggestions` and :func:`agenda` both take first."""
        return self.plans, self.targets, self.last_contact, self.postponements, now, self.user_zone


def user_zone(store: Store) -> str:
    """The zone the person lives in: their setting, or the system's."""
    return user_zone_name(store.settings.load().timezone, system_zone_name())


class ReachOutReader:
    """Reads what the scheduler needs, keeping what hasn't changed since the last read."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._plans_mark: tuple[int, ...] | None = None
        self._plans: list[Plan] = []
        self._targets_mark: tuple[int, ...] | None = None
        self._targets: dict[TargetKey, Target] = {}

    def _mark(self) -> tuple[int, ...]:
        return self._store.db.change_stamp()

    def plans(self) -> list[Plan]:
        """Plans that are not paused."""
        mark = self._mark()
        if mark != self._plans_mark:
            self._plans = reads.plans(self._store.db, paused=False)
            self._plans_mark = mark
        return self._plans

    def targets(self) -> dict[TargetKey, Target]:
        mark = self._mark()
        if mark != self._targets_mark:
            self._targets = everyone.targets(self._store)
            self._targets_mark = mark
        return self._targets

    def last_contact(self, plans: list[Plan]) -> dict[TargetKey, datetime]:
        """The latest contact, either way round, with everyone who has a plan: the user's
        own (one a supporter did on a care team's rota doesn't count; the user wasn't in
        touch).

        One index lookup per planned person or group, not a pass over all check-ins.
        """
        last: dict[TargetKey, datetime] = {}
        people = [p.person_id for p in plans if p.person_id is not None]
        groups = [p.group_id for p in plans if p.group_id is not None]
        db = self._store.db
        for kind, found in (
            (PERSON, contact_reads.last_contact_with(db, "person_id", people, own_only=True)),
            (GROUP, contact_reads.last_contact_with(db, "group_id", groups, own_only=True)),
        ):
            for target_id, moment in found.items():
                last[(kind, target_id)] = moment
        return last

    def state(self, now: datetime, zone: str | None = None) -> ReachOutState:
        """Everything the scheduler needs; ``zone`` overrides the person's own zone."""
        settings = self._store.settings.load()
        zone = zone or user_zone_name(settings.timezone, system_zone_name())
        today = now.astimezone(ZoneInfo(zone)).date()
        plans = self.plans()
        return ReachOutState(
            plans=plans,
            targets=self.targets(),
            last_contact=self.last_contact(plans),
            postponements=self._store.postponements.list_active(today),
            user_zone=zone,
            cap=settings.suggestions_per_day,
            low_energy_until=settings.low_energy_until,
        )

    def suggestions(self, now: datetime, zone: str | None = None) -> list[Suggestion]:
        """Who to reach out to now: a gentle handful, capped by the setting."""
        from supportnet.scheduling import suggestions

        state = self.state(now, zone)
        return suggestions(
            *state.inputs(now), cap=state.cap, low_energy_until=state.low_energy_until
        )

    def agenda(self, now: datetime, days: int = 28, zone: str | None = None) -> list[AgendaItem]:
        """The next ``days`` days of plans, in the person's own zone (or ``zone``)."""
        from supportnet.scheduling import agenda

        return agenda(*self.state(now, zone).inputs(now), days=days)


def today_suggestions(store: Store, now: datetime) -> list[Suggestion]:
    """Who to reach out to now (a one-off read; the app keeps a :class:`ReachOutReader`)."""
    return ReachOutReader(store).suggestions(now)
