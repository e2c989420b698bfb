"""Automatic daily backups on real stores, with fixed clocks: due, thinned, copied, failing
calmly, and restored through the ordinary restore."""

from __future__ import annotations

import shutil
import stat
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from supportnet.data import backup as backup_module
from supportnet.data.auto_backup import (
    auto_backup_if_due,
    daily_backups,
    is_due,
    last_daily_backup,
    thin,
)
from supportnet.data.backup import key_id_of
from supportnet.data.engine import DatabaseFailure
from supportnet.data.restore import restore_backup
from supportnet.data.store import Store
from supportnet.model.network import Person
from supportnet.model.retention import backups_to_keep
from supportnet.services.registry import Services
from tests.data.storekit import MemoryKeyring

UTC_ZONE = ZoneInfo("UTC")
NOON = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def _backup(store: Store, now: datetime, extra: Path | None = None, zone: ZoneInfo = UTC_ZONE):  # type: ignore[no-untyped-def]
    return auto_backup_if_due(store.db, store.data_dir, now, zone, extra)


def test_the_first_backup_of_a_day_is_taken_and_private(store: Store) -> None:
    store.people.add(Person(name="Ada"))
    result = _backup(store, NOON)
    assert result.written is not None
    assert result.problem == ""
    assert result.written.parent == store.data_dir / "backups"
    assert stat.S_IMODE(result.written.stat().st_mode) == 0o600
    assert stat.S_IMODE(result.written.parent.stat().st_mode) == 0o700
    assert last_daily_backup(store.data_dir / "backups") == (result.written, NOON)


def test_at_most_one_a_day_and_the_next_day_again(store: Store) -> None:
    first = _backup(store, NOON)
    assert first.written is not None
    assert not is_due(store.data_dir, NOON + timedelta(hours=11), UTC_ZONE)
    assert _backup(store, NOON + timedelta(hours=11)).written is None
    assert is_due(store.data_dir, NOON + timedelta(hours=12), UTC_ZONE)
    assert _backup(store, NOON + timedelta(hours=12)).written is not None
    assert len(daily_backups(store.data_dir / "backups")) == 2


def test_the_day_is_the_users_local_day(store: Store) -> None:
    tokyo = ZoneInfo("Asia/Tokyo")  # UTC+9: 12:00 UTC is 21:00, 16:00 UTC is 01:00 next day
    assert _backup(store, NOON, zone=tokyo).written is not None
    assert is_due(store.data_dir, NOON + timedelta(hours=4), tokyo)
    assert not is_due(store.data_dir, NOON + timedelta(hours=4), UTC_ZONE)


def test_a_year_of_backups_is_thinned_to_7_daily_4_weekly_6_monthly(store: Store) -> None:
    """One real backup a day for a year would take minutes: the first is real, the rest are
    that file under each day's name (same key id), thinned each day as the app does."""
    folder = store.data_dir / "backups"
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    first = _backup(store, start).written
    assert first is not None
    real = Path(shutil.copy2(first, store.data_dir.parent / "template.db"))
    for n in range(1, 365):
        now = start + timedelta(days=n)
        shutil.copy2(real, folder / f"supportnet-{now:%Y%m%dT%H%M%S%f}Z-daily.db")
        thin(folder, now, UTC_ZONE, key_id_of(real))
    end = start + timedelta(days=364)
    left = daily_backups(folder)
    assert len(left) == len(backups_to_keep(left.values(), end.date()))
    days = sorted(s.date() for s in left.values())
    assert days[-7:] == [end.date() - timedelta(days=n) for n in range(6, -1, -1)]
    assert days[0] == date(2026, 7, 31)
    assert len(days) <= 17
    # A real backup on the next day still works alongside the thinned ones.
    assert _backup(store, end + timedelta(days=1)).written is not None


