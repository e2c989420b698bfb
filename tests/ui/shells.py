"""The main window over a real store, as the page-wide tests open it (voice, contrast, when)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any


def open_shell(store: Any, tmp_path: Path, qtbot: Any, now: datetime, **options: Any) -> Any:
    """A shown 1280×800 :class:`MainWindow` on ``store`` at the fixed clock ``now``;
    ``options`` go to the window (``crisis=``, …). The caller closes it."""
    from supportnet.services import Services
    from supportnet.ui.shell.main_window import MainWindow

    shell = MainWindow(
        Services.of(store),
        data_location=str(tmp_path),
        key_location="system keyring",
        clock=lambda: now,
        **options,
    )
    qtbot.addWidget(shell)
    shell.resize(1280, 800)
    shell.show()
    return shell


def gb_crisis(tmp_path: Path) -> Any:
    """Crisis lines for the United Kingdom, kept under ``tmp_path`` (never the real config)."""
    from supportnet.services.crisis import CrisisHelpService

    crisis = CrisisHelpService(tmp_path / "crisis", environ={})
    crisis.set_country("GB")
    return crisis
