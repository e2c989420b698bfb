"""The database key: random, kept in the OS keyring, or wrapped by a passphrase in a file.

The key is 32 random bytes used as a raw SQLCipher key. Where it lives is recorded in
``key.json`` beside the database, so a missing key is reported instead of silently
replaced by a fresh one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from supportnet.data.key_record import (
    KEY_BYTES,
    KEYINFO_NAME,
    KEYRING_SERVICE,
    MALFORMED,
    PASSPHRASE_MIN,
    KdfParams,
    KeyInfo,
    KeyMethod,
    PassphraseProvider,
    PassphrasePurpose,
    new_key,
    read_keyinfo,
    write_keyinfo,
)
from supportnet.i18n import _
from supportnet.model.errors import (
    KeyringEntryMissingError,
    KeyUnavailableError,
    PassphraseRequiredError,
    StoreError,
    SupportNetError,
    ValidationError,
    WrongPassphraseError,
)
from supportnet.model.text import has_lone_surrogate

# With the key record's names (supportnet.data.key_record): callers import them from here.
__all__ = [
    "DEFAULT_KDF",
    "KEYINFO_NAME",
    "KEYRING_SERVICE",
    "KEY_BYTES",
    "MALFORMED",
    "PASSPHRASE_MIN",
    "KdfParams",
    "KeyInfo",
    "KeyMethod",
    "PassphraseProvider",
    "PassphrasePurpose",
    "ask_passphrase",
    "backend_name",
    "begin_reading",
    "check_new_passphrase",
    "check_passphrase_text",
    "create_key",
    "default_backend",
    "delete_from_keyring",
    "env_passphrase_provider",
    "keep_key",
    "keyring_problem",
    "load_from_keyring",
    "load_key",
    "new_key",
    "read_directly",
    "read_keyinfo",
    "store_in_keyring",
    "unwrap_key",
    "wrap_key",
    "write_keyinfo",
]

#: The Argon2id cost new passphrase-wrapped keys get (the tests make it cheap).
DEFAULT_KDF = KdfParams()


# --- Passphrase wrapping -------------------------------------------------------------------


def check_passphrase_text(passphrase: str) -> None:
    """Raise :class:`ValidationError` unless ``passphrase`` is text (no bytes in another
    encoding, which Python hands over as lone surrogates). Names no part of it."""
    if has_lone_surrogate(passphrase):
        raise ValidationError(
            "passphrase",
            _(
                "The passphrase holds something that isn't plain text (perhaps it came in "
                "another encoding). Please type it again."
            ),
        )


def check_new_passphrase(passphrase: str, again: str | None = None) -> None:
    """Raise :class:`ValidationError` if a new passphrase is too weak or the two differ."""
    check_passphrase_text(passphrase)
    if len(passphrase) < PASSPHRASE_MIN:
        raise ValidationError(
            "passphrase",
            _("Please use at least {count} characters — a few words work well.").format(
                count=PASSPHRASE_MIN
            ),
        )
    if again is not None and again != passphrase:
        raise ValidationError("passphrase_again", _("The two passphrases are not the same."))


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _aad(key_id: str) -> bytes:
    return f"supportnet-db-key:{key_id}".encode()


def wrap_key(key: bytes, passphrase: str, key_id: str, params: KdfParams | None = None) -> KeyInfo:
    """Wrap ``key`` with a key derived from ``passphrase`` (Argon2id, then AES-256-GCM)."""
    import secrets  # here: it loads hmac and hashlib, which opening a store never needs

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase_text(passphrase)
    params = params or DEFAULT_KDF
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = _derive(passphrase, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, key, _aad(key_id))
    return KeyInfo(
        KeyMethod.PASSPHRASE, key_id, kdf=params, salt=salt, nonce=nonce, wrapped=wrapped
    )


def unwrap_key(info: KeyInfo, passphrase: str) -> bytes:
    """The database key, or :class:`WrongPassphraseError`."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    assert info.kdf is not None
    check_passphrase_text(passphrase)
    try:
        kek = _derive(passphrase, info.salt, info.kdf)
        key = AESGCM(kek).decrypt(info.nonce, info.wrapped, _aad(info.key_id))
    except MemoryError as exc:
        # The cost is within bounds (from_json checked it): the machine is short of memory.
        raise KeyUnavailableError(
            _(
                "There isn't enough free memory to unlock the key right now (it needs about "
                "{mib} MiB). Nothing was changed. Close some programs, then try again."
            ).format(mib=info.kdf.memory_kib // 1024)
        ) from exc
    # A cost, salt or nonce Argon2id or AES-GCM can't take: the record was damaged.
    except (ValueError, OverflowError) as exc:
        raise KeyUnavailableError(
            _(
                "The key record {file} is damaged ({exc}); the database can't be opened without it."
            ).format(file=KEYINFO_NAME, exc=exc)
        ) from exc
    except InvalidTag:
        raise WrongPassphraseError(
            _("That passphrase doesn't unlock this SupportNet store.")
        ) from None
    if len(key) != KEY_BYTES:
        raise KeyUnavailableError(
            _("The key record {file} holds a key of the wrong size.").format(file=KEYINFO_NAME)
        )
    return key


# --- The OS keyring ------------------------------------------------------------------------

# Backends that exist but must not hold our key: they fail, forget, or store plaintext.
_UNUSABLE_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def backend_name(backend: Any) -> str:
    """A readable name for a keyring backend, e.g. "SecretService Keyring"."""
    name = getattr(backend, "name", None)
    if isinstance(name, str) and name:
        return name
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def keyring_problem(backend: Any) -> str | None:
    """Why ``backend`` can't keep the key, or None if it looks usable.

    A chainer is usable if any of its backends is; plaintext, null and fail backends are not.
    """
    if backend is None:
        # Translators: after "…, but" or "…:" in a sentence about the keyring: a main clause.
        return _("no keyring is configured")
    backends = getattr(backend, "backends", None)
    if backends is not None and type(backend).__name__ == "ChainerBackend":
        usable = [b for b in backends if keyring_problem(b) is None]
        return None if usable else _("no usable keyring backend was found")
    module = type(backend).__module__
    if module.startswith(_UNUSABLE_MODULE_PREFIXES):
        return _("the keyring backend “{backend}” can't keep secrets safely").format(
            backend=backend_name(backend)
        )
    return None


def default_backend() -> Any:
    """The keyring backend `keyring` would use here (honours PYTHON_KEYRING_BACKEND).

    Inside a Flatpak sandbox, where the Secret Service can't be reached, it is the Secret
    portal's (:mod:`supportnet.data.portal_keyring`), unless PYTHON_KEYRING_BACKEND says.
    """
    from supportnet.data import portal_keyring

    if portal_keyring.in_flatpak() and not os.environ.get("PYTHON_KEYRING_BACKEND"):
        return portal_keyring.PortalKeyring()
    import keyring

    return keyring.get_keyring()


def _keyring_username(key_id: str) -> str:
    return f"database-key:{key_id}"


def store_in_keyring(backend: Any, key: bytes, key_id: str) -> str | None:
    """Put ``key`` into the keyring and read it back. Returns why it failed, or None."""
    problem = keyring_problem(backend)
    if problem:
        return problem
    try:
        backend.set_password(KEYRING_SERVICE, _keyring_username(key_id), key.hex())
        stored = backend.get_password(KEYRING_SERVICE, _keyring_username(key_id))
    # The keyring stack raises KeyringError subclasses, but D-Bus and Secret Service
    # libraries leak their own exception types on a locked collection or a dismissed
    # prompt. Any failure here means "not usable": we fall back to a passphrase.
    except Exception as exc:
        return f"the keyring refused to store the key ({type(exc).__name__}: {exc})"
    if stored != key.hex():
        return "the keyring did not give the key back"
    return None


def load_from_keyring(backend: Any, info: KeyInfo) -> bytes:
    """The key kept in the keyring for ``info``, or :class:`KeyUnavailableError`."""
    # Translators: where the key is kept, inside "…is kept in {recorded}…" (else a keyring's
    # own name, such as "SecretService Keyring").
    recorded = info.keyring_backend or _("the system keyring")
    problem = keyring_problem(backend)
    if problem:
        raise KeyUnavailableError(
            _(
                "This store's key is kept in {recorded}, but {problem}. Unlock or start your "
                "keyring and try again."
            ).format(recorded=recorded, problem=problem)
        )
    try:
        value = backend.get_password(KEYRING_SERVICE, _keyring_username(info.key_id))
    except SupportNetError:
        raise  # our own backend (the Secret portal's) already says what is wrong, and how
    except Exception as exc:  # see store_in_keyring: any failure means "not reachable"
        raise KeyUnavailableError(
            _(
                "This store's key is kept in {recorded}, which can't be reached right now "
                "({error}). Unlock your keyring and try again."
            ).format(recorded=recorded, error=type(exc).__name__)
        ) from exc
    if value is None:
        raise KeyringEntryMissingError(
            _(
                "This store's key is missing from {recorded} (entry “{service} / {entry}”). "
                "SupportNet won't start an empty store in its place; restore the keyring entry "
                "or the keyring from a backup."
            ).format(
                recorded=recorded, service=KEYRING_SERVICE, entry=_keyring_username(info.key_id)
            )
        )
    try:
        key = bytes.fromhex(value)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyUnavailableError(
            _("The key kept in {recorded} is damaged.").format(recorded=recorded)
        )
    return key


def read_directly(info: KeyInfo) -> bytes | None:
    """The key from the Secret Service without loading keyring, where keyring would read
    the same entry (:mod:`supportnet.data.secret_service`); None otherwise, or if it can't
    be read that way: then :func:`load_from_keyring` says why."""
    from supportnet.data import secret_service

    if not secret_service.applies(info.keyring_backend):
        return None
    value = secret_service.read(KEYRING_SERVICE, _keyring_username(info.key_id))
    try:
        key = bytes.fromhex(value) if value is not None else b""
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def begin_reading(data_dir: Path) -> None:
    """Begin :func:`read_directly`'s read of the key of the store in ``data_dir`` now, in a
    helper process (:func:`supportnet.data.secret_service.begin_read`), where that read
    applies; the store's opening then takes the answer."""
    from supportnet.data import secret_service

    try:
        info = read_keyinfo(data_dir)
    except SupportNetError:  # said properly when the store opens
        return
    if info is None or info.method is not KeyMethod.KEYRING:
        return
    if secret_service.applies(info.keyring_backend):
        secret_service.begin_read(KEYRING_SERVICE, _keyring_username(info.key_id))


def delete_from_keyring(backend: Any, info: KeyInfo) -> None:
    """Remove the key entry (used when a half-created store is rolled back)."""
    import contextlib

    with contextlib.suppress(Exception):
        backend.delete_password(KEYRING_SERVICE, _keyring_username(info.key_id))


# --- Creating and loading ------------------------------------------------------------------


def ask_passphrase(provider: PassphraseProvider | None, purpose: PassphrasePurpose) -> str:
    """Ask ``provider`` for a passphrase, or explain that none can be asked for."""
    value = provider(purpose) if provider is not None else None
    if value is None:
        if purpose is PassphrasePurpose.NEW:
            raise PassphraseRequiredError(
                _(
                    "No usable keyring was found, so SupportNet needs a passphrase to protect its "
                    "key; set SUPPORTNET_PASSPHRASE or run it in a terminal."
                )
            )
        raise PassphraseRequiredError(
            _(
                "This store is protected by a passphrase; set SUPPORTNET_PASSPHRASE or run it "
                "in a terminal."
            )
        )
    return value


def keep_key(
    key: bytes,
    key_id: str,
    backend: Any,
    passphrase: PassphraseProvider | None,
    *,
    kdf: KdfParams | None = None,
    prefer_passphrase: bool = False,
) -> KeyInfo:
    """Keep ``key`` on this machine as on first start: in the keyring if it is usable, else
    wrapped by a new passphrase. Returns the record to write; writes no file.
    """
    problem = (
        "a passphrase was asked for"
        if prefer_passphrase
        else store_in_keyring(backend, key, key_id)
    )
    if problem is None:
        return KeyInfo(KeyMethod.KEYRING, key_id, keyring_backend=backend_name(backend))
    phrase = ask_passphrase(passphrase, PassphrasePurpose.NEW)
    check_new_passphrase(phrase)
    return wrap_key(key, phrase, key_id, kdf)


def create_key(
    data_dir: Path,
    backend: Any,
    passphrase: PassphraseProvider | None,
    *,
    kdf: KdfParams | None = None,
    prefer_passphrase: bool = False,
) -> tuple[bytes, KeyInfo]:
    """Make a new database key, keep it (keyring, else passphrase) and write ``key.json``."""
    import secrets  # here: it loads hmac and hashlib, which opening a store never needs

    key = new_key()
    info = keep_key(
        key,
        secrets.token_hex(8),
        backend,
        passphrase,
        kdf=kdf,
        prefer_passphrase=prefer_passphrase,
    )
    try:
        write_keyinfo(data_dir, info)
    except OSError as exc:
        if info.method is KeyMethod.KEYRING:
            delete_from_keyring(backend, info)
        raise StoreError(
            _("Can't write the key record in {data_dir}: {reason}.").format(
                data_dir=data_dir, reason=exc.strerror
            )
        ) from exc
    return key, info


def load_key(info: KeyInfo, backend: Any, passphrase: PassphraseProvider | None) -> bytes:
    """The database key described by ``info``."""
    if info.method is KeyMethod.KEYRING:
        return load_from_keyring(backend, info)
    return unwrap_key(info, ask_passphrase(passphrase, PassphrasePurpose.UNLOCK))


def env_passphrase_provider(environ: dict[str, str] | None = None) -> PassphraseProvider | None:
    """A provider reading ``SUPPORTNET_PASSPHRASE``, or None if it is unset."""
    env = os.environ if environ is None else environ
    value = env.get("SUPPORTNET_PASSPHRASE")
    if value is None:
        return None
    return lambda _purpose: value
