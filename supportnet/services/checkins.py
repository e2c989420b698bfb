"""The check-in log: read it; log, unlog, change, delete and add back."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import TYPE_CHECKING

from supportnet.model.checkins import CheckIn

if TYPE_CHECKING:
    from supportnet.data.plan_bundles import LoggedCheckIn
    from supportnet.data.store import Store
    from supportnet.scheduling.rhythm import ContactStats

__all__ = ["CheckInService", "LoggedCheckIn"]


class CheckInService:
    """Each change is one transaction and returns what undoing it needs.

    Check-ins are found by ``uid``: adding one back keeps its uid but may give a new id.
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_person(self, person_id: int, limit: int | None = None) -> list[CheckIn]:
        """A person's check-ins, newest first."""
        return self._store.checkins.for_person(person_id, limit)

    def for_group(self, group_id: int, limit: int | None = None) -> list[CheckIn]:
        return self._store.checkins.for_group(group_id, limit)

    def last_contact_by_person(self) -> dict[int, datetime]:
        return self._store.checkins.last_contact_by_person()

    def last_contact_by_group(self) -> dict[int, datetime]:
        return self._store.checkins.last_contact_by_group()

    def contact_stats_by_person(self) -> dict[int, ContactStats]:
        return self._store.checkins.contact_stats_by_person()

    def contact_stats_by_group(self) -> dict[int, ContactStats]:
        return self._store.checkins.contact_stats_by_group()

    def count(self) -> int:
        return self._store.checkins.count()

    def log(self, checkin: CheckIn) -> LoggedCheckIn:
        """Log a check-in and clear its plan's postponements ("Not today" has done its job);
        :meth:`unlog` undoes both."""
        return self._store.checkins.log(copy.deepcopy(checkin))

    def unlog(self, logged: LoggedCheckIn) -> None:
        """Undo :meth:`log`: the check-in goes, the cleared postponements come back."""
        self._store.checkins.unlog(logged)

    def update(self, values: CheckIn) -> CheckIn:
        """Give the check-in with ``values``' uid those values (unlinked from its plan if
        that plan has gone); what was stored."""
        return self._store.checkins.update_by_uid(copy.deepcopy(values))

    def delete(self, checkin: CheckIn) -> CheckIn:
        """Delete the check-in with ``checkin``'s uid; it as it was, for :meth:`add_back`."""
        return self._store.checkins.delete_by_uid(checkin.uid)

    def add_back(self, checkin: CheckIn) -> CheckIn:
        """Undo :meth:`delete`: the same check-in and uid (unlinked if its plan has gone)."""
        again = copy.deepcopy(checkin)
        again.id = None
        return self._store.checkins.add_back(again)
