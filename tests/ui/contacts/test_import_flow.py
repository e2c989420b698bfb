"""File ▸ Import contacts… end to end: files read on the worker, the preview, one undo step;
the welcome window's third way and the empty pages' offer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from supportnet.model.network import ChannelKind, Circle, ContactChannel, Person
from supportnet.ui import app as app_module
from supportnet.ui.contacts.words import Choice
from supportnet.ui.shell import contacts_actions
from supportnet.ui.shell.sidebar import Page
from supportnet.ui.start.welcome import CONTACTS_TITLE, StartChoice, WelcomeDialog
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import NOW, TODAY, ZONE
from tests.ui.shells import open_shell

FILES = Path(__file__).parents[2] / "services" / "contacts_files"


def _snapshot(store: Any) -> list[tuple[Any, ...]]:
    people = store.people.list_all()
    groups = store.groups.list_all()
    return sorted(
        (p.uid, p.name, p.nickname, p.notes, tuple(p.channels), tuple(p.tags)) for p in people
    ) + sorted((g.uid, g.name, g.notes) for g in groups)


def _preview(qtbot: Any, shell: Any, *names: str) -> Any:
    assert shell.import_contacts([FILES / n for n in names])
    # Said at once, before the worker has read a line: the window is not waiting.
    assert shell.note.text() == contacts_actions.READING_NOTE
    qtbot.waitUntil(lambda: shell.contacts_dialog is not None)
    return shell.contacts_dialog


def _imported(qtbot: Any, shell: Any, dialog: Any) -> None:
    with qtbot.waitSignal(shell.signals.people_changed):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not shell.background.busy)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The windows the contacts file chooser was asked over; it answers "cancelled"."""
    parents: list[Any] = []

    def ask(parent: Any) -> list[Path]:
        parents.append(parent)
        return []

    monkeypatch.setattr(contacts_actions, "ask_contacts_files", ask)
    return parents


def test_import_then_undo_leaves_the_store_as_it_was(
    qtbot: Any, store: Any, tmp_path: Path
) -> None:
    store.people.add(
        Person(
            name="Ada Okafor",
            circle=Circle.INNER,
            channels=[ContactChannel(ChannelKind.TEXT, "+44 7700 900123")],
        )
    )
    jurgen = store.people.add(Person(name="Jürgen Müller", notes="From the choir."))
    before = _snapshot(store)
    shell = open_shell(store, tmp_path, qtbot, NOW)
    dialog = _preview(qtbot, shell, "android21.vcf", "iphone30.vcf", "one_bad.vcf")
    rows = dialog.rows
    alike = next(n for n, r in enumerate(rows) if r.alike_id == jurgen.id)
    dialog.model.set_choice([alike], Choice.MERGE)
    farid = next(n for n, r in enumerate(rows) if r.contact.title == "Dr Farid Rahimi")
    dialog.model.set_circle([farid], Circle.MIDDLE)
    new = sum(1 for r in rows if r.include and r.merge_into is None)
    _imported(qtbot, shell, dialog)
    assert shell.contacts_dialog is None
    assert store.people.count() + store.groups.count() == 2 + new
    merged = store.people.get(jurgen.id)
    assert merged.channels  # the card's numbers, merged into the Jürgen who had none
    assert merged.notes.startswith("From the choir.")
    names = {p.name: p for p in store.people.list_all()}
    assert names["Dr Farid Rahimi"].circle is Circle.MIDDLE
    assert shell.undo_action.text().startswith("&Undo import of")
    shell.undo()
    assert _snapshot(store) == before
    shell.redo()
    assert store.people.count() + store.groups.count() == 2 + new
    shell.undo()
    assert _snapshot(store) == before
    shell.close()


def test_the_result_is_said_in_plain_words(qtbot: Any, store: Any, tmp_path: Path) -> None:
    store.people.add(
        Person(name="Someone", channels=[ContactChannel(ChannelKind.CALL, "07700 900777")])
    )
    shell = open_shell(store, tmp_path, qtbot, NOW)
    dialog = _preview(qtbot, shell, "google.csv")
    _imported(qtbot, shell, dialog)
    assert shell.note.text() == (
        "Added 1 person and 1 group. 1 was already in your network. 1 row couldn't be read."
    )
    shell.close()


def test_file_menu_asks_for_files_and_a_cancel_does_nothing(
    qtbot: Any, store: Any, tmp_path: Path, asked: list[Any]
) -> None:
    shell = open_shell(store, tmp_path, qtbot, NOW)
    file_menu = shell.menuBar().actions()[0].menu()
    assert shell.import_contacts_action in file_menu.actions()
    assert shell.import_contacts_action.text() == "&Import contacts…"
    shell.import_contacts_action.trigger()
    assert asked == [shell]
    assert shell.contacts_dialog is None
    assert not shell.background.busy
    shell.close()


