"""The contacts preview, its result lines and the welcome's third way read calmly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from supportnet.model.network import ChannelKind, Circle, ContactChannel, Person
from supportnet.services.contacts_import import ContactsImport, Imported
from supportnet.ui.contacts.preview import ContactsPreviewDialog
from supportnet.ui.contacts.words import Choice, choose, result_line, unreadable_count
from supportnet.ui.start.welcome import WelcomeDialog
from tests.ui.test_voice import trips, widget_texts

FILES = Path(__file__).parents[2] / "services" / "contacts_files"
ALL = ["android21.vcf", "google.csv", "iphone30.vcf", "one_bad.vcf", "outlook_utf8.csv"]


def test_the_preview_and_the_result_read_calmly(qtbot: Any, store: Any) -> None:
    store.people.add(
        Person(
            name="Ada Okafor",
            circle=Circle.INNER,
            channels=[ContactChannel(ChannelKind.TEXT, "+44 7700 900123")],
        )
    )
    store.people.add(Person(name="Jürgen Müller"))
    previews = ContactsImport(store, region="GB").preview([FILES / n for n in ALL])
    dialog = ContactsPreviewDialog(previews)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.details.open()
    dialog.table.selectRow(0)  # a look-alike: its choice is offered
    QApplication.processEvents()
    said = list(widget_texts(dialog))
    assert any("Looks like Jürgen Müller" in text for _, text in said)
    assert any("couldn't be read" in text for _, text in said)
    for row in dialog.rows:
        choose(row, Choice.MERGE if row.alike_id is not None else Choice.ADD)
    lines = [
        result_line(dialog.rows, Imported((1, 2), (3,), (), 1), unreadable_count(previews)),
        result_line(dialog.rows[:0], Imported((), ())),
    ]
    said += [("result", line) for line in lines]
    assert not trips(said), "\n".join(trips(said))


def test_the_welcome_reads_calmly(qtbot: Any) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    said = list(widget_texts(dialog))
    assert any("contacts" in text for _, text in said)
    assert not trips(said), "\n".join(trips(said))
