"""What the contacts preview and its result say, in plain words (no Qt here)."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from supportnet.i18n import _, ngettext
from supportnet.i18n.calendar_words import words
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
        parts.append(_("a service"))
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
        parts.append(_("a nickname"))
    if contact.birthday is not None:
        parts.append(_("birthday {date}").format(date=contact.birthday.text))
    if contact.note.strip():
        parts.append(_("a note"))
    if item.tags:
        parts.append(amount(len(item.tags), "a label", "labels"))
    return ", ".join(parts) if parts else _("the name only")


def note_of(row: PreviewRow) -> str:
    """The duplicate note, and what will happen to a contact that looks like someone."""
    if row.status is Status.UNUSABLE:
        return _("Can't be brought in: {reason}").format(reason=row.note)
    note = row.note[:1].upper() + row.note[1:]
    if row.status is Status.ALREADY:
        # Translators: {note} is e.g. "Already in your network as Tom Whitaker".
        return _("{note}; added again").format(note=note) if row.include else note
    if row.status is Status.LOOKS_ALIKE:
        choice = choice_of(row)
        # Translators: {note} is e.g. "Looks like Tom Whitaker, whom you have".
        if choice is Choice.SKIP:
            return _("{note}: left out for now").format(note=note)
        if choice is Choice.ADD:
            return _("{note}: added as someone new").format(note=note)
        return _("{note}: merged into {name}").format(note=note, name=row.alike_name)
    return ""


def _n(n: int) -> str:
    """A count written the language's way ("1,200", "1.200")."""
    return words().number(n)


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
        n = len(cards)
        if kind == "row":
            text = ngettext("1 row couldn't be read.", "{n} rows couldn't be read.", n)
        elif kind == "card":
            text = ngettext("1 card couldn't be read.", "{n} cards couldn't be read.", n)
        else:
            text = ngettext("1 contact couldn't be read.", "{n} contacts couldn't be read.", n)
        parts.append(text.format(n=_n(n)))
    parts += [_("No contacts were found in {name}.").format(name=name) for name in files]
    return " ".join(parts)


def unreadable_details(previews: Sequence[FilePreview]) -> list[str]:
    """One line per card or row that couldn't be read: where, and why (no contact data)."""
    lines: list[str] = []
    for preview in previews:
        for found in preview.unreadable:
            lines.append(_detail(preview.path.name, found))
    return lines


def _detail(name: str, found: Unreadable) -> str:
    return f"{name}, {_where(found.where)}: {found.reason}"


def _where(where: str) -> str:
    """ "row 3", "card 2" or "the file" (the readers' own English, kept as a key), said in
    the language in use."""
    kind, _space, number = where.partition(" ")
    if kind == "row" and number.isdigit():
        return _("row {n}").format(n=number)
    if kind == "card" and number.isdigit():
        return _("card {n}").format(n=number)
    if where == "the file":
        return _("the file")
    return where


def summary_line(previews: Sequence[FilePreview]) -> str:
    """ "42 contacts in contacts.vcf. 3 are already in your network; 1 looks like someone
    you have."""
    rows = [r for p in previews for r in p.rows]
    n = len(rows)
    if len(previews) == 1:
        text = ngettext("1 contact in {file}.", "{n} contacts in {file}.", n)
        text = text.format(n=_n(n), file=previews[0].path.name)
    else:
        text = ngettext("1 contact in {files} files.", "{n} contacts in {files} files.", n)
        text = text.format(n=_n(n), files=_n(len(previews)))
    already = sum(1 for r in rows if r.status is Status.ALREADY)
    alike = sum(1 for r in rows if r.status is Status.LOOKS_ALIKE)
    notes = []
    if already:
        notes.append(
            ngettext(
                "1 is already in your network", "{n} are already in your network", already
            ).format(n=_n(already))
        )
    if alike:
        notes.append(
            ngettext(
                "1 looks like someone you have", "{n} look like someone you have", alike
            ).format(n=_n(alike))
        )
    if notes:
        text += " " + "; ".join(notes) + "."
    return text


def chosen_count(rows: Sequence[PreviewRow]) -> int:
    return sum(1 for r in rows if r.include and r.status is not Status.UNUSABLE)


def result_line(rows: Sequence[PreviewRow], imported: Imported, unreadable: str = "") -> str:
    """ "Added 42 people. 3 were already in your network."."""
    people, groups = len(imported.person_ids), len(imported.group_ids)
    parts = []
    if people and groups:
        parts.append(
            _("Added {people} and {groups}.").format(
                people=amount(people, "1 person", "people"),
                groups=amount(groups, "1 group", "groups"),
            )
        )
    elif people:
        parts.append(ngettext("Added 1 person.", "Added {n} people.", people).format(n=_n(people)))
    elif groups:
        parts.append(ngettext("Added 1 group.", "Added {n} groups.", groups).format(n=_n(groups)))
    merged = imported.merged
    if merged:
        parts.append(
            ngettext(
                "Merged 1 contact into people you have.",
                "Merged {n} contacts into people you have.",
                merged,
            ).format(n=_n(merged))
        )
    if not parts:
        parts.append(_("No one was added."))
    already = sum(1 for r in rows if r.status is Status.ALREADY and not r.include)
    if already:
        parts.append(
            ngettext(
                "1 was already in your network.", "{n} were already in your network.", already
            ).format(n=_n(already))
        )
    left = sum(1 for r in rows if r.status is Status.LOOKS_ALIKE and not r.include)
    if left:
        parts.append(
            ngettext(
                "1 that looked like someone you have stayed out.",
                "{n} that looked like someone you have stayed out.",
                left,
            ).format(n=_n(left))
        )
    if unreadable:
        parts.append(unreadable)
    return " ".join(parts)


def undo_text(imported: Imported) -> str:
    """The Edit menu's "Undo import of 42 contacts"."""
    n = imported.count + imported.merged
    # Translators: after "Undo"/"Redo" in the Edit menu: "Undo import of 42 contacts".
    return ngettext("import of 1 contact", "import of {n} contacts", n).format(n=_n(n))
