"""What the contacts preview and its result say, in plain words (no Qt here)."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from supportnet.model.imported_contacts import Unreadable
from supportnet.model.network import ChannelKind, Group, Person
from supportnet.model.text import amount
from supportnet.services.contacts_import import FilePreview, Imported, PreviewRow, Status


class Choice(enum.Enum):
    """What happens to a contact that looks like someone in the network."""

    SKIP = "skip"
    ADD = "add"
    MERGE = "merge"


def choice_of(row: PreviewRow) -> Choice:
    if not row.include:
        return Choice.SKIP
    return Choice.MERGE if row.merge_into is not None else Choice.ADD


def choose(row: PreviewRow, choice: Choice) -> None:
    """Set ``row`` to ``choice``; a merge only where there is someone to merge into."""
    if row.status is Status.UNUSABLE:
        return
    if choice is Choice.MERGE and row.alike_id is None:
        return
    row.include = choice is not Choice.SKIP
    row.merge_into = row.alike_id if choice is Choice.MERGE else None


def what_comes_in(row: PreviewRow) -> str:
    """ "2 phone numbers, an email, birthday 14 March, a note"."""
    item, contact = row.item, row.contact
    parts: list[str] = []
    if isinstance(item, Group):
        parts.append("a service")
        phones = len(contact.phones)
        emails = len(contact.emails)
    else:
        phones = sum(1 for c in item.channels if c.kind is not ChannelKind.EMAIL)
        emails = sum(1 for c in item.channels if c.kind is ChannelKind.EMAIL)
    if phones:
        parts.append(amount(phones, "a phone number", "phone numbers"))
    if emails:
        parts.append(amount(emails, "an email", "emails"))
    if isinstance(item, Person) and item.nickname:
        parts.append("a nickname")
    if contact.birthday is not None:
        parts.append(f"birthday {contact.birthday.text}")
    if contact.note.strip():
        parts.append("a note")
    if item.tags:
        parts.append(amount(len(item.tags), "a label", "labels"))
    return ", ".join(parts) if parts else "the name only"


def note_of(row: PreviewRow) -> str:
    """The duplicate note, and what will happen to a contact that looks like someone."""
    if row.status is Status.UNUSABLE:
        return f"Can't be brought in: {row.note}"
    if row.status is Status.ALREADY:
        note = row.note[:1].upper() + row.note[1:]
        return f"{note}; added again" if row.include else note
    if row.status is Status.LOOKS_ALIKE:
        note = row.note[:1].upper() + row.note[1:]
        outcome = {
            Choice.SKIP: "left out for now",
            Choice.ADD: "added as someone new",
            Choice.MERGE: f"merged into {row.alike_name}",
        }[choice_of(row)]
        return f"{note}: {outcome}"
    return ""


def _unreadable_kind(where: str) -> str:
    return "row" if where.startswith("row") else "card"


def unreadable_count(previews: Sequence[FilePreview]) -> str:
    """ "1 card couldn't be read." ("" when all could); whole files are said apart."""
    cards = [u for p in previews for u in p.unreadable if u.where != "the file"]
    files = [p.path.name for p in previews if any(u.where == "the file" for u in p.unreadable)]
    parts: list[str] = []
    if cards:
        kinds = {_unreadable_kind(u.where) for u in cards}
        kind = kinds.pop() if len(kinds) == 1 else "contact"
        parts.append(f"{amount(len(cards), f'1 {kind}', kind + 's')} couldn't be read.")
    parts += [f"No contacts were found in {name}." for name in files]
    return " ".join(parts)


def unreadable_details(previews: Sequence[FilePreview]) -> list[str]:
    """One line per card or row that couldn't be read: where, and why (no contact data)."""
    lines: list[str] = []
    for preview in previews:
        for found in preview.unreadable:
            lines.append(_detail(preview.path.name, found))
    return lines


def _detail(name: str, found: Unreadable) -> str:
    return f"{name}, {found.where}: {found.reason}"


def summary_line(previews: Sequence[FilePreview]) -> str:
    """ "42 contacts in contacts.vcf. 3 are already in your network; 1 looks like someone
    you have."""
    rows = [r for p in previews for r in p.rows]
    where = previews[0].path.name if len(previews) == 1 else f"{len(previews)} files"
    text = f"{amount(len(rows), '1 contact', 'contacts')} in {where}."
    already = sum(1 for r in rows if r.status is Status.ALREADY)
    alike = sum(1 for r in rows if r.status is Status.LOOKS_ALIKE)
    notes = []
    if already:
        notes.append(f"{amount(already, '1 is', 'are')} already in your network")
    if alike:
        notes.append(f"{amount(alike, '1 looks', 'look')} like someone you have")
    if notes:
        text += " " + "; ".join(notes) + "."
    return text


def chosen_count(rows: Sequence[PreviewRow]) -> int:
    return sum(1 for r in rows if r.include and r.status is not Status.UNUSABLE)


def result_line(rows: Sequence[PreviewRow], imported: Imported, unreadable: str = "") -> str:
    """ "Added 42 people. 3 were already in your network."."""
    people, groups = len(imported.person_ids), len(imported.group_ids)
    added = [amount(people, "1 person", "people")] if people else []
    if groups:
        added.append(amount(groups, "1 group", "groups"))
    parts = [f"Added {' and '.join(added)}."] if added else []
    if imported.merged:
        parts.append(
            f"Merged {amount(imported.merged, '1 contact', 'contacts')} into people you have."
        )
    if not parts:
        parts.append("No one was added.")
    already = sum(1 for r in rows if r.status is Status.ALREADY and not r.include)
    if already:
        parts.append(f"{amount(already, '1 was', 'were')} already in your network.")
    left = sum(1 for r in rows if r.status is Status.LOOKS_ALIKE and not r.include)
    if left:
        parts.append(
            f"{amount(left, '1 that looked', 'that looked')} like someone you have stayed out."
        )
    if unreadable:
        parts.append(unreadable)
    return " ".join(parts)


def undo_text(imported: Imported) -> str:
    """The Edit menu's "Undo import of 42 contacts"."""
    return f"import of {amount(imported.count + imported.merged, '1 contact', 'contacts')}"