def test_a_file_that_cannot_be_opened_is_one_calm_message(
    qtbot: Any, store: Any, tmp_path: Path, errors: list[str]
) -> None:
    shell = open_shell(store, tmp_path, qtbot, NOW)
    assert shell.import_contacts([tmp_path / "gone.vcf"])
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == ["gone.vcf could not be read (No such file or directory)."]
    assert shell.contacts_dialog is None
    assert store.is_empty()
    shell.close()


def test_files_without_a_single_contact_say_so_and_open_no_preview(
    qtbot: Any, store: Any, tmp_path: Path, errors: list[str]
) -> None:
    empty = tmp_path / "notes.csv"
    empty.write_text("Title,Body\nShopping,milk\n", encoding="utf-8")
    shell = open_shell(store, tmp_path, qtbot, NOW)
    assert shell.import_contacts([empty])
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == ["No contacts were found in notes.csv."]
    assert shell.contacts_dialog is None
    shell.close()


def test_a_cancelled_preview_changes_nothing(qtbot: Any, store: Any, tmp_path: Path) -> None:
    shell = open_shell(store, tmp_path, qtbot, NOW)
    dialog = _preview(qtbot, shell, "google.csv")
    dialog.cancel.click()
    assert shell.contacts_dialog is None
    assert store.is_empty()
    assert not shell.undo_action.isEnabled()
    shell.close()


def test_the_empty_people_and_network_pages_offer_contacts(
    qtbot: Any, store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contacts_actions, "ask_contacts_files", lambda _p: [FILES / "google.csv"])
    shell = open_shell(store, tmp_path, qtbot, NOW)
    shell.show_page(Page.PEOPLE)
    people = shell.people.view
    assert people.people_list.showing_message
    assert people.import_button.isVisible()
    assert people.import_button.accessibleName() == "Bring in people from your contacts"
    qtbot.mouseClick(people.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.contacts_dialog is not None)
    _imported(qtbot, shell, shell.contacts_dialog)
    qtbot.waitUntil(lambda: not people.people_list.showing_message)
    assert not people.import_button.isVisible()
    shell.undo()
    qtbot.waitUntil(lambda: people.people_list.showing_message)
    assert people.import_button.isVisible()

    shell.show_page(Page.NETWORK)
    network = shell.network.view
    assert network.import_button.isVisible()
    qtbot.mouseClick(network.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.contacts_dialog is not None)
    shell.contacts_dialog.reject()
    shell.close()


def test_welcome_offers_contacts_as_a_third_way(qtbot: Any) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.contacts_button.accessibleName() == CONTACTS_TITLE
    assert dialog.contacts_button.accessibleDescription()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.contacts_button, Qt.Key.Key_Space)
    assert dialog.choice is StartChoice.CONTACTS


class _FakeAsk:
    def __call__(self, _purpose: Any, _message: str | None) -> str:
        return TEST_PASSPHRASE


class _NoKeyNeeded:
    def needs_reminder(self) -> bool:
        return False


def test_the_third_way_opens_the_preview_into_the_new_store(
    qtbot: Any, data_dir: Path, no_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        contacts_actions, "ask_contacts_files", lambda _p: [FILES / "outlook_utf8.csv"]
    )
    launched = app_module.launch(
        data_dir,
        ask=_FakeAsk(),
        choose=lambda: StartChoice.CONTACTS,
        keyring_backend=no_keyring,
        today=TODAY,
        zone=ZONE,
    )
    window, store = launched.window, launched.store
    assert window is not None
    assert store is not None
    qtbot.addWidget(window)
    try:
        assert launched.choice is StartChoice.CONTACTS
        assert store.is_empty()  # no example network
        assert store.settings.load().onboarded
        window.show()
        app_module.after_first_paint(window, _NoKeyNeeded(), launched.choice)
        qtbot.waitUntil(lambda: window.contacts_dialog is not None)
        _imported(qtbot, window, window.contacts_dialog)
        assert {p.name for p in store.people.list_all()} >= {"Grace Hopper", "Linus Torvalds"}
        window.close()
    finally:
        window.background.wait()
        store.close()


def test_other_first_choices_open_no_file_chooser(
    qtbot: Any, store: Any, tmp_path: Path, asked: list[Any]
) -> None:
    shell = open_shell(store, tmp_path, qtbot, NOW)
    for choice in (StartChoice.EMPTY, StartChoice.EXAMPLE, None):
        app_module.after_first_paint(shell, _NoKeyNeeded(), choice)
    assert asked == []
    app_module.after_first_paint(shell, _NoKeyNeeded(), StartChoice.CONTACTS)
    assert asked == [shell]
    shell.close()


def test_the_file_chooser_waits_for_the_recovery_key_window(
    qtbot: Any, store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[Any]
) -> None:
    from PySide6.QtWidgets import QDialog

    shell = open_shell(store, tmp_path, qtbot, NOW)
    key_window = QDialog(shell)
    monkeypatch.setattr(app_module, "offer_recovery_key", lambda _w, _k: key_window)
    app_module.after_first_paint(shell, object(), StartChoice.CONTACTS)
    assert asked == []  # never two windows at once
    key_window.done(0)
    assert asked == [shell]
    shell.close()
