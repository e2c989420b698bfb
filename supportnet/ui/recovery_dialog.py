"""The recovery key dialog: shown on first start, weekly after "Later", and from the File menu."""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.data.recovery import RecoveryKeeper
from supportnet.ui import dialogs

TITLE = "Your recovery key"
WHAT_IT_IS = (
    "If this computer is lost or stops working, this key opens your backups on another "
    "one. Without it, a backup opens only here."
)
REMINDER = (
    "A gentle reminder: when you have a moment, please keep a copy of your recovery key. "
    "If this computer is lost or stops working, it opens your backups on another one."
)
WHERE_TO_KEEP = (
    "Write it down or print it, and keep it on paper somewhere safe, with your important "
    "papers — not on this computer. Anyone with this key and a backup could read your "
    "network, so keep it private."
)
LATER_NOTE = "You can see it again any time in File ▸ Recovery key…"


def _key_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.5)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    return font


def key_lines(key: str) -> str:
    """The key in three lines of three groups, easier to read aloud and copy by hand."""
    groups = key.split("-")
    return "\n".join("  ".join(groups[i : i + 3]) for i in range(0, len(groups), 3))


class RecoveryKeyDialog(QDialog):
    """Shows the key once; "I've stored it" accepts, "Later" (or Esc) rejects."""

    def __init__(self, key: str, parent: QWidget | None = None, *, reminder: bool = False) -> None:
        super().__init__(parent)
        self.key = key
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setMinimumWidth(520)

        heading = QLabel(TITLE)
        heading_font = heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        heading.setFont(heading_font)
        heading.setAccessibleName("Title")

        self.intro = QLabel(REMINDER if reminder else WHAT_IT_IS)
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName("What the recovery key is")

        self.key_label = QLabel(key_lines(key))
        self.key_label.setFont(_key_font())
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key_label.setAccessibleName("Recovery key")
        self.key_label.setAccessibleDescription(key)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setBackgroundRole(QPalette.ColorRole.Base)
        frame.setAutoFillBackground(True)
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(16, 14, 16, 14)
        frame_layout.addWidget(self.key_label)

        self.where = QLabel(WHERE_TO_KEEP)
        self.where.setWordWrap(True)
        self.where.setAccessibleName("Where to keep it")

        #: A quiet line saying what Copy or Save did.
        self.done_note = QLabel(LATER_NOTE)
        self.done_note.setWordWrap(True)
        self.done_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.done_note.setAccessibleName("Status")

        self.copy_button = self._button("&Copy", "Copy the recovery key", self.copy_key)
        self.print_button = self._button(
            "&Print…", "Print the recovery key (or print to a PDF file)", self.print_key
        )
        self.save_button = self._button(
            "Save as P&DF…", "Save the recovery key as a PDF file", self.save_pdf
        )
        self.later_button = self._button("&Later", "Remind me later", self.reject)
        self.stored_button = self._button("I've &stored it", "I've stored it", self.accept)
        self.stored_button.setDefault(True)

        tools = QHBoxLayout()
        for button in (self.copy_button, self.print_button, self.save_button):
            tools.addWidget(button)
        tools.addStretch(1)
        answers = QHBoxLayout()
        answers.addStretch(1)
        answers.addWidget(self.later_button)
        answers.addWidget(self.stored_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addWidget(frame)
        layout.addLayout(tools)
        layout.addWidget(self.where)
        layout.addWidget(self.done_note)
        layout.addSpacing(4)
        layout.addLayout(answers)
        self.stored_button.setFocus()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    # --- the three ways to keep it ---------------------------------------------------------

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self.done_note.setText(
            "Copied. Paste it where you'll print or write it down, then clear it from there."
        )

    def document(self) -> QTextDocument:
        """The page that is printed or saved: the key, what it is and where to keep it."""
        doc = QTextDocument()
        mono = _key_font().family()
        doc.setHtml(
            f"<h2>SupportNet recovery key</h2><p>{WHAT_IT_IS}</p>"
            f"<p style='font-family:\"{mono}\"; font-size:20pt; letter-spacing:2px'>"
            f"{key_lines(self.key).replace('  ', '&nbsp;&nbsp;').replace(chr(10), '<br>')}</p>"
            f"<p>{WHERE_TO_KEEP}</p><p>Made on {date.today():%d %B %Y}.</p>"
        )
        return doc

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self)
        chooser.setWindowTitle("Print the recovery key")
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)
            self.done_note.setText("Sent to the printer.")

    def save_pdf(self) -> None:
        path = ask_pdf_path(self)
        if not path:
            return
        try:
            write_pdf(self.document(), Path(path))
        except OSError as exc:
            dialogs.show_error(self, f"Couldn't save the PDF: {exc.strerror or exc}.")
            return
        self.done_note.setText(f"Saved to {path}. Print it, then move it off this computer.")


def ask_pdf_path(parent: QWidget) -> str:
    """Where to save the PDF (patched in tests)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, "Save the recovery key as a PDF", "SupportNet recovery key.pdf", "PDF (*.pdf)"
    )
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    return path


def write_pdf(doc: QTextDocument, path: Path) -> None:
    """Print ``doc`` to a private (0600) PDF beside ``path``, then move it into place."""
    from PySide6.QtPrintSupport import QPrinter

    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)  # mkstemp made it 0600; Qt keeps the mode of a file it overwrites
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(name)
        doc.print_(printer)
        os.chmod(name, 0o600)
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise


def show_recovery_key(
    parent: QWidget | None, keeper: RecoveryKeeper, *, reminder: bool = False
) -> RecoveryKeyDialog:
    """Open the dialog (window-modal, not blocking); remember the answer when it closes."""
    dialog = RecoveryKeyDialog(keeper.key_text(), parent, reminder=reminder)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            keeper.stored()
        elif not keeper.confirmed():
            keeper.later()

    dialog.finished.connect(answered)
    dialog.open()
    return dialog


def offer_recovery_key(parent: QWidget | None, keeper: RecoveryKeeper) -> RecoveryKeyDialog | None:
    """On start: show the key if it was never stored and not put off within the week."""
    if not keeper.needs_reminder():
        return None
    first = keeper.record().reminded_at is None
    return show_recovery_key(parent, keeper, reminder=not first)
