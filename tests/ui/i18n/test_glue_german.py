"""Where one area shows what another marked: German reaches the screen, and nothing that
compares or trims text breaks when the text is German."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from supportnet import i18n
from supportnet.data import recovery
from supportnet.data.store import open_store
from supportnet.model.network import Circle, Person
from supportnet.ui import app as app_module
from supportnet.ui.widgets import dialogs
from tests.data.storekit import MemoryKeyring
from tests.ui.conftest import NOW


def test_a_lost_keyring_entry_offers_the_recovery_key_without_the_command_in_german(
    data_dir: Path, monkeypatch: Any, qapp: Any
) -> None:
    with open_store(data_dir, keyring_backend=MemoryKeyring()) as store:
        store.people.add(Person(name="Robin", circle=Circle.INNER))
        recovery.RecoveryKeeper.for_store(store, lambda: NOW).key_text()
    offered: list[str] = []
    monkeypatch.setattr(
        dialogs, "offer_recovery_unlock", lambda _parent, message: offered.append(message) and False
    )
    i18n.set_language("de")
    try:
        hint = recovery.unlock_hint()
        assert hint != recovery.UNLOCK_HINT  # the hint is German
        opened = app_module.open_store_interactively(
            data_dir,
            lambda _p, _m: None,
            keyring_backend=MemoryKeyring(),
            recover=lambda _folder, _reason: None,
        )
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert opened is None
    assert len(offered) == 1
    assert recovery.UNLOCK_COMMAND not in offered[0], "no command in the app"
