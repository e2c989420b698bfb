"""The contacts preview: its rows and notes, ticks, circles, and the choice for look-alikes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from supportnet.model.network import ChannelKind, Circle, ContactChannel, Person
from supportnet.services.contacts_import import ContactsImport, PreviewRow, Status
from supportnet.ui.contacts.preview import NOTHING_TICKED, ContactsPreviewDialog
from supportnet.ui.contacts.rows import ContactRowsModel
from supportnet.ui.contacts.words import Choice, choice_of

FILES = Path(__file__).parents[2] / "services" / "contacts_files"
COL = ContactRowsModel


def _known(store: Any) -> Person:
    """Ada (same number as in the files) and Jürgen (same name only); Jürgen returned."""
    store.people.add(
        Person(
            name="Ada Okafor",
            circle=Circle.INNER,
            channels=[ContactChannel(ChannelKind.TEXT, "+44 7700 900123")],
        )
    )
    saved: Person = store.people.add(Person(name="Jürgen Müller", notes="From the choir."))
    return saved


def _dialog(qtbot: Any, store: Any, *names: str) -> ContactsPreviewDialog:
    previews = ContactsImport(store, region="GB").preview([FILES / n for n in names])
    dialog = ContactsPreviewDialog(previews)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _text(dialog: ContactsPreviewDialog, row: int, column: int) -> str:
    return str(dialog.proxy.index(row, column).data())


def _number(dialog: ContactsPreviewDialog, name: str) -> int:
    return next(i for i, r in enumerate(dialog.rows) if r.contact.title == name)


def _row(dialog: ContactsPreviewDialog, name: str) -> PreviewRow:
    return dialog.rows[_number(dialog, name)]


def _select(dialog: ContactsPreviewDialog, *names: str) -> None:
    dialog.table.clearSelection()
    for name in names:
        shown = dialog.proxy.mapFromSource(dialog.model.index(_number(dialog, name), 0))
        dialog.table.selectionModel().select(
            shown,
            dialog.table.selectionModel().SelectionFlag.Select
            | dialog.table.selectionModel().SelectionFlag.Rows,
        )


def test_every_contact_is_a_row_with_what_comes_in_and_any_note(qtbot: Any, store: Any) -> None:
    _known(store)
    dialog = _dialog(qtbot, store, "android21.vcf", "google.csv", "one_bad.vcf")
    names = [_text(dialog, i, COL.COL_NAME) for i in range(dialog.proxy.rowCount())]
    assert names[:2] == ["Jürgen Müller", "Ada Okafor"]
    assert "Tom Berg" in names
    tom = names.index("Tom Berg")
    assert _text(dialog, tom, COL.COL_WHAT) == "a phone number, birthday 2 November 1979"
    assert _text(dialog, tom, COL.COL_CIRCLE) == "Outer"
    assert _text(dialog, tom, COL.COL_NOTE) == ""
    assert _text(dialog, 1, COL.COL_NOTE) == "Already in your network as Ada Okafor"
    assert _text(dialog, 0, COL.COL_NOTE) == (
        "Looks like Jürgen Müller, whom you have: left out for now"
    )
    # Already there and look-alikes wait unticked; the new are ticked.
    ticks = {
        _text(dialog, i, COL.COL_NAME): dialog.proxy.index(i, 0).data(
            Qt.ItemDataRole.CheckStateRole
        )
        for i in range(dialog.proxy.rowCount())
    }
    assert ticks["Jürgen Müller"] == Qt.CheckState.Unchecked
    assert ticks["Tom Berg"] == Qt.CheckState.Checked
    assert dialog.summary_label.text() == (
        f"{len(names)} contacts in 3 files. 2 are already in your network; "
        "1 looks like someone you have."
    )
    # The cards that couldn't be read are said calmly, with where and why one click away.
    assert dialog.unreadable_label.text() == (
        "3 contacts couldn't be read. The rest are listed below."
    )
    assert not dialog.details.is_open()
    assert "one_bad.vcf, card 2" in dialog.details_label.text()


def test_a_preview_with_everything_readable_says_nothing_about_unreadable(
    qtbot: Any, store: Any
) -> None:
    dialog = _dialog(qtbot, store, "iphone30.vcf")
    assert dialog.unreadable_label.isHidden()
    assert dialog.details.isHidden()
    farid = _row(dialog, "Dr Farid Rahimi")
    what = dialog.model.index(_number(dialog, "Dr Farid Rahimi"), COL.COL_WHAT)
    assert what.data() == (
        "2 phone numbers, an email, a nickname, birthday 3 April, a note, 2 labels"
    )
    assert "Not kept: the labels" in what.data(Qt.ItemDataRole.ToolTipRole)
    assert farid.include


def test_ticking_by_click_and_space_counts_for_import(qtbot: Any, store: Any) -> None:
    dialog = _dialog(qtbot, store, "google.csv")
    count = len([r for r in dialog.rows if r.include])
    assert dialog.import_button.text() == f"&Import {count} contacts"
    dialog.none_button.click()
    assert not any(r.include for r in dialog.rows)
    assert not dialog.import_button.isEnabled()
    assert dialog.import_button.toolTip() == NOTHING_TICKED
    _select(dialog, "Tom Berg")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert _row(dialog, "Tom Berg").include
    assert dialog.import_button.text() == "&Import 1 contact"
    assert dialog.count_label.text() == "1 contact ticked to bring in."
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert not _row(dialog, "Tom Berg").include
    # A click on the check box ticks it too (through the model, as the view does).
    index = dialog.proxy.index(0, COL.COL_NAME)
    assert dialog.proxy.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.rows[0].include
    dialog.all_button.click()
    assert all(r.include for r in dialog.rows)


def test_select_all_leaves_those_already_there_and_look_alikes(qtbot: Any, store: Any) -> None:
    _known(store)
    dialog = _dialog(qtbot, store, "android21.vcf", "google.csv")
    dialog.none_button.click()
    dialog.all_button.click()
    assert {r.status for r in dialog.rows if r.include} == {Status.NEW}
    assert not any(r.include for r in dialog.rows if r.status is not Status.NEW)


def test_the_search_box_narrows_the_list_and_select_none_acts_on_what_is_shown(
    qtbot: Any, store: Any
) -> None:
    dialog = _dialog(qtbot, store, "google.csv", "outlook_utf8.csv")
    qtbot.keyClicks(dialog.search_field, "hopper")
    assert dialog.proxy.rowCount() == 1
    assert _text(dialog, 0, COL.COL_NAME) == "Grace Hopper"
    dialog.none_button.click()
    assert not _row(dialog, "Grace Hopper").include
    assert _row(dialog, "Tom Berg").include  # not shown, not changed
    dialog.search_field.clear()
    assert dialog.proxy.rowCount() == len(dialog.rows)


def test_a_circle_is_chosen_for_the_selected_rows_by_keyboard(qtbot: Any, store: Any) -> None:
    dialog = _dialog(qtbot, store, "google.csv")
    _select(dialog, "Tom Berg", "Ada Okafor")
    assert dialog.selected_label.text() == "2 selected:"
    combo = dialog.circle_combo
    assert combo.currentText() == "Outer circle"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # Outer → Middle, as a person would
    assert _row(dialog, "Tom Berg").item.circle is Circle.MIDDLE
    assert _row(dialog, "Ada Okafor").item.circle is Circle.MIDDLE
    tom = dialog.model.index(_number(dialog, "Tom Berg"), COL.COL_CIRCLE)
    assert tom.data() == "Middle"
    # A selection whose circles differ says so rather than showing one of them.
    rows = [r for r in dialog.rows if r.contact.title not in ("Tom Berg", "Ada Okafor")]
    _select(dialog, "Tom Berg", rows[0].contact.title)
    assert combo.currentText() == "Several"


def test_a_look_alike_is_left_out_added_or_merged_as_chosen(qtbot: Any, store: Any) -> None:
    jurgen = _known(store)
    dialog = _dialog(qtbot, store, "android21.vcf", "google.csv")
    row = _row(dialog, "Jürgen Müller")
    assert choice_of(row) is Choice.SKIP
    _select(dialog, "Tom Berg")
    assert not dialog.choice_combo.isEnabled()  # Tom looks like no one
    _select(dialog, "Jürgen Müller")
    combo = dialog.choice_combo
    assert combo.isEnabled()
    assert combo.currentText() == "Leave out"
    merge_at = combo.findData(Choice.MERGE)
    assert combo.itemText(merge_at) == "Merge into Jürgen Müller"
    combo.setCurrentIndex(merge_at)
    combo.activated.emit(merge_at)
    assert (row.include, row.merge_into) == (True, jurgen.id)
    number = _number(dialog, "Jürgen Müller")
    assert dialog.model.index(number, COL.COL_NOTE).data().endswith("merged into Jürgen Müller")
    # A tick keeps the merge; Space (untick) leaves them out again.
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert choice_of(row) is Choice.SKIP
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert choice_of(row) is Choice.ADD
    assert dialog.model.index(number, COL.COL_NOTE).data().endswith("added as someone new")


@pytest.mark.parametrize("status", [Status.UNUSABLE])
def test_a_contact_that_cannot_come_in_has_no_tick(qtbot: Any, status: Status) -> None:
    from supportnet.model.imported_contacts import ImportedContact
    from supportnet.services.contacts_import import FilePreview, item_of

    contact = ImportedContact(name="x" * 5)
    row = PreviewRow("a.vcf", contact, item_of(contact), status, note="It has no name.")
    dialog = ContactsPreviewDialog([FilePreview(Path("a.vcf"), [row])])
    qtbot.addWidget(dialog)
    index = dialog.model.index(0, COL.COL_NAME)
    assert index.data(Qt.ItemDataRole.CheckStateRole) is None
    assert not index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.model.index(0, COL.COL_NOTE).data() == "Can't be brought in: It has no name."
    dialog.all_button.click()
    assert not row.include


def test_every_alt_key_of_the_preview_is_its_own(qtbot: Any, store: Any) -> None:
    from tests.ui.test_alt_keys import alt_keys, clashes

    dialog = _dialog(qtbot, store, "google.csv", "one_bad.vcf")
    keys = alt_keys(dialog)
    assert {key for key, _ in keys} >= {"w", "a", "n", "c", "l", "i"}
    assert not clashes(keys)
