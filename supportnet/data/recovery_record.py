"""The recovery record, ``recovery.json``: the database key wrapped by the recovery key (and
the recovery key by the database key), read, checked, renewed and written.

Imported through :mod:`supportnet.data.recovery`, with the key as text and the app's keeper.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from supportnet.data import file_names
from supportnet.data.files import write_private_file
from supportnet.data.keys import MALFORMED
from supportnet.data.recovery_text import SECRET_BYTES, format_key, new_secret
from supportnet.i18n import _
from supportnet.model.errors import KeyUnavailableError, StoreError

RECOVERY_NAME = file_names.RECOVERY_NAME
#: How often "Later" may bring the reminder back.
REMIND_EVERY = timedelta(days=7)


# --- Wrapping the database key -------------------------------------------------------------


def _hkdf(material: bytes, salt: bytes | None, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(material)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any) -> bytes:
    return base64.b64decode(str(value), validate=True)


@dataclass(frozen=True, slots=True)
class RecoveryWrap:
    """The database key wrapped by the recovery key, and the recovery key by the database key.

    The first opens a backup with only the recovery key; the second lets the app show the
    recovery key again (and carry it into a restored store) to whoever holds the database key.
    """

    key_id: str
    recovery_id: str
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    secret_nonce: bytes
    wrapped_secret: bytes

    def to_dict(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "recovery_id": self.recovery_id,
            "kdf": "hkdf-sha256",
            "cipher": "aes-256-gcm",
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
            "secret_nonce": _b64(self.secret_nonce),
            "wrapped_secret": _b64(self.wrapped_secret),
        }

    @classmethod
    def from_dict(cls, data: Any) -> RecoveryWrap:
        """Raises ValueError, KeyError or TypeError on a malformed record."""
        if data.get("kdf") != "hkdf-sha256" or data.get("cipher") != "aes-256-gcm":
            raise ValueError("unknown kdf or cipher")
        return cls(
            key_id=str(data["key_id"]),
            recovery_id=str(data["recovery_id"]),
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            wrapped_key=_unb64(data["wrapped_key"]),
            secret_nonce=_unb64(data["secret_nonce"]),
            wrapped_secret=_unb64(data["wrapped_secret"]),
        )


def _key_aad(key_id: str, recovery_id: str) -> bytes:
    return f"supportnet-recovery:{key_id}:{recovery_id}".encode()


def _secret_kek(db_key: bytes) -> bytes:
    return _hkdf(db_key, None, b"supportnet recovery key at rest v1")


def wrap(db_key: bytes, key_id: str, secret: bytes, recovery_id: str | None = None) -> RecoveryWrap:
    """Wrap ``db_key`` with a key derived (HKDF-SHA256) from the recovery ``secret``.

    The secret has full entropy, so HKDF is enough; no slow password hash is needed.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    recovery_id = recovery_id or secrets.token_hex(8)
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = _hkdf(secret, salt, b"supportnet recovery kek v1")
    aad = _key_aad(key_id, recovery_id)
    secret_nonce = secrets.token_bytes(12)
    return RecoveryWrap(
        key_id=key_id,
        recovery_id=recovery_id,
        salt=salt,
        nonce=nonce,
        wrapped_key=AESGCM(kek).encrypt(nonce, db_key, aad),
        secret_nonce=secret_nonce,
        wrapped_secret=AESGCM(_secret_kek(db_key)).encrypt(secret_nonce, secret, aad),
    )


def unwrap_with_secret(record: RecoveryWrap, secret: bytes) -> bytes | None:
    """The database key, or None if ``secret`` isn't this record's recovery key."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = _hkdf(secret, record.salt, b"supportnet recovery kek v1")
    try:
        key = AESGCM(kek).decrypt(
            record.nonce, record.wrapped_key, _key_aad(record.key_id, record.recovery_id)
        )
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == 32 else None


def secret_of(record: RecoveryWrap, db_key: bytes) -> bytes:
    """The recovery secret, read with the database key."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        secret = AESGCM(_secret_kek(db_key)).decrypt(
            record.secret_nonce,
            record.wrapped_secret,
            _key_aad(record.key_id, record.recovery_id),
        )
    except (InvalidTag, ValueError) as exc:
        raise KeyUnavailableError(
            _("The recovery record {file} doesn't belong to this store's key.").format(
                file=RECOVERY_NAME
            )
        ) from exc
    if len(secret) != SECRET_BYTES:
        raise KeyUnavailableError(
            _("The recovery record {file} is damaged.").format(file=RECOVERY_NAME)
        )
    return secret


def mac(db_key: bytes, data: bytes) -> str:
    """An HMAC-SHA256 of ``data`` under a key derived from the database key."""
    key = _hkdf(db_key, None, b"supportnet backup header v1")
    return hmac.new(key, data, hashlib.sha256).hexdigest()


