"""The panel's contents: the country's lines, the people closest first, Copy, changing
the country, guidance for a country SupportNet doesn't carry, names for screen readers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Person,
    SupportType,
)
from supportnet.safety.crisis_lines import FALLBACK_GUIDANCE, countries, help_for
from supportnet.services import Services
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui.hard_day.lines import SOMEWHERE_ELSE, SOMEWHERE_ELSE_CODE
from supportnet.ui.hard_day.panel import CrisisLinesDialog, HardDayPanel
from supportnet.ui.hard_day.people import HARD_DAY_IDEA, MAX_SHOWN, NOBODY, hard_day_idea
from supportnet.ui.shell.main_window import MainWindow


def _crisis_people(store: Any) -> None:
    call = ChannelKind.CALL
    for name, circle, crisis, channels in (
        ("Zoe Outer", Circle.OUTER, True, []),
        ("Ana Middle", Circle.MIDDLE, True, [ContactChannel(call, "07700 900111", True)]),
        ("Yusuf Inner", Circle.INNER, True, [ContactChannel(call, "07700 900222", True)]),
        ("Bea Inner", Circle.INNER, True, []),
        ("Not For Crisis", Circle.INNER, False, [ContactChannel(call, "07700 900333")]),
    ):
        types = {SupportType.CRISIS} if crisis else {SupportType.EMOTIONAL}
        store.people.add(Person(name, circle=circle, support_types=types, channels=channels))


def _texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def _copied(button: Any) -> str:
    QGuiApplication.clipboard().clear()
    button.click()
    return QGuiApplication.clipboard().text()


def test_the_panel_lists_the_countrys_lines_in_large_type(
    store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    panel = window.open_hard_day()
    expected = help_for("GB")
    assert expected.known
    assert expected.lines
    assert panel.lines.help == expected
    assert panel.lines.country_combo.currentText() == expected.name
    texts = _texts(panel)
    numbers = [c.value for line in expected.lines for c in line.contacts]
    for line in expected.lines:
        assert line.name in texts
    number_label = next(
        label for label in panel.lines.findChildren(QLabel) if label.text() == numbers[0]
    )
    # Larger than the palette's font, which the rest of the panel uses.
    assert number_label.font().pointSizeF() >= 1.5 * panel.font().pointSizeF()
    assert [b.value for b in panel.lines.copy_buttons()] == [
        *numbers,
        *expected.emergency_numbers,
    ]


def test_each_emergency_number_has_its_own_copy_of_only_what_is_dialled(
    qtbot: Any, tmp_path: Path
) -> None:
    crisis = CrisisHelpService(tmp_path, environ={})
    crisis.set_country("IE")  # "112 or 999"
    panel = HardDayPanel(crisis, [], HARD_DAY_IDEA)
    qtbot.addWidget(panel)
    panel.show()
    assert "In an emergency, call" in _texts(panel.lines)
    assert "112 or 999" in _texts(panel.lines)
    emergency = [b for b in panel.lines.copy_buttons() if b.value in ("112", "999")]
    assert [b.accessibleName() for b in emergency] == ["Copy 112", "Copy 999"]
    # Two buttons side by side each say which number they copy.
    assert [b.text() for b in emergency] == ["Copy 112", "Copy 999"]
    assert [_copied(b) for b in emergency] == ["112", "999"]
    assert not any(" or " in b.value for b in panel.lines.copy_buttons())


def test_a_note_beside_an_emergency_number_is_never_copied(qtbot: Any, tmp_path: Path) -> None:
    crisis = CrisisHelpService(tmp_path, environ={})
    crisis.set_country("ZA")
    panel = HardDayPanel(crisis, [], HARD_DAY_IDEA)
    qtbot.addWidget(panel)
    panel.show()
    za = help_for("ZA")
    assert za.emergency_note == "police"
    texts = _texts(panel.lines)
    assert " or ".join(za.emergency_numbers) in texts
    assert f"({za.emergency_note})" in texts  # said, quietly, beside the number
    values = [b.value for b in panel.lines.copy_buttons()]
    assert values[-len(help_for("ZA").emergency_numbers) :] == list(
        help_for("ZA").emergency_numbers
    )
    assert all(value.replace(" ", "").isdigit() for value in values)


def test_contacts_are_worded_as_everywhere_else(qtbot: Any, tmp_path: Path) -> None:
    from supportnet.safety.crisis_lines import contact_text, contact_verb
    from supportnet.ui.hard_day import lines

    assert not hasattr(lines, "KIND_TEXT")  # one wording, in safety/crisis_lines.py
    crisis = CrisisHelpService(tmp_path, environ={})
    crisis.set_country("US")
    panel = HardDayPanel(crisis, [], HARD_DAY_IDEA)
    qtbot.addWidget(panel)
    panel.show()
    texts = _texts(panel.lines)
    names = [label.accessibleName() for label in panel.lines.findChildren(QLabel)]
    for line in help_for("US").lines:
        for contact in line.contacts:
            assert contact_verb(contact) in texts
            assert contact_text(contact).startswith(contact_verb(contact))
            assert f"{contact_verb(contact)} {contact.value}" in names


def test_the_people_okay_to_contact_in_a_crisis_come_inner_circle_first(
    store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    _crisis_people(store)
    window = make_window(store)
    panel = window.open_hard_day()
    assert panel.people.names == ["Bea Inner", "Yusuf Inner", "Ana Middle", "Zoe Outer"]
    texts = _texts(panel.people)
    assert any("07700 900222" in text for text in texts)
    assert "Inner circle" in texts
    assert not any("Not For Crisis" in text for text in texts)


def test_copy_puts_the_number_on_the_clipboard_and_says_so_quietly(
    store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    _crisis_people(store)
    window = make_window(store)
    panel = window.open_hard_day()
    first = panel.lines.copy_buttons()[0]
    assert _copied(first) == help_for("GB").lines[0].contacts[0].value
    assert panel.note.text().startswith("Copied")
    assert "!" not in panel.note.text()
    # A person's number, without the "Phone call:" in front.
    buttons = [b for b in panel.people.findChildren(type(first)) if "Yusuf" in b.accessibleName()]
    assert [_copied(b) for b in buttons] == ["07700 900222"]
    # The message idea: the library's own "hard day" one.
    idea = _copied(panel.people.idea_button)
    assert "hard day" in idea.lower()
    assert idea in [i.text for i in Services.of(store).ideas.list_all()]


def test_the_message_idea_is_the_persons_own_wording_when_they_have_one() -> None:
    assert hard_day_idea(["Thinking of you", "Rough HARD DAY here, call me?"]) == (
        "Rough HARD DAY here, call me?"
    )
    assert hard_day_idea(["Thinking of you"]) == HARD_DAY_IDEA


def test_changing_the_country_saves_it_and_shows_its_lines(
    qtbot: Any, store: Any, data_dir: Path, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    panel = window.open_hard_day()
    combo = panel.lines.country_combo
    combo.setFocus()
    with qtbot.waitSignal(panel.lines.country_changed):
        # As the keyboard does it: Alt+Down opens the list; here, the next country down.
        index = combo.findData("US")
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    assert CrisisHelpService(data_dir, environ={}).saved_country() == "US"
    assert panel.lines.help.code == "US"
    first_us = help_for("US").lines[0].contacts[0].value
    assert panel.lines.copy_buttons()[0].value == first_us
    assert help_for("GB").lines[0].name not in _texts(panel.lines)
    # The next panel opens on the new country.
    panel.close()
    assert window.open_hard_day().lines.help.code == "US"


def test_somewhere_else_shows_the_guidance_never_an_empty_panel(
    qtbot: Any, store: Any, data_dir: Path, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    panel = window.open_hard_day()
    combo = panel.lines.country_combo
    index = combo.findText(SOMEWHERE_ELSE)
    assert index == combo.count() - 1
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert CrisisHelpService(data_dir, environ={}).saved_country() == SOMEWHERE_ELSE_CODE
    assert FALLBACK_GUIDANCE in _texts(panel.lines)
    assert panel.lines.copy_buttons() == []
    # The placeholder code is no country: it is never shown or read out.
    for label in panel.findChildren(QLabel):
        assert SOMEWHERE_ELSE_CODE not in label.text()
        assert SOMEWHERE_ELSE_CODE not in label.accessibleName()


def test_a_country_not_in_the_file_shows_the_guidance(qtbot: Any, tmp_path: Path) -> None:
    assert "AQ" not in {c.code for c in countries()}
    crisis = CrisisHelpService(tmp_path, environ={})
    crisis.set_country("AQ")
    panel = HardDayPanel(crisis, [], HARD_DAY_IDEA)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.lines.help.known is False
    assert panel.lines.country_combo.currentText() == SOMEWHERE_ELSE
    texts = _texts(panel)
    assert FALLBACK_GUIDANCE in texts
    assert NOBODY in texts


def test_a_long_list_of_people_is_cut_short_closest_first(qtbot: Any, tmp_path: Path) -> None:
    from supportnet.services.safety_plan import CrisisContact

    people = [
        CrisisContact(i, f"u{i}", f"Person {i:02}", Circle.INNER, "") for i in range(MAX_SHOWN + 5)
    ]
    panel = HardDayPanel(CrisisHelpService(tmp_path, environ={}), people, HARD_DAY_IDEA)
    qtbot.addWidget(panel)
    assert panel.people.names == [p.name for p in people[:MAX_SHOWN]]
    assert any(text.startswith("5 more people") for text in _texts(panel.people))


def _controls(widget: QWidget) -> list[QWidget]:
    return [
        w
        for w in widget.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(w, QLabel)
    ]


def test_every_control_has_a_name_and_nothing_asks_how_they_feel(
    store: Any, make_window: Callable[[Any], MainWindow], tmp_path: Path
) -> None:
    _crisis_people(store)
    window = make_window(store)
    panel = window.open_hard_day()
    gb = CrisisHelpService(tmp_path, environ={})
    gb.set_country("GB")
    lines_only = CrisisLinesDialog(gb)
    for dialog in (panel, lines_only):
        controls = _controls(dialog)
        assert len(controls) >= 4
        for control in controls:
            assert control.accessibleName(), control
        assert dialog.accessibleName()
        # Nothing to rate, type or explain.
        for kind in (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSlider, QAbstractSpinBox):
            assert [w for w in dialog.findChildren(kind) if w.isVisibleTo(dialog)] == [], kind
        for text in _texts(dialog):
            assert "!" not in text
    lines_only.deleteLater()


def test_esc_closes_the_panel(qtbot: Any, store: Any, make_window: Any) -> None:
    window = make_window(store)
    panel = window.open_hard_day()
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.isVisible()


def test_the_keyboard_alone_copies_a_number(
    qtbot: Any, store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    panel = window.open_hard_day()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    first = panel.lines.copy_buttons()[0]
    # The panel opens on the first number's Copy: Enter copies it, nothing else happens.
    qtbot.waitUntil(first.hasFocus)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == first.value
    assert panel.isVisible()
    # Tab moves on to the next Copy, and Space copies that one.
    second = panel.lines.copy_buttons()[1]
    for _ in range(20):
        if second.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(second, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == second.value


def test_quitting_the_window_closes_the_panel_with_it(
    store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    panel = window.open_hard_day()
    assert panel.isVisible()
    window.quit_app()
    assert not panel.isVisible()
    assert window.hard_day.panel is None
