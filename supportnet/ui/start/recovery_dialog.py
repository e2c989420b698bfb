"""The recovery key dialog: shown on first start, weekly after "Later", and from the File menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QStandardPaths, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.days import day_month_year
from supportnet.services.files import replace_by_writing
from supportnet.services.recovery_key import RecoveryKeeper, may_keep_key_at
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.dialogs import DialogWidth, use_width
from supportnet.ui.widgets.labels import announce, title_label

TITLE = N_("Your recovery key")
WHAT_IT_IS = N_(
    "If this computer is lost or stops working, this key opens your backups on another "
    "one. Without it, a backup opens only here."
)
REMINDER = N_(
    "A gentle reminder: when you have a moment, please keep a copy of your recovery key. "
    "If this computer is lost or stops working, it opens your backups on another one."
)
WHERE_TO_KEEP = N_(
    "Write it down or print it, and keep it on paper somewhere safe, with your important "
    "papers — not on this computer. Anyone with this key and a backup could read your "
    "network, so keep it private."
)
LATER_NOTE = N_("You can see it again any time in File ▸ Recovery key…")
COPIED = N_(
    "Copied. Paste it where you'll print or write it down before you close this window; "
    "the clipboard forgets it then."
)
INSIDE_DATA_FOLDER = N_(
    "That folder is SupportNet's own data folder, so the key wasn't saved there. "
    "Please choose a place outside it, such as Documents."
)
#: Tells clipboard managers not to keep the key in their history (KDE's Klipper and others).
PASSWORD_HINT_FORMAT = "x-kde-passwordManagerHint"


def replaced_text(replaced_on: date) -> str:
    """The introduction when the key replaces one the person kept before."""
    return _(
        "This is a new recovery key. The one you kept before opens only backups made before "
        "{date}. Please keep this one too."
    ).format(date=day_month_year(replaced_on))


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
    """Shows the key once; "I've stored it" accepts, "Later" (or Esc) rejects.

    Enter presses the button that has the focus, and there is no default button: Enter
    pressed without looking must never say "I've stored it". The dialog opens on Copy.
    "I've stored it" stays enabled from the start, because writing the key down by hand
    from the screen is as good a way to keep it as Copy, Print or Save.

    ``replaced_on``: the day the key the person kept before was replaced by this one
    (recovery.json was damaged), so the dialog says this is a new key, not the first.
    ``data_dir``: the store's folder, where the PDF must not be saved.
    """

    def __init__(
        self,
        key: str,
        parent: QWidget | None = None,
        *,
        reminder: bool = False,
        replaced_on: date | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.data_dir = data_dir
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        use_width(self, DialogWidth.SMALL)

        self.heading = title_label(_(TITLE))

        if replaced_on is not None:
            intro = replaced_text(replaced_on)
        else:
            intro = _(REMINDER) if reminder else _(WHAT_IT_IS)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(_("What the recovery key is"))

        self.key_label = QLabel(key_lines(key))
        self.key_label.setFont(_key_font())
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key_label.setAccessibleName(_("Recovery key"))
        self.key_label.setAccessibleDescription(key)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setBackgroundRole(QPalette.ColorRole.Base)
        frame.setAutoFillBackground(True)
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(16, 14, 16, 14)
        frame_layout.addWidget(self.key_label)

        self.where = QLabel(_(WHERE_TO_KEEP))
        self.where.setWordWrap(True)
        self.where.setAccessibleName(_("Where to keep it"))

        #: A line saying what Copy, Print or Save did; read out when it changes. In the
        #: text colour, not the paler placeholder one, so it is easy to read (4.5:1 or more).
        self.done_note = QLabel(_(LATER_NOTE))
        self.done_note.setWordWrap(True)
        self.done_note.setTextFormat(Qt.TextFormat.PlainText)
        self.done_note.setForegroundRole(QPalette.ColorRole.WindowText)
        self.done_note.setAccessibleName(_("Status"))
        self.done_note.setAccessibleDescription(_(LATER_NOTE))

        self.copy_button = self._button(_("&Copy"), _("Copy the recovery key"), self.copy_key)
        self.print_button = self._button(
            _("&Print…"), _("Print the recovery key (or print to a PDF file)"), self.print_key
        )
        self.save_button = self._button(
            _("Save as P&DF…"), _("Save the recovery key as a PDF file"), self.save_pdf
        )
        self.later_button = self._button(_("&Later"), _("Remind me in a week"), self.reject)
        self.stored_button = self._button(
            _("I've &stored it"), _("I've kept a copy; don't remind me again"), self.accept
        )

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
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(frame)
        layout.addLayout(tools)
        layout.addWidget(self.where)
        layout.addWidget(self.done_note)
        layout.addSpacing(4)
        layout.addLayout(answers)
        self.copy_button.setFocus()

    def _button(self, text: str, description: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        # The name starts with what is on the button (as speech input expects); the
        # longer words are its description.
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        # Enter presses the focused button; with no default, Enter elsewhere does nothing.
        button.setAutoDefault(True)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button; on the key itself it does nothing.

        QDialog would press whichever button Qt made the default when the focus left the
        buttons (it could be "I've stored it"), so Enter is handled here.
        """
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def _say(self, text: str) -> None:
        self.done_note.setText(text)
        announce(self.done_note, text)

    def done(self, result: int) -> None:
        """Closing forgets the key on the clipboard, if it is still there."""
        forget_on_clipboard(self.key)
        super().done(result)

    # --- the three ways to keep it ---------------------------------------------------------

    def copy_key(self) -> None:
        data = QMimeData()
        data.setText(self.key)
        data.setData(PASSWORD_HINT_FORMAT, b"secret")
        QGuiApplication.clipboard().setMimeData(data)
        _forget_when_quitting(self.key)
        self._say(_(COPIED))

    def document(self) -> QTextDocument:
        """The page that is printed or saved: the key, what it is and where to keep it."""
        doc = QTextDocument()
        mono = _key_font().family()
        heading = _("SupportNet recovery key")
        made = _("Made on {date}.").format(date=day_month_year(date.today()))
        doc.setHtml(
            f"<h2>{heading}</h2><p>{_(WHAT_IT_IS)}</p>"
            f"<p style='font-family:\"{mono}\"; font-size:20pt; letter-spacing:2px'>"
            f"{key_lines(self.key).replace('  ', '&nbsp;&nbsp;').replace(chr(10), '<br>')}</p>"
            f"<p>{_(WHERE_TO_KEEP)}</p><p>{made}</p>"
        )
        return doc

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self)
        chooser.setWindowTitle(_("Print the recovery key"))
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)
            self._say(_("Sent to the printer."))

    def save_pdf(self) -> None:
        path = ask_pdf_path(self)
        if not path:
            return
        # Not beside the store (nor in backups/): the key belongs away from this computer,
        # and a file there could replace the store's own.
        if not may_keep_key_at(Path(path), self.data_dir):
            self._say(_(INSIDE_DATA_FOLDER))
            return
        try:
            write_pdf(self.document(), Path(path))
        except OSError as exc:
            dialogs.show_error(
                self,
                _("Couldn't save the PDF: {reason}.").format(reason=exc.strerror or exc),
            )
            return
        self._say(_("Saved to {path}. Print it, then move it off this computer.").format(path=path))