# --- recovery.json -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecoveryRecord:
    """What ``recovery.json`` holds: the wraps, and whether the person has stored the key."""

    wrap: RecoveryWrap
    created_at: datetime
    confirmed_at: datetime | None = None
    reminded_at: datetime | None = None
    #: When this key replaced an earlier one that could no longer be read (recovery.json
    #: was damaged): backups made before then open only with the earlier key.
    replaced_at: datetime | None = None

    @property
    def shown(self) -> bool:
        """Whether the person has seen this key: stored it, or had it shown ("Later")."""
        return self.confirmed_at is not None or self.reminded_at is not None

    @property
    def unseen_replacement(self) -> bool:
        """A key that replaced an unreadable one and that nobody has seen yet: backups made
        now open with it, not with the key kept on paper."""
        return self.replaced_at is not None and not self.shown

    def to_json(self) -> str:
        data = {"version": 1, **self.wrap.to_dict()}
        for name in ("created_at", "confirmed_at", "reminded_at", "replaced_at"):
            value = getattr(self, name)
            data[name] = value.isoformat() if value is not None else None
        return json.dumps(data, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> RecoveryRecord:
        try:
            data = json.loads(text)
            if data.get("version") != 1:
                raise ValueError("unknown version")

            def when(name: str) -> datetime | None:
                value = data.get(name)
                return None if value is None else datetime.fromisoformat(str(value))

            created = when("created_at")
            if created is None:
                raise ValueError("no created_at")
            wrapped = RecoveryWrap.from_dict(data)
            return cls(
                wrapped, created, when("confirmed_at"), when("reminded_at"), when("replaced_at")
            )
        except MALFORMED as exc:
            raise KeyUnavailableError(
                _(
                    "The recovery record {file} is damaged; run `supportnet recovery-key "
                    "--new` to make a new recovery key."
                ).format(file=RECOVERY_NAME)
            ) from exc


def read_record(data_dir: Path) -> RecoveryRecord | None:
    path = data_dir / RECOVERY_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyUnavailableError(
            _("Can't read the recovery record {path}.").format(path=path)
        ) from exc
    return RecoveryRecord.from_json(text)


def write_record(data_dir: Path, record: RecoveryRecord) -> None:
    try:
        write_private_file(data_dir / RECOVERY_NAME, record.to_json().encode("utf-8"))
    except OSError as exc:
        raise StoreError(
            _("Can't write the recovery record in {data_dir}: {reason}.").format(
                data_dir=data_dir, reason=exc.strerror
            )
        ) from exc


def _verified_secret(wrapped: RecoveryWrap, db_key: bytes) -> bytes | None:
    """The recovery secret in ``wrapped`` if the database key still reads it, else None."""
    try:
        return secret_of(wrapped, db_key)
    except KeyUnavailableError:
        return None


def ensure_record(data_dir: Path, key_id: str, db_key: bytes, now: datetime) -> RecoveryRecord:
    """This store's recovery record, checked end to end, made now if it has none.

    The record must give back the database key from its own recovery key, or every backup
    made with it would claim to open elsewhere and not. If only the wrap of the database key
    is damaged, it is made again from the recovery key it still holds: the same key, nothing
    for the person to do. A record that can't be read, or is for another key, must not lock
    anyone out of their store: it is kept aside (``recovery.json.unused-…``) and a new
    recovery key made, marked as replacing one (``replaced_at``) if the old one may have
    been seen, so the app and ``backup`` can say that the key on paper no longer fits.
    """
    path = data_dir / RECOVERY_NAME
    try:
        record = read_record(data_dir)
        unreadable = False
    except KeyUnavailableError:
        record, unreadable = None, True
    if record is not None and record.wrap.key_id == key_id:
        secret = _verified_secret(record.wrap, db_key)
        if secret is not None:
            if unwrap_with_secret(record.wrap, secret) == db_key:
                return record
            repaired = replace(record, wrap=wrap(db_key, key_id, secret, record.wrap.recovery_id))
            write_record(data_dir, repaired)
            return repaired
    # An unreadable record may have been seen; an unseen one replaced is no loss to anyone.
    replaced = unreadable or (record is not None and record.shown)
    if path.exists():
        with contextlib.suppress(OSError):
            path.rename(path.with_name(f"{RECOVERY_NAME}.unused-{now:%Y%m%dT%H%M%S}"))
    record = RecoveryRecord(
        wrap(db_key, key_id, new_secret()), created_at=now, replaced_at=now if replaced else None
    )
    write_record(data_dir, record)
    return record


def renew(data_dir: Path, key_id: str, db_key: bytes, now: datetime) -> RecoveryRecord:
    """Replace the recovery key with a new one (backups made before keep the old one)."""
    record = RecoveryRecord(wrap(db_key, key_id, new_secret()), created_at=now)
    write_record(data_dir, record)
    return record


def key_text(record: RecoveryRecord, db_key: bytes) -> str:
    """The recovery key, grouped for reading aloud."""
    return format_key(secret_of(record.wrap, db_key))


# --- Reminders (pure: the caller owns the clock) -------------------------------------------


def needs_reminder(record: RecoveryRecord, now: datetime) -> bool:
    """Whether to show the recovery key again: never once confirmed, else weekly at most."""
    if record.confirmed_at is not None:
        return False
    last = record.reminded_at
    return last is None or now - last >= REMIND_EVERY


def mark_confirmed(data_dir: Path, record: RecoveryRecord, now: datetime) -> RecoveryRecord:
    updated = replace(record, confirmed_at=now)
    write_record(data_dir, updated)
    return updated


def mark_reminded(data_dir: Path, record: RecoveryRecord, now: datetime) -> RecoveryRecord:
    updated = replace(record, reminded_at=now)
    write_record(data_dir, updated)
    return updated
