"""Salvage: copy every row of a damaged store that can still be read into a fresh backup.

SQLCipher authenticates each page on its own, so one damaged page makes only the rows on
it unreadable. The damaged database is read table by table in rowid order; where a read
fails, the rows are tried one by one to step past the damaged page. A connection that met
a damaged page keeps failing, so every failure gets a fresh one.
"""

from __future__ import annotations

import contextlib
import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supportnet.data.backup import refuse_inside_store, write_backup
from supportnet.data.engine import DatabaseFailure, RawDatabase, connect_raw
from supportnet.data.files import FILE_MODE
from supportnet.data.keys import PassphraseProvider
from supportnet.data.paths import user_path
from supportnet.data.store_files import DB_NAME
from supportnet.data.store_key import AUTO_BACKEND, locked_key
from supportnet.i18n import N_, _
from supportnet.model.errors import BackupError, CorruptStoreError

#: What a person calls the rows of each table, in the order a report lists them.
KINDS = {
    "people": N_("people"),
    "community_groups": N_("groups"),
    "plans": N_("plans"),
    "checkins": N_("check-ins"),
    "person_channels": N_("ways to reach people"),
    "person_support": N_("kinds of support (people)"),
    "group_support": N_("kinds of support (groups)"),
    "person_tags": N_("tags (people)"),
    "group_tags": N_("tags (groups)"),
    "plan_skips": N_("skipped days"),
    "plan_postponements": N_("moved check-ins"),
    "message_ideas": N_("message ideas"),
    "settings": N_("settings"),
    "calendar_events": N_("calendar export records"),
    "safety_plan_entries": N_("plan for hard days"),
    "care_teams": N_("care teams"),
    "care_team_supporters": N_("care team supporters"),
    "rota_slots": N_("rota check-ins"),
    "rota_slot_skips": N_("skipped rota days"),
    "rota_swaps": N_("rota swaps"),
}
#: Kept, but not worth a line of the report.
_QUIET = frozenset({"alembic_version"})

_BATCH = 500
_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1
#: Rowids tried one at a time past a damaged page before the steps start doubling.
_LINEAR_PROBES = 512


@dataclass(frozen=True, slots=True)
class TableSalvage:
    """What became of one table's rows."""

    table: str
    saved: int
    #: How many rows the table held, when an intact index tells; else None.
    held: int | None
    #: Readable rows left out because the row they belong to (a person) was lost.
    left_out: int = 0
    #: Rows saved without their link to a plan that was lost (the link is optional).
    unlinked: int = 0

    @property
    def kind(self) -> str:
        known = KINDS.get(self.table)
        return _(known) if known is not None else self.table

    @property
    def unreadable(self) -> int | None:
        """Rows that couldn't be read, or None if unknown (no intact index to count them)."""
        if self.held is None:
            return None
        return max(self.held - self.saved - self.left_out, 0)

    @property
    def complete(self) -> bool:
        return self.unreadable == 0 and self.left_out == 0


@dataclass(frozen=True, slots=True)
class SalvageResult:
    path: Path
    tables: list[TableSalvage]

    @property
    def complete(self) -> bool:
        return all(t.complete for t in self.tables)

    def reported(self) -> list[TableSalvage]:
        """The tables worth a line, in :data:`KINDS` order, then any others by name."""
        order = {name: i for i, name in enumerate(KINDS)}
        shown = [t for t in self.tables if t.table not in _QUIET]
        return sorted(shown, key=lambda t: (order.get(t.table, len(order)), t.table))


def salvage(
    data_dir: Path,
    out: Path,
    *,
    passphrase: PassphraseProvider | None = None,
    keyring_backend: Any = AUTO_BACKEND,
) -> SalvageResult:
    """Copy every readable row of the store in ``data_dir`` into a new backup at ``out``.

    The store's own file is only read. ``out`` is written like any backup (same key,
    atomically), so ``supportnet restore`` takes it.
    """
    with locked_key(data_dir, passphrase=passphrase, keyring_backend=keyring_backend) as key:
        return salvage_database(data_dir / DB_NAME, key, out)


