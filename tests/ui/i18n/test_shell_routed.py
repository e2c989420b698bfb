"""The shell under the pseudo-locale: its menus, sidebar, Preferences, About box and message
boxes say nothing that bypassed supportnet.i18n, and nothing is clipped when words grow."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from supportnet import i18n
from supportnet.ui.language import install_language
from tests.i18n.harness import clipped, is_routed, untranslated
from tests.ui.shells import gb_crisis, open_shell


@pytest.fixture
def shell(pseudo: None, demo_store: Any, tmp_path: Path, qtbot: Any) -> Iterator[Any]:
    from tests.ui.conftest import NOW

    window = open_shell(demo_store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    QApplication.processEvents()
    yield window
    window.background.wait()
    window.close()


def _menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    yield "menu", menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield "action", action.text()
        yield "tooltip", action.toolTip()
        yield "status tip", action.statusTip()
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_texts(sub)


def _bare(text: str) -> bool:
    """Words not wrapped by the pseudo-locale (numbers and empty texts are no words)."""
    return bool(text.strip()) and any(c.isalpha() for c in text) and not is_routed(text)


def test_every_menu_action_says_translated_words(shell: Any) -> None:
    found = []
    for top in shell.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        found += [(kind, text) for kind, text in _menu_texts(menu) if _bare(text)]
    assert found == []
    # The window's own actions (shortcuts without a menu entry) too.
    own = [a.text() for a in shell.findChildren(QAction) if _bare(a.text())]
    assert own == []


def test_undo_and_redo_name_what_they_do_in_translated_words(shell: Any) -> None:
    from supportnet.model.network import Circle, LifeDomain, Person

    shell._add(Person(name="Ana Example", circle=Circle.INNER, domain=LifeDomain.FAMILY))
    text = shell.undo_action.text()
    assert is_routed(text)
    assert "Ana Example" in text
    shell.undo()
    assert shell.note.text()
    assert is_routed(shell.note.text())


def test_the_sidebar_and_status_bar_are_routed(shell: Any) -> None:
    column = shell.sidebar.parentWidget()
    assert untranslated(column) == []
    assert clipped(column) == []
    assert untranslated(shell.statusBar()) == []
    for row in range(shell.sidebar.count()):
        item = shell.sidebar.item(row)
        assert is_routed(item.text())
        assert is_routed(item.toolTip())


def test_preferences_is_routed(shell: Any, qtbot: Any) -> None:
    from zoneinfo import available_timezones

    from supportnet.safety.crisis_lines import countries

    dialog = shell.open_preferences()
    with qtbot.waitExposed(dialog):
        dialog.show()
    QApplication.processEvents()
    zones = available_timezones()
    names = {c.name for c in countries()}
    # Data: time zone names and the countries' own names (the crisis-lines file's).
    data: Callable[[str], bool] = lambda t: t in zones or t in names  # noqa: E731
    assert untranslated(dialog, lambda t: data(t) or t in QT_WORDS) == []
    assert clipped(dialog) == []
    dialog.reject()


#: Qt's own standard buttons: qtbase's catalog translates them, not ours.
QT_WORDS = {"Save", "Cancel"}


def test_the_about_box_is_routed(pseudo: None, qtbot: Any) -> None:
    from supportnet.ui.widgets import dialogs

    text = dialogs.about_text("0.1.0", "/home/sam/.local/share/SupportNet", "system keyring")
    box = dialogs.make_about_box(None, text)
    _shown(qtbot, box)
    # The version line is the app's name and number; the paths are the person's own.
    data = {"SupportNet 0.1.0", "/home/sam/.local/share/SupportNet", "system keyring"}
    assert untranslated(box, lambda t: t in data) == []
    assert all(is_routed(part) or part in data for part in text.split("\n\n"))
    assert clipped(box) == []
    box.close()


def _shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    return widget


@pytest.fixture
def boxes(pseudo: None, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> list[list[Any]]:
    """Each message box as it would open: what it says bare, and what is clipped."""
    seen: list[list[Any]] = []

    def look(box: QMessageBox) -> int:
        _shown(qtbot, box)
        names = {"Sam", "report.pdf", str(Path("/tmp")), "this plan"}
        found = untranslated(box, lambda t: t in names)
        seen.append([box.windowTitle(), found, clipped(box)])
        box.hide()
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", look)
    return seen


def test_the_shells_message_boxes_are_routed(boxes: list[list[Any]], tmp_path: Path) -> None:
    from supportnet.ui.widgets import dialogs

    dialogs.show_error(None, i18n._("Saved"))
    dialogs.show_done(None, i18n._("Saved"), title=i18n._("Saved"))
    dialogs.confirm_delete(None, "Sam", 2, 37)
    dialogs.confirm_delete(None, "Sam", 1, 0, group=True)
    dialogs.confirm_discard(None, dialogs.unsaved_changes("plan"))
    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"%PDF")
    dialogs.may_replace(None, str(tmp_path / "report"), existing)
    newest = tmp_path / "backup.db"
    dialogs.confirm_fresh_start(None, newest)
    dialogs.offer_recovery_unlock(None, i18n._("Saved"))
    assert len(boxes) == 8
    # Paths are the person's own: the texts that hold them are pseudo around them.
    for title, found, cut in boxes:
        bare = [f for f in found if str(tmp_path) not in f[2]]
        assert (title, bare) == (title, [])
        assert (title, cut) == (title, [])


def test_the_delete_question_reads_as_whole_sentences_in_german(qapp: Any) -> None:
    from supportnet.ui.widgets import dialogs

    install_language(qapp, "de")
    try:
        said = dialogs.delete_question("Sam", 2, 37)
        one = dialogs.delete_question("Walkers", 1, 0, group=True)
        both = dialogs.delete_question("Walkers", 1, 1, group=True)
    finally:
        install_language(qapp, i18n.ENGLISH)
    assert said.startswith("Sam löschen?")
    assert "Gelöscht werden dann auch: 2 Pläne und 37 Check-ins." in said
    # A group's plan isn't "Ihr Plan" (which reads as the formal "your plan").
    assert "Der dazugehörige Plan wird auch gelöscht." in one
    assert "Gelöscht werden dann auch: Plan und Check-in." in both
    assert said.endswith("Du kannst das rückgängig machen.")
