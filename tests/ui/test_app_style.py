"""The app's style at the start: the main window's first frame is drawn before the clear
indicators are in place (they load Qt's QStyle), and looks no different for it; every
dialog the start may show before the window has them first."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from supportnet.data.keys import PassphrasePurpose
from supportnet.ui import app as app_module
from supportnet.ui.start import recovery_unlock, unlock_dialog, welcome
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.style import ClearIndicators, apply_style
from tests.conftest import fresh_python
from tests.ui.conftest import TODAY
from tests.ui.shells import open_shell


@pytest.fixture
def plain_fusion(qapp: QApplication) -> Iterator[QApplication]:
    """Fusion as Qt gives it, as the app's start has it before its first paint."""
    qapp.setStyle("Fusion")
    assert not isinstance(qapp.style(), ClearIndicators)
    yield qapp
    apply_style(qapp)


class _NoKeyNeeded:
    def needs_reminder(self) -> bool:
        return False


def test_the_window_gets_the_whole_style_once_painted_and_looks_the_same(
    qtbot: Any, demo_store: Any, tmp_path: Path, plain_fusion: QApplication
) -> None:
    from datetime import UTC, datetime, time

    shell = open_shell(demo_store, tmp_path, qtbot, datetime.combine(TODAY, time(10), UTC))
    QApplication.processEvents()
    before = shell.grab().toImage()
    app_module.after_first_paint(shell, _NoKeyNeeded(), None)
    assert isinstance(plain_fusion.style(), ClearIndicators)
    QApplication.processEvents()
    after = shell.grab().toImage()
    assert shell.today.cards  # a page with something on it: the comparison can fail
    assert after == before  # Today's first frame draws alike: no flicker when it comes
    shell.close()


def _recorded(plain: QApplication, seen: list[bool]) -> Callable[..., Any]:
    def record(*_args: Any, **_kwargs: Any) -> Any:
        seen.append(isinstance(plain.style(), ClearIndicators))
        return None

    return record


@pytest.mark.parametrize(
    ("module", "name", "call"),
    [
        (dialogs, "show_error", lambda: app_module._show_error("It went wrong.", "Title")),
        (
            dialogs,
            "confirm_fresh_start",
            lambda: app_module._confirm_fresh_start(Path("backup.snbackup")),
        ),
        (dialogs, "offer_recovery_unlock", lambda: app_module._offer_recovery_unlock("Lost.")),
        (
            unlock_dialog,
            "ask_passphrase",
            lambda: app_module._ask_with_dialog(PassphrasePurpose.UNLOCK, "wrong"),
        ),
        (welcome, "ask_start_choice", app_module._ask_start_choice),
        (
            recovery_unlock,
            "recover_with_dialog",
            lambda: app_module._recover_with_dialog(Path("data"), recovery_unlock.Reason.KEYRING),
        ),
    ],
)
def test_a_dialog_before_the_window_gets_the_whole_style_first(
    monkeypatch: pytest.MonkeyPatch,
    plain_fusion: QApplication,
    module: Any,
    name: str,
    call: Callable[[], Any],
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(module, name, _recorded(plain_fusion, seen))
    call()
    assert seen == [True]


def test_the_app_is_made_without_loading_the_style() -> None:
    result = fresh_python(
        "import PySide6.QtWidgets as widgets\n"
        "from supportnet.ui.app import _application\n"
        "app = _application([])\n"
        "style = ('QStyle', 'QProxyStyle', 'QStyleOption')\n"
        "print(sorted(k for k in vars(widgets) if k in style))\n"
        "from supportnet.ui.widgets.style import use_clear_indicators, ClearIndicators\n"
        "use_clear_indicators()\n"
        "print(isinstance(app.style(), ClearIndicators))",
        QT_QPA_PLATFORM="offscreen",
    )
    assert result.returncode == 0, result.stderr
    made, styled = result.stdout.splitlines()[-2:]
    assert ast.literal_eval(made) == []
    assert styled == "True"  # and later it is there
