"""All data out as one open JSON file, and such a file back in (docs/data-format.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.data.data_rows import read_all, write_all
from supportnet.data.files import FILE_MODE, replace_atomically
from supportnet.i18n import N_, _
from supportnet.model import data_document
from supportnet.model.data_document import DataFileError
from supportnet.model.errors import SupportNetError

if TYPE_CHECKING:
    from supportnet.data.store import Store

__all__ = ["NOT_ENCRYPTED", "DataExport", "Exported", "Imported"]

#: Shown as ``_(NOT_ENCRYPTED)``.
NOT_ENCRYPTED = N_(
    "This file is not encrypted: anyone who can open it can read everything in it. "
    "Keep it somewhere private, and delete it when you no longer need it."
)

#: The largest file brought in (a 5,000-person store with 100,000 check-ins is ~60 MB).
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class Imported:
    added: dict[str, int]
    offered: dict[str, int]


class DataExport:
    """Reads and writes everything through the store, each in one transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def document_bytes(self, exported_at: datetime | None = None) -> bytes:
        """The whole store as the bytes of a data export."""
        with self._store.sessions() as session:
            document = read_all(session)
        document.exported_at = exported_at
        return data_document.dumps(document)

    def export_to(
        self, path: Path, exported_at: datetime | None = None, *, force: bool = False
    ) -> Exported:
        """Write everything to ``path`` (0600, atomically: never half a file). A file
        already there is replaced only if it is an earlier export, or with ``force``."""
        _check_target(path, force=force)
        with self._store.sessions() as session:
            document = read_all(session)
        document.exported_at = exported_at
        data = data_document.dumps(document)
        try:
            replace_atomically(path, data, FILE_MODE)
        except OSError as exc:
            raise SupportNetError(
                _("Can't write {path}: {reason}. Nothing was written.").format(
                    path=path, reason=exc.strerror
                )
            ) from exc
        return Exported(path, {name: len(items) for name, items in document.sections.items()})

    def import_from(self, path: Path, *, merge: bool) -> Imported:
        """Bring a data export in: into an empty store, or with ``merge`` beside what is
        there (skipping what it already holds, by uid). All of it or nothing."""
        document = data_document.parse(read_export_file(path))
        if not merge and not self._store.is_empty():
            counts = self._store.counts()
            raise SupportNetError(
                _(
                    "This store already holds data ({people} people, {groups} groups); a data "
                    "export goes only into an empty one. Use --merge to add what it doesn't have "
                    "yet. Nothing was changed."
                ).format(people=counts.people, groups=counts.groups)
            )
        from sqlalchemy.exc import IntegrityError

        try:
            with self._store.sessions.begin() as session:
                added = write_all(session, document, merge=merge)
        except IntegrityError:
            # Two entries the store can't hold together (a plan for no one, a mood of 9).
            raise DataFileError(
                _(
                    "This file is not a SupportNet data export that can be read (some of its "
                    "entries contradict each other); nothing was changed."
                )
            ) from None
        offered = {name: len(items) for name, items in document.sections.items()}
        return Imported(added, offered)


def _check_target(path: Path, *, force: bool) -> None:
    if path.is_dir():
        raise SupportNetError(
            _("{path} is a folder; choose a file name such as all-my-data.json.").format(path=path)
        )
    if not path.parent.is_dir():
        raise SupportNetError(
            _("Can't write {path}: the folder {parent} doesn't exist.").format(
                path=path, parent=path.parent
            )
        )
    if force or not path.exists():
        return
    try:
        with path.open("rb") as handle:
            start = handle.read(200)
    except OSError:
        start = b""
    if f'"format": "{data_document.FORMAT}"'.encode() not in start:
        raise SupportNetError(
            _(
                "{path} already exists and isn't a SupportNet data export; choose another "
                "name, or use --force to replace it."
            ).format(path=path)
        )


def read_export_file(path: Path) -> bytes:
    """The file's bytes, or one plain line saying why it can't be read."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DataFileError(_("This file is too large to be a SupportNet data export."))
        return path.read_bytes()
    except FileNotFoundError:
        raise SupportNetError(_("There is no file {path}.").format(path=path)) from None
    except IsADirectoryError:
        raise SupportNetError(_("{path} is a folder, not a file.").format(path=path)) from None
    except OSError as exc:
        raise SupportNetError(
            _("Can't read {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc
