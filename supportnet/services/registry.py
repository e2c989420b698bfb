"""The services the window and its pages use, built once from an open store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from supportnet.model.network import Group, Person
from supportnet.services.checkins import CheckInService
from supportnet.services.network import Members, NetworkService
from supportnet.services.plans import PlanService
from supportnet.services.postponements import PostponementService
from supportnet.services.preferences import IdeasService, SettingsService

if TYPE_CHECKING:
    from supportnet.data.bundles import GroupBundle, PersonBundle
    from supportnet.data.store import Store
    from supportnet.services.schedule_reader import ReachOutReader

__all__ = ["Services"]


@dataclass(frozen=True, slots=True)
class Services:
    """Typed use cases over one store: what the UI reads and writes through.

    ``store`` is there for the readers that take a whole store (the schedule reader and
    the calendar export); pages ask :meth:`reach_out_reader` instead of building one.
    """

    store: Store
    people: Members[Person, PersonBundle]
    groups: Members[Group, GroupBundle]
    network: NetworkService
    plans: PlanService
    checkins: CheckInService
    postponements: PostponementService
    settings: SettingsService
    ideas: IdeasService

    @classmethod
    def of(cls, store: Store) -> Services:
        people: Members[Person, PersonBundle] = Members(lambda: store.people)
        groups: Members[Group, GroupBundle] = Members(lambda: store.groups)
        return cls(
            store=store,
            people=people,
            groups=groups,
            network=NetworkService(people, groups),
            plans=PlanService(store),
            checkins=CheckInService(store),
            postponements=PostponementService(store),
            settings=SettingsService(store),
            ideas=IdeasService(store),
        )

    def reach_out_reader(self) -> ReachOutReader:
        """A fresh reader of today's suggestions and the agenda (it caches what it read)."""
        from supportnet.services.schedule_reader import ReachOutReader

        return ReachOutReader(self.store)
