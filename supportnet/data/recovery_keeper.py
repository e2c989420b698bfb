"""The recovery key as the app's start needs it: whether a store has a recovery record, the
hint that points at it, and :class:`RecoveryKeeper`.

The record's own code (:mod:`supportnet.data.recovery_record`, its dataclasses and
cryptography) loads when the keeper is first asked for the key, after the first window is
painted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supportnet.data.file_names import RECOVERY_NAME
from supportnet.i18n import _

if TYPE_CHECKING:
    from supportnet.data.recovery_record import RecoveryRecord

#: The command that opens this computer's store with its recovery key.
UNLOCK_COMMAND = "supportnet unlock-with-recovery-key"
#: Added to "the keyring entry is missing" and "wrong passphrase" when a recovery record is here.
UNLOCK_HINT = f"If you have your recovery key, `{UNLOCK_COMMAND}` opens the store with it."


def unlock_hint() -> str:
    """:data:`UNLOCK_HINT` in the language in use (the constant stays English)."""
    return _("If you have your recovery key, `{command}` opens the store with it.").format(
        command=UNLOCK_COMMAND
    )


def has_record(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a recovery record, so its recovery key can open the store."""
    return (data_dir / RECOVERY_NAME).is_file()


class RecoveryKeeper:
    """One store's recovery key for the app: show it, and remember "stored" or "Later".

    The caller's clock decides when "now" is, so the weekly reminder is testable.
    """

    def __init__(
        self, data_dir: Path, key_id: str, db_key: bytes, clock: Callable[[], datetime]
    ) -> None:
        self._data_dir = data_dir
        self._key_id = key_id
        self._db_key = db_key
        self._clock = clock

    @classmethod
    def for_store(cls, store: Any, clock: Callable[[], datetime]) -> RecoveryKeeper:
        """A keeper for an open :class:`~supportnet.data.store.Store`."""
        return cls(store.data_dir, store.key_info.key_id, store.db.key, clock)

    @property
    def data_dir(self) -> Path:
        """The store's folder (the recovery key dialog won't save the key in it)."""
        return self._data_dir

    def record(self) -> RecoveryRecord:
        from supportnet.data.recovery_record import ensure_record

        return ensure_record(self._data_dir, self._key_id, self._db_key, self._clock())

    def key_text(self) -> str:
        from supportnet.data.recovery_record import key_text

        return key_text(self.record(), self._db_key)

    def needs_reminder(self) -> bool:
        from supportnet.data.recovery_record import needs_reminder

        return needs_reminder(self.record(), self._clock())

    def confirmed(self) -> bool:
        return self.record().confirmed_at is not None

    @property
    def replaced_on(self) -> date | None:
        """The day (this computer's time zone) this key replaced an earlier one that could no
        longer be read, until the person says the new one is stored; else None.

        Backups made before that day open only with the earlier key.
        """
        record = self.record()
        if record.replaced_at is None or record.confirmed_at is not None:
            return None
        return record.replaced_at.astimezone().date()

    def stored(self) -> None:
        """The person says the key is written down somewhere safe."""
        from supportnet.data.recovery_record import mark_confirmed

        mark_confirmed(self._data_dir, self.record(), self._clock())

    def later(self) -> None:
        """Not now: ask again in a week at the soonest (unless it was stored already)."""
        from supportnet.data.recovery_record import mark_reminded

        mark_reminded(self._data_dir, self.record(), self._clock())
