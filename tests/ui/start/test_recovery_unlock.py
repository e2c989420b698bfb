"""The way back in with the recovery key: the passphrase dialog's link, the key dialog, startup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from supportnet.data import recovery
from supportnet.data.keys import PassphrasePurpose
from supportnet.data.store import Store, open_store
from supportnet.data.store_recovery import recover_store
from supportnet.model.errors import KeyringEntryMissingError
from supportnet.model.network import Circle, Person
from supportnet.ui import app as app_module
from supportnet.ui.start import unlock_dialog
from supportnet.ui.start.recovery_unlock import (
    KEYRING_OFFER,
    NO_NEW_PASSPHRASE,
    WRONG_KEY,
    Reason,
    RecoveryUnlockDialog,
    recover_with_dialog,
)
from supportnet.ui.start.unlock_dialog import RecoveryKeyRequested, UnlockDialog
from supportnet.ui.widgets import dialogs
from tests.conftest import TEST_PASSPHRASE
from tests.data.storekit import MemoryKeyring
from tests.data.test_store_recovery import snapshot
from tests.ui.conftest import NOW

NEW_PASSPHRASE = "a brand new calm passphrase"


def _make_store(folder: Path, **kwargs: Any) -> str:
    """A closed store holding Robin; its recovery key."""
    with open_store(folder, **kwargs) as store:
        store.people.add(Person(name="Robin", circle=Circle.INNER))
        return recovery.RecoveryKeeper.for_store(store, lambda: NOW).key_text()


@pytest.fixture
def forgotten(data_dir: Path, no_keyring: Any) -> str:
    """A passphrase store whose passphrase is forgotten; its recovery key."""
    return _make_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring)


def _typo(key: str) -> str:
    return key[:10] + ("Z" if key[10] != "Z" else "Y") + key[11:]


# --- The passphrase dialog's way out -------------------------------------------------------


def test_the_unlock_dialog_offers_the_recovery_key_quietly(qtbot: Any) -> None:
    plain = UnlockDialog(PassphrasePurpose.UNLOCK)
    qtbot.addWidget(plain)
    assert plain.forgot_button is None, "no recovery record, no promise"
    new = UnlockDialog(PassphrasePurpose.NEW, offer_recovery=True)
    qtbot.addWidget(new)
    assert new.forgot_button is None

    dialog = UnlockDialog(PassphrasePurpose.UNLOCK, offer_recovery=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    button = dialog.forgot_button
    assert button is not None
    assert button.accessibleName() == "Forgot your passphrase? Use your recovery key…"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not button.isDefault(), "Enter still unlocks"
    button.click()
    assert dialog.result() == unlock_dialog.USE_RECOVERY_KEY


def test_ask_passphrase_carries_the_choice_out(qtbot: Any, monkeypatch: Any) -> None:
    def choose_recovery(self: UnlockDialog) -> int:
        assert self.forgot_button is not None
        self.forgot_button.click()
        return self.result()

    monkeypatch.setattr(UnlockDialog, "exec", choose_recovery)
    with pytest.raises(RecoveryKeyRequested):
        unlock_dialog.ask_passphrase(PassphrasePurpose.UNLOCK, None, None, True)


# --- The recovery-key dialog ---------------------------------------------------------------


def _dialog(qtbot: Any, data_dir: Path, ask_new: Any, backend: Any) -> RecoveryUnlockDialog:
    def recover(text: str) -> Store:
        return recover_store(data_dir, text, passphrase=ask_new, keyring_backend=backend).store

    dialog = RecoveryUnlockDialog(recover, Reason.PASSPHRASE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_typo_is_said_next_to_the_field_before_anything_is_tried(
    qtbot: Any, data_dir: Path, forgotten: str, no_keyring: Any
) -> None:
    def never(_purpose: Any) -> str:
        raise AssertionError("nothing is tried with a typo")

    dialog = _dialog(qtbot, data_dir, never, no_keyring)
    before = snapshot(data_dir)
    qtbot.keyClicks(dialog.key_field, _typo(forgotten)[:20])
    assert dialog.message() == "", "no nagging while typing"
    qtbot.keyClicks(dialog.key_field, _typo(forgotten)[20:])
    assert "typo" in dialog.message()
    assert dialog.key_field.accessibleDescription() == dialog.message()
    layout = dialog.layout()
    assert layout.indexOf(dialog.key_message) == layout.indexOf(dialog.key_field) + 1
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.store is None
    assert snapshot(data_dir) == before


def test_a_wrong_key_is_said_plainly_and_changes_nothing(
    qtbot: Any, data_dir: Path, forgotten: str, no_keyring: Any, tmp_path: Path
) -> None:
    other = _make_store(
        tmp_path / "other", passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring
    )
    dialog = _dialog(qtbot, data_dir, lambda _p: NEW_PASSPHRASE, no_keyring)
    before = snapshot(data_dir)
    qtbot.keyClicks(dialog.key_field, other)
    assert dialog.message() == ""
    qtbot.keyClick(dialog.key_field, Qt.Key.Key_Return)
    assert dialog.message() == WRONG_KEY
    assert dialog.isVisible()
    assert snapshot(data_dir) == before
    # Typing again clears the note.
    qtbot.keyClicks(dialog.key_field, "x")
    assert dialog.message() == ""


def test_the_right_key_then_a_new_passphrase_opens_the_store(
    qtbot: Any, data_dir: Path, forgotten: str, no_keyring: Any
) -> None:
    asked: list[PassphrasePurpose] = []
    answers: list[str | None] = [None, NEW_PASSPHRASE]

    def ask_new(purpose: PassphrasePurpose) -> str | None:
        asked.append(purpose)
        return answers.pop(0)

    dialog = _dialog(qtbot, data_dir, ask_new, no_keyring)
    # Grouped, small letters, spaces: all fine.
    qtbot.keyClicks(dialog.key_field, forgotten.lower().replace("-", "  "))
    assert dialog.message() == ""
    qtbot.keyClick(dialog.key_field, Qt.Key.Key_Return)
    # The new passphrase was not chosen (Quit): nothing changed, and it says so.
    assert dialog.message() == NO_NEW_PASSPHRASE
    assert dialog.store is None
    qtbot.keyClick(dialog.key_field, Qt.Key.Key_Return)
    assert asked == [PassphrasePurpose.NEW, PassphrasePurpose.NEW]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.store is not None
    dialog.store.close()
    with open_store(
        data_dir, passphrase=lambda _p: NEW_PASSPHRASE, keyring_backend=no_keyring
    ) as store:
        assert [p.name for p in store.people.list_all()] == ["Robin"]


def test_every_control_has_a_name(qtbot: Any, data_dir: Path) -> None:
    dialog = RecoveryUnlockDialog(lambda _t: None, Reason.KEYRING)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(w, QLabel)
    ]
    assert dialog.key_field in controls
    for control in controls:
        assert control.accessibleName(), control


# --- At startup ----------------------------------------------------------------------------


class _RecoveryThenNothing:
    """The passphrase dialog, where the person chooses "Use your recovery key…"."""

    def __init__(self) -> None:
        self.questions: list[tuple[PassphrasePurpose, str | None]] = []

    def __call__(self, purpose: PassphrasePurpose, message: str | None) -> str | None:
        self.questions.append((purpose, message))
        if len(self.questions) == 1:
            return "not remembered"
        raise RecoveryKeyRequested


def _typing(key: str) -> Any:
    """Stands in for the dialog's exec: type ``key`` and press Open."""

    def exec_(self: RecoveryUnlockDialog) -> int:
        self.key_field.setText(key)
        self.try_open()
        return int(self.result())

    return exec_


