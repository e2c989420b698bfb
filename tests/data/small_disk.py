"""Full disks for tests: a real 2 MiB tmpfs where one can be mounted, and SQLite's page cap.

Imported as ``tests.data.small_disk``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FILLER = "filler"


def mount_small_disk(where: Path, size: str = "2m") -> str | None:
    """Mount a ``size`` tmpfs on ``where`` (made here); the reason it can't, or None."""
    if not sys.platform.startswith("linux"):
        return "a small tmpfs needs Linux"
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root (CI runs these tests as root)"
    if shutil.which("mount") is None:
        return "there is no mount command"
    where.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return f"mount -t tmpfs failed here: {result.stderr.strip() or result.returncode}"
    return None


def unmount(where: Path) -> None:
    result = subprocess.run(["umount", str(where)], capture_output=True, check=False)
    if result.returncode != 0:  # something still has a file open there: detach it anyway
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill(disk: Path) -> Path:
    """Write a filler file until ``disk`` has no byte left; return it (delete it to free)."""
    filler = disk / FILLER
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (1 << 16, 1 << 12, 1):
            chunk = b"\0" * size
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, chunk)
    finally:
        os.close(fd)
    assert shutil.disk_usage(disk).free == 0, "the filler left room"
    probe = disk / "probe"
    with pytest.raises(OSError, match="No space left"):
        probe.write_bytes(b"x" * 4096)
    with contextlib.suppress(FileNotFoundError):
        probe.unlink()
    return filler


@contextlib.contextmanager
def pages_capped(store: Any) -> Iterator[None]:
    """While inside, the store's ORM connections can't grow the database by one page.

    ``PRAGMA max_page_count`` makes SQLite fail with its real SQLITE_FULL ("database or
    disk is full"), on any machine, as a full disk does.
    """
    from sqlalchemy import event

    from supportnet.data.engine import raw_execute

    pages = int(raw_execute(store.db, "PRAGMA page_count")[0][0])

    def cap(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    store.engine.dispose()  # pooled connections made before would not be capped
    event.listen(store.engine, "connect", cap)
    try:
        yield
    finally:
        event.remove(store.engine, "connect", cap)
        store.engine.dispose()


def free_pages(store: Any) -> int:
    from supportnet.data.engine import raw_execute

    return int(raw_execute(store.db, "PRAGMA freelist_count")[0][0])
