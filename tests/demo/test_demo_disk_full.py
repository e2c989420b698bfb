"""The example network on a full disk: one calm line, exit 1, and the data as it was."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportnet.data.engine import RawDatabase
from supportnet.data.store import Counts
from supportnet.data.store_files import DB_NAME
from supportnet.demo.loader import SCRATCH_DIR_NAME
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli
from tests.conftest import cli_env
from tests.data.small_disk import mount_small_disk, unmount
from tests.data.test_salvage import store_key
from tests.demo.test_demo_atomic import counts_of, make_old_network

#: The real command line, with the store's connection unable to grow the database by one
#: page while the network moves in: SQLite's own SQLITE_FULL, as on a full disk.
_FULL_WHILE_MOVING_IN = """
import sys
import supportnet.demo.loader as loader

move_network = loader._move_network

def move_with_no_room(store, scratch_db):
    conn = store.db.connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    move_network(store, scratch_db)

loader._move_network = move_with_no_room
from supportnet.cli import run
sys.exit(run(sys.argv[1:]))
"""


def _run_full(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _FULL_WHILE_MOVING_IN, *args],
        capture_output=True,
        text=True,
        env=cli_env(SUPPORTNET_PASSPHRASE=PASS),
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def test_demo_into_a_new_store_with_no_room_says_the_disk_is_full(data_dir: Path) -> None:
    result = _run_full("demo", "--data-dir", str(data_dir))
    assert_one_line_error(result, 1, "disk is full", "Nothing was lost")
    assert counts_of(data_dir) == Counts(0, 0, 0, 0)
    assert not (data_dir / SCRATCH_DIR_NAME).exists()


def test_demo_force_with_no_room_says_the_disk_is_full_and_keeps_the_old_network(
    demo_dir: Path,
) -> None:
    _example, old = make_old_network(demo_dir)
    # Give the emptied pages back, so the example network needs new ones.
    database = RawDatabase(demo_dir / DB_NAME, store_key(demo_dir))
    try:
        database.execute("VACUUM")
    finally:
        database.close()

    result = _run_full("demo", "--force", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "disk is full", "Nothing was lost")
    assert counts_of(demo_dir) == old
    assert not (demo_dir / SCRATCH_DIR_NAME).exists()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    # Room for a new store and the example network built beside it, not for moving it in.
    where = tmp_path / "small-disk"
    reason = mount_small_disk(where, "600k")
    if reason is not None:
        pytest.skip(reason)
    try:
        yield where
    finally:
        unmount(where)


def test_demo_on_a_real_small_disk_says_the_disk_is_full(small_disk: Path) -> None:
    store = small_disk / "store"
    result = run_cli("demo", "--data-dir", str(store))
    assert_one_line_error(result, 1, "disk is full", "Nothing was lost")
    assert counts_of(store) == Counts(0, 0, 0, 0)
    assert not (store / SCRATCH_DIR_NAME).exists()
