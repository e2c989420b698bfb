"""The database key: passphrase wrapping, key.json, and which keyrings may hold it."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from supportnet.data import keys
from supportnet.data.keys import KdfParams, KeyInfo, KeyMethod, PassphrasePurpose
from supportnet.model.errors import (
    KeyUnavailableError,
    PassphraseRequiredError,
    ValidationError,
    WrongPassphraseError,
)
from tests.data.storekit import TEST_PASSPHRASE, MemoryKeyring

# --- Wrapping with a passphrase ------------------------------------------------------------


def test_wrap_then_unwrap_gives_the_key_back() -> None:
    key = keys.new_key()
    info = keys.wrap_key(key, TEST_PASSPHRASE, "abc123")
    assert info.method is KeyMethod.PASSPHRASE
    assert key not in info.wrapped
    assert keys.unwrap_key(info, TEST_PASSPHRASE) == key


def test_wrapped_key_survives_key_json(tmp_path: Path) -> None:
    key = keys.new_key()
    keys.write_keyinfo(tmp_path, keys.wrap_key(key, TEST_PASSPHRASE, "abc123"))
    text = (tmp_path / keys.KEYINFO_NAME).read_text(encoding="utf-8")
    assert key.hex() not in text
    info = keys.read_keyinfo(tmp_path)
    assert info is not None
    assert keys.unwrap_key(info, TEST_PASSPHRASE) == key


def test_wrong_passphrase_is_refused() -> None:
    info = keys.wrap_key(keys.new_key(), TEST_PASSPHRASE, "abc123")
    with pytest.raises(WrongPassphraseError):
        keys.unwrap_key(info, TEST_PASSPHRASE + "!")


def test_wrapped_key_is_bound_to_its_key_id() -> None:
    # The key id is authenticated data: a record edited to claim another id doesn't unwrap.
    info = keys.wrap_key(keys.new_key(), TEST_PASSPHRASE, "abc123")
    info.key_id = "def456"
    with pytest.raises(WrongPassphraseError):
        keys.unwrap_key(info, TEST_PASSPHRASE)


def test_production_kdf_is_argon2id_t3_64mib_p4() -> None:
    # conftest patches DEFAULT_KDF to a cheap cost; the class defaults are what ships.
    params = KdfParams()
    assert (params.iterations, params.memory_kib, params.lanes) == (3, 64 * 1024, 4)
    record = json.loads(keys.wrap_key(b"\x01" * 32, TEST_PASSPHRASE, "a", params).to_json())
    assert record["kdf"] == {
        "name": "argon2id",
        "iterations": 3,
        "memory_kib": 65536,
        "lanes": 4,
    }
    assert record["cipher"] == "aes-256-gcm"


def test_a_real_cost_wrap_and_unwrap_works() -> None:
    key = keys.new_key()
    info = keys.wrap_key(key, TEST_PASSPHRASE, "abc123", KdfParams())
    assert info.kdf == KdfParams()
    again = KeyInfo.from_json(info.to_json())
    assert again.kdf == KdfParams()
    assert keys.unwrap_key(again, TEST_PASSPHRASE) == key


@pytest.mark.parametrize(
    ("first", "again", "field"),
    [
        ("short", None, "passphrase"),
        ("short", "short", "passphrase"),
        ("", "", "passphrase"),
        ("long enough words", "long enough word", "passphrase_again"),
    ],
)
def test_new_passphrase_checks_name_the_field(first: str, again: str | None, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        keys.check_new_passphrase(first, again)
    assert caught.value.field == field
    assert caught.value.message


def test_a_good_new_passphrase_passes() -> None:
    keys.check_new_passphrase("long enough words", "long enough words")
    keys.check_new_passphrase("x" * keys.PASSPHRASE_MIN)


# --- A damaged key.json --------------------------------------------------------------------


def _good_record() -> dict[str, object]:
    record: dict[str, object] = json.loads(
        keys.wrap_key(keys.new_key(), TEST_PASSPHRASE, "abc123").to_json()
    )
    return record


def _load_with_passphrase(data_dir: Path) -> bytes:
    info = keys.read_keyinfo(data_dir)
    if info is None:
        raise AssertionError("the key record went missing")
    return keys.load_key(info, None, lambda _purpose: TEST_PASSPHRASE)


def _damaged_records() -> dict[str, bytes]:
    good = _good_record()
    kdf = dict(good["kdf"])  # type: ignore[call-overload]
    return {
        "empty": b"",
        "not json": b'{"method": "passphrase", ',
        "binary garbage": b"\x00\xff\xfe\x81 not text at all \xc3\x28",
        "a list": b"[]",
        "null": b"null",
        "unknown method": json.dumps({**good, "method": "magic"}).encode(),
        "no key id": json.dumps({k: v for k, v in good.items() if k != "key_id"}).encode(),
        "no wrapped key": json.dumps(
            {k: v for k, v in good.items() if k != "wrapped_key"}
        ).encode(),
        "kdf is a string": json.dumps({**good, "kdf": "argon2id"}).encode(),
        "unknown kdf": json.dumps({**good, "kdf": {**kdf, "name": "pbkdf2"}}).encode(),
        "unknown cipher": json.dumps({**good, "cipher": "rot13"}).encode(),
        "zero iterations": json.dumps({**good, "kdf": {**kdf, "iterations": 0}}).encode(),
        "cost out of range": json.dumps({**good, "kdf": {**kdf, "memory_kib": 2**40}}).encode(),
        "cost not a number": json.dumps({**good, "kdf": {**kdf, "lanes": "four"}}).encode(),
        "salt garbled": json.dumps({**good, "salt": "!!!"}).encode(),
        "nonce missing": json.dumps({**good, "nonce": ""}).encode(),
    }


@pytest.mark.parametrize("damage", sorted(_damaged_records()))
def test_damaged_key_json_is_key_unavailable(tmp_path: Path, damage: str) -> None:
    (tmp_path / keys.KEYINFO_NAME).write_bytes(_damaged_records()[damage])
    with pytest.raises(KeyUnavailableError) as caught:
        _load_with_passphrase(tmp_path)
    message = str(caught.value)
    # Readable: names the file, is a sentence, and is not a bare exception repr.
    assert keys.KEYINFO_NAME in message
    assert "damaged" in message
    assert "Traceback" not in message
    assert not message.startswith(("'", '"', "<"))


def _costly_records() -> dict[str, bytes]:
    """Records Argon2id would accept, but whose cost would hang the app or exhaust memory."""
    good = _good_record()
    kdf = dict(good["kdf"])  # type: ignore[call-overload]

    def with_kdf(**changes: object) -> bytes:
        return json.dumps({**good, "kdf": {**kdf, **changes}}).encode()

    return {
        "a billion iterations": with_kdf(iterations=10**9),
        "eleven iterations": with_kdf(iterations=11),
        "negative iterations": with_kdf(iterations=-3),
        "64 GiB of memory": with_kdf(memory_kib=64 * 1024 * 1024),
        "too little memory": with_kdf(memory_kib=64),
        "a thousand lanes": with_kdf(lanes=1000),
        "zero lanes": with_kdf(lanes=0),
        "a huge salt": json.dumps(
            {**good, "salt": base64.b64encode(b"s" * 10**6).decode()}
        ).encode(),
        "a short salt": json.dumps({**good, "salt": base64.b64encode(b"s" * 4).decode()}).encode(),
        "a long nonce": json.dumps(
            {**good, "nonce": base64.b64encode(b"n" * 64).decode()}
        ).encode(),
        "a long wrapped key": json.dumps(
            {**good, "wrapped_key": base64.b64encode(b"w" * 4096).decode()}
        ).encode(),
        "salt with junk": json.dumps({**good, "salt": f"{good['salt']}!!"}).encode(),
    }


@pytest.mark.parametrize("damage", sorted(_costly_records()))
def test_a_tampered_kdf_cost_is_refused_before_any_work(tmp_path: Path, damage: str) -> None:
    """The record is refused as it is read, so no Argon2id runs with the tampered cost."""
    (tmp_path / keys.KEYINFO_NAME).write_bytes(_costly_records()[damage])
    with pytest.raises(KeyUnavailableError, match=r"key\.json is damaged"):
        keys.read_keyinfo(tmp_path)


@pytest.mark.parametrize(
    "params",
    [keys.DEFAULT_KDF, KdfParams(), KdfParams(iterations=1, memory_kib=8 * 1024, lanes=1)],
    ids=["default", "shipped", "cheap test cost"],
)
def test_sane_kdf_costs_are_accepted(params: KdfParams) -> None:
    """Today's default and the test suite's cheap cost are both in range."""
    info = keys.wrap_key(keys.new_key(), TEST_PASSPHRASE, "abc123", params)
    assert KeyInfo.from_json(info.to_json()).kdf == params


def test_key_json_readable_message_for_garbage(tmp_path: Path) -> None:
    (tmp_path / keys.KEYINFO_NAME).write_text("{definitely not json", encoding="utf-8")
    with pytest.raises(KeyUnavailableError, match=r"key\.json is damaged"):
        keys.read_keyinfo(tmp_path)


def test_no_key_json_means_no_record(tmp_path: Path) -> None:
    assert keys.read_keyinfo(tmp_path) is None


# --- Which keyrings may keep the key ---------------------------------------------------------


class PretendPlaintext(KeyringBackend):
    """Looks like keyrings.alt's plaintext file backend."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("a plaintext backend must never be given the key")

    def delete_password(self, service: str, username: str) -> None:
        pass


