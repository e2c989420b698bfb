"""Today's automatic backup while the app is open: on the worker, problems said once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from supportnet.data.store import Store
from supportnet.services.registry import Services

NOON = datetime(2026, 12, 3, 12, tzinfo=UTC)


def _checker(qtbot: Any, store: Store, notes: list[str]) -> Any:
    """A checker and its worker owned by a window, as in the app (the window outlives them:
    a parentless worker dropped mid-run has crashed PySide here)."""
    from PySide6.QtWidgets import QWidget

    from supportnet.ui.shell.auto_backups import AutoBackups
    from supportnet.ui.shell.background import Background

    window = QWidget()
    qtbot.addWidget(window)
    background = Background(window)
    checker = AutoBackups(
        Services.of(store).backups, background, notes.append, clock=lambda: NOON, parent=window
    )
    return checker, background, window


def _daily(store: Store) -> list[Path]:
    return sorted((store.data_dir / "backups").glob("supportnet-*-daily.db"))


def test_start_backs_up_once_the_loop_runs_off_the_gui_thread(
    qtbot: Any, store: Store, monkeypatch: Any
) -> None:
    from supportnet.services import backups as backups_module

    notes: list[str] = []
    checker, background, _window = _checker(qtbot, store, notes)
    threads: list[threading.Thread] = []
    real = backups_module.auto_backup_if_due

    def watched(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(backups_module, "auto_backup_if_due", watched)
    checker.start()
    assert _daily(store) == [], "nothing happens before the event loop runs"
    qtbot.waitUntil(lambda: bool(threads) and not background.busy, timeout=10_000)
    checker.stop()
    assert len(_daily(store)) == 1
    assert threads[0] is not threading.main_thread()
    assert notes == []


def test_a_problem_is_one_note_said_once(qtbot: Any, store: Store, tmp_path: Path) -> None:
    store.settings.update(backup_folder=str(tmp_path / "usb-not-plugged-in"))
    notes: list[str] = []
    checker, background, _window = _checker(qtbot, store, notes)
    for _ in range(2):
        checker.check()
        qtbot.waitUntil(lambda: not background.busy, timeout=10_000)
    assert notes == ["The extra backup folder isn't there just now; it is tried again later."]
    assert len(_daily(store)) == 1, "the backup in the data folder is made all the same"


def test_stopped_before_the_loop_runs_takes_no_backup(qtbot: Any, store: Store) -> None:
    """The app quit before its first look: the queued check must not touch a closing store."""
    notes: list[str] = []
    checker, background, _window = _checker(qtbot, store, notes)
    ran: list[bool] = []
    checker.start()
    checker.stop()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran), timeout=5_000)  # the queued check has had its turn
    background.wait()  # anything started has finished writing
    assert _daily(store) == []