def salvage_database(db: Path, key: bytes, out: Path) -> SalvageResult:
    """Salvage the database ``db`` (encrypted with ``key``) into a backup at ``out``."""
    out = user_path(out)
    _check_target(out, db.parent)
    source = _Reader(db, key)
    try:
        schema = _read_schema(source, db)
        # Built beside the output (the store's own folder may be on a failing disk).
        temp = out.with_name(f".{out.name}.salvaging")
        _clear_leftovers(out, temp)
        try:
            # Created 0600 first: SQLite keeps an existing file's mode.
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        except OSError as exc:
            raise BackupError(
                _("Can't write in {parent}: {reason}.").format(
                    parent=out.parent, reason=exc.strerror
                )
            ) from exc
        try:
            try:
                tables = _build(source, schema, temp, key)
            except DatabaseFailure as exc:
                # Reads of the damaged store never raise; this is the new copy failing.
                raise BackupError(
                    _("Can't write the salvaged copy in {parent}: {orig}.").format(
                        parent=out.parent, orig=exc.orig
                    )
                ) from exc
            _refuse_existing(out)  # again: building the copy can take a while
            copy = RawDatabase(temp, key)
            try:
                # The key records are the damaged store's, not the copy's folder's.
                path = write_backup(copy, out, data_dir=db.parent)
            finally:
                copy.close()
        finally:
            _remove(temp)
    finally:
        source.close()
    return SalvageResult(path, tables)


def _check_target(out: Path, data_dir: Path) -> None:
    """Refuse an output that is missing its folder, or would land on the store's own files."""
    if not out.parent.is_dir():
        raise BackupError(
            _("Can't write the salvaged copy: the folder {parent} doesn't exist.").format(
                parent=out.parent
            )
        )
    if out.is_dir():
        raise BackupError(_("Can't write the salvaged copy: {out} is a folder.").format(out=out))
    refuse_inside_store(out, data_dir, "the salvaged copy")
    _refuse_existing(out)


def _refuse_existing(out: Path) -> None:
    # A salvaged copy may hold only part of the data, so it never takes a file's place,
    # least of all a backup's (the damage message names the newest one in backups/).
    if os.path.lexists(out):
        raise BackupError(
            _(
                "{out} already exists, so it was left alone: a salvaged copy never replaces a "
                "file. Choose a new name for it."
            ).format(out=out)
        )


# --- Reading what can be read ----------------------------------------------------------------


class _Reader:
    """Reads from the damaged database; a failed read gives None and a fresh connection."""

    def __init__(self, db: Path, key: bytes) -> None:
        self._db = RawDatabase(db, key)
        self.failures = 0

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]] | None:
        try:
            return self._db.execute(sql, params)
        except DatabaseFailure:
            # SQLCipher keeps failing on a connection that met a bad page; start afresh.
            self._db.close()
            self.failures += 1
            return None

    def close(self) -> None:
        self._db.close()


@dataclass(frozen=True, slots=True)
class _Schema:
    tables: list[tuple[str, str]]  # (name, CREATE TABLE …)
    later: list[str]  # CREATE INDEX / TRIGGER / VIEW, run once the rows are in
    #: Per table: its column names, and the indexes that hold every row's rowid.
    columns: dict[str, list[str]]
    full_indexes: dict[str, list[str]]


def _read_schema(source: _Reader, db: Path) -> _Schema:
    entries = source.rows("SELECT type, name, tbl_name, sql FROM sqlite_master")
    if not entries:
        raise BackupError(
            _(
                "The database {db} is damaged where it keeps its table list, so nothing can be "
                "salvaged from it. Restore a backup with `supportnet restore FILE --force`."
            ).format(db=db)
        )
    tables: list[tuple[str, str]] = []
    later: list[str] = []
    columns: dict[str, list[str]] = {}
    full_indexes: dict[str, list[str]] = {}
    for kind, name, _table, sql in entries:
        if sql is None or str(name).startswith("sqlite_"):
            continue
        if kind == "table":
            tables.append((name, sql))
        else:
            later.append(sql)
    for name, _sql in tables:
        info = source.rows(f"PRAGMA table_info({_quote(name)})")
        if not info:
            raise BackupError(
                _(
                    "The database {db} is damaged where it describes its tables, so nothing can be "
                    "salvaged from it. Restore a backup with `supportnet restore FILE --force`."
                ).format(db=db)
            )
        columns[name] = [str(row[1]) for row in info]
        indexes = source.rows(f"PRAGMA index_list({_quote(name)})") or []
        # (seq, name, unique, origin, partial): a partial index doesn't hold every row.
        full_indexes[name] = [str(row[1]) for row in indexes if not row[4]]
    return _Schema(tables, later, columns, full_indexes)