PretendPlaintext.__module__ = "keyrings.alt.file"


class ChainerBackend:
    """Shaped like keyring's chainer: usable only if one of its backends is."""

    def __init__(self, *backends: object) -> None:
        self.backends = list(backends)


class RaisingKeyring(KeyringBackend):
    """A keyring whose collection is locked or whose prompt was dismissed."""

    priority = 1
    error: Exception = keyring.errors.KeyringLocked("collection is locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


def _raising(error: Exception) -> RaisingKeyring:
    backend = RaisingKeyring()
    backend.error = error
    return backend


@pytest.mark.parametrize(
    "backend",
    [
        None,
        fail.Keyring(),
        null.Keyring(),
        PretendPlaintext(),
        ChainerBackend(),
        ChainerBackend(fail.Keyring(), null.Keyring(), PretendPlaintext()),
    ],
    ids=["none", "fail", "null", "keyrings.alt", "empty chainer", "chainer of unusables"],
)
def test_unusable_keyrings_are_refused(backend: object) -> None:
    problem = keys.keyring_problem(backend)
    assert problem
    assert isinstance(problem, str)


def test_a_memory_keyring_is_usable(memory_keyring: MemoryKeyring) -> None:
    assert keys.keyring_problem(memory_keyring) is None


def test_a_chainer_with_one_usable_member_is_usable(memory_keyring: MemoryKeyring) -> None:
    assert keys.keyring_problem(ChainerBackend(fail.Keyring(), memory_keyring)) is None


def test_a_plaintext_backend_is_never_given_the_key(tmp_path: Path) -> None:
    key, info = keys.create_key(tmp_path, PretendPlaintext(), lambda _p: TEST_PASSPHRASE)
    assert info.method is KeyMethod.PASSPHRASE
    assert keys.unwrap_key(info, TEST_PASSPHRASE) == key


def test_create_key_keeps_it_in_a_usable_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    def no_passphrase(_purpose: PassphrasePurpose) -> str | None:
        raise AssertionError("a usable keyring needs no passphrase")

    key, info = keys.create_key(tmp_path, memory_keyring, no_passphrase)
    assert info.method is KeyMethod.KEYRING
    assert list(memory_keyring.entries.values()) == [key.hex()]
    on_disk = keys.read_keyinfo(tmp_path)
    assert on_disk is not None
    assert on_disk.key_id == info.key_id
    assert key.hex() not in (tmp_path / keys.KEYINFO_NAME).read_text(encoding="utf-8")
    assert keys.load_key(on_disk, memory_keyring, None) == key


@pytest.mark.parametrize(
    "error",
    [
        keyring.errors.KeyringLocked("collection is locked"),
        keyring.errors.InitError("Prompt dismissed"),
        RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown"),
    ],
    ids=["locked", "prompt dismissed", "dbus leak"],
)
def test_create_key_falls_back_to_a_passphrase(tmp_path: Path, error: Exception) -> None:
    asked: list[PassphrasePurpose] = []

    def provider(purpose: PassphrasePurpose) -> str:
        asked.append(purpose)
        return TEST_PASSPHRASE

    key, info = keys.create_key(tmp_path, _raising(error), provider)
    assert asked == [PassphrasePurpose.NEW]
    assert info.method is KeyMethod.PASSPHRASE
    on_disk = keys.read_keyinfo(tmp_path)
    assert on_disk is not None
    assert keys.unwrap_key(on_disk, TEST_PASSPHRASE) == key


def test_a_keyring_that_forgets_is_not_trusted(tmp_path: Path) -> None:
    class Forgetful(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            return None

    _key, info = keys.create_key(tmp_path, Forgetful(), lambda _p: TEST_PASSPHRASE)
    assert info.method is KeyMethod.PASSPHRASE


def test_create_key_without_keyring_or_passphrase_provider(tmp_path: Path) -> None:
    with pytest.raises(PassphraseRequiredError):
        keys.create_key(tmp_path, fail.Keyring(), None)
    assert not (tmp_path / keys.KEYINFO_NAME).exists()


def test_create_key_when_the_person_cancels(tmp_path: Path) -> None:
    with pytest.raises(PassphraseRequiredError):
        keys.create_key(tmp_path, fail.Keyring(), lambda _p: None)
    assert not (tmp_path / keys.KEYINFO_NAME).exists()


def test_create_key_refuses_a_weak_passphrase(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        keys.create_key(tmp_path, fail.Keyring(), lambda _p: "short")
    assert caught.value.field == "passphrase"
    assert not (tmp_path / keys.KEYINFO_NAME).exists()


def test_prefer_passphrase_skips_a_usable_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    _key, info = keys.create_key(
        tmp_path, memory_keyring, lambda _p: TEST_PASSPHRASE, prefer_passphrase=True
    )
    assert info.method is KeyMethod.PASSPHRASE
    assert memory_keyring.entries == {}


def test_load_from_keyring_with_the_entry_missing(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    _key, info = keys.create_key(tmp_path, memory_keyring, None)
    memory_keyring.entries.clear()
    with pytest.raises(KeyUnavailableError, match="missing") as caught:
        keys.load_from_keyring(memory_keyring, info)
    assert "won't start an empty store" in str(caught.value)
    assert memory_keyring.entries == {}, "a missing key must never be replaced"


def test_load_from_keyring_with_a_damaged_entry(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    _key, info = keys.create_key(tmp_path, memory_keyring, None)
    for entry in memory_keyring.entries:
        memory_keyring.entries[entry] = "not hex at all"
    with pytest.raises(KeyUnavailableError, match="damaged"):
        keys.load_from_keyring(memory_keyring, info)


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), _raising(keyring.errors.KeyringLocked("locked"))],
    ids=["fail", "null", "locked"],
)
def test_load_from_an_unreachable_keyring(tmp_path: Path, backend: object) -> None:
    info = KeyInfo(KeyMethod.KEYRING, "abc123", keyring_backend="SecretService Keyring")
    with pytest.raises(KeyUnavailableError) as caught:
        keys.load_from_keyring(backend, info)
    assert "SecretService Keyring" in str(caught.value)


def test_passphrase_store_needs_a_passphrase_to_unlock() -> None:
    info = keys.wrap_key(keys.new_key(), TEST_PASSPHRASE, "abc123")
    with pytest.raises(PassphraseRequiredError):
        keys.load_key(info, None, None)


def test_env_passphrase_provider() -> None:
    assert keys.env_passphrase_provider({}) is None
    provider = keys.env_passphrase_provider({"SUPPORTNET_PASSPHRASE": "from the environment"})
    assert provider is not None
    assert provider(PassphrasePurpose.UNLOCK) == "from the environment"
