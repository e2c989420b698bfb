"""Merging a contact into the person it looks like, undone in the same step; Outlook's
M/D/YYYY birthdays."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from supportnet.model.errors import NotFoundError
from supportnet.model.network import ChannelKind, Circle, ContactChannel, Group, Person
from supportnet.services.contacts_import import (
    UNCLEAR_BIRTHDAY,
    ContactsImport,
    Status,
    merged,
    read_contacts,
)
from supportnet.services.csv_contacts import read_contacts_csv, slashed_birthday

FILES = Path(__file__).parent / "contacts_files"


def _jurgen_preview(store: Any) -> tuple[ContactsImport, Any, Person]:
    jurgen = store.people.add(
        Person(
            name="Jürgen Müller",
            circle=Circle.INNER,
            notes="From the choir.",
            tags=["Choir"],
            channels=[ContactChannel(ChannelKind.TEXT, "+49 170 0000000")],
        )
    )
    importer = ContactsImport(store, region="GB")
    (android,) = importer.preview([FILES / "android21.vcf"])
    return importer, android, jurgen


def test_a_look_alike_names_the_person_it_may_be_merged_into(store: Any) -> None:
    _importer, android, jurgen = _jurgen_preview(store)
    row = next(r for r in android.rows if r.status is Status.LOOKS_ALIKE)
    assert (row.alike_id, row.alike_name) == (jurgen.id, "Jürgen Müller")
    assert row.merge_into is None
    assert not row.include


def test_a_look_alike_of_a_group_or_of_this_import_offers_no_merge(store: Any) -> None:
    store.groups.add(Group(name="Jürgen Müller"))
    importer = ContactsImport(store, region="GB")
    (android,) = importer.preview([FILES / "android21.vcf"])
    row = next(r for r in android.rows if r.contact.title == "Jürgen Müller")
    assert row.status is Status.LOOKS_ALIKE
    assert row.alike_id is None


def test_merge_adds_details_keeps_the_rest_and_undo_puts_them_back(store: Any) -> None:
    importer, android, jurgen = _jurgen_preview(store)
    before = store.people.get(jurgen.id)
    row = next(r for r in android.rows if r.status is Status.LOOKS_ALIKE)
    row.include, row.merge_into = True, row.alike_id
    imported = importer.import_rows(android.rows)
    assert imported.merged == 1
    assert len(imported.person_ids) == 1  # only the new contact; Jürgen merged, not added
    after = store.people.get(jurgen.id)
    assert (after.name, after.circle) == ("Jürgen Müller", Circle.INNER)
    assert after.notes.startswith("From the choir.")
    assert len(after.channels) > len(before.channels)
    assert after.channels[0] == before.channels[0]
    assert after.tags[0] == "Choir"
    assert store.people.count() == 2
    importer.undo(imported)
    assert store.people.count() == 1
    restored = store.people.get(jurgen.id)
    assert (restored.notes, restored.channels, restored.tags) == (
        before.notes,
        before.channels,
        before.tags,
    )


def test_merging_twice_into_one_person_keeps_the_first_before(store: Any) -> None:
    importer, android, jurgen = _jurgen_preview(store)
    row = next(r for r in android.rows if r.status is Status.LOOKS_ALIKE)
    row.include, row.merge_into = True, jurgen.id
    twin = copy.deepcopy(row)
    imported = importer.import_rows([row, twin])
    assert imported.merged == 2
    assert len(imported.merged_from) == 1
    importer.undo(imported)
    assert store.people.get(jurgen.id).notes == "From the choir."


def test_merge_into_someone_deleted_meanwhile_changes_nothing(store: Any) -> None:
    importer, android, jurgen = _jurgen_preview(store)
    row = next(r for r in android.rows if r.status is Status.LOOKS_ALIKE)
    row.include, row.merge_into = True, jurgen.id
    store.people.delete(jurgen.id)
    with pytest.raises(NotFoundError):
        importer.import_rows(android.rows)
    assert store.people.count() == 0


def test_merged_does_not_repeat_a_number_or_an_email_written_differently() -> None:
    existing = Person(
        name="Ada",
        channels=[
            ContactChannel(ChannelKind.CALL, "07700 900123"),
            ContactChannel(ChannelKind.EMAIL, "ADA@example.org"),
        ],
    )
    item = Person(
        name="Ada",
        nickname="Addy",
        channels=[
            ContactChannel(ChannelKind.CALL, "+44 7700 900123"),
            ContactChannel(ChannelKind.EMAIL, "ada@example.org"),
            ContactChannel(ChannelKind.EMAIL, "ada.work@example.org"),
        ],
        tags=["family"],
    )
    result = merged(existing, item, "GB")
    assert [c.value for c in result.channels] == [
        "07700 900123",
        "ADA@example.org",
        "ada.work@example.org",
    ]
    assert (result.nickname, result.tags) == ("Addy", ["family"])
    assert existing.nickname == ""  # the person given is left as it was


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("3/14/1980", "US", (3, 14, 1980)),
        ("4/3/1980", "US", (4, 3, 1980)),
        ("4/3/1980", "GB", (3, 4, 1980)),
        ("14/3/1980", "US", (3, 14, 1980)),  # a day over 12 tells the order itself
        ("3/14/1980", "DE", (3, 14, 1980)),
        ("12/25/80", "US", (12, 25, None)),  # a two-digit year is not guessed at
        ("7/7/1975", None, (7, 7, 1975)),  # the same either way round
    ],
)
def test_slashed_birthdays_follow_the_locale(
    text: str, region: str | None, expected: tuple[int, int, int | None]
) -> None:
    found, unclear = slashed_birthday(text, region)
    assert found is not None
    assert not unclear
    assert (found.month, found.day, found.year) == expected


@pytest.mark.parametrize("text", ["0/0/00", "2/30/1980", "13/13/1980", "1980/3/4", "soon"])
def test_no_birthday_where_none_is_written(text: str) -> None:
    assert slashed_birthday(text, "US") == (None, False)


def test_an_unclear_birthday_is_left_out_and_said(store: Any) -> None:
    data = b"First Name,Last Name,Birthday\r\nMay,Lee,4/3/1980\r\nJo,Kay,3/14/1980\r\n"
    read = read_contacts_csv(data, region=None)
    may, jo = read.contacts
    assert (may.birthday, may.birthday_unclear) == (None, True)
    assert jo.birthday is not None
    assert jo.birthday.text == "14 March 1980"
    (preview,) = ContactsImport(store, region="GB").compare([(Path("x.csv"), read)])
    assert preview.rows[0].skipped == [UNCLEAR_BIRTHDAY]
    assert preview.rows[1].skipped == []


def test_outlook_birthdays_are_read_in_the_locales_order(monkeypatch: Any) -> None:
    data = b"First Name,Last Name,E-mail Address,Birthday\r\nMay,Lee,may@example.com,4/3/1980\r\n"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    (us,) = read_contacts(data).contacts
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    (gb,) = read_contacts(data).contacts
    assert us.birthday is not None
    assert us.birthday.text == "3 April 1980"
    assert gb.birthday is not None
    assert gb.birthday.text == "4 March 1980"


def test_an_undo_after_one_was_deleted_by_hand_changes_nothing(store: Any) -> None:
    importer = ContactsImport(store, region="GB")
    (preview,) = importer.preview([FILES / "google.csv"])
    imported = importer.import_rows(preview.rows)
    count = store.people.count()
    store.people.delete(imported.person_ids[0])
    with pytest.raises(NotFoundError):
        importer.undo(imported)
    assert store.people.count() == count - 1  # the rest stay: all or nothing
