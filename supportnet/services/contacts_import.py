"""Bring people in from a phone's or webmail's contacts: a preview first, then one import."""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError
from supportnet.model.imported_contacts import ImportedContact, ReadFile, Unreadable
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    GroupKind,
    Person,
)
from supportnet.model.text import NAME_MAX, NOTE_MAX, SHORT_MAX
from supportnet.services.contact_matching import (
    NetworkIndex,
    email_key,
    name_key,
    phone_key,
    phone_region,
)
from supportnet.services.contact_text import decoded
from supportnet.services.csv_contacts import read_contacts_csv
from supportnet.services.vcard_reader import read_vcards

if TYPE_CHECKING:
    from supportnet.data.store import Store

#: Read at most this much of one file: a phone's whole address book is a few megabytes.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: What an import leaves out, shown as ``_(…)`` after "Not kept:".
SKIPPED_LABELS = N_("the labels of phone numbers and emails (such as “mobile”)")
UNCLEAR_BIRTHDAY = N_("the birthday, as its day and month could be either way round")


class Status(StrEnum):
    """What the preview found for one contact."""

    NEW = "new"
    ALREADY = "already"
    LOOKS_ALIKE = "looks_alike"
    UNUSABLE = "unusable"


@dataclass(slots=True)
class PreviewRow:
    """One contact as it would come in: what it becomes, and any duplicate note."""

    file: str
    contact: ImportedContact
    item: Person | Group
    status: Status
    note: str = ""
    #: Ticked in the preview: new contacts are; ones that look alike wait for a choice.
    include: bool = False
    #: What of the card the network can't hold, in plain words.
    skipped: list[str] = field(default_factory=list)
    #: The person in the network a look-alike shares a name with (None when it is a group,
    #: or a contact of this same import): who it may be merged into, and their name.
    alike_id: int | None = None
    alike_name: str = ""
    #: Chosen: merge into this person (by id) rather than add someone new; needs ``include``.
    merge_into: int | None = None


@dataclass(slots=True)
class FilePreview:
    """One file's contacts, and the cards or rows that could not be read."""

    path: Path
    rows: list[PreviewRow] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for row in self.rows if row.status is status)


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import added, to undo it: the new ids of people and of groups."""

    person_ids: tuple[int, ...]
    group_ids: tuple[int, ...]
    #: People contacts were merged into, as they were before, to put back.
    merged_from: tuple[Person, ...] = ()
    #: How many contacts were merged into them.
    merged: int = 0

    @property
    def count(self) -> int:
        return len(self.person_ids) + len(self.group_ids)


def read_file(path: Path) -> ReadFile:
    """A vCard or CSV file's contacts; a file that can't be opened raises one plain error."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SupportNetError(
            _("{name} could not be read ({reason}).").format(name=path.name, reason=exc.strerror)
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise SupportNetError(
            _("{name} is too large to be a contacts file.").format(name=path.name)
        )
    return read_contacts(data)


def read_contacts(data: bytes) -> ReadFile:
    """Contacts from a vCard or a CSV file, told apart by what they hold (not by the file's
    name: phones and webmails name them in many ways)."""
    if "begin:vcard" in decoded(data[:4096]).casefold():
        return read_vcards(data)
    return read_contacts_csv(data)


def _tidy(text: str, limit: int, *, multiline: bool = False) -> str:
    """``text`` fit to store: no control characters or undecodable bits, cut to ``limit``."""
    keep = "\n\t" if multiline else ""
    cleaned = text
    plain = text.replace("\n", "").replace("\t", "") if multiline else text
    if not plain.isprintable():  # most text is; only then is each character looked at
        cleaned = "".join(
            ch if ch in keep or unicodedata.category(ch) not in ("Cc", "Cs") else " " for ch in text
        )
    cleaned = cleaned if multiline else " ".join(cleaned.split())
    return cleaned.strip()[:limit].strip()


