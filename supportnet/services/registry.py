"""The services the window and its pages use, built once from an open store.

Each service, and its module, is made on first use: the window's first frame needs only
what Today shows, and the others load when a page or menu first asks for them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from supportnet.data.bundles import GroupBundle, PersonBundle
    from supportnet.data.store import Store
    from supportnet.model.network import Group, Person
    from supportnet.model.targets import TargetKey
    from supportnet.scheduling.model import Target
    from supportnet.services.backups import BackupService
    from supportnet.services.caldav_publish import CalendarPublishing
    from supportnet.services.calendar_export import CalendarExport
    from supportnet.services.care_teams import CareTeamService
    from supportnet.services.care_today import CareToday
    from supportnet.services.checkins import CheckInService
    from supportnet.services.contacts_import import ContactsImport
    from supportnet.services.data_export import DataExport
    from supportnet.services.insights import InsightsService
    from supportnet.services.network import Members, NetworkService
    from supportnet.services.plans import PlanService
    from supportnet.services.postponements import PostponementService
    from supportnet.services.preferences import IdeasService, SettingsService
    from supportnet.services.reach import WayToReach
    from supportnet.services.rota_export import SupporterCalendarExport
    from supportnet.services.safety_plan import SafetyPlanService
    from supportnet.services.schedule_reader import ReachOutReader
    from supportnet.services.your_data import YourData

__all__ = ["Services"]

_S = TypeVar("_S")


class Services:
    """Typed use cases over one store: what the UI reads and writes through.

    The store itself is private: the readers that take a whole store (the schedule reader,
    the calendar export, everyone a plan can be for) are built here, for pages to ask for.
    Each service is one object for the life of this :class:`Services`, made when first
    asked for.
    """

    __slots__ = ("_made", "_store")

    def __init__(self, store: Store) -> None:
        self._store = store
        self._made: dict[str, Any] = {}

    @classmethod
    def of(cls, store: Store) -> Services:
        return cls(store)

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, "_made"):  # as the frozen dataclass it was: set once, in __init__
            raise AttributeError(f"Services.{name} can't be set")
        object.__setattr__(self, name, value)

    def _once(self, name: str, make: Callable[[], _S]) -> _S:
        made = self._made.get(name)
        if made is None:
            made = self._made[name] = make()
        return made

    @property
    def people(self) -> Members[Person, PersonBundle]:
        from supportnet.services.network import Members

        store = self._store
        return self._once("people", lambda: Members(lambda: store.people))

    @property
    def groups(self) -> Members[Group, GroupBundle]:
        from supportnet.services.network import Members

        store = self._store
        return self._once("groups", lambda: Members(lambda: store.groups))

    def network_size(self) -> tuple[int, int]:
        """How many people and how many groups: the status bar's counts, read without the
        repositories (the first paint shows them, and needs nothing else of those)."""
        from supportnet.data import reads

        db = self._store.db
        return reads.count(db, "people"), reads.count(db, "community_groups")

    @property
    def network(self) -> NetworkService:
        from supportnet.services.network import NetworkService

        return self._once("network", lambda: NetworkService(self.people, self.groups))

    @property
    def plans(self) -> PlanService:
        from supportnet.services.plans import PlanService

        return self._once("plans", lambda: PlanService(self._store))

    @property
    def checkins(self) -> CheckInService:
        from supportnet.services.checkins import CheckInService

        return self._once("checkins", lambda: CheckInService(self._store))

    @property
    def postponements(self) -> PostponementService:
        from supportnet.services.postponements import PostponementService

        return self._once("postponements", lambda: PostponementService(self._store))

    @property
    def settings(self) -> SettingsService:
        from supportnet.services.preferences import SettingsService

        return self._once("settings", lambda: SettingsService(self._store))

    @property
    def ideas(self) -> IdeasService:
        from supportnet.services.preferences import IdeasService

        return self._once("ideas", lambda: IdeasService(self._store))

    @property
    def safety_plan(self) -> SafetyPlanService:
        from supportnet.services.safety_plan import SafetyPlanService

        return self._once("safety_plan", lambda: SafetyPlanService(self._store))

    @property
    def care_teams(self) -> CareTeamService:
        from supportnet.services.care_teams import CareTeamService

        return self._once("care_teams", lambda: CareTeamService(self._store))

    @property
    def backups(self) -> BackupService:
        from supportnet.services.backups import BackupService

        return self._once("backups", lambda: BackupService(self._store))

    def reach_out_reader(self) -> ReachOutReader:
        """A fresh reader of today's suggestions and the agenda (it caches what it read)."""
        from supportnet.services.schedule_reader import ReachOutReader

        return ReachOutReader(self._store)

    def calendar_export(self) -> CalendarExport:
        """The calendar export: the choice of whose plans, the preview, the export."""
        from supportnet.services.calendar_export import CalendarExport

        return CalendarExport(self._store)

    def supporter_export(self) -> SupporterCalendarExport:
        """A supporter's own part of a care team's rota, for the calendar export dialog."""
        from supportnet.services.rota_export import SupporterCalendarExport

        return SupporterCalendarExport(self._store)

    def care_today(
        self, today: date, zone: str, *, limit: int, with_cards: Collection[str] = ()
    ) -> CareToday:
        """The care teams' check-ins of ``today`` for Today's card (see services.care_today)."""
        from supportnet.services.care_today import care_today

        return care_today(self, today, zone, limit=limit, with_cards=with_cards)

    def ways_to_reach(self, keys: Iterable[TargetKey]) -> dict[TargetKey, WayToReach]:
        """How to reach each of ``keys`` that has a way written down (see services.reach)."""
        from supportnet.services.reach import ways_to_reach

        return ways_to_reach(self._store, keys)

    def calendar_publishing(self) -> CalendarPublishing:
        """Publishing to a calendar server the user names (connects only when asked)."""
        from supportnet.services.caldav_publish import CalendarPublishing

        return CalendarPublishing(self._store)

    def data_export(self) -> DataExport:
        """All data out as one open JSON file, and such a file back in."""
        from supportnet.services.data_export import DataExport

        return DataExport(self._store)

    def your_data(self) -> YourData:
        """File ▸ Export all data… and Import data…: the file's summary, the import."""
        from supportnet.services.your_data import YourData

        return YourData(self._store)

    def contacts_import(self, region: str | None = None) -> ContactsImport:
        """Bringing people in from contacts files: the preview, the import and its undo;
        phone numbers read in ``region``, else the locale's."""
        from supportnet.services.contacts_import import ContactsImport

        return ContactsImport(self._store, region)

    def insights(self) -> InsightsService:
        """The Insights charts' numbers (reads only: safe off the GUI thread)."""
        from supportnet.services.insights import InsightsService

        return InsightsService(self._store)

    def targets(self) -> dict[TargetKey, Target]:
        """Everyone a plan can be for, as the schedule names them."""
        from supportnet.services.everyone import targets

        return targets(self._store)
