"""App-wide change notifications: pages refresh from the services when these fire."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    """One object for the whole window; anything that changes the store emits here."""

    people_changed = Signal()
    groups_changed = Signal()
    plans_changed = Signal()
    checkins_changed = Signal()
    #: The plan for hard days was saved (its links follow people_changed/groups_changed).
    safety_plan_changed = Signal()
    #: A care team was saved, removed or brought back (its rota, swaps or note changed).
    care_teams_changed = Signal()

    def network_changed(self) -> None:
        """People or groups went or came back with their plans and check-ins."""
        self.people_changed.emit()
        self.groups_changed.emit()
        self.plans_changed.emit()
        self.checkins_changed.emit()

    def everything_changed(self) -> None:
        """The whole store was replaced or added to (a restore, an import of all data)."""
        self.network_changed()
        self.safety_plan_changed.emit()
        self.care_teams_changed.emit()
