"""The Today page's care team card: the teams' check-ins of the day, one line each."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from supportnet.i18n import N_, _
from supportnet.services.care_today import CareToday, TeamLine
from supportnet.ui.today.cards import Card, _button, _scaled, _text

MARK_DONE_TEXT = N_("Mark as done…")
OPEN_ROTA_TEXT = N_("Open the rota")


class TeamLineRow(QWidget):
    """One check-in: its words and, until it is done, "Mark as done…"."""

    def __init__(self, line: TeamLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        self.setAccessibleName(line.text)
        self.text_label = _text(line.text, line.text)
        if line.done:
            # Done reads as words ("Done — …"); the softer colour only echoes them.
            self.text_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.done_button: QPushButton = _button(
            _(MARK_DONE_TEXT),
            _("Mark as done: {what}").format(what=line.text),
            _("They said it happened: note it in the check-in history"),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.done_button)
        self.done_button.setVisible(not line.done)

    def focus_order(self) -> list[QWidget]:
        return [self.done_button] if not self.line.done else []


class CareTeamCard(Card):
    """ "Your care team today": a few check-ins of the day, and how many more there are."""

    def __init__(self, today: CareToday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setAccessibleName(today.title)
        teams = dict.fromkeys(line.team_name for line in today.lines)
        self.setAccessibleDescription(", ".join(teams))
        self.title_label = _scaled(_text(today.title, today.title), 1.2, bold=True)
        self.rows = [TeamLineRow(line) for line in today.lines]
        self.more_label: QLabel = _text(today.more_text, _("More check-ins today"))
        self.more_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # A stretch ahead with nobody planned: words, and the way to the rota to find someone.
        self.ahead_labels = [_text(text, text) for text in today.ahead]
        self.open_rota_button: QPushButton = _button(
            _(OPEN_ROTA_TEXT),
            _("Open the rota on the Care team page"),
            _("See the days with nobody planned yet and who could take them"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 16)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        for row in self.rows:
            layout.addWidget(row)
        layout.addWidget(self.more_label)
        self.more_label.setVisible(bool(today.more_text))
        for label in self.ahead_labels:
            layout.addWidget(label)
        rota_row = QHBoxLayout()
        rota_row.addStretch(1)
        rota_row.addWidget(self.open_rota_button)
        layout.addLayout(rota_row)
        self.open_rota_button.setVisible(bool(today.ahead))

    def texts(self) -> list[str]:
        return [row.line.text for row in self.rows]

    def row_for(self, text: str) -> TeamLineRow | None:
        return next((row for row in self.rows if row.line.text == text), None)

    def focus_order(self) -> list[QWidget]:
        order: list[QWidget] = []
        for row in self.rows:
            order.extend(row.focus_order())
        if self.today.ahead:
            order.append(self.open_rota_button)
        return order
