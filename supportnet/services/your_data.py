"""Your data as a whole, for the window: a data export's summary, bringing it in after a
backup, and deleting everything SupportNet keeps for the open store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supportnet.data.keys import KeyMethod, default_backend
from supportnet.data.store_key import AUTO_BACKEND
from supportnet.i18n import _, ngettext
from supportnet.model.errors import SupportNetError
from supportnet.model.text import amount

if TYPE_CHECKING:
    from supportnet.data.store import Store
    from supportnet.services.data_export import Exported, Imported

# The export, the import and deleting load their modules (SQLAlchemy among them) only when
# used: the app builds a DataDeletion before its first paint.

__all__ = [
    "DataDeletion",
    "Deleted",
    "ExportSummary",
    "Places",
    "YourData",
    "counts_text",
    "imported_text",
]

#: The sections counted in what a file holds and what was brought in, as people say them.
_COUNTED: tuple[tuple[str, Callable[[int], str]], ...] = (
    ("people", lambda n: amount(n, "1 person", "people")),
    ("groups", lambda n: amount(n, "1 group", "groups")),
    ("plans", lambda n: amount(n, "1 plan", "plans")),
    ("checkins", lambda n: amount(n, "1 check-in", "check-ins")),
)


def counts_text(counts: dict[str, int]) -> str:
    """ "12 people, 3 groups, 20 plans and 140 check-ins"."""
    parts = [said(counts.get(key, 0)) for key, said in _COUNTED]
    # Translators: the end of a list: "12 people, 3 groups, 20 plans" and "140 check-ins".
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def imported_text(done: Imported) -> str:
    """What an import brought in, in one sentence."""
    counts = counts_text(done.added)
    skipped = sum(count - done.added.get(name, 0) for name, count in done.offered.items())
    if not skipped:
        return _("Brought in {counts}.").format(counts=counts)
    return ngettext(
        "Brought in {counts}; {n} already here was left as they are.",
        "Brought in {counts}; {n} already here were left as they are.",
        skipped,
    ).format(counts=counts, n=skipped)


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What a data export file holds, read and checked before anything changes."""

    path: Path
    counts: dict[str, int]
    #: Whether the store held nothing when the file was read (then it is no merge).
    store_empty: bool


class YourData:
    """All data out to one open file, and such a file back in, for the window. Each
    method may take seconds on a big store: call them off the GUI thread."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def backups(self) -> Path:
        return self._store.backup_dir

    def export_to(self, path: Path, exported_at: datetime) -> Exported:
        """Write everything to ``path`` (0600, atomically); the person has already agreed
        to replace a file there (the save dialog asks)."""
        from supportnet.services.data_export import DataExport

        return DataExport(self._store).export_to(path, exported_at, force=True)

    def summary(self, path: Path) -> ExportSummary:
        """Read and check ``path`` as a data export (one plain error if it isn't one)."""
        from supportnet.model import data_document
        from supportnet.services.data_export import read_export_file

        document = data_document.parse(read_export_file(path))
        counts = {name: len(items) for name, items in document.sections.items()}
        return ExportSummary(path, counts, self._store.is_empty())

    def import_file(self, path: Path) -> tuple[Imported, Path | None]:
        """Bring ``path`` in: into an empty store as it is, else as a merge after a backup
        of what is here (returned), so the store as it was can always be restored."""
        from supportnet.data.backup import take_automatic_backup
        from supportnet.services.data_export import DataExport

        backup = None
        merge = not self._store.is_empty()
        if merge:
            backup = take_automatic_backup(self._store.db, self._store.backup_dir, "before-import")
        return DataExport(self._store).import_from(path, merge=merge), backup


@dataclass(frozen=True, slots=True)
class Places:
    """Where the open store keeps what deleting everything removes, and what it leaves."""

    data_dir: Path
    backups: Path
    extra_backups: Path | None
    key_in_keyring: bool


@dataclass(frozen=True, slots=True)
class Deleted:
    """What deleting everything removed, and what is still there."""

    removed: list[str]
    #: Files or folders in the data folder SupportNet didn't make, left as they were.
    left: list[str]
    #: The extra backup folder when its copies were kept (not asked to go).
    extra_kept: Path | None


class DataDeletion:
    """Closes the open store and deletes everything it keeps (data/delete_all.py)."""

    def __init__(self, store: Store, keyring_backend: Any = AUTO_BACKEND) -> None:
        self._store = store
        self._backend = keyring_backend

    def places(self) -> Places:
        chosen = self._store.settings.load().backup_folder
        return Places(
            self._store.data_dir,
            self._store.backup_dir,
            Path(chosen) if chosen else None,
            self._store.key_info.method is KeyMethod.KEYRING,
        )

    def delete_all(self, *, extra_too: bool) -> Deleted:
        """Close the store, then remove it, its key and its backups (those in the extra
        folder only with ``extra_too``). The store stays closed even when this raises
        (its message says what was removed so far)."""
        from supportnet.data.delete_all import delete_everything

        places = self.places()
        extra = places.extra_backups if extra_too else None
        self._store.close()
        backend = default_backend() if self._backend is AUTO_BACKEND else self._backend
        data_dir = places.data_dir
        try:
            removed = delete_everything(data_dir, keyring_backend=backend, extra_backups=extra)
        except SupportNetError as exc:
            # Its message says what was removed so far; say what is still there too.
            left = _left_in(data_dir)
            if not left:
                raise SupportNetError(exc.message) from exc
            still = _("Still in {data_dir}: {left}.").format(
                data_dir=data_dir, left=", ".join(left)
            )
            raise SupportNetError(f"{exc.message} {still}") from exc
        kept = places.extra_backups if not extra_too else None
        return Deleted(removed, _left_in(data_dir), kept)


def _left_in(folder: Path) -> list[str]:
    """What a folder still holds, as paths inside it (none if it is gone)."""
    if not folder.is_dir():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
