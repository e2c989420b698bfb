"""The Secret Service read over D-Bus: the session's arithmetic, and real reads from
gnome-keyring on the test run's private D-Bus (entries written by keyring, as a user's are)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportnet.data import secret_bus
from supportnet.data import secret_service as secret_service_module
from supportnet.data.secret_bus import DH_PRIME, _Session
from tests.conftest import fresh_python


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
    ours.agree(theirs.public)
    theirs.agree(ours.public)
    iv = os.urandom(16)
    assert ours.decrypt(iv, _encrypt(theirs, iv, plain)) == plain


def test_each_session_has_its_own_private_number_from_the_systems_randomness() -> None:
    numbers = {_Session()._private for _ in range(20)}
    assert len(numbers) == 20
    assert all(0 < n < 2**secret_bus.PRIVATE_BITS for n in numbers)
    assert max(numbers).bit_length() > secret_bus.PRIVATE_BITS - 8  # all 256 bits used
    # Without the secrets module, which brings random, hmac and hashlib to the helper.
    result = fresh_python(
        "import sys\n"
        "from supportnet.data.secret_bus import _Session\n"
        "_Session()\n"
        "print(sorted(m for m in ('secrets', 'random', 'hmac') if m in sys.modules))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "[]"


@pytest.mark.parametrize("public", [0, 1, DH_PRIME - 1, DH_PRIME])
def test_an_unusable_public_key_is_refused(public: int) -> None:
    with pytest.raises(ValueError, match="unusable public key"):
        _Session().agree(public.to_bytes(129, "big")[-128:])


def test_a_wrong_key_does_not_decrypt() -> None:
    ours, theirs, stranger = _Session(), _Session(), _Session()
    ours.agree(theirs.public)
    theirs.agree(stranger.public)  # a different exchange: a different key
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


# The read begun in a helper process (secret_service.begin_read), taken by the next read.


@pytest.fixture(autouse=True)
def _no_helper_left() -> Iterator[None]:
    """A test that fails half-way leaves no begun read for the next test's read to take."""
    yield
    secret_service_module._Begun.helper = None


@pytest.fixture
def kept(secret_service: object) -> Iterator[tuple[str, str]]:
    """An entry keyring kept in the test run's Secret Service: (service, username)."""
    entry = ("SupportNet test", f"helper:{time.monotonic_ns()}")
    secret_service.set_password(*entry, "a" * 64)  # type: ignore[attr-defined]
    yield entry
    secret_service.delete_password(*entry)  # type: ignore[attr-defined]


@pytest.fixture
def no_read_here(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, str]]:
    """The reads made in this process (none, where the helper's answer is taken)."""
    asked: list[dict[str, str]] = []

    def read_secret(attributes: dict[str, str]) -> bytes | None:
        asked.append(attributes)
        return b"read here"

    monkeypatch.setattr(secret_bus, "read_secret", read_secret)
    return asked


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # reaped already: no zombie left behind
    return False


def test_the_helpers_answer_is_taken_once(kept: tuple[str, str], no_read_here: list) -> None:
    secret_service_module.begin_read(*kept)
    helper = secret_service_module._Begun.helper
    assert helper is not None
    assert secret_service_module.read(*kept) == "a" * 64
    assert no_read_here == []  # the helper read it, not this process
    assert _gone(helper.pid)
    assert secret_service_module.read(*kept) == "read here"  # once: the next asks again


