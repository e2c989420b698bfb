"""Read vCard 2.1, 3.0 and 4.0 files as Android, iOS, macOS, Google and Outlook write them.

Parsing is vobject's (the maintained py-vobject), one card at a time, so that a card it
can't read is reported and the cards after it are still read. vobject is asked not to turn
lines into its own objects (``transform=False``: a copy of every such line, a fifth of the
reading): the only two this reads, N and ORG, are split here by vobject's own splitFields.
"""

from __future__ import annotations

import re
from typing import Any

from supportnet.i18n import N_, _
from supportnet.model.imported_contacts import (
    ImportedContact,
    Labelled,
    ReadFile,
    Unreadable,
    birthday_of,
)
from supportnet.services.contact_text import decoded

_CARD = re.compile(r"^BEGIN:VCARD\s*$.*?(?:^END:VCARD[ \t\r]*$|\Z)", re.I | re.M | re.S)
#: iOS wraps its own labels as ``_$!<Mobile>!$_``; custom labels are plain.
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
#: TYPE values that say nothing a person would call a label.
_PLAIN_TYPES = frozenset({"pref", "voice", "internet", "x400", "msg"})
UNREADABLE_CARD = N_("It could not be read as a contact card.")
NO_NAME = N_("It has no name, phone number or email address.")
NO_CARDS = N_("No contact cards were found in it.")


def read_vcards(data: bytes) -> ReadFile:
    """Every card in ``data``; never raises: what can't be read is listed as unreadable."""
    import vobject

    result = ReadFile()
    text = decoded(data)
    cards = _CARD.findall(text)
    if not cards:
        result.unreadable.append(Unreadable("the file", _(NO_CARDS)))
        return result
    for number, card_text in enumerate(cards, start=1):
        where = f"card {number}"
        try:
            card = vobject.readOne(card_text, allowQP=True, ignoreUnreadable=True, transform=False)
            contact = _contact_of(card, where)
        except Exception:
            result.unreadable.append(Unreadable(where, _(UNREADABLE_CARD)))
            continue
        if contact is None:
            result.unreadable.append(Unreadable(where, _(NO_NAME)))
        else:
            result.contacts.append(contact)
    return result


def _text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value if _text(v))
    return ""


def _first(lines: dict[str, list[Any]], name: str) -> Any | None:
    found = lines.get(name)
    return found[0] if found else None


def _fields(line: Any) -> list[Any]:
    """A structured value's fields (N, ORG) as vobject splits them: strings, or lists of
    strings where a field holds several."""
    from vobject.vcard import splitFields

    value = line.value
    return splitFields(value) if isinstance(value, str) else list(value)


def _structured_name(lines: dict[str, list[Any]]) -> dict[str, Any] | None:
    """The N line's parts by name (family, given, additional, prefix, suffix)."""
    from vobject.vcard import NAME_ORDER

    structured = _first(lines, "n")
    if structured is None:
        return None
    return dict(zip(NAME_ORDER, _fields(structured), strict=False))


def _name_of(lines: dict[str, list[Any]]) -> str:
    full = _first(lines, "fn")
    if full is not None and _text(full.value):
        return _text(full.value)
    parts = _structured_name(lines)
    if parts is None:
        return ""
    words = (parts.get(key, "") for key in ("prefix", "given", "additional", "family"))
    return " ".join(p for p in (_text(word) for word in words) if p)


def _is_company(lines: dict[str, list[Any]], org: str) -> bool:
    shown_as = _first(lines, "x-abshowas")
    if shown_as is not None and _text(shown_as.value).upper() == "COMPANY":
        return True
    parts = _structured_name(lines)
    if parts is None:
        return True
    given, family = _text(parts.get("given", "")), _text(parts.get("family", ""))
    return not given and not family and bool(org)


def _labels(card: Any) -> dict[str, str]:
    """iOS's ``itemN.X-ABLabel`` lines, by their group."""
    from vobject.base import ContentLine

    labels: dict[str, str] = {}
    for line in card.contents.get("x-ablabel", []):  # vobject keys its lines by lower name
        if isinstance(line, ContentLine) and line.group:
            label = _text(line.value)
            match = _APPLE_LABEL.match(label)
            labels[line.group.lower()] = match.group(1) if match else label
    return labels


def _label_of(line: Any, grouped: dict[str, str]) -> str:
    if line.group and line.group.lower() in grouped:
        return grouped[line.group.lower()]
    types: list[str] = []
    for value in [*line.params.get("TYPE", []), *line.singletonparams]:
        for part in str(value).split(","):
            word = part.strip().strip('"').lower()
            if word and word not in _PLAIN_TYPES and word not in types:
                types.append(word)
    return " ".join(types)


def _contact_of(card: Any, where: str) -> ImportedContact | None:
    lines: dict[str, list[Any]] = card.contents
    grouped = _labels(card)
    org_line = _first(lines, "org")
    org = _text(_fields(org_line)) if org_line is not None else ""
    name = _name_of(lines)
    if org and (not name or name == org) and _is_company(lines, org):
        name = ""
    nickname_line = _first(lines, "nickname")
    nickname = _text(nickname_line.value) if nickname_line is not None else ""
    contact = ImportedContact(name=name, nickname=nickname, organisation=org, where=where)
    for line in lines.get("tel", []):
        number = _text(line.value)
        number = number[4:] if number.lower().startswith("tel:") else number  # vCard 4 URIs
        if number:
            contact.phones.append(Labelled(number, _label_of(line, grouped)))
    for line in lines.get("email", []):
        if _text(line.value):
            contact.emails.append(Labelled(_text(line.value), _label_of(line, grouped)))
    bday = _first(lines, "bday")
    if bday is not None:
        omit = "X-APPLE-OMIT-YEAR" in bday.params
        contact.birthday = birthday_of(_text(bday.value), omit_year=omit)
    contact.note = "\n".join(_text(n.value) for n in lines.get("note", []) if _text(n.value))
    for line in lines.get("categories", []):
        values = line.value if isinstance(line.value, list) else str(line.value).split(",")
        contact.categories.extend(v.strip() for v in values if str(v).strip())
    if not (contact.title or contact.phones or contact.emails):
        return None
    return contact