PDF_NAME = "SupportNet recovery key.pdf"


def suggested_pdf_path() -> str:
    """The suggested file: in Documents (or the home folder if there is none)."""
    for place in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        folder = QStandardPaths.writableLocation(place)
        if folder and Path(folder).is_dir():
            return str(Path(folder) / PDF_NAME)
    return PDF_NAME


def ask_pdf_path(parent: QWidget) -> str:
    """Where to save the PDF (patched in tests)."""
    suggested = Path(suggested_pdf_path())
    folder = str(suggested.parent) if suggested.parent != Path() else ""
    chosen = dialogs.ask_pdf_path(
        parent, _("Save the recovery key as a PDF"), folder, suggested.name
    )
    return str(chosen) if chosen is not None else ""


def write_pdf(doc: QTextDocument, path: Path) -> None:
    """Print ``doc`` to a private (0600) PDF beside ``path``, then move it into place."""
    from PySide6.QtPrintSupport import QPrinter

    def write(temp: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temp))
        doc.print_(printer)

    # mkstemp makes it 0600, and Qt keeps the mode of a file it overwrites; 0600 once more
    # in case a printer backend made its own.
    replace_by_writing(path, write, mode=0o600)


def forget_on_clipboard(key: str) -> None:
    """Clear the clipboard if it still holds ``key`` (nothing else is touched)."""
    clipboard = QGuiApplication.clipboard()
    held = clipboard.mimeData()
    if held is not None and held.hasText() and held.text() == key:
        clipboard.clear()


def _forget_when_quitting(key: str) -> None:
    """The key never outlives the app on the clipboard, even if the app quits with the
    dialog open. (It also spares PySide6 6.11 a crash at exit: a QMimeData made in Python
    and still held by the clipboard when Qt tears down.)"""
    app = QGuiApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: forget_on_clipboard(key))


def show_recovery_key(
    parent: QWidget | None,
    keeper: RecoveryKeeper,
    *,
    reminder: bool = False,
    replaced_on: date | None = None,
) -> RecoveryKeyDialog:
    """Open the dialog (window-modal, not blocking); remember the answer when it closes."""
    dialog = RecoveryKeyDialog(
        keeper.key_text(),
        parent,
        reminder=reminder,
        replaced_on=replaced_on,
        data_dir=keeper.data_dir,
    )
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
    # Set by the keeper when recovery.json was damaged and a new key made in its place.
    return show_recovery_key(parent, keeper, reminder=not first, replaced_on=keeper.replaced_on)
