"""Under the pseudo-locale every visible string is wrapped in ``[!! … !!]``: a string that
isn't was never routed through supportnet.i18n. Also: nothing is clipped when the words
grow by a third, as German ones do.

Every page of the example network and every start dialog is checked; what the example's
user typed (names, plan titles, notes) is passed as data (tests/ui/i18n/user_data.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from supportnet.model.network import Circle
from supportnet.services.crisis import CrisisHelpService
from tests.i18n.harness import clipped, translated_twice, untranslated
from tests.ui.i18n.user_data import crisis_words, judged, network_data
from tests.ui.shells import gb_crisis, open_shell


def _crisis_data(code: str) -> Callable[[str], bool]:
    """The crisis-lines file's own text is data (see :func:`crisis_words`)."""
    return judged(crisis_words(code))


def _shown(qtbot: Any, dialog: Any) -> Any:
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    QApplication.processEvents()
    return dialog


def test_the_hard_day_panel_is_fully_routed(pseudo: None, qtbot: Any, tmp_path: Path) -> None:
    from supportnet.model.network import ChannelKind, ContactChannel
    from supportnet.safety.resolve import channel_text
    from supportnet.services.safety_plan import CrisisContact
    from supportnet.ui.hard_day.panel import HardDayPanel
    from supportnet.ui.hard_day.people import hard_day_idea

    # The way to reach them as the service writes it: the channel's label, translated.
    reach = channel_text(ContactChannel(ChannelKind.CALL, "07700 900111"))
    people = [
        CrisisContact(1, "u1", "Ana Example", Circle.INNER, reach),
        CrisisContact(2, "u2", "Bo Example", Circle.MIDDLE, ""),
    ]
    crisis = gb_crisis(tmp_path)
    panel = _shown(qtbot, HardDayPanel(crisis, people, hard_day_idea([])))
    names = {"Ana Example", "Bo Example", "07700 900111 (Ana Example)"}
    data = _crisis_data("GB")
    assert untranslated(panel, lambda t: t in names or data(t)) == []
    assert clipped(panel) == []
    panel.close()


def test_the_crisis_lines_dialog_before_unlocking_is_fully_routed(
    pseudo: None, qtbot: Any, tmp_path: Path
) -> None:
    from supportnet.ui.hard_day.panel import CrisisLinesDialog

    # A country the file doesn't hold: the guidance, translated, is all there is.
    crisis = CrisisHelpService(tmp_path, environ={})
    crisis.set_country("JP")
    dialog = _shown(qtbot, CrisisLinesDialog(crisis))
    assert untranslated(dialog, _crisis_data("GB")) == []
    assert clipped(dialog) == []
    dialog.close()


@pytest.mark.parametrize(
    "page",
    [
        "today",
        "agenda",
        "network",
        "people",
        "safety_plan",
        "care_team",
        "insights",
    ],
)
def test_every_page_is_routed(
    page: str, pseudo: None, demo_store: Any, tmp_path: Path, qtbot: Any
) -> None:
    from supportnet.ui.shell.sidebar import Page
    from tests.ui.conftest import NOW

    shell = open_shell(demo_store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    try:
        shell.show_page(Page(page))
        QApplication.processEvents()
        shown = shell.pages.currentWidget()
        # What the example's user typed (names, plan titles, notes) is data, shown as is;
        # so is the crisis-lines file's text in the Safety plan's crisis box.
        data = judged([*network_data(demo_store), *crisis_words("GB")])
        assert untranslated(shown, data) == []
        assert translated_twice(shown) == []
        # The map's "−" and "+" are as narrow as their glyph wants; Fusion's button size
        # hint asks 80 pixels of any button with text, so the harness would count them.
        assert [c for c in clipped(shown) if c[2] not in ("−", "+")] == []
    finally:
        shell.background.wait()  # Insights draws on the worker: done before the store goes
        shell.close()


def test_the_harness_finds_unwrapped_and_clipped_strings(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from supportnet.ui.hard_day.panel import HardDayPanel

    # In English nothing is wrapped: the harness must see the panel's own words.
    panel = _shown(qtbot, HardDayPanel(gb_crisis(tmp_path), [], "Hello"))
    found = {text for _where, _kind, text in untranslated(panel)}
    assert {"Hard day?", "Help for a hard day", "Close", "Copy"} <= found
    panel.close()

    box = QWidget()
    layout = QVBoxLayout(box)
    narrow = QLabel("A label far too long for the room it was given")
    narrow.setFixedWidth(40)
    button = QPushButton("A button far too long for its width")
    button.setFixedWidth(40)
    layout.addWidget(narrow)
    layout.addWidget(button)
    _shown(qtbot, box)
    assert [kind for _where, kind, _text in clipped(box)] == ["label", "button"]
    box.close()


def test_the_users_data_is_taken_out_and_nothing_else() -> None:
    data = judged(["Ana Example", "x"])
    assert data("Ana Example")
    assert data("[!! Phone call !!]: Ana Example")
    assert not data("Call Ana Example")
    assert not data("x marks")  # one letter is never taken for data


def test_the_harness_finds_a_translation_translated_again(pseudo: None, qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    from supportnet import i18n as words

    label = QLabel(words._(words._("Close")))
    qtbot.addWidget(label)
    assert [kind for _where, kind, _text in translated_twice(label)] == ["label"]
    label.setText(words._("Mark as done: {what}").format(what=words._("Close")))
    assert translated_twice(label) == []


def test_the_harness_reads_what_is_left_beside_a_translated_part(qtbot: Any) -> None:
    """A line holding a routed part and English beside it is not routed; a routed sentence
    with a routed word inside, or with the user's data beside it, is."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from supportnet.i18n import CLOSE, OPEN

    def routed(text: str) -> str:
        return f"{OPEN}{text}{CLOSE}"

    box = QWidget()
    layout = QVBoxLayout(box)
    for text in (
        f"{routed('Phone call')}: leftover English",
        f"{routed('Mark as done: ' + routed('Close'))}",
        f"<b>{routed('Phone call')}</b>: Ana Example",
    ):
        layout.addWidget(QLabel(text))
    qtbot.addWidget(box)
    found = [text for _where, _kind, text in untranslated(box, judged(["Ana Example"]))]
    assert found == [f"{routed('Phone call')}: leftover English"]
