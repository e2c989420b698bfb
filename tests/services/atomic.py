"""Helpers for atomicity tests: a whole-store snapshot, and a failure injected by a trigger.

Imported as ``tests.services.atomic``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

INJECTED = "injected failure"


def dump(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a fixed order: equal dumps mean an unchanged store."""
    tables = [
        name
        for (name,) in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    out = {}
    for table in tables:
        width = len(store.db.execute(f"PRAGMA table_info({table})"))
        order = ", ".join(str(i) for i in range(1, width + 1))
        out[table] = store.db.execute(f"SELECT * FROM {table} ORDER BY {order}")
    return out


@contextlib.contextmanager
def failing(store: Any, when: str, table: str, row: str = "") -> Iterator[None]:
    """Make the next ``when`` (INSERT, UPDATE or DELETE) on ``table`` fail, in SQLite itself.

    A real trigger in the database, so the failure comes mid-transaction from the same
    connection the write uses; it is dropped again on leaving. ``row``, an SQL condition on
    ``NEW`` or ``OLD``, limits it to one row (the last of several written to one table).
    """
    name = f"inject_{when.lower()}_{table}"
    condition = f"WHEN {row} " if row else ""
    store.db.execute(
        f"CREATE TRIGGER {name} BEFORE {when} ON {table} {condition}"
        f"BEGIN SELECT RAISE(ABORT, '{INJECTED}'); END"
    )
    try:
        yield
    finally:
        store.db.execute(f"DROP TRIGGER {name}")


@contextlib.contextmanager
def split_writes(store: Any) -> Iterator[None]:
    """Commit after every write statement, as if each were its own transaction again.

    For proving the atomicity tests can fail: with this on, a step that writes several rows
    leaves its first writes behind when its last one fails.
    """
    from sqlalchemy import event

    def commit_each(conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        verb = statement.split(None, 1)[0].upper()
        # A statement with RETURNING is still open here; committing would fail as busy.
        if verb in {"INSERT", "UPDATE", "DELETE"} and "RETURNING" not in statement.upper():
            raw = conn.connection.dbapi_connection
            if raw.in_transaction:
                raw.execute("COMMIT")
                raw.execute("BEGIN")

    event.listen(store.engine, "after_cursor_execute", commit_each)
    try:
        yield
    finally:
        event.remove(store.engine, "after_cursor_execute", commit_each)


@contextlib.contextmanager
def meanwhile(store: Any, change: Callable[[], None]) -> Iterator[None]:
    """Run ``change`` (another window's write, on its own connection) once, as the next
    write transaction begins, before that transaction has read anything.

    A step that reads and then writes in one transaction sees ``change``; a step that reads
    first and writes in a transaction of its own acts on what it read before ``change``.
    """
    from sqlalchemy import event

    pending = [change]

    def on_begin(_conn: Any) -> None:
        if pending:
            pending.pop()()

    event.listen(store.engine, "begin", on_begin)
    try:
        yield
    finally:
        event.remove(store.engine, "begin", on_begin)
