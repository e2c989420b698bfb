"""The keyring path against a real Secret Service (gnome-keyring on a private D-Bus)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from supportnet.data.keys import KEYRING_SERVICE, KeyMethod
from supportnet.data.store import open_store
from supportnet.model.network import Circle, Person
from tests.conftest import cli_env


def test_new_store_keeps_its_key_in_the_secret_service(
    data_dir: Path, secret_service: object
) -> None:
    def no_passphrase(_purpose: object) -> str:
        raise AssertionError("no passphrase should be asked for with a working keyring")

    with open_store(data_dir, passphrase=no_passphrase, keyring_backend=secret_service) as store:
        assert store.key_info.method is KeyMethod.KEYRING
        assert store.key_info.keyring_backend == "SecretService Keyring"
        store.people.add(Person(name="Keyring Kim", circle=Circle.INNER))
        key_id = store.key_info.key_id
    key_json = (data_dir / "key.json").read_text()
    assert "keyring" in key_json
    # The key itself is not in the key record: only where to find it.
    stored = secret_service.get_password(KEYRING_SERVICE, f"database-key:{key_id}")  # type: ignore[attr-defined]
    assert stored is not None
    assert len(bytes.fromhex(stored)) == 32
    assert stored not in key_json

    with open_store(data_dir, passphrase=no_passphrase, keyring_backend=secret_service) as store:
        assert [p.name for p in store.people.list_all()] == ["Keyring Kim"]


def test_secret_tool_sees_the_entry(data_dir: Path, secret_service: object) -> None:
    if shutil.which("secret-tool") is None:
        pytest.skip("secret-tool (libsecret-tools) is not installed")
    with open_store(data_dir, keyring_backend=secret_service) as store:
        key_id = store.key_info.key_id
    found = subprocess.run(
        ["secret-tool", "lookup", "service", KEYRING_SERVICE, "username", f"database-key:{key_id}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert found.returncode == 0
    assert len(bytes.fromhex(found.stdout.strip())) == 32


def test_removed_keyring_entry_is_reported_not_replaced(
    data_dir: Path, secret_service: object
) -> None:
    from supportnet.model.errors import KeyUnavailableError

    with open_store(data_dir, keyring_backend=secret_service) as store:
        store.people.add(Person(name="Kept Safe"))
        key_id = store.key_info.key_id
    secret_service.delete_password(KEYRING_SERVICE, f"database-key:{key_id}")  # type: ignore[attr-defined]
    before = (data_dir / "supportnet.db").read_bytes()
    with pytest.raises(KeyUnavailableError, match="missing from SecretService Keyring"):
        open_store(data_dir, keyring_backend=secret_service)
    assert (data_dir / "supportnet.db").read_bytes() == before


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = cli_env(PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring")
    return subprocess.run(
        [sys.executable, "-m", "supportnet", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=120,
    )


def test_cli_round_trip_with_no_passphrase_at_all(tmp_path: Path, secret_service: object) -> None:
    folder = str(tmp_path / "store")
    demo = _cli("demo", "--data-dir", folder)
    assert demo.returncode == 0, demo.stderr
    doctor = _cli("doctor", "--data-dir", folder)
    assert doctor.returncode == 0, doctor.stderr
    assert "system keyring (SecretService Keyring)" in doctor.stdout
    backup = tmp_path / "b.db"
    assert _cli("backup", "--out", str(backup), "--data-dir", folder).returncode == 0
    assert _cli("demo", "--force", "--data-dir", folder).returncode == 0
    restored = _cli("restore", str(backup), "--force", "--data-dir", folder)
    assert restored.returncode == 0, restored.stderr
    assert "Restored 25 people" in restored.stdout


LOCKED_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import secretstorage
    from keyring.backends import SecretService
    from supportnet.data.store import open_store
    from supportnet.model.errors import KeyUnavailableError

    base = Path(sys.argv[1])
    backend = SecretService.Keyring()
    open_store(base / "a", keyring_backend=backend).close()
    bus = secretstorage.dbus_init()
    secretstorage.get_default_collection(bus).lock()
    result = {}
    try:
        open_store(base / "a", keyring_backend=backend)
        result["existing"] = "opened"
    except KeyUnavailableError as exc:
        result["existing"] = exc.message
    store = open_store(base / "b", keyring_backend=backend,
                       passphrase=lambda purpose: "fallback passphrase")
    result["new_method"] = store.key_info.method.value
    store.close()
    print(json.dumps(result))
    """
)


