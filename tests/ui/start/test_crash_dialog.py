"""The crash dialog and the hooks that lead to it."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel

from supportnet.model.errors import StoreLockedError
from supportnet.ui.start import crash_reporter as reporting
from supportnet.ui.start.crash_dialog import REASSURANCE, CrashDialog, format_traceback
from supportnet.ui.widgets import dialogs


def _traceback_text() -> str:
    try:
        {}["the missing key"]
    except KeyError as exc:
        return format_traceback(type(exc), exc, exc.__traceback__)
    raise AssertionError("unreachable")


def test_shows_versions_and_the_traceback_read_only(qtbot: Any) -> None:
    text = _traceback_text()
    dialog = CrashDialog(text)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.details_box.toPlainText() == text
    assert "KeyError (message left out" in dialog.details_box.toPlainText()
    assert "KeyError: " not in dialog.details_box.toPlainText()
    assert dialog.details_box.isReadOnly()
    assert QFontInfo(dialog.details_box.font()).fixedPitch()
    versions = dialog.versions_label.text()
    for part in (
        "SupportNet: 0.1.0",
        "Python: 3.",
        "Qt: 6.",
        "PySide6 6.",
        "SQLAlchemy: 2.",
        "Platform: ",
    ):
        assert part in versions
    assert REASSURANCE in [label.text() for label in dialog.findChildren(QLabel)]
    assert "!" not in REASSURANCE


def test_copy_puts_versions_and_traceback_on_the_clipboard(qtbot: Any) -> None:
    text = _traceback_text()
    dialog = CrashDialog(text)
    qtbot.addWidget(dialog)
    dialog.show()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert text in copied
    assert copied.startswith("SupportNet: 0.1.0")
    assert dialog.copied_label.text() == "Copied to the clipboard."
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def reporter(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> reporting.CrashReporter:
    """A reporter attached to the running QApplication, its crash dialog never blocking."""
    shown: list[str] = []

    def fake_exec(self: CrashDialog) -> int:
        shown.append(self.details_box.toPlainText())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    reporter = reporting.CrashReporter()
    reporter.attach()
    reporter.shown = shown  # type: ignore[attr-defined]
    return reporter


def test_a_bug_reaches_the_crash_dialog(reporter: Any, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        raise ValueError("a bug in SupportNet")
    except ValueError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    assert len(reporter.shown) == 1
    assert "ValueError (message left out" in reporter.shown[0]
    assert "ValueError: " not in reporter.shown[0]
    assert "Traceback" in reporter.shown[0]
    assert capsys.readouterr().err.strip() == "SupportNet hit an unexpected problem: ValueError"


def test_a_known_problem_gets_a_plain_message_not_a_traceback(
    reporter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[tuple[Any, ...]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda *a, **kw: errors.append((a, kw)))
    exc = StoreLockedError("SupportNet is already open with this data.")
    reporter.excepthook(StoreLockedError, exc, None)
    assert reporter.shown == []
    assert errors
    assert errors[0][0][1] == "SupportNet is already open with this data."


def test_a_crash_in_a_worker_thread_is_shown_on_the_gui_thread(
    qtbot: Any, reporter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen_on: list[threading.Thread] = []
    real_show = reporter._show

    def recording_show(info: Any) -> None:
        seen_on.append(threading.current_thread())
        real_show(info)

    monkeypatch.setattr(reporter, "_show", recording_show)
    monkeypatch.setattr(threading, "excepthook", reporter.thread_excepthook)

    def work() -> None:
        raise RuntimeError("worker fell over")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(reporter.shown))
    assert seen_on == [threading.main_thread()]
    assert "in work" in reporter.shown[0]
    assert "RuntimeError (message left out" in reporter.shown[0]


def test_without_a_dialog_only_a_short_line_goes_to_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    reporter = reporting.CrashReporter()  # never attached: as before the QApplication exists
    try:
        raise ValueError("too early")
    except ValueError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    err = capsys.readouterr().err
    assert err == "SupportNet hit an unexpected problem: ValueError\n"


def test_install_sets_both_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = reporting.install_excepthooks()
    assert sys.excepthook == reporter.excepthook
    assert threading.excepthook == reporter.thread_excepthook


SECRET_NAME = "PRIVATE-NAME-Quillon"
SECRET_NOTE = "PRIVATE-NOTE-xyz, about the hearing"


def test_a_database_error_reaches_neither_stderr_nor_the_report_with_private_data(
    store: Any, reporter: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real driver error whose SQL parameters hold a name and a note (a trigger refuses
    the insert): the crash dialog, its Copy text and the stderr line carry neither."""
    from supportnet.data.engine import raw_execute
    from supportnet.model.network import Person

    messages: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, text, **_kw: messages.append(text))
    reports: list[str] = []
    real_init = CrashDialog.__init__

    def recording_init(self: CrashDialog, text: str, parent: Any = None) -> None:
        real_init(self, text, parent)
        reports.append(self.report)

    monkeypatch.setattr(CrashDialog, "__init__", recording_init)
    raw_execute(
        store.db,
        "CREATE TRIGGER refuse_people BEFORE INSERT ON people "
        "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END",
    )
    try:
        store.people.add(Person(name=SECRET_NAME, notes=SECRET_NOTE))
    except Exception as exc:  # whatever the data layer lets through
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    else:
        raise AssertionError("the trigger should have refused the insert")
    seen = [capsys.readouterr().err, *messages, *reporter.shown, *reports]
    assert len(seen) >= 2, "neither a crash dialog nor a message was shown"
    for text in seen:
        assert SECRET_NAME not in text
        assert "PRIVATE-NOTE" not in text
    for report in reports:  # a bug: the report still says what and where
        assert "IntegrityError" in report
        assert "targets.py" in report  # PeopleRepository.add lives there
