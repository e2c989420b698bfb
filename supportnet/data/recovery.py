"""The recovery key: a code on paper that opens this store's backups on any computer.

Its parts, named together here: the record and the key's wrapping
(:mod:`~supportnet.data.recovery_record`), the key as text
(:mod:`~supportnet.data.recovery_text`), and what the app's start needs
(:mod:`~supportnet.data.recovery_keeper`: whether a store has a record, the hint that points
at it, the keeper), which loads without the other two.
"""

from __future__ import annotations

from supportnet.data.recovery_keeper import (
    UNLOCK_COMMAND,
    UNLOCK_HINT,
    RecoveryKeeper,
    has_record,
    unlock_hint,
)
from supportnet.data.recovery_record import (
    RECOVERY_NAME,
    REMIND_EVERY,
    RecoveryRecord,
    RecoveryWrap,
    ensure_record,
    key_text,
    mac,
    mark_confirmed,
    mark_reminded,
    needs_reminder,
    read_record,
    renew,
    secret_of,
    unwrap_with_secret,
    wrap,
    write_record,
)
from supportnet.data.recovery_text import (
    ALPHABET,
    GROUP,
    LENGTH,
    SECRET_BYTES,
    RecoveryKeyError,
    format_key,
    looks_like_key,
    new_secret,
    parse_key,
)

__all__ = [
    "ALPHABET",
    "GROUP",
    "LENGTH",
    "RECOVERY_NAME",
    "REMIND_EVERY",
    "SECRET_BYTES",
    "UNLOCK_COMMAND",
    "UNLOCK_HINT",
    "RecoveryKeeper",
    "RecoveryKeyError",
    "RecoveryRecord",
    "RecoveryWrap",
    "ensure_record",
    "format_key",
    "has_record",
    "key_text",
    "looks_like_key",
    "mac",
    "mark_confirmed",
    "mark_reminded",
    "needs_reminder",
    "new_secret",
    "parse_key",
    "read_record",
    "renew",
    "secret_of",
    "unlock_hint",
    "unwrap_with_secret",
    "wrap",
    "write_record",
]
