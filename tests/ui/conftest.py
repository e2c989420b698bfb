"""Fixtures for the UI tier: a fixed clock and the example network in a real store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

#: The day the example network is built around in these tests.
TODAY = date(2025, 6, 15)
NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
ZONE = "Europe/London"


@pytest.fixture(scope="session", autouse=True)
def clear_indicators(qapp: object) -> None:
    """Check boxes, radio buttons and fields drawn as the app draws them, quiet text legible."""
    from supportnet.ui.widgets.style import apply_style

    apply_style(qapp)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: NOW


@pytest.fixture
def store_template(
    request: pytest.FixtureRequest,
    empty_store_folder: Path,
    demo_store_folders: Callable[[date, str], Path],
) -> Path:
    """A test that asks for ``demo_store`` gets a copy of the example network's store."""
    if "demo_store" in request.fixturenames:
        return demo_store_folders(TODAY, ZONE)
    return empty_store_folder


@pytest.fixture
def demo_store(store: object) -> object:
    """The store fixture holding the example network, built around :data:`TODAY` (a copy
    of the store where ``load_demo`` ran once: see ``store_template``)."""
    return store


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages that went to dialogs.show_error (which would otherwise wait for a click)."""
    from supportnet.ui.widgets import dialogs

    shown: list[str] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _parent, message, **_kw: shown.append(message)
    )
    return shown


@pytest.fixture(autouse=True)
def no_stray_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A message box a test didn't patch would wait for a click forever: fail instead.

    Each one is answered with its escape button (Cancel, Keep editing) and recorded.
    """
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(f"{box.windowTitle()}: {box.text()}")
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    yield shown
    if shown:
        pytest.fail(f"a message box was shown that the test did not expect: {shown}")


@pytest.fixture(autouse=True)
def no_window_left_on_screen(qapp: Any) -> Iterator[None]:
    """Hide what a test left on screen: a stray window would take the next test's mouse.

    (Widgets deleted later are only deleted by a running event loop, which tests rarely
    start, so hiding them here is what keeps one test's panel out of the next one. Hidden,
    not closed: closing would ask about unsaved changes the test meant to leave.)
    """
    yield
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.hide()


@pytest.fixture(autouse=True)
def no_real_desktop_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app never reaches the real session bus's notification server from a test: tests
    of notifications hand DesktopNotifications a private bus's address themselves."""
    from supportnet.ui.shell import desktop_notifications

    monkeypatch.setattr(desktop_notifications, "for_this_desktop", lambda: None)


@pytest.fixture(autouse=True)
def clipboard_left_empty(qapp: Any) -> Iterator[None]:
    """Whatever a test copied goes when it ends, as the app clears the recovery key when it
    quits: PySide6 6.11 crashes at exit if the clipboard still holds a QMimeData made in
    Python (and tests never quit the app)."""
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()
