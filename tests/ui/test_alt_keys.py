"""Every Alt key is one control's own: two visible controls sharing a letter make Alt+letter
cycle between them instead of acting, which a keyboard user can't tell from broken.

Each test runs in English and in German (the German words choose their own letters)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QWidget

from supportnet.model.plans import PlanKind
from supportnet.services import Services
from supportnet.ui.language import install_language
from supportnet.ui.shell.main_window import MainWindow, Page

_KEY = re.compile(r"&([^&])")


def _key(text: str) -> str | None:
    found = _KEY.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def alt_keys(top: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every control on screen in ``top`` with an Alt key: buttons,
    labels with a buddy, group boxes and tabs."""
    found: list[tuple[str | None, str]] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            found.append((_key(widget.text()), widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((_key(widget.title()), widget.title()))
        elif isinstance(widget, QTabBar):
            found += [(_key(widget.tabText(i)), widget.tabText(i)) for i in range(widget.count())]
    return [(key, text) for key, text in found if key is not None]


def clashes(keys: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for key, text in keys:
        by_key.setdefault(key, []).append(text)
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}


def _shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    return widget


@pytest.fixture(autouse=True, params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    """The language chosen before anything is built (as at start); English again after."""
    chosen = install_language(qapp, request.param)
    yield chosen
    install_language(qapp, "en")


@pytest.fixture
def window(qtbot: Any, demo_store: Any, clock: Callable[[], datetime], language: str) -> MainWindow:
    shown = MainWindow(Services.of(demo_store), data_location="/d", key_location="k", clock=clock)
    shown.resize(1280, 800)
    _shown(qtbot, shown)
    return shown


def test_the_checker_finds_a_clash(qtbot: Any) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    box = QWidget()
    layout = QVBoxLayout(box)
    layout.addWidget(QPushButton("&Save"))
    layout.addWidget(QPushButton("&Start"))
    hidden = QPushButton("&Skip")
    layout.addWidget(hidden)
    hidden.hide()
    _shown(qtbot, box)
    assert clashes(alt_keys(box)) == {"s": ["&Save", "&Start"]}


@pytest.mark.parametrize("page", list(Page))
def test_each_page_with_the_menu_bar(window: MainWindow, page: Page) -> None:
    window.show_page(page)
    QApplication.processEvents()
    menus = [(_key(a.text()) or "", a.text()) for a in window.menuBar().actions()]
    assert clashes(alt_keys(window) + menus) == {}


def test_each_menus_items(window: MainWindow) -> None:
    """Alt+F then a letter reaches one File item (and so in every menu)."""
    for top in window.menuBar().actions():
        menu = top.menu()
        assert menu is not None
        items = [(_key(a.text()) or "", a.text()) for a in menu.actions() if a.text()]
        assert clashes(items) == {}, top.text()


def test_the_editors(qtbot: Any, demo_store: Any) -> None:
    from supportnet.ui.people.group_editor import GroupEditor
    from supportnet.ui.people.person_editor import PersonEditor

    person = demo_store.people.list_all()[0]
    group = demo_store.groups.list_all()[0]
    for editor in (
        PersonEditor(person, lambda p: p),
        PersonEditor(None, lambda p: p),
        GroupEditor(group, lambda g: g),
    ):
        assert clashes(alt_keys(_shown(qtbot, editor))) == {}, type(editor).__name__


def test_plans_and_history_and_the_plan_editor_of_each_kind(
    window: MainWindow, demo_store: Any
) -> None:
    person = next(p for p in demo_store.people.list_all() if demo_store.plans.for_person(p.id))
    plans = window.open_plans("person", person.id)
    QApplication.processEvents()
    for tab in range(plans.tabs.count()):
        plans.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert clashes(alt_keys(plans)) == {}, plans.tabs.tabText(tab)
    plans.tabs.setCurrentIndex(0)
    plans.plans.select_uid(demo_store.plans.for_person(person.id)[0].uid)
    editor = plans.plans.edit_selected()
    assert editor is not None
    QApplication.processEvents()
    original = next(kind for kind, button in editor.kind_buttons.items() if button.isChecked())
    for kind in [*PlanKind, original]:  # back where it was, so closing asks nothing
        editor.kind_buttons[kind].setChecked(True)
        QApplication.processEvents()
        assert clashes(alt_keys(editor)) == {}, kind
        editor.more.open()  # and with "More options" open
        assert clashes(alt_keys(editor)) == {}, kind
        editor.more.button.setChecked(False)
    editor.reject()


def test_the_other_dialogs(qtbot: Any, window: MainWindow) -> None:
    from supportnet.data.keys import PassphrasePurpose
    from supportnet.ui.start.unlock_dialog import UnlockDialog
    from supportnet.ui.start.welcome import WelcomeDialog

    dialogs = [
        window.open_preferences(),
        window.open_calendar_export(),
        window.today.log_checkin(),
        window.today.go_easy(),
        window.today.show_ideas(),
        _shown(qtbot, WelcomeDialog()),
        *(_shown(qtbot, UnlockDialog(purpose)) for purpose in PassphrasePurpose),
    ]
    assert window.today.suggestions
    dialogs.append(window.today.another_day(window.today.suggestions[0]))
    QApplication.processEvents()
    for dialog in dialogs:
        buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
        assert buttons, dialog.windowTitle()  # on screen, so the scan sees its controls
        assert clashes(alt_keys(dialog)) == {}, dialog.windowTitle()
        dialog.reject()