def _held_rowids(source: _Reader, table: str, indexes: Sequence[str]) -> list[int] | None:
    """Every rowid the table holds, read from an index alone (so not from its own pages)."""
    for index in indexes:
        found = source.rows(f"SELECT rowid FROM {_quote(table)} INDEXED BY {_quote(index)}")
        if found is not None:
            return sorted(int(row[0]) for row in found)
    return None


def _readable_rows(
    source: _Reader, table: str, columns: list[str], held: list[int] | None
) -> Iterator[list[tuple[Any, ...]]]:
    """The table's readable rows (rowid first), in batches, stepping past damaged pages."""
    select = f"SELECT rowid, {', '.join(map(_quote, columns))} FROM {_quote(table)}"
    start = _INT64_MIN
    while True:
        batch = source.rows(f"{select} WHERE rowid >= ? ORDER BY rowid LIMIT {_BATCH}", (start,))
        if batch is not None:
            if batch:
                yield batch
            if len(batch) < _BATCH:
                return
            start = int(batch[-1][0]) + 1
            continue
        # Somewhere in this batch is a damaged page: go row by row up to it.
        while one := source.rows(f"{select} WHERE rowid >= ? ORDER BY rowid LIMIT 1", (start,)):
            yield one
            start = int(one[0][0]) + 1
        if one == []:
            return
        # The first row from ``start`` on can't be read. Every resume is past it, so each
        # turn of this loop reads at least one row more, or ends.
        resume = _past_damage(source, select, start, held)
        if resume is None:
            return
        start = resume


def _past_damage(source: _Reader, select: str, start: int, held: list[int] | None) -> int | None:
    """The first rowid after the unreadable row at or after ``start`` that reads, or None.

    Probes read whole rows, as the copy does: a long note is kept on overflow pages of its
    own, so a row can be found by its rowid and still fail to read.
    """
    if held is not None:
        # The index says which rows exist: the first from ``start`` on is the unreadable
        # one; try each after it directly.
        failed = next((r for r in held if r >= start), None)
        if failed is None:
            return None
        for rowid in (r for r in held if r > failed):
            if source.rows(f"{select} WHERE rowid = ?", (rowid,)) is not None:
                return rowid
        return None
    # No intact index: probe rowids one by one, then in doubling steps. Seeking to a rowid
    # past the damaged page's range succeeds, and reading carries on from there.
    probe = f"{select} WHERE rowid >= ? ORDER BY rowid LIMIT 1"
    step, probes, candidate = 1, 0, start + 1
    while candidate <= _INT64_MAX:
        found = source.rows(probe, (candidate,))
        if found is not None:
            return candidate if found else None  # none left after the damage
        probes += 1
        if probes > _LINEAR_PROBES:
            step *= 2
        candidate += step
    return None


# --- Writing the copy ------------------------------------------------------------------------


def _build(source: _Reader, schema: _Schema, temp: Path, key: bytes) -> list[TableSalvage]:
    import sqlcipher3

    try:
        return _build_in(source, schema, connect_raw(temp, key, foreign_keys=False))
    except sqlcipher3.Error as exc:
        raise DatabaseFailure(exc) from exc


def _build_in(source: _Reader, schema: _Schema, conn: Any) -> list[TableSalvage]:
    # Foreign keys off while copying: parents may come after children, or not at all.
    try:
        conn.execute("BEGIN")
        for _name, sql in schema.tables:
            conn.execute(sql)
        saved: dict[str, int] = {}
        held: dict[str, int | None] = {}
        for name, _sql in schema.tables:
            columns = schema.columns[name]
            rowids = _held_rowids(source, name, schema.full_indexes[name])
            held[name] = None if rowids is None else len(rowids)
            insert = (
                f"INSERT INTO {_quote(name)} (rowid, {', '.join(map(_quote, columns))}) "
                f"VALUES ({', '.join('?' * (len(columns) + 1))})"
            )
            saved[name] = 0
            failures = source.failures
            for batch in _readable_rows(source, name, columns, rowids):
                conn.executemany(insert, batch)
                saved[name] += len(batch)
            if source.failures == failures:
                held[name] = saved[name]  # every read worked: nothing was missed
        for sql in schema.later:
            conn.execute(sql)
        left_out, unlinked = _drop_orphans(conn)
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(Exception):
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return [
        TableSalvage(
            name,
            saved[name] - left_out.get(name, 0),
            held[name],
            left_out.get(name, 0),
            unlinked.get(name, 0),
        )
        for name, _sql in schema.tables
    ]


