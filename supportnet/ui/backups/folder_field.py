"""Preferences' backup rows: the extra folder each day's backup is copied to, and the last one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.services.backups import INSIDE_DATA_FOLDER
from supportnet.ui.backups.words import last_backup_text
from supportnet.ui.widgets.field_message import FieldMessage

NO_FOLDER = N_("None: backups stay in SupportNet's own folder")
CHOOSE_TITLE = N_("Choose a folder for copies of your backups")


def ask_folder(parent: QWidget, start: str) -> Path | None:
    """A folder the person picks; None if they cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, _(CHOOSE_TITLE), start)
    return Path(chosen) if chosen else None


class BackupFolderField(QWidget):
    """The extra folder (shown, Choose…, Don't copy elsewhere), a note when it can't be
    written, and when the last automatic backup was taken, in plain words."""

    def __init__(
        self,
        folder: str,
        problem: Callable[[Path], str],
        last_backup: datetime | None,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._problem = problem
        self._folder = folder
        self.path_field = QLineEdit()
        self.path_field.setReadOnly(True)
        self.path_field.setAccessibleName(_("Extra backup folder"))
        self.path_field.setPlaceholderText(_(NO_FOLDER))
        self.path_field.setToolTip(
            _("Each day's automatic backup is also copied here: a USB stick or a synced folder")
        )
        self.choose_button = QPushButton(_("C&hoose…"))
        self.choose_button.setAccessibleName(_("Choose an extra backup folder"))
        self.clear_button = QPushButton(_("Do&n't copy elsewhere"))
        self.clear_button.setAccessibleName(_("Don't copy backups to another folder"))
        self.message = FieldMessage(_("Note about the extra backup folder"))
        self.last_label = QLabel(last_backup_text(last_backup, now))
        self.last_label.setWordWrap(True)
        self.last_label.setAccessibleName(_("Last automatic backup"))

        # The path on its own line: a folder's name is read from its end.
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.path_field)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.last_label)
        self.setFocusProxy(self.choose_button)

        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(lambda: self.set_folder(None))
        self._show()

    @property
    def folder(self) -> str:
        """The folder chosen, as the setting holds it ("" for none)."""
        return self._folder

    def choose(self) -> None:
        picked = ask_folder(self, self._folder or str(Path.home()))
        if picked is not None:
            self.set_folder(picked)

    def set_folder(self, folder: Path | None) -> None:
        """Take ``folder`` (None: none); one inside the data folder is refused, with a note."""
        if folder is not None:
            problem = self._problem(folder)
            if problem == _(INSIDE_DATA_FOLDER):  # folder_problem says it translated
                self.message.set_message(problem)
                return
            self._folder = str(folder.resolve())
        else:
            self._folder = ""
        self._show()

    def _show(self) -> None:
        self.path_field.setText(self._folder)
        self.clear_button.setEnabled(bool(self._folder))
        self.message.set_message(self._problem(Path(self._folder)) if self._folder else "")
