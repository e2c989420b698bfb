"""Help ▸ Getting started: what each page is for, how privacy works, where help is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.ui.widgets.dialogs import DialogWidth, use_width
from supportnet.ui.widgets.labels import quiet, title_label
from supportnet.ui.widgets.reading_page import reading_column, scroll_page

TITLE = N_("Getting started")
INTRO = N_(
    "SupportNet helps you stay in touch with the people, groups and services around you, "
    "at a pace that suits you. Take what helps and leave the rest."
)
PAGES_HEADING = N_("The pages")
PRIVACY_HEADING = N_("Your privacy")
PRIVACY = N_(
    "Everything stays on this computer, in an encrypted file. SupportNet sends nothing "
    "anywhere by itself: your plans leave only when you export them, or publish them to a "
    "calendar server you name. Its backups stay here too, and your recovery key "
    "(File ▸ Recovery key) opens them on another computer."
)
HARD_DAY_HEADING = N_("On a hard day")
HARD_DAY = N_("“{button}” is always at the bottom left, on every page ({keys}). It opens {what}.")
KEYS_HEADING = N_("Keys")
KEYS = N_("Every key is listed in Help ▸ Keyboard shortcuts ({keys}).")


@dataclass(frozen=True)
class PageLine:
    """A page as the sidebar lists it: its title, what it is for, its key."""

    title: str
    about: str
    keys: str = ""


class GettingStartedDialog(QDialog):
    """A short page to read; Esc or Close closes it."""

    def __init__(
        self,
        pages: Sequence[PageLine],
        *,
        hard_day: tuple[str, str, str],
        shortcuts_keys: str,
        parent: QWidget | None = None,
    ) -> None:
        """``hard_day`` is the button's text, its keys and what it opens."""
        super().__init__(parent)
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        body = QWidget()
        column, lines = reading_column(self, 70)
        lines.setSpacing(6)
        lines.addWidget(title_label(_(TITLE)))
        lines.addWidget(_text(_(INTRO)))
        #: The pages' titles, in the order shown (for tests).
        self.page_titles = [page.title for page in pages]
        lines.addWidget(_heading(_(PAGES_HEADING)))
        for page in pages:
            name = _heading(page.title, scale=1.0)
            row = QVBoxLayout()
            row.setSpacing(0)
            row.addWidget(name)
            about = _text(page.about)
            row.addWidget(about)
            if page.keys:
                name.setToolTip(page.keys)
                about.setAccessibleDescription(_("Go there with {keys}").format(keys=page.keys))
            lines.addLayout(row)
        button, keys, what = hard_day
        lines.addWidget(_heading(_(HARD_DAY_HEADING)))
        lines.addWidget(_text(_(HARD_DAY).format(button=button, keys=keys, what=what)))
        lines.addWidget(_heading(_(PRIVACY_HEADING)))
        lines.addWidget(_text(_(PRIVACY)))
        if shortcuts_keys:
            lines.addWidget(_heading(_(KEYS_HEADING)))
            lines.addWidget(quiet(_text(_(KEYS).format(keys=shortcuts_keys))))
        lines.addStretch(1)
        self.area = scroll_page(body, column, _(TITLE))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(_("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        # As tall as the words need, where the screen has room; else it scrolls.
        # Never narrower than the editors: it reads like one of their forms.
        width = max(column.maximumWidth() + 48, use_width(self, DialogWidth.EDITOR))
        needed = lines.totalHeightForWidth(column.maximumWidth()) + buttons.sizeHint().height()
        screen = self.screen().availableGeometry().height() if self.screen() else 700
        self.resize(width, min(needed + 140, int(screen * 0.85)))
        close.setFocus()


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    # Arrow keys and a screen reader's caret can go through the words.
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def _heading(text: str, scale: float = 1.1) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setContentsMargins(0, 8 if scale > 1 else 4, 0, 0)
    return label
