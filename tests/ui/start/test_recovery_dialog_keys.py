"""The recovery key dialog under the keyboard, the clipboard and a screen reader."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from supportnet.data.recovery import RecoveryKeeper
from supportnet.ui.start import recovery_dialog
from supportnet.ui.start.recovery_dialog import (
    RecoveryKeyDialog,
    offer_recovery_key,
    show_recovery_key,
)

START = datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.fixture
def keeper(store: Any) -> RecoveryKeeper:
    return RecoveryKeeper.for_store(store, lambda: START)


def _shown(qtbot: Any, keeper: RecoveryKeeper) -> RecoveryKeyDialog:
    dialog = show_recovery_key(None, keeper)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _focus(qtbot: Any, button: QPushButton) -> None:
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)


# --- Enter never means "I've stored it" by accident ---------------------------------------


def test_it_opens_on_copy_with_no_default_button(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = _shown(qtbot, keeper)
    assert dialog.focusWidget() is dialog.copy_button
    _focus(qtbot, dialog.later_button)
    assert not dialog.stored_button.isDefault()
    _focus(qtbot, dialog.stored_button)
    dialog.key_label.setFocus(Qt.FocusReason.TabFocusReason)  # Tab wraps round to the key
    qtbot.waitUntil(dialog.key_label.hasFocus)
    assert not dialog.stored_button.isDefault()


def test_enter_on_later_is_later(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = _shown(qtbot, keeper)
    _focus(qtbot, dialog.later_button)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.later_button, Qt.Key.Key_Return)
    assert not keeper.confirmed()
    assert keeper.record().reminded_at == START


def test_enter_on_copy_copies_and_stays_open(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = _shown(qtbot, keeper)
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == keeper.key_text()
    assert dialog.isVisible()
    assert not keeper.confirmed()
    assert dialog.done_note.text() == recovery_dialog.COPIED


def test_enter_on_the_key_itself_does_nothing(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = _shown(qtbot, keeper)
    _focus(qtbot, dialog.stored_button)
    dialog.key_label.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.key_label.hasFocus)
    qtbot.keyClick(dialog.key_label, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert dialog.isVisible()
    assert not keeper.confirmed()


def test_enter_on_i_have_stored_it_is_a_deliberate_yes(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = _shown(qtbot, keeper)
    _focus(qtbot, dialog.stored_button)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.stored_button, Qt.Key.Key_Return)
    assert keeper.confirmed()


# --- The clipboard -------------------------------------------------------------------------


def test_the_copied_key_is_marked_secret_and_forgotten_on_close(
    qtbot: Any, keeper: RecoveryKeeper
) -> None:
    dialog = _shown(qtbot, keeper)
    dialog.copy_button.click()
    held = QGuiApplication.clipboard().mimeData()
    assert held is not None
    assert bytes(held.data("x-kde-passwordManagerHint").data()) == b"secret"
    with qtbot.waitSignal(dialog.finished):
        dialog.later_button.click()
    assert QGuiApplication.clipboard().text() == ""


def test_closing_leaves_something_else_on_the_clipboard(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = _shown(qtbot, keeper)
    dialog.copy_button.click()
    QGuiApplication.clipboard().setText("a shopping list")
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert QGuiApplication.clipboard().text() == "a shopping list"


# --- A replaced key ------------------------------------------------------------------------


def test_a_replaced_key_says_it_is_new_and_the_old_one_still_counts(qtbot: Any) -> None:
    dialog = RecoveryKeyDialog("ABCD-EFGH", replaced_on=date(2026, 11, 3), reminder=True)
    qtbot.addWidget(dialog)
    assert dialog.intro.text() == (
        "This is a new recovery key. The one you kept before opens only backups made before "
        "3 November 2026. Please keep this one too."
    )


def test_the_start_offer_reads_the_replacement_date_from_the_keeper(
    qtbot: Any, keeper: RecoveryKeeper, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RecoveryKeeper, "replaced_on", date(2026, 2, 1), raising=False)
    dialog = offer_recovery_key(None, keeper)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.intro.text().startswith("This is a new recovery key.")
    assert "1 February 2026" in dialog.intro.text()


# --- Screen readers and contrast -----------------------------------------------------------


def test_names_start_with_what_is_shown(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = RecoveryKeyDialog(keeper.key_text())
    qtbot.addWidget(dialog)
    assert dialog.heading.accessibleName() == "Your recovery key"
    for button in dialog.findChildren(QPushButton):
        shown = button.text().replace("&", "")
        assert button.accessibleName().startswith(shown), (shown, button.accessibleName())
        assert button.accessibleDescription()
    assert dialog.save_button.accessibleName() == "Save as PDF…"
    assert dialog.save_button.accessibleDescription() == "Save the recovery key as a PDF file"


def test_what_copy_did_is_read_out(
    qtbot: Any, keeper: RecoveryKeeper, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[tuple[Any, str]] = []

    def hear(event: Any) -> None:
        heard.append((event.object(), event.message()))

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(hear))
    dialog = RecoveryKeyDialog(keeper.key_text())
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert heard == [(dialog.done_note, recovery_dialog.COPIED)]
    assert dialog.done_note.accessibleDescription() == recovery_dialog.COPIED


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def test_the_status_line_is_easy_to_read(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = RecoveryKeyDialog(keeper.key_text())
    qtbot.addWidget(dialog)
    palette = dialog.done_note.palette()
    ink = palette.color(dialog.done_note.foregroundRole())
    paper = palette.color(QPalette.ColorRole.Window)
    alpha = ink.alphaF()  # a translucent text colour is seen blended with the background
    seen = QColor.fromRgbF(
        *(
            alpha * a + (1 - alpha) * b
            for a, b in zip(
                (ink.redF(), ink.greenF(), ink.blueF()),
                (paper.redF(), paper.greenF(), paper.blueF()),
                strict=True,
            )
        )
    )
    text = _luminance(seen)
    ground = _luminance(paper)
    light, dark = max(text, ground), min(text, ground)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


# --- Where the PDF goes --------------------------------------------------------------------


def test_the_pdf_is_not_saved_in_the_data_folder(
    qtbot: Any, keeper: RecoveryKeeper, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = RecoveryKeyDialog(keeper.key_text(), data_dir=keeper.data_dir)
    qtbot.addWidget(dialog)
    for inside in (keeper.data_dir / "key.pdf", keeper.data_dir / "backups" / "key.pdf"):
        monkeypatch.setattr(recovery_dialog, "ask_pdf_path", lambda _p, at=inside: str(at))
        dialog.save_button.click()
        assert not inside.exists()
        assert dialog.done_note.text() == recovery_dialog.INSIDE_DATA_FOLDER


def test_the_file_dialog_starts_in_documents(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return "", ""

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    Path(documents).mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    dialog = RecoveryKeyDialog("ABCD-EFGH")
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert asked == [str(Path(documents) / "SupportNet recovery key.pdf")]


def test_quitting_with_the_dialog_open_forgets_the_copied_key(
    qtbot: Any, keeper: RecoveryKeeper
) -> None:
    """The key never outlives the app on the clipboard: quitting while the dialog is open
    (so it never closes) clears it, and leaves anything else copied since alone."""
    dialog = RecoveryKeyDialog(keeper.key_text())
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == keeper.key_text()
    QApplication.instance().aboutToQuit.emit()
    assert clipboard.text() == ""

    dialog.copy_button.click()
    clipboard.setText("a note copied since")
    QApplication.instance().aboutToQuit.emit()
    assert clipboard.text() == "a note copied since"
