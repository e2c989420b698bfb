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
