"""Read the contacts files Google Contacts and Outlook export as CSV."""

from __future__ import annotations

import csv
import io
import re

from supportnet.model.imported_contacts import (
    ImportedContact,
    Labelled,
    ReadFile,
    Unreadable,
    birthday_of,
)
from supportnet.services.contact_text import decoded

#: Google puts several values in one cell with this between them.
_SEPARATOR = " ::: "
#: Google's own labels, which are not the user's groups.
_SYSTEM_LABELS = frozenset({"* mycontacts", "* starred", "mycontacts", "starred"})
_NUMBERED = re.compile(r"^(E-mail|Phone) (\d+) - (Value|Label|Type)$")
#: Outlook's columns for numbers and addresses, and the label each gives.
_OUTLOOK_PHONES = (
    ("Mobile Phone", "mobile"),
    ("Home Phone", "home"),
    ("Home Phone 2", "home"),
    ("Business Phone", "work"),
    ("Business Phone 2", "work"),
    ("Primary Phone", ""),
    ("Other Phone", "other"),
)
_OUTLOOK_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
NOT_CONTACTS = "No contacts were found in it: it is not a vCard, Google Contacts or Outlook file."
NO_NAME = "It has no name, phone number or email address."


def read_contacts_csv(data: bytes) -> ReadFile:
    """Every row of a Google or Outlook CSV export; never raises."""
    result = ReadFile()
    text = decoded(data).replace("\0", "")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        rows = []
    header = [h.strip() for h in rows[0]] if rows else []
    if not ({"First Name", "Last Name", "Name", "Given Name"} & set(header)):
        result.unreadable.append(Unreadable("the file", NOT_CONTACTS))
        return result
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(header, row, strict=False))
        contact = _contact_of(record, f"row {number}")
        if contact is None:
            result.unreadable.append(Unreadable(f"row {number}", NO_NAME))
        else:
            result.contacts.append(contact)
    return result


def _cell(record: dict[str, str], *names: str) -> str:
    for name in names:
        value = record.get(name, "").strip()
        if value:
            return value
    return ""


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(_SEPARATOR) if part.strip()]


def _numbered(record: dict[str, str], kind: str) -> list[Labelled]:
    """Google's ``Phone 1 - Value`` / ``Phone 1 - Label`` pairs (``Type`` before 2023)."""
    found: list[Labelled] = []
    numbers = sorted(
        {int(m.group(2)) for key in record if (m := _NUMBERED.match(key)) and m.group(1) == kind}
    )
    for n in numbers:
        label = _cell(record, f"{kind} {n} - Label", f"{kind} {n} - Type").lstrip("* ").lower()
        found.extend(Labelled(v, label) for v in _split(record.get(f"{kind} {n} - Value", "")))
    return found


def _contact_of(record: dict[str, str], where: str) -> ImportedContact | None:
    name = " ".join(
        p
        for p in (
            _cell(record, "First Name", "Given Name"),
            _cell(record, "Middle Name", "Additional Name"),
            _cell(record, "Last Name", "Family Name"),
        )
        if p
    ) or _cell(record, "Name")
    contact = ImportedContact(
        name=name,
        nickname=_cell(record, "Nickname"),
        organisation=_cell(record, "Organization Name", "Organization 1 - Name", "Company"),
        note=_cell(record, "Notes"),
        where=where,
    )
    contact.phones = _numbered(record, "Phone")
    contact.emails = _numbered(record, "E-mail")
    for column, label in _OUTLOOK_PHONES:
        if value := _cell(record, column):
            contact.phones.append(Labelled(value, label))
    for column in _OUTLOOK_EMAILS:
        if value := _cell(record, column):
            contact.emails.append(Labelled(value))
    contact.birthday = birthday_of(_cell(record, "Birthday"))
    labels = _cell(record, "Labels", "Group Membership", "Categories")
    parts = labels.split(";") if ";" in labels and _SEPARATOR not in labels else _split(labels)
    contact.categories = [p.strip() for p in parts if p.strip().lower() not in _SYSTEM_LABELS]
    contact.categories = [p for p in contact.categories if p]
    if not (contact.title or contact.phones or contact.emails):
        return None
    return contact