def test_forgot_passphrase_at_startup_opens_with_the_recovery_key(
    data_dir: Path, forgotten: str, no_keyring: Any, monkeypatch: Any, qapp: Any
) -> None:
    monkeypatch.setattr(RecoveryUnlockDialog, "exec", _typing(forgotten))
    ask = _RecoveryThenNothing()
    store = app_module.open_store_interactively(
        data_dir,
        ask,
        keyring_backend=no_keyring,
        recover=lambda folder, reason: recover_with_dialog(
            folder, reason, keyring_backend=no_keyring, ask_new=lambda _p: NEW_PASSPHRASE
        ),
    )
    assert store is not None
    with store:
        assert store.counts().people == 1
    assert len(ask.questions) == 2


def test_a_lost_keyring_entry_at_startup_offers_the_recovery_key(
    data_dir: Path, monkeypatch: Any, qapp: Any
) -> None:
    key = _make_store(data_dir, keyring_backend=MemoryKeyring())
    fresh = MemoryKeyring()
    offered: list[str] = []
    monkeypatch.setattr(
        dialogs, "offer_recovery_unlock", lambda _parent, message: offered.append(message) or True
    )
    monkeypatch.setattr(RecoveryUnlockDialog, "exec", _typing(key))

    def no_passphrase(_purpose: Any, _message: Any) -> str:
        raise AssertionError("a keyring store asks for no passphrase")

    store = app_module.open_store_interactively(
        data_dir,
        no_passphrase,
        keyring_backend=fresh,
        recover=lambda folder, reason: recover_with_dialog(folder, reason, keyring_backend=fresh),
    )
    assert store is not None
    store.close()
    assert len(offered) == 1
    assert offered[0].endswith(KEYRING_OFFER)
    assert "missing" in offered[0]
    assert "supportnet unlock-with-recovery-key" not in offered[0], "no command in the app"
    assert fresh.entries, "the key is kept in the keyring again"


def test_quit_instead_of_the_recovery_key_opens_nothing(data_dir: Path, monkeypatch: Any) -> None:
    _make_store(data_dir, keyring_backend=MemoryKeyring())
    monkeypatch.setattr(dialogs, "offer_recovery_unlock", lambda _parent, _message: False)

    def recover(_folder: Path, _reason: Reason) -> Store | None:
        raise AssertionError("Quit was chosen")

    assert (
        app_module.open_store_interactively(
            data_dir, lambda _p, _m: None, keyring_backend=MemoryKeyring(), recover=recover
        )
        is None
    )
    # Without a recovery record there is nothing to offer: the plain message, as before.
    (data_dir / recovery.RECOVERY_NAME).unlink()
    with pytest.raises(KeyringEntryMissingError):
        app_module.open_store_interactively(
            data_dir, lambda _p, _m: None, keyring_backend=MemoryKeyring(), recover=recover
        )


def test_launch_offers_the_way_out_only_with_a_recovery_record(
    data_dir: Path, forgotten: str, no_keyring: Any, monkeypatch: Any
) -> None:
    asked: list[tuple[Any, ...]] = []
    monkeypatch.delenv("SUPPORTNET_PASSPHRASE", raising=False)
    # The dialog's module is loaded when it is first asked for: patched where it is defined.
    monkeypatch.setattr(unlock_dialog, "ask_passphrase", lambda *args: asked.append(args) or None)

    def never_choose() -> Any:
        raise AssertionError("Quit was chosen")

    launched = app_module.launch(data_dir, choose=never_choose, keyring_backend=no_keyring)
    assert launched.exit_code == 0
    assert launched.store is None
    (data_dir / recovery.RECOVERY_NAME).unlink()
    app_module.launch(data_dir, choose=never_choose, keyring_backend=no_keyring)
    assert [args[3] for args in asked] == [True, False]