def _notes_of(contact: ImportedContact, *, with_details: bool) -> str:
    lines = [contact.note.replace("\r\n", "\n").strip()] if contact.note.strip() else []
    if contact.birthday is not None:
        lines.append(_("Birthday: {date}").format(date=contact.birthday.text))
    if contact.organisation and not contact.is_organisation:
        lines.append(_("Organisation: {name}").format(name=contact.organisation))
    if with_details:
        lines += [_("Phone: {number}").format(number=p.value) for p in contact.phones]
        lines += [_("Email: {address}").format(address=e.value) for e in contact.emails]
    return _tidy("\n".join(lines), NOTE_MAX, multiline=True)


def item_of(contact: ImportedContact, circle: Circle = Circle.OUTER) -> Person | Group:
    """What the contact becomes: a person, or for an organisation-only card a service.

    The network keeps no birthday, organisation or a group's numbers in fields of their
    own, so these go into the notes; labels are not kept.
    """
    tags = [_tidy(c, NAME_MAX) for c in contact.categories]
    if contact.is_organisation:
        group = Group(
            name=_tidy(contact.organisation, NAME_MAX),
            kind=GroupKind.SERVICE,
            circle=circle,
            notes=_notes_of(contact, with_details=True),
            tags=[t for t in tags if t],
        )
        return group.normalised()
    name = contact.name or contact.nickname
    if not name:
        name = (contact.emails or contact.phones)[0].value
    channels: list[ContactChannel] = []
    seen: set[tuple[ChannelKind, str]] = set()
    for kind, values in (
        (ChannelKind.CALL, contact.phones),
        (ChannelKind.EMAIL, contact.emails),
    ):
        for labelled in values:
            value = _tidy(labelled.value, SHORT_MAX)
            if value and (kind, value) not in seen:
                seen.add((kind, value))
                channels.append(ContactChannel(kind, value))
    person = Person(
        name=_tidy(name, NAME_MAX),
        nickname=_tidy(contact.nickname, NAME_MAX) if contact.name else "",
        circle=circle,
        channels=channels,
        notes=_notes_of(contact, with_details=False),
        tags=[t for t in tags if t],
    )
    return person.normalised()


def _channel_key(channel: ContactChannel, region: str | None) -> str:
    if channel.kind is ChannelKind.EMAIL or "@" in channel.value:
        return "e:" + email_key(channel.value)
    return "p:" + (phone_key(channel.value, region) or channel.value)


def merged(existing: Person, item: Person, region: str | None = None) -> Person:
    """``existing`` with what ``item`` adds: numbers and emails it lacks, a nickname if it
    has none, the notes and tags; its name, circle and everything else kept."""
    person = copy.deepcopy(existing)
    keys = {_channel_key(c, region) for c in person.channels}
    for channel in item.channels:
        key = _channel_key(channel, region)
        if key not in keys:
            keys.add(key)
            person.channels.append(ContactChannel(channel.kind, channel.value))
    if not person.nickname and item.nickname and name_key(item.nickname) != name_key(person.name):
        person.nickname = item.nickname
    if item.notes and item.notes not in person.notes:
        notes = f"{person.notes}\n\n{item.notes}" if person.notes else item.notes
        person.notes = _tidy(notes, NOTE_MAX, multiline=True)
    known = {t.casefold() for t in person.tags}
    person.tags += [t for t in item.tags if t.casefold() not in known]
    return person.normalised()


def _skipped(contact: ImportedContact) -> list[str]:
    labelled = [x for x in (*contact.phones, *contact.emails) if x.label]
    skipped = [_(SKIPPED_LABELS)] if labelled else []
    if contact.birthday_unclear:
        skipped.append(_(UNCLEAR_BIRTHDAY))
    return skipped


