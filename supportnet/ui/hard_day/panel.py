"""The "Hard day?" panel, and the crisis lines alone for the screens before unlocking.

Calm on purpose: palette colours only, large numbers, no alarms, and nothing asks how the
person feels. Non-modal, so the rest of SupportNet stays usable beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui.hard_day.common import CopyNote, text_label
from supportnet.ui.hard_day.lines import CrisisLinesView
from supportnet.ui.hard_day.people import CrisisPeopleView
from supportnet.ui.widgets.buttons import push_button
from supportnet.ui.widgets.reading_page import window_coloured

# Marked here, translated where shown (the language is chosen after import).
PANEL_TITLE = N_("Hard day?")
PANEL_HEADING = N_("Help for a hard day")
PANEL_INTRO = N_("You don't have to manage this alone. Choose whatever feels easiest right now.")
PLAN_BUTTON = N_("Open my &plan for hard days")
LINES_TITLE = N_("Need help now?")
LINES_HEADING = N_("Crisis lines")
LINES_INTRO = N_("You can reach these without unlocking SupportNet.")
#: The most of the screen's height the panel takes when it opens.
SCREEN_SHARE = 0.85


class _CalmDialog(QDialog):
    """A heading, a line of intro, scrolling content, and a foot with "Copied" and buttons."""

    def __init__(self, title: str, heading: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        title, heading, intro = _(title), _(heading), _(intro)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(False)
        self.note = CopyNote()
        self.content = QWidget()
        self.content.setAccessibleName(heading)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 12, 0)  # room for a scroll bar
        self.content_layout.setSpacing(14)
        scroll = QScrollArea()
        scroll.setAccessibleName(heading)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The content sits on the window colour, like the rest of the dialog.
        window_coloured(scroll)
        scroll.setWidget(self.content)
        self.scroll_area = scroll

        self.close_button = push_button(
            _("Close"), _("Close"), tip=_("Close this window (Esc)"), auto_default=True
        )
        self.close_button.clicked.connect(self.reject)
        self.foot = QHBoxLayout()
        self.foot.setSpacing(10)
        self.foot.addWidget(self.note, 1)

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(text_label(heading, factor=1.5, bold=True))
        layout.addWidget(text_label(intro, wrap=True))
        layout.addSpacing(6)
        layout.addWidget(scroll, 1)
        layout.addLayout(self.foot)

    def _finish(self, width: int) -> None:
        self.foot.addWidget(self.close_button)
        self.content_layout.addStretch(1)
        self.setMinimumWidth(width)
        # The chrome around the scroll area, plus everything in it: no scrolling if it fits.
        chrome = self.sizeHint().height() - self.scroll_area.sizeHint().height()
        margins = self._layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        # Wrapped lines make the plain size hint taller than the words need at this width.
        needed = self.content.heightForWidth(inner)
        if needed < 0:
            needed = self.content.sizeHint().height()
        wanted = chrome + needed + 4
        screen = self.screen() or QGuiApplication.primaryScreen()
        most = int(screen.availableGeometry().height() * SCREEN_SHARE) if screen else wanted
        self.resize(max(width, self.sizeHint().width()), min(wanted, most))


class HardDayPanel(_CalmDialog):
    """The crisis lines, the people okay to contact in a crisis, and the way to the plan."""

    #: "Open my plan for hard days" was chosen.
    plan_requested = Signal()

    def __init__(
        self,
        crisis: CrisisHelpService,
        people: Sequence[Any],
        idea: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(PANEL_TITLE, PANEL_HEADING, PANEL_INTRO, parent)
        self.lines = CrisisLinesView(crisis, self.note, heading=_(LINES_HEADING))
        self.people = CrisisPeopleView(people, idea, self.note)
        self.content_layout.addWidget(self.lines)
        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.HLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        self.content_layout.addWidget(divider)
        self.content_layout.addWidget(self.people)
        self.plan_button: QPushButton = push_button(
            _(PLAN_BUTTON),
            _("Open my plan for hard days"),
            tip=_("Your own steps for a hard day, and your reasons"),
            auto_default=True,
            on_click=self._plan,
        )
        self.foot.addWidget(self.plan_button)
        self._finish(620)
        first = self.lines.copy_buttons()
        (first[0] if first else self.close_button).setFocus()

    def _plan(self) -> None:
        self.plan_requested.emit()
        self.accept()


class CrisisLinesDialog(_CalmDialog):
    """The crisis lines only: what the unlock and welcome screens' "Need help now?" opens."""

    def __init__(self, crisis: CrisisHelpService, parent: QWidget | None = None) -> None:
        super().__init__(LINES_TITLE, LINES_HEADING, LINES_INTRO, parent)
        self.lines = CrisisLinesView(crisis, self.note)
        self.content_layout.addWidget(self.lines)
        self._finish(560)
        first = self.lines.copy_buttons()
        (first[0] if first else self.close_button).setFocus()