def test_another_stores_backups_are_never_thinned(store: Store, tmp_path: Path) -> None:
    folder = store.data_dir / "backups"
    first = _backup(store, NOON).written
    assert first is not None
    real = Path(shutil.copy2(first, tmp_path / "template.db"))
    foreign = folder / "supportnet-20200101T090000000000Z-daily.db"
    foreign.write_bytes(b"not ours")
    for n in range(1, 40):
        now = NOON + timedelta(days=n)
        shutil.copy2(real, folder / f"supportnet-{now:%Y%m%dT%H%M%S%f}Z-daily.db")
        thin(folder, now, UTC_ZONE, key_id_of(real))
    assert foreign.exists()


def test_the_extra_folder_gets_a_private_copy(store: Store, tmp_path: Path) -> None:
    extra = tmp_path / "usb"
    extra.mkdir()
    result = _backup(store, NOON, extra)
    assert result.written is not None
    assert result.extra is not None
    assert result.extra.parent == extra
    assert result.extra.read_bytes() == result.written.read_bytes()
    assert stat.S_IMODE(result.extra.stat().st_mode) == 0o600
    assert [p.name for p in extra.iterdir()] == [result.written.name], "no partial file left"


def test_a_missing_extra_folder_is_one_calm_line_and_tried_again(
    store: Store, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    result = _backup(store, NOON, stick)
    assert result.written is not None, "the backup in the data folder is still made"
    assert result.extra is None
    assert result.problem.count(".") == 1
    assert "\n" not in result.problem
    assert str(tmp_path) not in result.problem
    stick.mkdir()  # plugged in later the same day
    later = _backup(store, NOON + timedelta(hours=1), stick)
    assert later.written is None
    assert later.extra is not None
    assert later.problem == ""


def test_a_full_disk_never_raises_and_leaves_no_partial_file(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import sqlcipher3

    store.people.add(Person(name="Ada Lovelace"))
    real = backup_module.raw_execute

    def disk_full(engine: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
        if sql.startswith("VACUUM INTO"):
            real(engine, sql, params)
            raise DatabaseFailure(sqlcipher3.OperationalError("database or disk is full"))
        return real(engine, sql, params)

    monkeypatch.setattr(backup_module, "raw_execute", disk_full)
    result = _backup(store, NOON)
    assert result.written is None
    assert result.problem == "Today's automatic backup wasn't made: the disk is full."
    assert list((store.data_dir / "backups").iterdir()) == []
    assert "Ada" not in caplog.text
    assert str(store.data_dir) not in caplog.text
    monkeypatch.undo()
    assert _backup(store, NOON).written is not None, "still due: tried again next time"


def test_a_backup_folder_that_cant_be_made_never_raises(store: Store) -> None:
    (store.data_dir / "backups").write_text("a file where the folder should be")
    result = _backup(store, NOON)
    assert result.written is None
    assert result.problem.startswith("Today's automatic backup")


def test_an_automatic_backup_restores_through_the_ordinary_restore(
    open_keyring_store: Callable[..., Store], data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = open_keyring_store()
    store.people.add(Person(name="Ada"))
    written = _backup(store, NOON).written
    store.people.add(Person(name="Bo"))
    store.close()
    assert written is not None
    result = restore_backup(data_dir, written, keyring_backend=memory_keyring, force=True)
    with result.store as restored:
        assert [p.name for p in restored.people.list_all()] == ["Ada"]


def test_the_service_backs_up_from_a_worker_thread(store: Store, tmp_path: Path) -> None:
    services = Services.of(store)
    extra = tmp_path / "synced"
    extra.mkdir()
    store.settings.update(backup_folder=str(extra))
    assert services.backups.extra_folder() == extra
    results: list[Any] = []
    worker = threading.Thread(
        target=lambda: results.append(services.backups.auto_backup_if_due(NOON))
    )
    worker.start()
    worker.join()
    assert results[0].written is not None
    assert results[0].extra is not None
    assert services.backups.last_backup() == (results[0].written, NOON)
    assert services.backups.auto_backup_if_due(NOON).did_anything is False
