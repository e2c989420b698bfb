"""Opening the store: passphrase rules, and the recovery key for a lost passphrase or keyring."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from supportnet.data import recovery
from supportnet.data.keys import PassphrasePurpose, check_new_passphrase
from supportnet.data.store import Store
from supportnet.data.store_key import AUTO_BACKEND

__all__ = [
    "AUTO_BACKEND",
    "PassphrasePurpose",
    "Store",
    "check_new_passphrase",
    "is_wrong_recovery_key",
    "looks_like_recovery_key",
    "open_with_recovery_key",
    "recovery_key_typo",
]


def looks_like_recovery_key(text: str) -> bool:
    """Whether ``text`` has a recovery key's length and letters, typo or not."""
    return recovery.looks_like_key(text)


def recovery_key_typo(text: str) -> str:
    """What is wrong with the typed key (a typo, a stray letter, its length), or ""."""
    try:
        recovery.parse_key(text)
    except recovery.RecoveryKeyError as exc:
        return exc.message
    return ""


def open_with_recovery_key(
    data_dir: Path,
    text: str,
    *,
    ask_new: Callable[[PassphrasePurpose], str | None],
    keyring_backend: Any = AUTO_BACKEND,
) -> Store:
    """Open the store in ``data_dir`` with the typed recovery key and keep its key anew.

    Where no keyring keeps the key, ``ask_new`` is asked for a new passphrase. Raises a
    SupportNetError (see :func:`is_wrong_recovery_key`) and changes nothing if it can't.
    """
    # Off the startup path: only someone who lost their passphrase or keyring needs it.
    from supportnet.data.store_recovery import recover_store

    return recover_store(data_dir, text, passphrase=ask_new, keyring_backend=keyring_backend).store


def is_wrong_recovery_key(error: BaseException) -> bool:
    """Whether ``error`` says the key is well formed but doesn't open this store."""
    from supportnet.data.store_recovery import RecoveryKeyMismatchError

    return isinstance(error, RecoveryKeyMismatchError)