def test_locked_collection_falls_back_or_says_so(tmp_path: Path, secret_service: object) -> None:
    """Locking the collection is irreversible without a prompt, so use a private session."""
    home = tmp_path / "home"
    home.mkdir()
    script = tmp_path / "locked.py"
    script.write_text(LOCKED_SCRIPT)
    env = cli_env(HOME=str(home))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    command = (
        "printf %s pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        f'exec "{sys.executable}" "{script}" "{tmp_path}"'
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", command],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert "can't be reached" in outcome["existing"]
    assert outcome["new_method"] == "passphrase"
    assert os.path.exists(tmp_path / "b" / "key.json")


def test_a_keyring_store_restores_on_a_new_computer_with_its_recovery_key(
    tmp_path: Path, secret_service: object
) -> None:
    old = str(tmp_path / "old computer")
    assert _cli("demo", "--data-dir", old).returncode == 0
    shown = _cli("recovery-key", "--data-dir", old)
    assert shown.returncode == 0, shown.stderr
    key = shown.stdout.strip().splitlines()[-1]
    backup = tmp_path / "b.db"
    assert _cli("backup", "--out", str(backup), "--data-dir", old).returncode == 0
    # The old computer is gone: its key record and keyring entry with it.
    old_key_id = json.loads((tmp_path / "old computer" / "key.json").read_text())["key_id"]
    shutil.rmtree(old)
    secret_service.delete_password(KEYRING_SERVICE, f"database-key:{old_key_id}")  # type: ignore[attr-defined]

    new = tmp_path / "new computer"
    env = cli_env(
        PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring",
        SUPPORTNET_RECOVERY_KEY=key,
    )
    restored = subprocess.run(
        [sys.executable, "-m", "supportnet", "restore", str(backup), "--data-dir", str(new)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=120,
    )
    assert restored.returncode == 0, restored.stderr
    assert "Restored 25 people" in restored.stdout
    doctor = _cli("doctor", "--data-dir", str(new))
    assert "system keyring (SecretService Keyring)" in doctor.stdout
    new_key_id = json.loads((new / "key.json").read_text())["key_id"]
    assert secret_service.get_password(KEYRING_SERVICE, f"database-key:{new_key_id}")  # type: ignore[attr-defined]
    again = _cli("recovery-key", "--data-dir", str(new))
    assert again.stdout.strip().splitlines()[-1] == key, "the same recovery key keeps working"


def test_a_wrong_recovery_key_leaves_no_keyring_entry(
    tmp_path: Path, secret_service: object
) -> None:
    import secretstorage

    old = str(tmp_path / "old computer")
    assert _cli("demo", "--data-dir", old).returncode == 0
    backup = tmp_path / "b.db"
    assert _cli("backup", "--out", str(backup), "--data-dir", old).returncode == 0
    other = str(tmp_path / "other")
    assert _cli("demo", "--data-dir", other).returncode == 0
    wrong = _cli("recovery-key", "--data-dir", other).stdout.strip().splitlines()[-1]

    def entries() -> int:
        bus = secretstorage.dbus_init()
        items = secretstorage.get_default_collection(bus).get_all_items()
        return len([i for i in items if i.get_attributes().get("service") == KEYRING_SERVICE])

    before = entries()
    env = cli_env(
        PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring",
        SUPPORTNET_RECOVERY_KEY=wrong,
    )
    new = tmp_path / "new computer"
    result = subprocess.run(
        [sys.executable, "-m", "supportnet", "restore", str(backup), "--data-dir", str(new)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert not new.exists()
    assert entries() == before


def test_a_lost_keyring_entry_comes_back_with_the_recovery_key(
    tmp_path: Path, secret_service: object
) -> None:
    folder = tmp_path / "store"
    assert _cli("demo", "--data-dir", str(folder)).returncode == 0
    key = _cli("recovery-key", "--data-dir", str(folder)).stdout.strip().splitlines()[-1]
    key_id = json.loads((folder / "key.json").read_text())["key_id"]
    # A reset keyring, the home folder kept: the entry is gone, key.json is still here.
    secret_service.delete_password(KEYRING_SERVICE, f"database-key:{key_id}")  # type: ignore[attr-defined]
    refused = _cli("doctor", "--data-dir", str(folder))
    assert refused.returncode != 0
    assert "unlock-with-recovery-key" in refused.stderr

    env = cli_env(
        PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring",
        SUPPORTNET_RECOVERY_KEY=key,
    )
    unlocked = subprocess.run(
        [sys.executable, "-m", "supportnet", "unlock-with-recovery-key", "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=120,
    )
    assert unlocked.returncode == 0, unlocked.stderr
    assert unlocked.stdout.strip().splitlines() == [
        "Your store opens again; its key is now kept in the system keyring (SecretService "
        "Keyring). Your recovery key stays the same."
    ]
    assert secret_service.get_password(KEYRING_SERVICE, f"database-key:{key_id}")  # type: ignore[attr-defined]
    doctor = _cli("doctor", "--data-dir", str(folder))
    assert doctor.returncode == 0, doctor.stderr
    assert "People:         25" in doctor.stdout.splitlines()
    assert list(folder.glob("key.json.replaced-*"))
    again = _cli("recovery-key", "--data-dir", str(folder))
    assert again.stdout.strip().splitlines()[-1] == key


_OPEN_WITHOUT_KEYRING = """
import json, sys
from pathlib import Path
from supportnet.data.store import open_store
from supportnet.model.errors import SupportNetError
try:
    with open_store(Path(sys.argv[1])) as store:
        outcome = [p.name for p in store.people.list_all()]
except SupportNetError as exc:
    outcome = exc.message
loaded = [name for name in ("keyring", "secretstorage") if name in sys.modules]
print(json.dumps({"outcome": outcome, "loaded": loaded}))
"""


def _open_in_fresh_process(data_dir: Path, tmp_path: Path) -> dict[str, object]:
    """Open the store as the app does (the keyring left to choose), in a new process."""
    env = cli_env(XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("PYTHON_KEYRING_BACKEND", None)
    result = subprocess.run(
        [sys.executable, "-c", _OPEN_WITHOUT_KEYRING, str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    outcome: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return outcome


@pytest.mark.parametrize("recorded", ["SecretService Keyring", "chainer ChainerBackend"])
def test_the_key_is_read_without_loading_keyring(
    data_dir: Path, tmp_path: Path, secret_service: object, recorded: str
) -> None:
    """On the way to the first window the key comes straight from the Secret Service, as
    keyring would read it, without keyring's import and backend search (about 150 ms) and
    without secretstorage's."""
    with open_store(data_dir, keyring_backend=secret_service) as store:
        store.people.add(Person(name="Keyring Kim", circle=Circle.INNER))
    record = json.loads((data_dir / "key.json").read_text())
    record["keyring_backend"] = recorded
    (data_dir / "key.json").write_text(json.dumps(record))
    assert _open_in_fresh_process(data_dir, tmp_path) == {
        "outcome": ["Keyring Kim"],
        "loaded": [],
    }


def test_a_missing_entry_still_gets_keyrings_own_words(
    data_dir: Path, tmp_path: Path, secret_service: object
) -> None:
    with open_store(data_dir, keyring_backend=secret_service) as store:
        key_id = store.key_info.key_id
    secret_service.delete_password(KEYRING_SERVICE, f"database-key:{key_id}")  # type: ignore[attr-defined]
    opened = _open_in_fresh_process(data_dir, tmp_path)
    assert "keyring" in opened["loaded"]  # the direct read found nothing and stepped aside
    assert "missing from SecretService Keyring" in str(opened["outcome"])


def test_keyrings_own_settings_are_honoured(tmp_path: Path) -> None:
    """A chosen backend, a property or a keyringrc.cfg can change where keyring looks: then
    the key is read through keyring."""
    from supportnet.data import secret_service as direct

    config = tmp_path / "config"
    base = {"XDG_CONFIG_HOME": str(config)}
    assert direct.applies("SecretService Keyring", base)
    assert not direct.applies("kwallet DBusKeyring", base)
    assert not direct.applies(None, base)
    assert not direct.applies("SecretService Keyring", {**base, "PYTHON_KEYRING_BACKEND": "x.Y"})
    assert not direct.applies("SecretService Keyring", {**base, "KEYRING_PROPERTY_SCHEME": "x"})
    (config / "python_keyring").mkdir(parents=True)
    (config / "python_keyring" / "keyringrc.cfg").write_text("[backend]\n")
    assert not direct.applies("SecretService Keyring", base)
