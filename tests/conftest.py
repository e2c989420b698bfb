"""Test isolation: offscreen Qt, a temporary HOME, no real keyring, cheap key derivation.

Runs before any test module imports Qt or keyring, so the overrides take effect first.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

# The wrapper that starts a private gnome-keyring has already moved HOME; it passes the
# real one on so the guard below still watches the right place.
_REAL_HOME = Path(os.environ.get("SUPPORTNET_TEST_REAL_HOME") or os.path.expanduser("~")).resolve()
_SANDBOX = Path(tempfile.mkdtemp(prefix="supportnet-tests-home-"))

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HOME"] = str(_SANDBOX)
for var, sub in (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_RUNTIME_DIR", "runtime"),
):
    os.environ[var] = str(_SANDBOX / sub)
    (_SANDBOX / sub).mkdir(mode=0o700, exist_ok=True)
# Everything that asks keyring for "the" backend gets the fail backend: no test can
# reach the real keyring. Secret Service tests build their backend explicitly.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("SUPPORTNET_PASSPHRASE", None)

TEST_PASSPHRASE = "a calm test passphrase"
_WATCHED = [
    _REAL_HOME / ".local" / "share" / "SupportNet",
    _REAL_HOME / ".config" / "SupportNet",
    _REAL_HOME / "Library" / "Application Support" / "SupportNet",
]
_EXISTED_BEFORE = {p: p.exists() for p in _WATCHED}


@pytest.fixture(autouse=True)
def _guard_real_home() -> Iterator[None]:
    """Fail any test that creates SupportNet data under the real home directory."""
    yield
    for path, existed in _EXISTED_BEFORE.items():
        if not existed and path.exists():
            pytest.fail(f"a test wrote under the real home directory: {path}")


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English whatever the machine's locale (a German desktop's LANG
    would change dates and words); tests of other languages set their own."""
    from supportnet import i18n
    from supportnet.i18n import calendar_words

    monkeypatch.setenv("SUPPORTNET_LANGUAGE", "en")
    monkeypatch.delenv("SUPPORTNET_PSEUDO_LOCALE", raising=False)
    i18n.set_language(i18n.ENGLISH)
    calendar_words.install(None)
    yield
    i18n.set_language(i18n.ENGLISH)
    calendar_words.install(None)


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its real cost takes ≈0.2 s; tests that don't measure it use a cheap one.

    tests/data/test_keys.py checks the production parameters separately.
    """
    from supportnet.data import keys

    monkeypatch.setattr(keys, "DEFAULT_KDF", _cheap_params())


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder that doesn't exist yet, inside the test's temporary folder."""
    return tmp_path / "data"


@pytest.fixture
def no_keyring() -> object:
    from keyring.backends import fail

    return fail.Keyring()


@pytest.fixture
def passphrase_provider() -> object:
    return lambda _purpose: TEST_PASSPHRASE


#: The cheap key derivation of :func:`_cheap_kdf`, also for the session's template stores.
def _cheap_params() -> object:
    from supportnet.data import keys

    return keys.KdfParams(iterations=1, memory_kib=8 * 1024, lanes=1)


@pytest.fixture(scope="session")
def empty_store_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty passphrase store made once, closed; each test's ``store`` opens a copy.

    Making a store runs every migration (about half a second); copying one takes
    milliseconds, and the copy is the same files a new store would be (the test's own
    folder, modes kept; only the key is the same in every test).
    """
    from keyring.backends import fail

    from supportnet.data import keys
    from supportnet.data.store import open_store

    folder = tmp_path_factory.mktemp("template") / "empty"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "DEFAULT_KDF", _cheap_params())
        open_store(
            folder, passphrase=lambda _purpose: TEST_PASSPHRASE, keyring_backend=fail.Keyring()
        ).close()
    return folder


@contextlib.contextmanager
def _in_english() -> Iterator[None]:
    """English for a while, then the language before: the example network is loaded in the
    language in use, and the stores shared by the session hold the English one whichever
    test (a German or pseudo-locale one) asks for them first."""
    from supportnet import i18n

    before = i18n.language()
    i18n.set_language(i18n.ENGLISH)
    try:
        yield
    finally:
        i18n.set_language(before)


@pytest.fixture(scope="session")
def demo_store_folders(
    empty_store_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[date, str], Path]:
    """A closed store holding the example network built around a day in a time zone, made
    once for each (day, zone) the session asks for; a test's ``store`` can be a copy."""
    from keyring.backends import fail

    from supportnet.data.store import open_store
    from supportnet.demo.loader import load_demo

    made: dict[tuple[date, str], Path] = {}

    def folder(today: date, zone: str) -> Path:
        if (today, zone) not in made:
            where = tmp_path_factory.mktemp("template") / "demo"
            copy_store(empty_store_folder, where)
            with (
                open_store(
                    where,
                    passphrase=lambda _purpose: TEST_PASSPHRASE,
                    keyring_backend=fail.Keyring(),
                ) as store,
                _in_english(),
            ):
                load_demo(store, today, zone)
            made[today, zone] = where
        return made[today, zone]

    return folder


