"""The export dialog's "For a supporter" choice: a care team (when there are several) and
one of its supporters, whose own check-ins alone go in the file."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.services.rota_export import TeamChoice
from supportnet.ui.calendar.privacy_card import _hint
from supportnet.ui.widgets.labels import buddy_label

FOR_SUPPORTER = N_("For a &supporter")
SUPPORTER_HINT = N_(
    "Only their own check-ins from the team's rota, for them to import. "
    "No one else on the team is named."
)
NOTHING_FOR_SUPPORTER = N_(
    "This supporter takes no check-ins in the weeks ahead. You could choose more weeks, "
    "or another supporter."
)


class SupporterChoice(QWidget):
    """A radio for the dialog's "whose plans" group, and below it the team and supporter."""

    changed = Signal()

    def __init__(self, teams: list[TeamChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._teams = teams
        self.radio = QRadioButton(_(FOR_SUPPORTER))
        self.radio.setAccessibleName(_("Whose plans: one supporter's part of a care team"))
        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName(_("Care team"))
        for team in teams:
            self.team_combo.addItem(team.name, team.uid)
        self.supporter_combo = QComboBox()
        self.supporter_combo.setAccessibleName(_("Supporter the file is for"))
        self.hint = _hint(_(SUPPORTER_HINT))

        self.box = QWidget()
        grid = QGridLayout(self.box)
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + 8
        grid.setContentsMargins(indent, 0, 0, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        team_label = buddy_label(_("Care tea&m"), self.team_combo)
        grid.addWidget(team_label, 0, 0)
        grid.addWidget(self.team_combo, 0, 1)
        grid.addWidget(buddy_label(_("&Give to"), self.supporter_combo), 1, 0)
        grid.addWidget(self.supporter_combo, 1, 1)
        grid.addWidget(self.hint, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        # One team: nothing to choose, so the row isn't there.
        several = len(teams) > 1
        team_label.setVisible(several)
        self.team_combo.setVisible(several)
        self.box.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.radio)
        layout.addWidget(self.box)

        self._fill_supporters()
        self.team_combo.currentIndexChanged.connect(self._team_changed)
        self.supporter_combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.radio.toggled.connect(self.box.setEnabled)

    def _team_changed(self, _index: int) -> None:
        self._fill_supporters()
        self.changed.emit()

    def _fill_supporters(self) -> None:
        self.supporter_combo.blockSignals(True)
        self.supporter_combo.clear()
        team = self.team()
        for ref, name in team.supporters if team else []:
            self.supporter_combo.addItem(name, ref)
        self.supporter_combo.blockSignals(False)

    def team(self) -> TeamChoice | None:
        index = self.team_combo.currentIndex()
        return self._teams[index] if 0 <= index < len(self._teams) else None

    def choice(self) -> tuple[str, str] | None:
        """(team uid, supporter ref) when this choice is on and complete."""
        team = self.team()
        ref = self.supporter_combo.currentData()
        if not self.radio.isChecked() or team is None or ref is None:
            return None
        return team.uid, str(ref)

    def file_name(self) -> str:
        """A file name that says whose it is, e.g. "rota-auntie-shiv.ics"."""
        name = self.supporter_combo.currentText().split(" (", 1)[0] or "supporter"
        slug = re.sub(r"[^\w]+", "-", name.casefold()).strip("-") or "supporter"
        return f"rota-{slug}.ics"

    def focus_widgets(self) -> list[QWidget]:
        """In tab order."""
        return [self.radio, self.team_combo, self.supporter_combo]
