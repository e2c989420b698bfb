"""The non-secret settings file: private, written whole, and read forgivingly."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from supportnet.data import open_config
from supportnet.data.data_folder import check_data_dir, holds_supportnet_data
from supportnet.data.open_config import (
    CONFIG_NAME,
    MAX_BYTES,
    OpenConfig,
    read_open_config,
    write_open_config,
)
from supportnet.model.errors import StoreError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_round_trip(tmp_path: Path) -> None:
    write_open_config(tmp_path, OpenConfig(country="GB"))
    assert read_open_config(tmp_path) == OpenConfig(country="GB")


def test_the_file_holds_only_the_country(tmp_path: Path) -> None:
    write_open_config(tmp_path, OpenConfig(country="IE"))
    assert json.loads((tmp_path / CONFIG_NAME).read_text("utf-8")) == {"country": "IE"}


def test_the_file_is_private(tmp_path: Path) -> None:
    write_open_config(tmp_path, OpenConfig(country="NZ"))
    assert mode(tmp_path / CONFIG_NAME) == 0o600


def test_a_missing_data_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "SupportNet"
    write_open_config(folder, OpenConfig(country="AU"))
    assert mode(folder) == 0o700
    assert read_open_config(folder).country == "AU"


def test_no_file_reads_as_the_defaults(tmp_path: Path) -> None:
    assert read_open_config(tmp_path) == OpenConfig()
    assert read_open_config(tmp_path / "nowhere") == OpenConfig()
    assert read_open_config(None) == OpenConfig()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00junk",
        b"[1, 2, 3]",
        b'"GB"',
        b'{"country": 44}',
        b'{"country": "GBR"}',
        b'{"country": "G1"}',
        b'{"country": null}',
        b'{"country": "\\u00c9\\u00c9"}',
    ],
)
def test_a_damaged_file_reads_as_the_defaults(tmp_path: Path, content: bytes) -> None:
    (tmp_path / CONFIG_NAME).write_bytes(content)
    assert read_open_config(tmp_path) == OpenConfig()


def test_a_lower_case_country_is_read_in_capitals(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).write_text('{"country": "gb", "later": true}', "utf-8")
    assert read_open_config(tmp_path).country == "GB"


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    text = json.dumps({"country": "GB", "pad": "x" * MAX_BYTES})
    (tmp_path / CONFIG_NAME).write_text(text, "utf-8")
    assert read_open_config(tmp_path) == OpenConfig()


def test_a_folder_in_its_place_reads_as_the_defaults(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).mkdir()
    assert read_open_config(tmp_path) == OpenConfig()


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_open_config(tmp_path, OpenConfig(country="GB"))

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StoreError):
        write_open_config(tmp_path, OpenConfig(country="IE"))
    monkeypatch.undo()
    assert read_open_config(tmp_path).country == "GB"
    assert sorted(p.name for p in tmp_path.iterdir()) == [CONFIG_NAME]  # no temp file left


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write")
def test_a_read_only_folder_is_a_typed_error(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    write_open_config(folder, OpenConfig(country="GB"))
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError) as caught:
            open_config.write_open_config(folder, OpenConfig(country="IE"))
        assert "\n" not in caught.value.message
    finally:
        folder.chmod(0o700)
    assert read_open_config(folder).country == "GB"


def test_a_folder_holding_only_the_settings_is_supportnets(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    write_open_config(folder, OpenConfig(country="GB"))
    assert holds_supportnet_data(folder)
    check_data_dir(folder)  # not refused as "a folder holding other files"


def test_the_store_leaves_the_settings_alone(
    data_dir: Path, memory_keyring: object, tmp_path: Path
) -> None:
    """Not part of the store: a store is made beside it, and a restore replaces the
    database without touching it (backups hold only the database)."""
    from supportnet.data.restore import restore_backup
    from supportnet.data.store import open_store

    write_open_config(data_dir, OpenConfig(country="GB"))
    before = (data_dir / CONFIG_NAME).read_bytes()
    with open_store(data_dir, keyring_backend=memory_keyring) as store:
        out = store.backup(tmp_path / "backup.db")
    result = restore_backup(data_dir, out, keyring_backend=memory_keyring, force=True)
    result.store.close()
    assert (data_dir / CONFIG_NAME).read_bytes() == before
    assert read_open_config(data_dir).country == "GB"
