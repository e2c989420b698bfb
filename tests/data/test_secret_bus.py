"""The Secret Service read over D-Bus: the session's arithmetic, and real reads from
gnome-keyring on the test run's private D-Bus (entries written by keyring, as a user's are)."""

from __future__ import annotations

import os
import time

import pytest

from supportnet.data import secret_bus
from supportnet.data.secret_bus import DH_PRIME, _Session


def _encrypt(key_holder: _Session, iv: bytes, plain: bytes) -> bytes:
    """What the service does with a secret, in the session's key (the test's side)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.padding import PKCS7

    padder = PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key_holder._aes_key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


@pytest.mark.parametrize("plain", [b"", b"0123456789abcdef", "Grüße 🌷".encode()])
def test_two_ends_of_a_session_agree_on_one_key(plain: bytes) -> None:
    ours, theirs = _Session(), _Session()
    assert len(ours.public) == 128
    assert ours.public != theirs.public
    ours.agree(theirs.public, "/session/1")
    theirs.agree(ours.public, "/session/1")
    iv = os.urandom(16)
    assert ours.decrypt(iv, _encrypt(theirs, iv, plain)) == plain


@pytest.mark.parametrize("public", [0, 1, DH_PRIME - 1, DH_PRIME])
def test_an_unusable_public_key_is_refused(public: int) -> None:
    with pytest.raises(ValueError, match="unusable public key"):
        _Session().agree(public.to_bytes(129, "big")[-128:], "/session/1")


def test_a_wrong_key_does_not_decrypt() -> None:
    ours, theirs, stranger = _Session(), _Session(), _Session()
    ours.agree(theirs.public, "/s")
    theirs.agree(stranger.public, "/s")  # a different exchange: a different key
    iv = os.urandom(16)
    try:  # garbage, which mostly fails the padding's check (and may, rarely, pass it)
        read = ours.decrypt(iv, _encrypt(theirs, iv, b"the store's key"))
    except ValueError:
        read = None
    assert read != b"the store's key"


@pytest.mark.parametrize(
    "value",
    ["a" * 64, "0123456789abcdef", "Grüße, Jürgen 🌷", "x"],
    ids=["hex-key-length", "one-full-block", "non-ascii", "one-character"],
)
def test_reads_what_keyring_kept(secret_service: object, value: str) -> None:
    user = f"supportnet-test:{value[:4]}:{time.monotonic_ns()}"
    secret_service.set_password("SupportNet test", user, value)  # type: ignore[attr-defined]
    try:
        found = secret_bus.read_secret({"service": "SupportNet test", "username": user})
        assert found == value.encode("utf-8")
    finally:
        secret_service.delete_password("SupportNet test", user)  # type: ignore[attr-defined]


def test_a_missing_entry_reads_as_none(secret_service: object) -> None:
    assert secret_bus.read_secret({"service": "SupportNet test", "username": "nobody"}) is None


def test_no_session_bus_reads_as_none(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus-here")
    started = time.monotonic()
    assert secret_bus.read_secret({"service": "SupportNet", "username": "x"}) is None
    assert time.monotonic() - started < 5
