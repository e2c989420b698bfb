"""Contacts into the network: what each becomes, duplicates, one undoable import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportnet.model.errors import ValidationError
from supportnet.model.imported_contacts import Birthday, ImportedContact, Labelled
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    GroupKind,
    Person,
    SupportType,
)
from supportnet.services.contact_matching import phone_key, phone_region
from supportnet.services.contacts_import import (
    ContactsImport,
    FilePreview,
    Status,
    item_of,
)

FILES = Path(__file__).parent / "contacts_files"


def statuses(preview: FilePreview) -> dict[str, Status]:
    return {row.contact.title: row.status for row in preview.rows}


def test_a_contact_becomes_someone_in_the_outer_circle_with_what_the_model_holds() -> None:
    contact = ImportedContact(
        name="Ada Okafor",
        nickname="Addy",
        organisation="Riverside Library",
        phones=[Labelled("07700 900123", "mobile"), Labelled("07700 900123", "other")],
        emails=[Labelled("ada@example.org", "home")],
        birthday=Birthday(4, 3, None),
        note="Met at the library",
        categories=["Family", "family", "Book club"],
    )
    person = item_of(contact)
    assert isinstance(person, Person)
    assert (person.name, person.nickname, person.circle) == ("Ada Okafor", "Addy", Circle.OUTER)
    assert person.channels == [
        ContactChannel(ChannelKind.CALL, "07700 900123"),
        ContactChannel(ChannelKind.EMAIL, "ada@example.org"),
    ]
    # No birthday or organisation field in the network: they are kept in the notes.
    assert person.notes.splitlines() == [
        "Met at the library",
        "Birthday: 3 April",
        "Organisation: Riverside Library",
    ]
    assert person.tags == ["Family", "Book club"]
    assert person.problems() == []
    assert item_of(contact, Circle.INNER).circle is Circle.INNER


def test_an_organisation_only_card_becomes_a_service_keeping_its_numbers_in_the_notes() -> None:
    contact = ImportedContact(organisation="Riverside Surgery", phones=[Labelled("020 7946 0999")])
    group = item_of(contact)
    assert isinstance(group, Group)
    assert (group.name, group.kind, group.circle) == (
        "Riverside Surgery",
        GroupKind.SERVICE,
        Circle.OUTER,
    )
    assert group.notes == "Phone: 020 7946 0999"


def test_control_characters_and_overlong_text_are_tidied_not_refused() -> None:
    person = item_of(ImportedContact(name="Sam\x07 " + "L" * 400, note="a\x00b\nc"))
    assert person.problems() == []
    assert len(person.name) == 200
    assert person.notes == "a b\nc"


def test_a_contact_with_only_a_number_is_named_by_it() -> None:
    assert item_of(ImportedContact(phones=[Labelled("07700 900123")])).name == "07700 900123"


def test_phone_numbers_are_compared_in_the_region_of_the_locale() -> None:
    assert phone_region({"LANG": "en_GB.UTF-8"}) == "GB"
    assert phone_region({"LC_ALL": "de_DE@euro", "LANG": "en_GB.UTF-8"}) == "DE"
    assert phone_region({"LANG": "C.UTF-8"}) is None
    assert phone_key("07700 900123", "GB") == phone_key("+44 7700 900123", None) == "+447700900123"
    # Without a region, a national number is never guessed to be British (or anything else).
    assert phone_key("07700 900123", None) == "07700900123"
    assert phone_key("030 1234567", "DE") == "+49301234567"


def test_preview_marks_new_already_there_and_look_alikes(store: Any) -> None:
    store.people.add(
        Person(
            name="Ada Okafor",
            circle=Circle.INNER,
            channels=[ContactChannel(ChannelKind.TEXT, "+44 7700 900123")],
        )
    )
    store.people.add(Person(name="Jürgen Müller"))
    importer = ContactsImport(store, region="GB")
    (android,) = importer.preview([FILES / "android21.vcf"])
    assert statuses(android) == {"Jürgen Müller": Status.LOOKS_ALIKE, "Ada Okafor": Status.ALREADY}
    ada = next(r for r in android.rows if r.contact.title == "Ada Okafor")
    assert ada.note == "already in your network as Ada Okafor"
    assert not ada.include
    jurgen = next(r for r in android.rows if r.status is Status.LOOKS_ALIKE)
    assert jurgen.note == "looks like Jürgen Müller, whom you have"
    assert not jurgen.include  # never merged or doubled without a choice
    assert store.people.count() == 2  # a preview writes nothing


def test_the_same_person_in_two_files_comes_in_once(store: Any) -> None:
    importer = ContactsImport(store, region="GB")
    android, google = importer.preview([FILES / "android21.vcf", FILES / "google.csv"])
    assert statuses(android)["Ada Okafor"] is Status.NEW
    # Same email (and the same number, written the national way) as in the first file.
    assert statuses(google)["Ada Okafor"] is Status.ALREADY
    assert statuses(google)["Tom Berg"] is Status.NEW


def test_import_is_one_step_and_undo_takes_it_back(store: Any) -> None:
    store.groups.add(Group(name="Walking group", kind=GroupKind.CLUB))
    importer = ContactsImport(store, region="GB")
    previews = importer.preview([FILES / "iphone30.vcf", FILES / "outlook_utf16.csv"])
    imported = importer.import_rows([row for p in previews for row in p.rows])
    assert (len(imported.person_ids), len(imported.group_ids)) == (3, 1)
    names = {p.name: p for p in store.people.list_all()}
    assert set(names) == {"Dr Farid Rahimi", "Grace Hopper", "Linus Torvalds"}
    assert all(p.circle is Circle.OUTER for p in names.values())
    farid = names["Dr Farid Rahimi"]
    assert "Birthday: 3 April" in farid.notes
    assert (farid.nickname, farid.tags) == ("Fari", ["Friends", "Allotment"])
    assert farid.channels == [
        ContactChannel(ChannelKind.CALL, "+44 7700 900456"),
        ContactChannel(ChannelKind.CALL, "020 7946 0018"),
        ContactChannel(ChannelKind.EMAIL, "farid@example.net"),
    ]
    assert farid.created_at is not None
    # Stored as one added by hand would be: it reads back, changes and goes like anyone.
    farid.support_types = {SupportType.PRACTICAL}
    store.people.update(farid)
    assert store.people.get(farid.id).support_types == {SupportType.PRACTICAL}
    surgery = next(g for g in store.groups.list_all() if g.name == "Riverside Surgery")
    assert surgery.kind is GroupKind.SERVICE
    # Importing the same files again adds no one.
    again = importer.preview([FILES / "iphone30.vcf", FILES / "outlook_utf16.csv"])
    assert {r.status for p in again for r in p.rows} == {Status.ALREADY}
    importer.undo(imported)
    assert store.people.count() == 0
    assert [g.name for g in store.groups.list_all()] == ["Walking group"]


def test_an_import_that_fails_halfway_adds_no_one(store: Any) -> None:
    importer = ContactsImport(store, region="GB")
    (preview,) = importer.preview([FILES / "google40.vcf"])
    rows = preview.rows
    broken = rows[-1].item
    assert isinstance(broken, Person)
    broken.name = ""  # made invalid after the preview: the whole import is refused
    with pytest.raises(ValidationError):
        importer.import_rows(rows)
    assert store.people.count() == 0


def test_a_file_that_cannot_be_opened_is_one_plain_error(tmp_path: Path, store: Any) -> None:
    from supportnet.model.errors import SupportNetError

    with pytest.raises(SupportNetError, match="could not be read"):
        ContactsImport(store, region="GB").preview([FILES / "google.csv", tmp_path / "gone.csv"])


def test_files_are_told_apart_by_what_they_hold(tmp_path: Path) -> None:
    from supportnet.services.contacts_import import read_file

    renamed = tmp_path / "contacts.txt"
    renamed.write_bytes((FILES / "google.csv").read_bytes())
    assert "Ada Okafor" in [c.title for c in read_file(renamed).contacts]
    card = tmp_path / "export.csv"
    card.write_bytes((FILES / "iphone30.vcf").read_bytes())
    assert "Dr Farid Rahimi" in [c.title for c in read_file(card).contacts]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "BEGIN:VCARD",
                "END:VCARD",
                "FN:",
                "ORG:;",
                "NICKNAME:\x07",
                "TEL:+",
                "EMAIL:@",
                "BDAY:--0229",
                "CATEGORIES:,,",
            ]
        )
        | st.text(max_size=30).map(lambda t: "NOTE:" + t),
        max_size=20,
    )
)
def test_whatever_a_file_holds_the_preview_never_raises(lines: list[str]) -> None:
    from supportnet.services.contacts_import import read_contacts

    read = read_contacts("\n".join(lines).encode("utf-8", "surrogatepass"))
    (preview,) = ContactsImport(None, region="GB").compare([(Path("x.vcf"), read)])
    for row in preview.rows:
        assert (row.status is Status.UNUSABLE) == bool(row.item.problems())


def test_an_import_and_its_undo_are_each_all_or_nothing(store: Any) -> None:
    from tests.services.atomic import INJECTED, dump, failing

    store.people.add(Person(name="Someone already here"))
    importer = ContactsImport(store, region="GB")
    rows = [
        r
        for p in importer.preview([FILES / "iphone30.vcf", FILES / "google40.vcf"])
        for r in p.rows
    ]
    before = dump(store)
    # The surgery (a group) is the import's last write: failing it keeps no one.
    with failing(store, "INSERT", "community_groups"), pytest.raises(Exception, match=INJECTED):
        importer.import_rows(rows)
    assert dump(store) == before
    imported = importer.import_rows(rows)
    after = dump(store)
    with failing(store, "DELETE", "community_groups"), pytest.raises(Exception, match=INJECTED):
        importer.undo(imported)
    assert dump(store) == after
    importer.undo(imported)
    assert dump(store) == before


def test_services_hand_out_the_import(store: Any) -> None:
    from supportnet.services import Services

    importer = Services.of(store).contacts_import(region="GB")
    (preview,) = importer.preview([FILES / "google40.vcf"])
    assert importer.import_rows(preview.rows).count == 3
