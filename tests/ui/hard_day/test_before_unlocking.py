""" "Need help now?" on the screens before the store is open: the crisis lines, nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from supportnet.safety.crisis_lines import help_for
from supportnet.services.crisis import CrisisHelpService
from supportnet.services.unlocking import PassphrasePurpose
from supportnet.ui.hard_day.entry import HelpLink
from supportnet.ui.hard_day.panel import CrisisLinesDialog
from supportnet.ui.hard_day.people import CrisisPeopleView
from supportnet.ui.start.recovery_unlock import Reason, RecoveryUnlockDialog
from supportnet.ui.start.unlock_dialog import UnlockDialog
from supportnet.ui.start.welcome import WelcomeDialog
from tests.conftest import REPO_ROOT, cli_env


@pytest.fixture
def ireland(tmp_path: Path) -> CrisisHelpService:
    service = CrisisHelpService(tmp_path / "folder", environ={})
    service.set_country("IE")
    return service


def _never(_text: str) -> Any:
    raise AssertionError("nothing is opened here")


def _screens(crisis: CrisisHelpService) -> list[QWidget]:
    return [
        UnlockDialog(PassphrasePurpose.UNLOCK, crisis=crisis),
        UnlockDialog(PassphrasePurpose.NEW, crisis=crisis),
        RecoveryUnlockDialog(_never, Reason.PASSPHRASE, crisis=crisis),
        WelcomeDialog(crisis=crisis),
    ]


def _tab_to(qtbot: Any, dialog: QWidget, target: QWidget) -> None:
    for _ in range(50):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the link")


def test_each_screen_before_unlocking_reaches_the_lines_by_keyboard(
    qtbot: Any, ireland: CrisisHelpService
) -> None:
    for screen in _screens(ireland):
        qtbot.addWidget(screen)
        with qtbot.waitExposed(screen):
            screen.show()
        screen.activateWindow()
        qtbot.waitUntil(lambda s=screen: QApplication.activeWindow() is s)
        link: HelpLink = screen.help_link  # type: ignore[attr-defined]
        assert link.accessibleName() == "Need help now?"
        _tab_to(qtbot, screen, link)
        qtbot.keyClick(link, Qt.Key.Key_Space)
        dialog = link.dialog
        assert isinstance(dialog, CrisisLinesDialog)
        assert dialog.isVisible()
        assert dialog.lines.help == help_for("IE")
        numbers = [c.value for line in help_for("IE").lines for c in line.contacts]
        assert [b.value for b in dialog.lines.copy_buttons()][: len(numbers)] == numbers
        # The lines only: no people, nothing of the store.
        assert dialog.findChildren(CrisisPeopleView) == []
        # The screen underneath is still there, as it was.
        assert screen.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert link.dialog is None
        screen.close()


def test_the_link_asks_no_country_it_cannot_read(qtbot: Any) -> None:
    """With no data folder, the locale's country (or the guidance), and no failure."""
    link = HelpLink(None)
    qtbot.addWidget(link)
    dialog = link.show_lines()
    qtbot.addWidget(dialog)
    assert dialog.lines.help.guidance
    assert [label for label in dialog.findChildren(QLabel) if label.text()]


def test_the_unlock_link_works_without_a_store_and_loads_none_of_its_modules(
    tmp_path: Path,
) -> None:
    """In a fresh process: the unlock dialog's link shows the lines, loads nothing of the
    store's (no SQLAlchemy, no keyring) and leaves the data folder as it was."""
    folder = tmp_path / "folder"
    CrisisHelpService(folder, environ={}).set_country("GB")
    code = f"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from supportnet.services.crisis import CrisisHelpService
from supportnet.services.unlocking import PassphrasePurpose
from supportnet.ui.start.unlock_dialog import UnlockDialog
dialog = UnlockDialog(PassphrasePurpose.UNLOCK, crisis=CrisisHelpService(Path({str(folder)!r})))
dialog.show()
before = set(sys.modules)
dialog.help_link.click()
lines = dialog.help_link.dialog
app.processEvents()
print("shown:", lines.isVisible(), [b.value for b in lines.lines.copy_buttons()])
heavy = ("sqlalchemy", "sqlcipher3", "alembic", "keyring", "supportnet.data.store")
print("heavy:", [m for m in heavy if m in sys.modules and not m.startswith("supportnet")])
print("new:", sorted(m for m in set(sys.modules) - before if m.startswith(heavy)))
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=cli_env(QT_QPA_PLATFORM="offscreen"),
        cwd=REPO_ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    gb = help_for("GB")
    first = gb.lines[0].contacts[0].value
    assert f"shown: True ['{first}'" in result.stdout, result.stdout
    assert "heavy: []" in result.stdout, result.stdout
    assert "new: []" in result.stdout, result.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["supportnet-config.json"]


def test_every_control_before_unlocking_has_a_name(qtbot: Any, ireland: CrisisHelpService) -> None:
    for screen in _screens(ireland):
        qtbot.addWidget(screen)
        controls = [
            w
            for w in screen.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(w, QLabel)
        ]
        assert screen.help_link in controls  # type: ignore[attr-defined]
        for control in controls:
            assert control.accessibleName(), control