class ContactsImport:
    """The preview of contacts files against the network, and the import of what was chosen."""

    def __init__(self, store: Store | None, region: str | None = None) -> None:
        """``store`` None: a preview against an empty network (a dry run before any store)."""
        self._store = store
        #: Numbers without a country code are read in the user's region, never a fixed one.
        self.region = region if region is not None else phone_region()

    def preview(self, paths: Sequence[Path], circle: Circle = Circle.OUTER) -> list[FilePreview]:
        """Every contact of every file, marked new, already in the network (by email or
        number, also from an earlier file), looking like someone (same name only), or
        unusable. Nothing is written; a file that can't be opened raises."""
        return self.compare([(path, read_file(path)) for path in paths], circle)

    def compare(
        self, files: Sequence[tuple[Path, ReadFile]], circle: Circle = Circle.OUTER
    ) -> list[FilePreview]:
        """:meth:`preview` of files already read."""
        store = self._store
        people = store.people.list_all() if store is not None else []
        groups = store.groups.list_all() if store is not None else []
        index = NetworkIndex.of(people, groups, self.region)
        by_name: dict[str, Person] = {}
        for person in people:
            for name in (person.name, person.nickname):
                if name.strip():
                    by_name.setdefault(name_key(name), person)
        previews: list[FilePreview] = []
        for path, read in files:
            preview = FilePreview(path, unreadable=list(read.unreadable))
            for contact in read.contacts:
                row = self._row(path.name, contact, circle, index)
                if row.status is Status.LOOKS_ALIKE and isinstance(row.item, Person):
                    alike = by_name.get(name_key(contact.name))
                    if alike is not None:
                        row.alike_id, row.alike_name = alike.id, alike.display_name
                preview.rows.append(row)
            previews.append(preview)
        return previews

    @staticmethod
    def _row(
        file: str, contact: ImportedContact, circle: Circle, index: NetworkIndex
    ) -> PreviewRow:
        item = item_of(contact, circle)
        row = PreviewRow(file, contact, item, Status.NEW, skipped=_skipped(contact))
        problems = item.problems()
        if problems:
            row.status, row.note = Status.UNUSABLE, problems[0].message
        elif (known := index.same_details(contact)) is not None:
            row.status, row.note = (
                Status.ALREADY,
                _("already in your network as {name}").format(name=known),
            )
        elif (alike := index.same_name(contact)) is not None:
            row.status, row.note = (
                Status.LOOKS_ALIKE,
                _("looks like {name}, whom you have").format(name=alike),
            )
        else:
            row.include = True
        if row.status in (Status.NEW, Status.LOOKS_ALIKE):
            index.take(contact, item.display_name)
        return row

    def import_rows(self, rows: Sequence[PreviewRow]) -> Imported:
        """Add the ticked rows, and merge those chosen to be merged into the person they
        look like, in one transaction; what :meth:`undo` needs."""
        from supportnet.data.network_writes import add_all

        store = self._store
        if store is None:
            raise SupportNetError(_("There is no store to import into."))
        chosen = [r for r in rows if r.include and r.status is not Status.UNUSABLE]
        merging = [
            (r, r.merge_into, r.item)
            for r in chosen
            if r.merge_into is not None and isinstance(r.item, Person)
        ]
        # Read now, not at the preview: the person may have been edited since.
        before: dict[int, Person] = {}
        after: dict[int, Person] = {}
        for _row, into, item in merging:
            if into not in before:
                before[into] = store.people.get(into)
            after[into] = merged(after.get(into, before[into]), item, self.region)
        merging_rows = {id(r) for r, _into, _item in merging}
        adding = [r.item for r in chosen if id(r) not in merging_rows]
        people = [i for i in adding if isinstance(i, Person)]
        groups = [i for i in adding if isinstance(i, Group)]
        ids = add_all(store, people, groups, list(after.values()))
        return Imported(
            ids[: len(people)], ids[len(people) :], tuple(before.values()), len(merging)
        )

    def undo(self, imported: Imported) -> None:
        """Take out everything :meth:`import_rows` added and put merged people back as they
        were, in one transaction."""
        from supportnet.data.network_writes import remove_all

        if self._store is not None:
            remove_all(self._store, imported.person_ids, imported.group_ids, imported.merged_from)