def _drop_orphans(conn: Any) -> tuple[dict[str, int], dict[str, int]]:
    """Mend rows whose parent row was lost: (rows left out, rows kept but unlinked) by table.

    A link the schema lets go (ON DELETE SET NULL: a check-in's or calendar record's plan)
    is cleared and the row kept, note and all. Any other lost link (a check-in's person)
    leaves the row out: the app expects it to belong to someone. Leaving one out can orphan
    another (a plan's skipped days), hence the loop.
    """
    dropped: dict[str, set[int]] = {}
    unlinked: dict[str, set[int]] = {}
    links: dict[str, dict[int, tuple[str, list[str]]]] = {}
    while problems := conn.execute("PRAGMA foreign_key_check").fetchall():
        # One row per broken link; a row may have several. (table, rowid, parent, fk id)
        broken: dict[tuple[str, int], set[int]] = {}
        for problem in problems:
            broken.setdefault((str(problem[0]), int(problem[1])), set()).add(int(problem[3]))
        for (table, rowid), fk_ids in broken.items():
            if table not in links:
                links[table] = _links(conn, table)
            actions = [links[table][fk] for fk in fk_ids]
            if all(action == "SET NULL" for action, _columns in actions) and _unlink(
                conn, table, rowid, [c for _action, columns in actions for c in columns]
            ):
                unlinked.setdefault(table, set()).add(rowid)
                continue
            conn.execute(f"DELETE FROM {_quote(table)} WHERE rowid = ?", (rowid,))
            dropped.setdefault(table, set()).add(rowid)
            unlinked.get(table, set()).discard(rowid)
    return (
        {table: len(rows) for table, rows in dropped.items()},
        {table: len(rows) for table, rows in unlinked.items() if rows},
    )


def _links(conn: Any, table: str) -> dict[int, tuple[str, list[str]]]:
    """The table's foreign keys by id: what deleting the parent does, and the columns."""
    found: dict[int, tuple[str, list[str]]] = {}
    # (id, seq, parent, from, to, on_update, on_delete, match), one row per column.
    for row in conn.execute(f"PRAGMA foreign_key_list({_quote(table)})").fetchall():
        found.setdefault(int(row[0]), (str(row[6]).upper(), []))[1].append(str(row[3]))
    return found


def _unlink(conn: Any, table: str, rowid: int, columns: list[str]) -> bool:
    """Clear the row's links to lost parents; False if the row can't stand without them."""
    import sqlcipher3

    assignments = ", ".join(f"{_quote(column)} = NULL" for column in dict.fromkeys(columns))
    try:
        conn.execute(f"UPDATE {_quote(table)} SET {assignments} WHERE rowid = ?", (rowid,))
    except sqlcipher3.IntegrityError:  # NOT NULL or CHECK: the row needs that link
        return False
    return True


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _remove(temp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{temp}{suffix}").unlink()


def _clear_leftovers(out: Path, temp: Path) -> None:
    """Remove what a killed salvage to ``out`` left: its copy, and the backup's temporaries."""
    _remove(temp)
    # write_backup's names: .NAME.<random>.partial, and .partial.backup / -journal beside it.
    for stale in out.parent.glob(glob.escape(f".{out.name}.") + "*.partial*"):
        with contextlib.suppress(OSError):
            stale.unlink()


def backup_damaged(
    data_dir: Path,
    out: Path,
    damage: CorruptStoreError,
    *,
    passphrase: PassphraseProvider | None = None,
    keyring_backend: Any = AUTO_BACKEND,
    force: bool = False,
) -> Path:
    """A whole backup of a store that failed its check, if every page a backup reads is fine.

    Otherwise ``damage`` (which names the newest backup and salvage) is raised again.
    """
    with locked_key(data_dir, passphrase=passphrase, keyring_backend=keyring_backend) as key:
        database = RawDatabase(data_dir / DB_NAME, key)
        try:
            return write_backup(database, out, force=force)
        except BackupError as exc:
            if isinstance(exc.__cause__, DatabaseFailure):
                raise damage from None
            raise
        finally:
            database.close()
