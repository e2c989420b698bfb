"""The files a store is made of, and whether a folder holds one."""

from __future__ import annotations

from pathlib import Path

from supportnet.data import file_names

DB_NAME = file_names.DB_NAME
#: SQLite's companions of the database file, moved, copied and removed with it.
SIDE_FILES = ("-wal", "-shm", "-journal")


def store_exists(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a store (a database or a key record)."""
    return (data_dir / DB_NAME).exists() or (data_dir / file_names.KEYINFO_NAME).exists()
