"""The care team editor: name, whom it is for, supporters in order, note and comfortable gap."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import QDialog, QWidget

from supportnet.model.care import CareTeam


class TeamEditorDialog(QDialog):
    """Add or change a care team; its rota (slots and swaps) is kept as it was."""

    def __init__(
        self,
        people: list[tuple[str, str]],
        team: CareTeam | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._people = list(people)
        self._base = copy.deepcopy(team) if team is not None else CareTeam(name="", focus="")

    def result_team(self) -> CareTeam:
        """The team as the form holds it (a copy)."""
        return copy.deepcopy(self._base)
