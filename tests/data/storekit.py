"""Helpers for the data-tier tests: an in-memory keyring, raw keys, queries, file snapshots.

Imported as ``tests.data.storekit``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

from supportnet.data import keys
from supportnet.data.backup_format import extract_database, is_container, read_header
from supportnet.data.engine import make_engine, raw_execute
from supportnet.data.lock import LOCK_NAME

TEST_PASSPHRASE = "a calm test passphrase"  # the same as tests/conftest.py's provider gives


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps entries in a dict: usable, like a real Secret Service."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def raw_key(data_dir: Path, backend: Any = None) -> bytes:
    """The database key of the store in ``data_dir``, read the way the app reads it."""
    info = keys.read_keyinfo(data_dir)
    assert info is not None, f"no key record in {data_dir}"
    if info.method is keys.KeyMethod.KEYRING:
        return keys.load_from_keyring(backend, info)
    return keys.unwrap_key(info, TEST_PASSPHRASE)


def query(db: Path, key: bytes, sql: str) -> list[tuple[Any, ...]]:
    """Run one statement on ``db`` (a database or a backup) through a fresh engine."""
    if is_container(db):
        with tempfile.TemporaryDirectory() as folder:
            return query(backup_database(db, Path(folder)), key, sql)
    engine = make_engine(db, key, pooled=False)
    try:
        return raw_execute(engine, sql)
    finally:
        engine.dispose()


def backup_database(backup: Path, folder: Path) -> Path:
    """The encrypted database inside a portable backup, copied into ``folder``."""
    header, start = read_header(backup)
    out = folder / "payload.db"
    extract_database(backup, start, header, out)
    return out


def count(db: Path, key: bytes, table: str) -> int:
    return int(query(db, key, f"SELECT count(*) FROM {table}")[0][0])


Snapshot = dict[str, tuple[bytes, int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Every file under ``folder`` (but the lock file) with its bytes, mtime and mode.

    The lock file is left out: taking the lock writes the holder's pid into it, and that is
    the one change a refused open is expected to make.
    """
    out: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != LOCK_NAME:
            st = path.stat()
            out[str(path.relative_to(folder))] = (path.read_bytes(), st.st_mtime_ns, st.st_mode)
    return out
