"""The first-run choice: start with an example network, start empty, or bring in people
from a phone's or webmail's contacts."""

from __future__ import annotations

import enum

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from supportnet.i18n import N_, _
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui.hard_day.entry import HelpLink
from supportnet.ui.widgets.dialogs import DialogWidth, use_width

WELCOME_TITLE = N_("Welcome to SupportNet")
WELCOME_TEXT = N_(
    "SupportNet helps you see who is in your corner and plan small, gentle ways to stay in "
    "touch. Everything stays on this computer, encrypted."
)
EXAMPLE_TITLE = N_("Start with an example network")
EXAMPLE_TEXT = N_("Look around first with made-up people and groups.")
EMPTY_TITLE = N_("Start empty")
EMPTY_TEXT = N_("Begin with a blank network and add people at your own pace.")
CONTACTS_TITLE = N_("Bring in people from my contacts")
CONTACTS_TEXT = N_(
    "From your phone or webmail, saved as a .vcf or .csv file. You choose who comes in."
)


class ChoiceButton(QPushButton):
    """A big button: a bold title with one line of explanation under it (both shown as
    given: the caller translates them)."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.setAccessibleDescription(explanation)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.title_label.setFont(font)
        self.explanation_label = QLabel(explanation)
        self.explanation_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        for label in (self.title_label, self.explanation_label):
            # Clicks go to the button; the labels are only its face.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else super().sizeHint()
        return QSize(max(hint.width(), 360), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class StartChoice(enum.Enum):
    """How the person chose to begin."""

    EXAMPLE = "example"
    EMPTY = "empty"
    #: Start empty, then bring in people from contacts files once the window is up.
    CONTACTS = "contacts"


class WelcomeDialog(QDialog):
    """Three big buttons with one line each. Esc or closing the window means "Start empty"."""

    def __init__(
        self, parent: QWidget | None = None, *, crisis: CrisisHelpService | None = None
    ) -> None:
        super().__init__(parent)
        self.choice = StartChoice.EMPTY
        title = _(WELCOME_TITLE)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        use_width(self, DialogWidth.SMALL)

        heading = QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(title)

        intro = QLabel(_(WELCOME_TEXT))
        intro.setWordWrap(True)
        intro.setAccessibleName(intro.text())
        # Word-wrapped labels in a dialog otherwise ask for an odd, tall shape.
        intro.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        question = QLabel(_("How would you like to begin?"))
        question.setAccessibleName(question.text())

        self.example_button = ChoiceButton(_(EXAMPLE_TITLE), _(EXAMPLE_TEXT))
        self.example_button.clicked.connect(lambda: self._choose(StartChoice.EXAMPLE))

        self.empty_button = ChoiceButton(_(EMPTY_TITLE), _(EMPTY_TEXT))
        self.empty_button.clicked.connect(lambda: self._choose(StartChoice.EMPTY))

        self.contacts_button = ChoiceButton(_(CONTACTS_TITLE), _(CONTACTS_TEXT))
        self.contacts_button.clicked.connect(lambda: self._choose(StartChoice.CONTACTS))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(question)
        layout.addWidget(self.example_button)
        layout.addSpacing(4)
        layout.addWidget(self.empty_button)
        layout.addSpacing(4)
        layout.addWidget(self.contacts_button)
        layout.addStretch(1)
        #: The crisis lines, for a first day that is a hard one.
        self.help_link = HelpLink(crisis)
        layout.addWidget(self.help_link, 0, Qt.AlignmentFlag.AlignLeft)
        self.example_button.setDefault(True)
        self.example_button.setFocus()

    def _choose(self, choice: StartChoice) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        self.choice = StartChoice.EMPTY
        super().reject()


def ask_start_choice(
    parent: QWidget | None = None, crisis: CrisisHelpService | None = None
) -> StartChoice:
    """Show the welcome dialog and wait for the choice."""
    dialog = WelcomeDialog(parent, crisis=crisis)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()
