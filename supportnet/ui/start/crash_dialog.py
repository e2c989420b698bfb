"""The dialog shown when SupportNet itself has a bug: calm words, versions and a traceback."""

from __future__ import annotations

import platform
import sys
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import supportnet
from supportnet.i18n import N_, _
from supportnet.runtime.crash_text import scrubbed_traceback
from supportnet.services.versions import sqlalchemy_version
from supportnet.ui.widgets.dialogs import DialogWidth, dialog_width

HEADING = N_("Something went wrong inside SupportNet.")
REASSURANCE = N_(
    "Your data is safe: everything you saved is still in the encrypted store. You can carry "
    "on, or close SupportNet and open it again."
)
REPORT_HINT = N_("If it keeps happening, the details below help to find the cause.")


def format_traceback(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The traceback as text, as Python would print it but without exception messages,
    which may hold names, notes or SQL parameters (see :mod:`supportnet.runtime.crash_text`)."""
    return scrubbed_traceback(exc_type, exc, tb)


def version_lines() -> list[str]:
    """One "Name: version" line per part SupportNet stands on."""
    from PySide6 import QtCore
    from PySide6 import __version__ as pyside_version

    return [
        f"SupportNet: {supportnet.__version__}",
        f"Python: {platform.python_version()} ({sys.implementation.name})",
        f"Qt: {QtCore.qVersion()} (PySide6 {pyside_version})",
        f"SQLAlchemy: {sqlalchemy_version()}",
        f"Platform: {platform.platform()}",
    ]


def shown_version_lines() -> list[str]:
    """:func:`version_lines` as the dialog shows them, "Platform" in the user's language (the
    copied report stays English, for whoever reads the bug report)."""
    lines = version_lines()
    platform_line = _("Platform: {platform}").format(platform=platform.platform())
    return [*lines[:-1], platform_line]


def crash_report(traceback_text: str) -> str:
    """Everything the Copy button puts on the clipboard."""
    return "\n".join([*version_lines(), "", traceback_text])


class CrashDialog(QDialog):
    """Versions, the traceback in a read-only box, "Copy details" and "Close"."""

    def __init__(self, traceback_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report = crash_report(traceback_text)
        self.setWindowTitle(_("SupportNet ran into a problem"))
        self.setAccessibleName(self.windowTitle())
        self.setModal(True)
        self.resize(dialog_width(self, DialogWidth.BIG), 520)

        heading = QLabel(_(HEADING))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setAccessibleName(heading.text())

        reassurance = QLabel(_(REASSURANCE))
        reassurance.setWordWrap(True)
        reassurance.setAccessibleName(reassurance.text())

        hint = QLabel(_(REPORT_HINT))
        hint.setWordWrap(True)
        hint.setAccessibleName(hint.text())

        versions = QLabel("\n".join(shown_version_lines()))
        versions.setTextFormat(Qt.TextFormat.PlainText)
        versions.setWordWrap(True)  # a long platform name, longer in German, wraps
        versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        versions.setAccessibleName(_("Versions"))
        versions.setAccessibleDescription(versions.text())
        self.versions_label = versions

        details = QPlainTextEdit()
        details.setReadOnly(True)
        details.setPlainText(traceback_text)
        details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        details.setAccessibleName(_("Technical details"))
        details.setAccessibleDescription(_("The traceback of the problem, read-only"))
        self.details_box = details

        self.copy_button = QPushButton(_("Copy details"))
        self.copy_button.setAccessibleName(_("Copy details"))
        self.copy_button.setToolTip(_("Put the versions and the traceback on the clipboard"))
        self.copy_button.clicked.connect(self.copy_details)
        self.copied_label = QLabel("")
        self.copied_label.setAccessibleName(_("Copy status"))

        buttons = QDialogButtonBox()
        close = buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(_("Close"))
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.close_button = close

        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.copied_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(reassurance)
        layout.addSpacing(4)
        layout.addWidget(hint)
        layout.addWidget(versions)
        layout.addWidget(details, 1)
        layout.addLayout(bottom)
        close.setFocus()

    @property
    def report(self) -> str:
        return self._report

    def copy_details(self) -> None:
        """Put the versions and the traceback on the clipboard."""
        QGuiApplication.clipboard().setText(self._report)
        self.copied_label.setText(_("Copied to the clipboard."))
