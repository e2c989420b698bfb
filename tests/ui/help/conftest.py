"""The main window, shown and active, as the Help windows' tests open it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from supportnet.services import Services
from supportnet.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> MainWindow:
    shell = MainWindow(
        Services.of(store), data_location="/data/here", key_location="keyring", clock=clock
    )
    qtbot.addWidget(shell)
    with qtbot.waitExposed(shell):
        shell.show()
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell)
    return shell
