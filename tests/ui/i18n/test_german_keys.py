"""The care team's editors keep one control per Alt key in German too (tests/ui/test_alt_keys.py
runs the menus, pages and main dialogs in both languages; these are checked in English beside
their own tests)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from supportnet import i18n
from supportnet.model.plans import PlanKind
from supportnet.ui.language import install_language
from supportnet.ui.widgets import dialogs
from tests.ui.care.test_slot_editor import _shown as shown_slot_editor
from tests.ui.care.test_slot_editor import _slots
from tests.ui.care.test_team_editor import PEOPLE, _team
from tests.ui.test_alt_keys import alt_keys, clashes


@pytest.fixture(autouse=True)
def german(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(dialogs, "confirm_discard", lambda *_a: True)
    install_language(qapp, "de")
    yield
    install_language(qapp, i18n.ENGLISH)


def test_the_team_editor(qtbot: Any) -> None:
    from supportnet.ui.care.team_editor import TeamEditorDialog

    dialog: QDialog = TeamEditorDialog(PEOPLE, _team())
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert ("d", "Unterstützen&de") in alt_keys(dialog)  # German, as chosen
    assert clashes(alt_keys(dialog)) == {}


def test_the_slot_editor_of_each_kind(qtbot: Any) -> None:
    dialog = shown_slot_editor(qtbot, copy.deepcopy(_slots()[0]))
    assert ("n", "Wer ihn über&nimmt") in alt_keys(dialog)  # German, as chosen
    for kind in PlanKind:
        dialog.kind_buttons[kind].setChecked(True)
        QApplication.processEvents()
        assert clashes(alt_keys(dialog)) == {}, kind