@pytest.fixture
def store_template(empty_store_folder: Path) -> Path:
    """The closed store ``store`` is a copy of (tests/ui/conftest.py has one with the
    example network for the tests that ask for ``demo_store``)."""
    return empty_store_folder


def copy_store(template: Path, data_dir: Path) -> None:
    """``template``'s files into ``data_dir`` (not there yet), its lock file left out."""
    import shutil

    from supportnet.data.lock import LOCK_NAME

    shutil.copytree(template, data_dir, ignore=shutil.ignore_patterns(LOCK_NAME))


@pytest.fixture
def store(
    data_dir: Path, no_keyring: object, passphrase_provider: object, store_template: Path
) -> Iterator[object]:
    """An open, empty, passphrase-protected store in a temporary folder."""
    from supportnet.data.store import open_store

    copy_store(store_template, data_dir)
    opened = open_store(
        data_dir,
        passphrase=passphrase_provider,  # type: ignore[arg-type]
        keyring_backend=no_keyring,
    )
    yield opened
    opened.close()


@pytest.fixture
def secret_service() -> object:
    """The real Secret Service (gnome-keyring) of the private D-Bus session of the test run.

    tests/run_tests.sh starts it; .ci/run makes its absence a failure, not a skip.
    """
    if os.environ.get("SUPPORTNET_TEST_SECRET_SERVICE") != "1":
        if os.environ.get("SUPPORTNET_REQUIRE_SECRET_SERVICE") == "1":
            pytest.fail("a private Secret Service is required here (see tests/run_tests.sh)")
        pytest.skip("no private Secret Service; run the suite with `make test`")
    from keyring.backends import SecretService

    return SecretService.Keyring()


REPO_ROOT = Path(__file__).resolve().parent.parent


def fresh_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter at the repository root, with :func:`cli_env`:
    for what a fresh process loads or does."""
    return subprocess.run(
        [sys.executable, "-c", code],
        env=cli_env(**env),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for running `python -m supportnet` in a subprocess."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("SUPPORTNET_PASSPHRASE", None)
    env.update(extra)
    return env


@pytest.fixture
def memory_keyring() -> object:
    from tests.data.storekit import MemoryKeyring

    return MemoryKeyring()


@pytest.fixture
def open_keyring_store(data_dir: Path, memory_keyring: object) -> Iterator[Callable[..., Any]]:
    """Open (or create) the store in ``data_dir`` with its key in ``memory_keyring``."""
    from supportnet.data.store import open_store

    opened: list[Any] = []

    def _open(**kwargs: Any) -> Any:
        store = open_store(data_dir, keyring_backend=memory_keyring, **kwargs)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example store, made once by `supportnet demo` (the passphrase path).

    The command runs in this process with the tests' cheap key derivation (see
    :func:`_cheap_kdf`), so each command a test runs on a copy opens it in milliseconds,
    not Argon2id's 0.3 s: the store is otherwise what the command makes in a subprocess.
    """
    import io

    from supportnet.cli import run
    from supportnet.data import keys
    from tests.cli.test_cli import PASS

    folder = tmp_path_factory.mktemp("demo") / "store"
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, _in_english():
        patch.setattr(keys, "DEFAULT_KDF", _cheap_params())
        patch.setenv("SUPPORTNET_PASSPHRASE", PASS)
        patch.setenv("SUPPORTNET_LANGUAGE", "en")
        patch.delenv("SUPPORTNET_PSEUDO_LOCALE", raising=False)
        code = run(["demo", "--data-dir", str(folder)], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert err.getvalue() == ""
    return folder


@pytest.fixture
def demo_dir(demo_folder: Path, tmp_path: Path) -> Path:
    """A private copy of the example store for one test."""
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(demo_folder, copy)
    return copy


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MiB file system (a tmpfs, so root on Linux); skipped, saying why, elsewhere."""
    from tests.data.small_disk import mount_small_disk, unmount

    where = tmp_path / "small-disk"
    reason = mount_small_disk(where)
    if reason is not None:
        pytest.skip(reason)
    try:
        yield where
    finally:
        unmount(where)
