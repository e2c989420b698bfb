"""The vCard and CSV readers on hand-made files with each phone's and webmail's quirks."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportnet.model.imported_contacts import Birthday, ImportedContact, ReadFile, birthday_of
from supportnet.services.contact_text import decoded
from supportnet.services.csv_contacts import read_contacts_csv
from supportnet.services.vcard_reader import NO_CARDS, UNREADABLE_CARD, read_vcards

FILES = Path(__file__).parent / "contacts_files"


def read(name: str) -> ReadFile:
    data = (FILES / name).read_bytes()
    return read_contacts_csv(data) if name.endswith(".csv") else read_vcards(data)


def by_title(result: ReadFile) -> dict[str, ImportedContact]:
    return {c.title: c for c in result.contacts}


def test_android_21_quoted_printable_with_soft_line_breaks_and_a_photo() -> None:
    result = read("android21.vcf")
    assert result.unreadable == []
    people = by_title(result)
    assert set(people) == {"Jürgen Müller", "Ada Okafor"}
    jurgen = people["Jürgen Müller"]
    # The soft line break (= at the end of a line) joins the note's two halves.
    assert jurgen.note.splitlines() == ["Met at the allotment", "Good with plants and äpfel"]
    assert [(p.value, p.label) for p in jurgen.phones] == [
        ("+49 170 1234567", "cell"),
        ("030 1234567", "home"),
    ]
    ada = people["Ada Okafor"]  # her card carries a base64 photo: skipped, not a failure
    assert [e.value for e in ada.emails] == ["ada@example.org"]
    assert [p.label for p in ada.phones] == ["cell"]  # PREF is no label


def test_iphone_bom_folded_lines_grouped_labels_and_a_year_left_out() -> None:
    result = read("iphone30.vcf")
    assert result.unreadable == []
    farid = by_title(result)["Dr Farid Rahimi"]
    assert farid.nickname == "Fari"
    assert [(p.value, p.label) for p in farid.phones] == [
        ("+44 7700 900456", "Mobile"),
        ("020 7946 0018", "Allotment shed"),
    ]
    assert [(e.value, e.label) for e in farid.emails] == [("farid@example.net", "Home")]
    assert farid.birthday == Birthday(4, 3, None)
    assert farid.categories == ["Friends", "Allotment"]
    assert farid.note.endswith("folded over two lines.")
    assert "\\," not in farid.note


def test_an_organisation_only_card_is_an_organisation() -> None:
    surgery = by_title(read("iphone30.vcf"))["Riverside Surgery"]
    assert surgery.is_organisation
    assert surgery.name == ""
    assert [p.value for p in surgery.phones] == ["020 7946 0999"]


def test_structured_names_and_organisations_keep_escapes_and_several_values() -> None:
    # N and ORG are split by vobject's splitFields (the reader skips vobject's own objects):
    # an escaped semicolon or comma stays in its field, a bare comma makes several values.
    cards = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:O\\;Neill;Sam,Samuel;;Dr.;\r\n"
        "ORG:Smith\\, Jones;Sales\r\nTEL:020 7946 0001\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nORG:Riverside\\; Surgery;\r\n"
        "TEL:020 7946 0002\r\nEND:VCARD\r\n"
    )
    person, surgery = read_vcards(cards.encode()).contacts
    assert person.name == "Dr. Sam, Samuel O;Neill"
    assert person.organisation == "Smith, Jones, Sales"
    assert not person.is_organisation
    assert surgery.organisation == "Riverside; Surgery"
    assert surgery.is_organisation


def test_vcard_4_birthdays_without_a_year_and_tel_uris() -> None:
    people = by_title(read("google40.vcf"))
    assert people["Sam Lee"].birthday == Birthday(6, 12, None)
    assert people["Bo Chen"].birthday == Birthday(12, 24, None)
    assert people["Kim Park"].birthday == Birthday(2, 14, 1985)
    assert [p.value for p in people["Sam Lee"].phones] == ["+1-555-555-0100"]
    assert [e.label for e in people["Sam Lee"].emails] == ["work", "home"]


def test_one_unreadable_card_is_reported_and_the_rest_are_read() -> None:
    result = read("one_bad.vcf")
    assert [c.title for c in result.contacts] == ["First Good", "Last Good"]
    assert result.unreadable[0].reason == UNREADABLE_CARD
    assert [u.where for u in result.unreadable] == ["card 2", "card 3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1980-04-03", Birthday(4, 3, 1980)),
        ("19800403", Birthday(4, 3, 1980)),
        ("--0403", Birthday(4, 3, None)),
        ("--04-03", Birthday(4, 3, None)),
        ("1604-04-03", Birthday(4, 3, None)),
        ("1980-04-03T00:00:00Z", Birthday(4, 3, 1980)),
        ("--0230", None),
        ("3 April", None),
        ("", None),
    ],
)
def test_birthday_forms(text: str, expected: Birthday | None) -> None:
    assert birthday_of(text) == expected


def test_the_apple_omit_year_parameter_drops_any_year() -> None:
    assert birthday_of("2000-04-03", omit_year=True) == Birthday(4, 3, None)


def test_google_csv_with_several_values_labels_and_a_bom() -> None:
    result = read("google.csv")
    people = by_title(result)
    ada = people["Ada Okafor"]
    assert ada.nickname == "Addy"
    assert [e.value for e in ada.emails] == ["ada@example.org", "ada.work@example.org"]
    assert [(p.value, p.label) for p in ada.phones] == [
        ("+44 7700 900123", "mobile"),
        ("020 7946 0111", "home"),
    ]
    assert ada.birthday == Birthday(4, 3, None)
    assert ada.categories == ["Family"]  # Google's own "* myContacts" is not a label of theirs
    assert ada.note == "Two lines\nof notes"
    assert people["Tom Berg"].birthday == Birthday(11, 2, 1979)
    assert people["Riverside Surgery"].is_organisation
    assert [u.where for u in result.unreadable] == ["row 4"]


@pytest.mark.parametrize("name", ["outlook_utf16.csv", "outlook_utf8.csv"])
def test_outlook_csv_in_utf16_or_utf8(name: str) -> None:
    people = by_title(read(name))
    grace = people["Grace Hopper"]
    assert [e.value for e in grace.emails] == ["GRACE@example.com"]
    assert [(p.value, p.label) for p in grace.phones] == [("07700 900888", "mobile")]
    assert grace.categories == ["Friends", "Library"]
    assert [(p.value, p.label) for p in people["Linus Torvalds"].phones] == [
        ("020 7946 0222", "home")
    ]


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + "Grüße".encode(),
        "Grüße".encode(),
        codecs.BOM_UTF16_LE + "Grüße".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Grüße".encode("utf-16-be"),
        "Grüße, all of you".encode("utf-16-le"),
    ],
)
def test_text_is_found_in_utf8_and_utf16(data: bytes) -> None:
    assert decoded(data).startswith("Grüße")


def test_a_file_that_is_no_contacts_file_is_one_report() -> None:
    assert [u.reason for u in read_vcards(b"hello").unreadable] == [NO_CARDS]
    assert read_contacts_csv(b"a,b\n1,2\n").contacts == []
    assert len(read_contacts_csv(b"a,b\n1,2\n").unreadable) == 1


VCARD_LINES = st.sampled_from(
    [
        "BEGIN:VCARD",
        "END:VCARD",
        "VERSION:2.1",
        "VERSION:3.0",
        "FN:Someone",
        "N:;;;;",
        "ORG:A Place",
        "TEL;CELL:0123",
        "BDAY:--1399",
        "NOTE;ENCODING=QUOTED-PRINTABLE:a=",
        "PHOTO;ENCODING=b:@@@",
        "item1.X-ABLabel:_$!<",
        " folded",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(VCARD_LINES, st.text(max_size=40)), max_size=30), st.binary(max_size=64))
def test_no_exception_escapes_the_vcard_reader(lines: list[str], noise: bytes) -> None:
    text = "\r\n".join(lines)
    for data in (text.encode("utf-8", "surrogatepass"), noise, noise + text.encode("utf-16")):
        result = read_vcards(data)
        assert result.contacts or result.unreadable


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.binary(max_size=120))
def test_no_exception_escapes_the_csv_reader(text: str, noise: bytes) -> None:
    header = "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Birthday,Labels\n"
    for data in (
        (header + text).encode("utf-8", "surrogatepass"),
        noise,
        header.encode() + noise,
    ):
        result = read_contacts_csv(data)
        assert isinstance(result, ReadFile)
