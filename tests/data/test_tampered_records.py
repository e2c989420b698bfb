"""Tampered key records and backup headers, and secrets that aren't text: one calm line each,
never exit 70, never a word about the secret, and nothing written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from supportnet.data import keys, recovery
from supportnet.data.backup_format import MAGIC
from supportnet.model.errors import KeyUnavailableError
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli

DEEP = "[" * 30_000 + "]" * 30_000  # well under the header's 64 KiB cap


@pytest.fixture
def backup(demo_folder: Path, tmp_path: Path) -> Path:
    out = tmp_path / "b1.snb"
    made = run_cli("backup", "--out", str(out), "--data-dir", str(demo_folder))
    assert made.returncode == 0, made.stderr
    return out


def _rewrite_header(backup: Path, change: Callable[[str], str]) -> None:
    """Replace the header's JSON text by ``change(text)``, keeping the database after it."""
    data = backup.read_bytes()
    start = len(MAGIC)
    size = int.from_bytes(data[start : start + 4], "big")
    text = data[start + 4 : start + 4 + size].decode()
    body = change(text).encode()
    backup.write_bytes(MAGIC + len(body).to_bytes(4, "big") + body + data[start + 4 + size :])


def _edit(edit: Callable[[dict[str, Any]], None]) -> Callable[[str], str]:
    def change(text: str) -> str:
        header = json.loads(text)
        edit(header)
        return json.dumps(header, sort_keys=True)

    return change


def _set_kdf(header: dict[str, Any], **cost: int) -> None:
    header["passphrase"]["kdf"].update(cost)


HEADERS: dict[str, Callable[[str], str]] = {
    "nested 30,000 deep": lambda text: text[:-1] + f', "extra": {DEEP}}}',
    "a size of 1e400": lambda text: text.replace('"bytes": ', '"bytes": 1e400, "was": '),
    "a MAC that isn't hex": _edit(lambda h: h.update(mac="é" * 64)),
    "1 GiB for Argon2id": _edit(lambda h: _set_kdf(h, memory_kib=1024 * 1024)),
    "ten Argon2id passes": _edit(lambda h: _set_kdf(h, iterations=10)),
}


@pytest.mark.parametrize("change", HEADERS.values(), ids=HEADERS.keys())
def test_a_tampered_backup_header_is_one_line_and_writes_nothing(
    backup: Path, tmp_path: Path, change: Callable[[str], str]
) -> None:
    _rewrite_header(backup, change)
    fresh = tmp_path / "new computer"
    result = run_cli("restore", str(backup), "--data-dir", str(fresh))
    assert_one_line_error(result, 1, "damaged")
    assert not fresh.exists()


def test_a_deeply_nested_key_record_is_one_line(demo_dir: Path) -> None:
    (demo_dir / keys.KEYINFO_NAME).write_text(f'{{"method": "passphrase", "kdf": {DEEP}}}')
    assert_one_line_error(run_cli("doctor", "--data-dir", str(demo_dir)), 1, "key.json")


def test_a_huge_number_in_the_key_record_is_one_line(demo_dir: Path) -> None:
    path = demo_dir / keys.KEYINFO_NAME
    path.write_text(path.read_text().replace('"iterations": ', '"iterations": 1e400, "x": '))
    assert_one_line_error(run_cli("doctor", "--data-dir", str(demo_dir)), 1, "key.json")


def test_a_deeply_nested_recovery_record_never_stops_the_store(demo_dir: Path) -> None:
    (demo_dir / recovery.RECOVERY_NAME).write_text(f'{{"version": 1, "x": {DEEP}}}')
    today = run_cli("today", "--data-dir", str(demo_dir))
    assert today.returncode == 0, today.stderr
    assert list(demo_dir.glob(f"{recovery.RECOVERY_NAME}.unused-*")), "kept aside"


# --- Argon2id bounds ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cost",
    [{"iterations": 7}, {"memory_kib": 256 * 1024}, {"lanes": 16}],
    ids=["seven passes", "256 MiB", "sixteen lanes"],
)
def test_a_key_record_may_ask_at_most_twice_what_supportnet_writes(cost: dict[str, int]) -> None:
    info = keys.wrap_key(keys.new_key(), PASS, "abc", keys.KdfParams())
    data = json.loads(info.to_json())
    assert keys.KeyInfo.from_json(json.dumps(data)).kdf == keys.KdfParams()
    data["kdf"].update(cost)
    with pytest.raises(KeyUnavailableError, match="damaged"):
        keys.KeyInfo.from_json(json.dumps(data))


def test_running_out_of_memory_is_not_a_damaged_record(monkeypatch: pytest.MonkeyPatch) -> None:
    info = keys.wrap_key(keys.new_key(), PASS, "abc")

    def no_memory(*_args: object) -> bytes:
        raise MemoryError

    # A machine short of memory can't be made on demand; Argon2id's failure is stood in for.
    monkeypatch.setattr(keys, "_derive", no_memory)
    with pytest.raises(KeyUnavailableError) as caught:
        keys.unwrap_key(info, PASS)
    assert "damaged" not in str(caught.value)
    assert "memory" in str(caught.value)


# --- Secrets that aren't text ---------------------------------------------------------------

NOT_TEXT = PASS[:13] + "\udcff" + PASS[13:]  # a byte from another encoding, as Python gets it


def _says_nothing_of_the_secret(result: Any) -> None:
    assert_one_line_error(result, 2, "isn't plain text")
    for leak in ("position", "key.json", "\\udcff", "codec", PASS[:13]):
        assert leak not in result.stderr


def test_a_passphrase_that_isnt_text_is_not_blamed_on_the_key_record(demo_dir: Path) -> None:
    _says_nothing_of_the_secret(run_cli("doctor", "--data-dir", str(demo_dir), passphrase=NOT_TEXT))


def test_a_new_store_with_a_passphrase_that_isnt_text_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "u1"
    _says_nothing_of_the_secret(run_cli("demo", "--data-dir", str(folder), passphrase=NOT_TEXT))
    assert not folder.exists(), "no folder holding only a lock file"


def test_restore_with_a_new_passphrase_that_isnt_text_leaves_nothing(
    backup: Path, demo_folder: Path, tmp_path: Path
) -> None:
    paper = run_cli("recovery-key", "--data-dir", str(demo_folder)).stdout.splitlines()[-1]
    fresh = tmp_path / "new computer"
    result = run_cli(
        "restore",
        str(backup),
        "--data-dir",
        str(fresh),
        passphrase=NOT_TEXT,
        SUPPORTNET_RECOVERY_KEY=paper,
    )
    _says_nothing_of_the_secret(result)
    assert not fresh.exists()


def test_a_recovery_key_that_isnt_text_is_one_line(backup: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "new computer"
    result = run_cli(
        "restore",
        str(backup),
        "--data-dir",
        str(fresh),
        SUPPORTNET_RECOVERY_KEY="0123-4567-89AB-\udcff",
    )
    _says_nothing_of_the_secret(result)
    assert not fresh.exists()