def test_on_one_core_no_helper_is_begun(
    kept: tuple[str, str], no_read_here: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    secret_service_module.begin_read(*kept)
    assert secret_service_module._Begun.helper is None
    assert secret_service_module.read(*kept) == "read here"


def test_a_helper_asked_for_another_entry_is_not_taken(
    kept: tuple[str, str], no_read_here: list
) -> None:
    secret_service_module.begin_read(*kept)
    assert secret_service_module.read("SupportNet test", "someone else") == "read here"
    assert no_read_here == [{"username": "someone else", "service": "SupportNet test"}]


def test_a_missing_entry_is_not_asked_again(secret_service: object, no_read_here: list) -> None:
    secret_service_module.begin_read("SupportNet test", "nobody")
    assert secret_service_module.read("SupportNet test", "nobody") is None
    assert no_read_here == []  # the helper's "none" stands: keyring says what is wrong


def _helper_runs(script: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The helper process is ``script`` (a shell script) instead of Python."""
    fake = tmp_path / "python"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o700)
    monkeypatch.setattr(sys, "executable", str(fake))


@pytest.mark.parametrize("status", [1, 3], ids=["a-python-error", "another-failure"])
def test_a_helper_that_fails_leaves_the_read_to_this_process(
    status: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_read_here: list
) -> None:
    # 1 is what Python exits with on an error (a module it can't import, a traceback):
    # a failure, never "there is no secret".
    _helper_runs(f"exit {status}", tmp_path, monkeypatch)
    secret_service_module.begin_read("SupportNet test", "x")
    assert secret_service_module.read("SupportNet test", "x") == "read here"


def test_a_helper_that_hangs_is_given_up_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_read_here: list
) -> None:
    _helper_runs("exec sleep 30", tmp_path, monkeypatch)
    monkeypatch.setattr(secret_service_module, "HELPER_TIMEOUT_S", 0.3)
    secret_service_module.begin_read("SupportNet test", "x")
    helper = secret_service_module._Begun.helper
    assert helper is not None
    started = time.monotonic()
    assert secret_service_module.read("SupportNet test", "x") is None
    assert time.monotonic() - started < 5
    assert no_read_here == []  # the bus hung once: keyring speaks, not a second wait
    assert _gone(helper.pid)


def test_the_app_begins_reading_its_key_before_qt_loads(
    data_dir: Path, tmp_path: Path, secret_service: object
) -> None:
    from supportnet.data.store import open_store

    open_store(data_dir, keyring_backend=secret_service).close()
    code = (
        "import sys\n"
        "import supportnet.__main__ as entry\n"
        "from supportnet.data import secret_service\n"
        "def before_qt():  # the app's next step, which loads what comes before Qt\n"
        "    print(secret_service._Begun.helper is not None, 'PySide6' in sys.modules)\n"
        "    print(secret_service.read(*secret_service._Begun.helper.asked) is not None)\n"
        "    raise SystemExit(0)\n"
        "entry._load_before_qt = before_qt\n"
        f"entry.main(['--data-dir', {str(data_dir)!r}])\n"
    )
    # keyring left to its defaults (an empty PYTHON_KEYRING_BACKEND is no choice), as a user's
    result = fresh_python(code, XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHON_KEYRING_BACKEND="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "True"]


def test_the_helper_starts_without_site_and_finds_our_modules(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    # Python's site (~15 ms of the helper's CPU) is skipped; the path is handed over, the
    # package's own folder first (an editable install reaches it only through site).
    spawned: list[tuple[list[str], dict[str, str]]] = []

    def spawn(_path: str, argv: list[str], env: dict[str, str], **_options: object) -> int:
        spawned.append((argv, env))
        raise OSError("not this time")  # and the read falls back to this process

    monkeypatch.setattr(secret_service_module.os, "posix_spawn", spawn)
    monkeypatch.setattr(secret_service_module.os, "sched_getaffinity", lambda _pid: {0, 1})
    secret_service_module.begin_read("SupportNet test", "nobody")
    assert secret_service_module._Begun.helper is None
    ((argv, env),) = spawned
    assert argv[1:] == ["-S", "-m", "supportnet.data.secret_bus"]
    package = os.path.dirname(os.path.dirname(os.path.abspath(secret_bus.__file__)))
    assert env["PYTHONPATH"].split(os.pathsep)[0] == os.path.dirname(package)
