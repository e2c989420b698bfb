"""Read the contacts files Google Contacts and Outlook export as CSV."""

from __future__ import annotations

import csv
import io
import re

from supportnet.i18n import N_, _
from supportnet.model.imported_contacts import (
    Birthday,
    ImportedContact,
    Labelled,
    ReadFile,
    Unreadable,
    birthday_of,
)
from supportnet.safety.country import country_from_locale
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
#: Outlook writes a birthday as the system writes dates: ``3/14/1980`` in the US.
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
#: Countries whose dates put the month first (where Outlook writes M/D/YYYY).
MONTH_FIRST = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW"})
NOT_CONTACTS = N_(
    "No contacts were found in it: it is not a vCard, Google Contacts or Outlook file."
)
NO_NAME = N_("It has no name, phone number or email address.")


def read_contacts_csv(data: bytes, region: str | None = "") -> ReadFile:
    """Every row of a Google or Outlook CSV export; never raises. ``region``: the country
    whose way of writing dates a birthday such as ``4/3/1980`` follows ("" for the
    locale's; None when unknown, and then one that could be either way round is left out)."""
    if region == "":
        region = country_from_locale()
    result = ReadFile()
    text = decoded(data).replace("\0", "")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        rows = []
    header = [h.strip() for h in rows[0]] if rows else []
    if not ({"First Name", "Last Name", "Name", "Given Name"} & set(header)):
        result.unreadable.append(Unreadable("the file", _(NOT_CONTACTS)))
        return result
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(header, row, strict=False))
        contact = _contact_of(record, f"row {number}", region)
        if contact is None:
            result.unreadable.append(Unreadable(f"row {number}", _(NO_NAME)))
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


def slashed_birthday(text: str, region: str | None) -> tuple[Birthday | None, bool]:
    """A birthday written ``M/D/YYYY`` (in the US) or ``D/M/YYYY`` (most elsewhere), and
    whether it was left out as unclear. A day over 12 tells the order by itself; otherwise
    ``region`` decides, and with no region it is unclear. Outlook's ``0/0/00`` is none."""
    match = _SLASHED.match(text.strip())
    if match is None:
        return None, False
    first, second, year_text = (int(g) for g in match.groups())
    if first == 0 or second == 0:
        return None, False
    if first > 12:
        day, month = first, second
    elif second > 12 or (region is not None and region.upper() in MONTH_FIRST):
        month, day = first, second
    elif region is not None or first == second:
        day, month = first, second
    else:
        return None, True
    # Through birthday_of, which knows which days each month has.
    written = f"{year_text:04d}" if year_text > 1604 else "--"
    return birthday_of(f"{written}{month:02d}{day:02d}"), False


def _contact_of(record: dict[str, str], where: str, region: str | None) -> ImportedContact | None:
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
    written = _cell(record, "Birthday")
    contact.birthday = birthday_of(written)
    if contact.birthday is None and "/" in written:
        contact.birthday, contact.birthday_unclear = slashed_birthday(written, region)
    labels = _cell(record, "Labels", "Group Membership", "Categories")
    parts = labels.split(";") if ";" in labels and _SEPARATOR not in labels else _split(labels)
    contact.categories = [p.strip() for p in parts if p.strip().lower() not in _SYSTEM_LABELS]
    contact.categories = [p for p in contact.categories if p]
    if not (contact.title or contact.phones or contact.emails):
        return None
    return contact
