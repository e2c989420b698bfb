"""Every message box SupportNet shows is made here, so tests can replace these functions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from supportnet import APP_NAME

DEFAULT_ERROR_TITLE = "SupportNet can't continue"


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str = "",
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.setTextFormat(Qt.TextFormat.PlainText)
    # Paths and messages can be copied (to search for them, or to tell someone).
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    return box


def _add_close(box: QMessageBox) -> None:
    close = box.addButton("Close", QMessageBox.ButtonRole.AcceptRole)
    close.setAccessibleName("Close")
    box.setDefaultButton(close)
    box.setEscapeButton(close)


def make_error_box(
    parent: QWidget | None, message: str, *, title: str = DEFAULT_ERROR_TITLE
) -> QMessageBox:
    """A plain message box for a problem SupportNet understands (never a traceback)."""
    # An information icon, not the red "critical" one: this is news, not an alarm.
    box = _box(parent, QMessageBox.Icon.Information, title, message)
    _add_close(box)
    return box


def show_error(parent: QWidget | None, message: str, *, title: str = DEFAULT_ERROR_TITLE) -> None:
    """Tell the person plainly that something didn't work, and wait until they close it."""
    make_error_box(parent, message, title=title).exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    """A short piece of news with a Close button."""
    box = _box(parent, QMessageBox.Icon.Information, title, message)
    _add_close(box)
    box.exec()


def confirm(
    parent: QWidget | None,
    title: str,
    question: str,
    *,
    yes_text: str,
    no_text: str = "Cancel",
    details: str = "",
) -> bool:
    """Ask a yes/no question with buttons that say what they do. No is the safe default."""
    box = _box(parent, QMessageBox.Icon.Question, title, question, details)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    yes.setAccessibleName(yes_text)
    no.setAccessibleName(no_text)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def about_text(version: str, data_location: str, key_location: str) -> str:
    """What the About box says, as plain text."""
    return (
        f"{APP_NAME} {version}\n\n"
        "Map your support network and plan gentle reach-outs. Everything stays on this "
        "computer, encrypted; nothing is sent anywhere.\n\n"
        f"Your data is kept in:\n{data_location}\n\n"
        f"Its key is kept in:\n{key_location}"
    )


def make_about_box(parent: QWidget | None, text: str) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Information, f"About {APP_NAME}", text)
    _add_close(box)
    return box


def show_about(parent: QWidget | None, version: str, data_location: str, key_location: str) -> None:
    """The About box: version, where the data lives and how its key is kept."""
    text = about_text(version, data_location, key_location)
    make_about_box(parent, text).exec()
