"""The portable backup file: a short header with the wrapped keys, then the encrypted database.

Layout: ``MAGIC``, a 4-byte big-endian header length, the header as UTF-8 JSON, then the
SQLCipher database exactly as ``VACUUM INTO`` wrote it. The header must sit outside the
database: the database is encrypted with the very key the header wraps.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from supportnet.data import recovery
from supportnet.data.failures import file_failure
from supportnet.data.keys import MALFORMED, KeyInfo, KeyMethod
from supportnet.i18n import _
from supportnet.model.errors import BackupError, KeyUnavailableError

MAGIC = b"SupportNet backup\n\x00"
VERSION = 1
_MAX_HEADER = 64 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class BackupHeader:
    """What a backup says about itself; every wrap in it is AES-256-GCM (authenticated)."""

    key_id: str
    recovery: recovery.RecoveryWrap
    passphrase: KeyInfo | None
    db_size: int
    db_sha256: str
    created_at: str
    mac: str = ""

    def _body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": "supportnet-backup",
            "version": VERSION,
            "created_at": self.created_at,
            "key_id": self.key_id,
            "recovery": self.recovery.to_dict(),
            "passphrase": json.loads(self.passphrase.to_json()) if self.passphrase else None,
            "database": {"bytes": self.db_size, "sha256": self.db_sha256},
        }
        return body

    def signed_bytes(self) -> bytes:
        """The canonical bytes the header's MAC covers."""
        return json.dumps(self._body(), sort_keys=True, separators=(",", ":")).encode()

    def to_bytes(self) -> bytes:
        return json.dumps({**self._body(), "mac": self.mac}, sort_keys=True).encode()

    def verify(self, db_key: bytes) -> bool:
        """Whether ``db_key`` is this backup's key (the MAC checks out with it)."""
        import hmac

        if not _is_digest(self.mac):
            return False  # compare_digest refuses non-ASCII text instead of saying "no"
        return hmac.compare_digest(recovery.mac(db_key, self.signed_bytes()), self.mac)

    @classmethod
    def parse(cls, raw: bytes) -> BackupHeader:
        """Raises ValueError (or KeyError/TypeError) on anything malformed."""
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != "supportnet-backup":
            raise ValueError("not a backup header")
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')}")
        phrase = data.get("passphrase")
        passphrase = KeyInfo.from_json(json.dumps(phrase)) if phrase is not None else None
        if passphrase is not None and passphrase.method is not KeyMethod.PASSPHRASE:
            raise ValueError("not a passphrase wrap")
        database = data["database"]
        mac = str(data["mac"])
        if not _is_digest(mac):
            raise ValueError("the MAC isn't a SHA-256 digest")
        size = database["bytes"]
        if not isinstance(size, int) or isinstance(size, bool):
            raise ValueError("the database size isn't a whole number")
        return cls(
            key_id=str(data["key_id"]),
            recovery=recovery.RecoveryWrap.from_dict(data["recovery"]),
            passphrase=passphrase,
            db_size=size,
            db_sha256=str(database["sha256"]),
            created_at=str(data["created_at"]),
            mac=mac,
        )


_HEX = frozenset("0123456789abcdef")


def _is_digest(text: str) -> bool:
    """Whether ``text`` is a SHA-256 digest as hexdigest() writes it: 64 lowercase hex digits."""
    return len(text) == 64 and set(text) <= _HEX


def is_container(path: Path) -> bool:
    """Whether ``path`` starts like a portable backup (it may still be damaged)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_header(path: Path) -> tuple[BackupHeader, int]:
    """The header of the backup at ``path`` and where its database starts."""
    damaged = _(
        "The backup {path} is damaged or isn't a SupportNet backup, so it wasn't restored."
    ).format(path=path)
    try:
        with open(path, "rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise BackupError(damaged)
            size = int.from_bytes(handle.read(4), "big")
            if not 0 < size <= _MAX_HEADER:
                raise BackupError(damaged)
            raw = handle.read(size)
            start = handle.tell()
            total = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        raise BackupError(
            _("Can't read the backup {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc
    try:
        header = BackupHeader.parse(raw)
    # KeyInfo.from_json reports a malformed passphrase wrap as KeyUnavailableError.
    except (*MALFORMED, KeyUnavailableError) as exc:
        raise BackupError(damaged) from exc
    if total - start != header.db_size:
        raise BackupError(
            _("The backup {path} is incomplete, so it wasn't restored.").format(path=path)
        )
    return header, start


def _copy_stream(source: BinaryIO, target: BinaryIO, digest: Any | None = None) -> int:
    copied = 0
    while chunk := source.read(_CHUNK):
        if digest is not None:
            digest.update(chunk)
        target.write(chunk)
        copied += len(chunk)
    return copied


def file_digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def write_container(database: Path, out: Path, header: BackupHeader) -> None:
    """Write ``header`` and the database file ``database`` into ``out``, synced to disk.

    ``out`` must not exist yet (the caller renames it into place).
    """
    body = header.to_bytes()
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as target, open(database, "rb") as source:
        target.write(MAGIC)
        target.write(len(body).to_bytes(4, "big"))
        target.write(body)
        shutil.copyfileobj(source, target, _CHUNK)
        target.flush()
        os.fsync(target.fileno())


def extract_database(source: Path, start: int, header: BackupHeader, target: Path) -> None:
    """Copy the database part of a backup into ``target`` (0600, synced), checking its hash."""
    digest = hashlib.sha256()
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as exc:
        typed = file_failure(exc, target, "the restored copy of the backup")
        raise typed or BackupError(
            _("Can't copy the backup {source} into {parent}: {reason}.").format(
                source=source, parent=target.parent, reason=exc.strerror
            )
        ) from exc
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as handle:
            handle.seek(start)
            size = _copy_stream(handle, out, digest)
            out.flush()
            os.fsync(out.fileno())
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        if isinstance(exc, OSError):
            # Most often a full disk where the copy goes: said as such, not as a crash.
            typed = file_failure(exc, target, "the restored copy of the backup")
            raise typed or BackupError(
                _("Can't copy the backup {source} into {parent}: {reason}.").format(
                    source=source, parent=target.parent, reason=exc.strerror or exc
                )
            ) from exc
        raise
    if size != header.db_size or digest.hexdigest() != header.db_sha256:
        target.unlink()
        raise BackupError(
            _("The backup {source} is damaged, so it wasn't restored.").format(source=source)
        )
