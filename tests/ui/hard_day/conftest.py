"""A main window over a real store, and the crisis-help setting in a real data folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from supportnet.services import Services
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui.shell.main_window import MainWindow


@pytest.fixture
def crisis(data_dir: Path) -> CrisisHelpService:
    """The setting beside the store, saved as the United Kingdom."""
    data_dir.mkdir(parents=True, exist_ok=True)
    service = CrisisHelpService(data_dir, environ={})
    service.set_country("GB")
    return service


@pytest.fixture
def make_window(
    qtbot: Any, clock: Callable[[], datetime], crisis: CrisisHelpService
) -> Callable[[Any], MainWindow]:
    """Build the main window on a store, shown and active so Tab and shortcuts work."""

    def make(store: Any) -> MainWindow:
        window = MainWindow(
            Services.of(store),
            data_location="/data/here",
            key_location="the system keyring",
            clock=clock,
            crisis=crisis,
        )
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make
