"""The key record, ``key.json``: where the database key is kept (keyring or passphrase),
with the wrapping parameters a passphrase needs, read and written; never the key itself.

:mod:`supportnet.data.keys` wraps, keeps and loads the key, and names all of this too.
"""

from __future__ import annotations

import base64
import enum
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supportnet.data import file_names
from supportnet.data.files import write_private_file
from supportnet.i18n import _
from supportnet.model.errors import KeyUnavailableError

KEY_BYTES = 32
KEYINFO_NAME = file_names.KEYINFO_NAME
KEYRING_SERVICE = "SupportNet"
PASSPHRASE_MIN = 8

#: What parsing a damaged or tampered record (key.json, recovery.json, a backup header)
#: raises: RecursionError for JSON nested thousands deep, OverflowError for a huge number.
MALFORMED = (ValueError, KeyError, TypeError, AttributeError, RecursionError, OverflowError)


class KeyMethod(enum.StrEnum):
    """Where the database key is kept."""

    KEYRING = "keyring"
    PASSPHRASE = "passphrase"


class PassphrasePurpose(enum.Enum):
    """Why a passphrase is asked for."""

    NEW = "new"  # first use without a keyring: ask twice, warn that a lost one loses data
    UNLOCK = "unlock"


#: Returns the passphrase, or None if the person cancelled.
PassphraseProvider = Callable[[PassphrasePurpose], str | None]


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost; stored with each wrapped key so it can be raised later."""

    iterations: int = 3
    memory_kib: int = 64 * 1024
    lanes: int = 4


@dataclass(slots=True)
class KeyInfo:
    """What ``key.json`` holds. Never the key itself (only wrapped, for passphrases)."""

    method: KeyMethod
    key_id: str
    keyring_backend: str | None = None
    kdf: KdfParams | None = None
    salt: bytes = b""
    nonce: bytes = b""
    wrapped: bytes = b""

    def to_json(self) -> str:
        data: dict[str, Any] = {"version": 1, "method": self.method.value, "key_id": self.key_id}
        if self.method is KeyMethod.KEYRING:
            data["keyring_backend"] = self.keyring_backend
        else:
            assert self.kdf is not None
            data["kdf"] = {
                "name": "argon2id",
                "iterations": self.kdf.iterations,
                "memory_kib": self.kdf.memory_kib,
                "lanes": self.kdf.lanes,
            }
            data["cipher"] = "aes-256-gcm"
            data["salt"] = _b64(self.salt)
            data["nonce"] = _b64(self.nonce)
            data["wrapped_key"] = _b64(self.wrapped)
        return json.dumps(data, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> KeyInfo:
        try:
            data = json.loads(text)
            method = KeyMethod(data["method"])
            if method is KeyMethod.KEYRING:
                return cls(method, str(data["key_id"]), keyring_backend=data.get("keyring_backend"))
            kdf = data["kdf"]
            if kdf.get("name") != "argon2id" or data.get("cipher") != "aes-256-gcm":
                raise ValueError("unknown kdf or cipher")
            info = cls(
                method,
                str(data["key_id"]),
                kdf=KdfParams(int(kdf["iterations"]), int(kdf["memory_kib"]), int(kdf["lanes"])),
                salt=base64.b64decode(data["salt"], validate=True),
                nonce=base64.b64decode(data["nonce"], validate=True),
                wrapped=base64.b64decode(data["wrapped_key"], validate=True),
            )
            _check_wrapping(info)
            return info
        except MALFORMED as exc:
            raise KeyUnavailableError(
                _(
                    "The key record {file} is damaged ({exc}); the database can't be "
                    "opened without it."
                ).format(file=KEYINFO_NAME, exc=exc)
            ) from exc

    @property
    def where(self) -> str:
        """A short description of where the key is kept, for `doctor` and the About box."""
        if self.method is KeyMethod.KEYRING:
            return _("system keyring ({backend})").format(backend=self.keyring_backend)
        return _("passphrase-wrapped key file ({file}, Argon2id + AES-256-GCM)").format(
            file=KEYINFO_NAME
        )


#: What a key record (key.json, or a backup's header) may ask of Argon2id. A tampered one
#: could otherwise demand seconds of work and more memory than the machine has before the
#: passphrase is even checked. SupportNet writes only DEFAULT_KDF (t=3, 64 MiB, 4 lanes);
#: the upper ends leave twice that time and memory as room to raise it later. The lower
#: ends admit the tests' cheap cost (t=1, 8 MiB, 1 lane).
_SHIPPED = KdfParams()  # not DEFAULT_KDF, which the tests make cheap
KDF_ITERATIONS = range(1, 2 * _SHIPPED.iterations + 1)
KDF_MEMORY_KIB = range(8 * 1024, 2 * _SHIPPED.memory_kib + 1)  # 8 MiB to 128 MiB
KDF_LANES = range(1, 2 * _SHIPPED.lanes + 1)
SALT_BYTES = range(16, 65)
NONCE_BYTES = 12  # AES-GCM's standard nonce
WRAPPED_BYTES = KEY_BYTES + 16  # the key and GCM's tag


def _check_wrapping(info: KeyInfo) -> None:
    """Raise ValueError unless every wrapping parameter is in its sane range."""
    kdf = info.kdf
    assert kdf is not None
    if kdf.iterations not in KDF_ITERATIONS:
        raise ValueError(f"Argon2id iterations {kdf.iterations} out of range")
    if kdf.memory_kib not in KDF_MEMORY_KIB:
        raise ValueError(f"Argon2id memory {kdf.memory_kib} KiB out of range")
    if kdf.lanes not in KDF_LANES:
        raise ValueError(f"Argon2id lanes {kdf.lanes} out of range")
    if len(info.salt) not in SALT_BYTES:
        raise ValueError("salt of the wrong length")
    if len(info.nonce) != NONCE_BYTES:
        raise ValueError("nonce of the wrong length")
    if len(info.wrapped) != WRAPPED_BYTES:
        raise ValueError("wrapped key of the wrong length")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def new_key() -> bytes:
    """A fresh random 256-bit database key."""
    import secrets  # here: it loads hmac and hashlib, which reading key.json never needs

    return secrets.token_bytes(KEY_BYTES)


def read_keyinfo(data_dir: Path) -> KeyInfo | None:
    """The key record in ``data_dir``, or None if there is none."""
    path = data_dir / KEYINFO_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyUnavailableError(
            _("Can't read the key record {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc
    except UnicodeDecodeError as exc:
        raise KeyUnavailableError(
            _(
                "The key record {file} is damaged (it isn't text); the database can't "
                "be opened without it."
            ).format(file=KEYINFO_NAME)
        ) from exc
    return KeyInfo.from_json(text)


def write_keyinfo(data_dir: Path, info: KeyInfo) -> None:
    write_private_file(data_dir / KEYINFO_NAME, info.to_json().encode("utf-8"))
