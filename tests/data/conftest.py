"""Fixtures for the data tier: an in-memory keyring and a store kept in it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.data.storekit import MemoryKeyring


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def open_keyring_store(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> Iterator[Callable[..., Any]]:
    """Open (or create) the store in ``data_dir`` with its key in ``memory_keyring``."""
    from supportnet.data.store import open_store

    opened: list[Any] = []

    def _open(**kwargs: Any) -> Any:
        store = open_store(data_dir, keyring_backend=memory_keyring, **kwargs)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example store, made once by `supportnet demo` (the passphrase path)."""
    from tests.data.test_cli import run_cli

    folder = tmp_path_factory.mktemp("demo") / "store"
    result = run_cli("demo", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def demo_dir(demo_folder: Path, tmp_path: Path) -> Path:
    """A private copy of the example store for one test."""
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(demo_folder, copy)
    return copy


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MiB file system (a tmpfs, so root on Linux); skipped, saying why, elsewhere."""
    from tests.data.small_disk import mount_small_disk, unmount

    where = tmp_path / "small-disk"
    reason = mount_small_disk(where)
    if reason is not None:
        pytest.skip(reason)
    try:
        yield where
    finally:
        unmount(where)
