"""Today's, the Network's and Help's dialogs under the pseudo-locale: every word they show is
routed through supportnet.i18n, and nothing is clipped when the words grow by a third.

The pages themselves still show some words the domain makes (a suggestion's reason, a
channel's label, a chart's title): those are listed here, by name, until the domain's own
strings are routed; everything else on the pages must be wrapped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from supportnet import i18n
from tests.i18n.harness import clipped, is_routed, untranslated
from tests.ui.i18n.user_data import judged, locale_words
from tests.ui.shells import gb_crisis, open_shell


@pytest.fixture
def shell(pseudo: None, demo_store: Any, tmp_path: Path, qtbot: Any) -> Iterator[Any]:
    from tests.ui.conftest import NOW

    window = open_shell(demo_store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    yield window
    window.background.wait()
    window.close()


def _names(store: Any) -> set[str]:
    """The example network's own words: names, plan titles, message ideas (data)."""
    said: set[str] = set()
    for person in store.people.list_all():
        said |= {person.name, person.display_name}
    for group in store.groups.list_all():
        said.add(group.name)
    for team in store.care_teams.list():
        said.add(team.name)
    for plan in store.plans.list_all():
        said |= {plan.title, plan.message_idea.strip()}
    for idea in store.ideas.list_all():
        said.add(idea.text)
    return {s for s in said if s}


def _data(store: Any, *also: str) -> Callable[[str], bool]:
    names = _names(store) | set(also)
    return lambda text: text in names


def _shown(dialog: Any) -> Any:
    dialog.show()
    QApplication.processEvents()
    return dialog


def _check(dialog: Any, data: Callable[[str], bool]) -> None:
    try:
        assert untranslated(dialog, data) == []
        assert clipped(dialog) == []
    finally:
        dialog.reject()
        QApplication.processEvents()


def test_we_were_in_touch_is_routed(shell: Any, demo_store: Any) -> None:
    card = shell.today.cards[0]
    dialog = _shown(shell.today.done(card.suggestion))
    # Known gap, the domain's: the channels' and moods' labels (model/network, checkins).
    _check(dialog, lambda t: _data(demo_store)(t) or _locale_word(t))


def test_log_a_check_in_with_anyone_is_routed(shell: Any, demo_store: Any) -> None:
    dialog = _shown(shell.today.log_checkin())
    names = {label for _key, label in dialog._choices}
    _check(dialog, lambda t: t in names or _data(demo_store)(t) or _locale_word(t))


def test_another_day_is_routed(shell: Any, demo_store: Any) -> None:
    card = shell.today.cards[0]
    dialog = _shown(shell.today.another_day(card.suggestion))
    # "tomorrow" is the domain's (scheduling.reaching_out.day_phrase).
    _check(dialog, lambda t: _data(demo_store)(t) or _locale_word(t))


def test_going_easy_is_routed(shell: Any, demo_store: Any) -> None:
    dialog = _shown(shell.today.go_easy())
    # The date field's text is QLocale's (the weekday and month in the language chosen).
    until = dialog.until_edit.text()
    _check(dialog, lambda t: t == until or _data(demo_store)(t) or _locale_word(t))


def test_message_ideas_are_routed(shell: Any, demo_store: Any) -> None:
    dialog = _shown(shell.today.show_ideas())
    _check(dialog, _data(demo_store))


def test_going_easy_line_and_the_copy_confirmation_are_routed(shell: Any) -> None:
    today = shell.today
    today.set_going_easy(today.today + timedelta(days=7))
    banner = today.view.banner
    assert banner.isVisibleTo(today.view)
    assert untranslated(banner, _locale_word) == []
    card = today.cards[0]
    today.copy_idea(card)
    assert is_routed(card.copy_button.text())
    assert is_routed(card.copy_button.accessibleDescription())
    today.set_going_easy(None)


def test_help_dialogs_are_routed(pseudo: None, qtbot: Any) -> None:
    from supportnet.ui.help.getting_started import GettingStartedDialog, PageLine
    from supportnet.ui.help.shortcuts import Group, Row
    from supportnet.ui.help.shortcuts_dialog import ShortcutsDialog
    from supportnet.ui.network.map_keys import MAP_KEYS

    pages = [PageLine(i18n.pseudo("Today"), i18n.pseudo("A few people"), "Ctrl+1")]
    dialog = GettingStartedDialog(
        pages, hard_day=(i18n.pseudo("Hard day?"), "F9", "help"), shortcuts_keys="F1"
    )
    qtbot.addWidget(dialog)
    # The keys are Qt's words for them; "Close" is Qt's standard button.
    _check(_shown(dialog), lambda t: t in ("Ctrl+1", "Close"))

    group = Group(i18n._(MAP_KEYS.heading), [Row(i18n._(k.what), k.text()) for k in MAP_KEYS.keys])
    shortcuts = ShortcutsDialog([group])
    qtbot.addWidget(shortcuts)
    _shown(shortcuts)
    # The keys themselves ("Ctrl+Up") are Qt's words for them, not ours.
    keys = {k.text() for k in MAP_KEYS.keys}
    _check(shortcuts, lambda t: t in keys or t in QT_OWN)


def test_the_map_card_and_legend_are_routed(shell: Any, demo_store: Any) -> None:
    from supportnet.ui.network.map_style import card_lines
    from supportnet.ui.shell.sidebar import Page

    shell.show_page(Page.NETWORK)
    QApplication.processEvents()
    network = shell.network
    assert is_routed(network.view.map.centre_text())
    node = network.nodes[0]
    lines = card_lines(node)
    names = _names(demo_store)
    # The first line is their name; the rest is routed.
    for line in lines[1:]:
        assert is_routed(line, lambda t: t in names) or _routed_or_data(line, names), line


# --- the locale's own words ------------------------------------------------------------------


#: Qt's own words: a standard button's text comes from Qt's translation (qtbase_de), which
#: the pseudo-locale doesn't wrap; the button's accessible name is ours, and routed.
QT_OWN = {"Close"}


def _locale_word(text: str) -> bool:
    """The locale's own words (QLocale's weekday and month names, in the date picker)."""
    return text in locale_words()


def _routed_or_data(text: str, names: set[str]) -> bool:
    """A line of routed words and the user's own (a name, a plan title)."""
    return judged([*names, *locale_words()])(text)
