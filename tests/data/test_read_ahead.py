"""The first window's reads made ahead in the key's helper (data.read_ahead): answered from
them only while they can't differ from the database, and the database itself after."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from supportnet.data import keys, secret_service
from supportnet.data.engine import connect_raw
from supportnet.data.lock import StoreLock
from supportnet.data.read_ahead import answers_for, files_state
from supportnet.data.read_ahead_open import open_to_read_ahead, written
from supportnet.data.store import Store, open_store
from supportnet.data.store_files import DB_NAME
from supportnet.model.errors import StoreError
from supportnet.services import Services
from supportnet.services.first_reads import ask_what_the_window_asks
from supportnet.services.today_cards import todays_cards
from tests.cli.test_cli import PASS
from tests.conftest import fresh_python

ZONE = "Europe/London"


def raw_key(data_dir: Path) -> bytes:
    """The key of the example store in ``data_dir`` (`supportnet demo`'s, passphrase-wrapped)."""
    info = keys.read_keyinfo(data_dir)
    assert info is not None
    return keys.unwrap_key(info, PASS)


@pytest.fixture(autouse=True)
def _nothing_left_over() -> Iterator[None]:
    yield
    secret_service._Begun.further = None


def _read_ahead(data_dir: Path, now: datetime) -> bytes:
    """What the helper writes after the key, for the store in ``data_dir``."""
    store = open_to_read_ahead(data_dir, raw_key(data_dir))
    assert store is not None
    ask_what_the_window_asks(store, now, ZONE)
    data = written(store)
    assert data is not None
    return data


def _open(data_dir: Path, further: bytes | None = None) -> Store:
    """The store opened as the app opens it, after a helper wrote ``further``."""
    if further is not None:
        secret_service._Begun.further = (raw_key(data_dir).hex(), further)
    return open_store(data_dir, passphrase=lambda _p: PASS, check_recovery=False)


def _what_today_shows(store: Store, now: datetime) -> tuple[Any, ...]:
    services = Services.of(store)
    settings = services.settings.load()
    own, team = todays_cards(
        services, services.reach_out_reader(), now, ZONE, settings.suggestions_per_day
    )
    ways = services.ways_to_reach([(s.target.kind, s.target.id) for s in own])
    return settings, own, team, ways, services.network_size()


def test_the_window_asks_nothing_of_the_database_the_helper_read_ahead(demo_dir: Path) -> None:
    now = datetime.now(UTC)
    with _open(demo_dir) as plain:
        expected = _what_today_shows(plain, now)
    with _open(demo_dir, _read_ahead(demo_dir, now)) as store:
        assert store.db.answering
        assert _what_today_shows(store, now) == expected
        assert store.db.answering  # every question was among the answers
        assert store.db.open_connections == 0  # the database not opened at all
    assert expected[1], "the example network has suggestions today"


def test_the_first_question_not_foreseen_goes_to_the_database_and_so_do_the_rest(
    demo_dir: Path,
) -> None:
    now = datetime.now(UTC)
    with _open(demo_dir, _read_ahead(demo_dir, now)) as store:
        people = store.db.execute("SELECT count(*) FROM people")
        # Not asked ahead: the database answers, and from now on it answers everything.
        assert store.db.execute("SELECT count(*) FROM plans")[0][0] > 0
        assert not store.db.answering
        assert store.db.open_connections == 1
        store.db.execute("DELETE FROM person_tags")  # a write: seen by what follows
        assert store.db.execute("SELECT count(*) FROM people") == people
        assert store.db.execute("SELECT count(*) FROM person_tags") == [(0,)]


def test_a_snapshot_begun_among_the_answers_ends_in_the_database(demo_dir: Path) -> None:
    from supportnet.data.reads import snapshot

    with _open(demo_dir, _read_ahead(demo_dir, datetime.now(UTC))) as store:
        with snapshot(store.db):  # Today's care card reads its rota this way
            people = store.db.execute("SELECT count(*) FROM people")
            assert store.db.open_connections == 0  # begun and read among the answers
            # Not foreseen: the database answers, inside a transaction of its own, so
            # what follows agrees and the snapshot's COMMIT has something to end.
            assert store.db.execute("SELECT count(*) FROM people") == people
            store.db.execute("SELECT count(*) FROM plans")
            assert store.db.connection().in_transaction
        assert not store.db.connection().in_transaction


@pytest.mark.parametrize("how", ["end_answers", "engine", "connection"])
def test_answers_end_for_good(demo_dir: Path, how: str) -> None:
    now = datetime.now(UTC)
    with _open(demo_dir, _read_ahead(demo_dir, now)) as store:
        if how == "end_answers":
            store.db.end_answers()  # the app's first paint
        elif how == "engine":
            store.engine  # noqa: B018 -- the ORM writes past them
        else:
            store.db.connection()
        assert not store.db.answering


def test_a_store_changed_after_the_helper_read_is_asked_itself(demo_dir: Path) -> None:
    now = datetime.now(UTC)
    ahead = _read_ahead(demo_dir, now)
    # Another SupportNet (a command) wrote before this one took the lock.
    conn = connect_raw(demo_dir / DB_NAME, raw_key(demo_dir))
    conn.execute("UPDATE people SET nickname = 'Changed' WHERE id = 1")
    conn.close()
    with _open(demo_dir, ahead) as store:
        assert not store.db.answering


def test_answers_are_for_the_key_they_were_read_with_and_taken_once(demo_dir: Path) -> None:
    ahead = _read_ahead(demo_dir, datetime.now(UTC))
    db = demo_dir / DB_NAME
    key = raw_key(demo_dir)
    secret_service._Begun.further = ("ab" * 32, ahead)
    assert answers_for(db, key) is None  # another key's
    secret_service._Begun.further = (key.hex(), ahead)
    assert answers_for(demo_dir.parent / "elsewhere" / DB_NAME, key) is None  # another store's
    secret_service._Begun.further = (key.hex(), ahead)
    assert answers_for(db, key) is not None
    assert answers_for(db, key) is None  # once


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xfb\x01\x02"])
def test_damaged_answers_are_not_used(demo_dir: Path, damage: bytes) -> None:
    key = raw_key(demo_dir)
    secret_service._Begun.further = (key.hex(), damage)
    assert answers_for(demo_dir / DB_NAME, key) is None


def test_the_helper_changes_nothing_and_cannot_write(demo_dir: Path) -> None:
    db = demo_dir / DB_NAME
    before = files_state(db)
    store = open_to_read_ahead(demo_dir, raw_key(demo_dir))
    assert store is not None
    ask_what_the_window_asks(store, datetime.now(UTC), ZONE)
    with pytest.raises(StoreError, match="read-only"):
        store.db.execute("DELETE FROM people")
    with pytest.raises(StoreError):
        store.engine  # noqa: B018 -- the ORM's connection would not be read-only
    assert files_state(db) == before
    with StoreLock(demo_dir):  # the helper never took the lock: the window can
        pass


def test_nothing_is_read_ahead_where_opening_would_write(demo_dir: Path) -> None:
    db = demo_dir / DB_NAME
    conn = connect_raw(db, raw_key(demo_dir))
    conn.execute("PRAGMA journal_mode = DELETE")  # the window's opening switches it back
    conn.close()
    assert open_to_read_ahead(demo_dir, raw_key(demo_dir)) is None


def test_nothing_is_read_ahead_without_a_store(tmp_path: Path) -> None:
    assert open_to_read_ahead(tmp_path, b"k" * 32) is None


def test_a_wrong_key_is_refused_as_the_window_would(demo_dir: Path) -> None:
    with pytest.raises(StoreError):
        open_to_read_ahead(demo_dir, b"k" * 32)


def test_answers_change_stamps_that_differ_from_the_databases(demo_dir: Path) -> None:
    # The schedule reader keeps what it read by the stamp: the first real connection's
    # stamp must differ from the answered one, so it reads again from the database.
    ahead = _read_ahead(demo_dir, datetime.now(UTC))
    with _open(demo_dir, ahead) as store:
        answered = store.db.change_stamp()
        store.db.end_answers()
        assert store.db.change_stamp() != answered


def test_the_apps_first_window_is_built_without_opening_the_database(
    data_dir: Path, tmp_path: Path, secret_service: object
) -> None:
    # The whole way, as a user starts it: the key in the real Secret Service, read with
    # the first window's reads by the real helper process (python -S), while Qt loads.
    from supportnet.demo.loader import load_demo
    from supportnet.model.zones import system_zone_name

    with open_store(data_dir, keyring_backend=secret_service) as store:
        load_demo(store, datetime.now(UTC).date(), system_zone_name())
        store.settings.update(onboarded=True)  # a store used before: no first-run choice
    code = (
        "import os, sys\n"
        "from supportnet.cli import run\n"
        "from supportnet.data import secret_service\n"
        "def open_app(data_dir, argv):\n"
        "    from supportnet.ui.app import _application, launch\n"
        "    # The helper done first: what it gives is what this test is about, not the race\n"
        "    # (a helper still reading when asked leaves the reads to the window).\n"
        "    helper = secret_service._Begun.helper\n"
        "    os.waitid(os.P_PID, helper.pid, os.WEXITED | os.WNOWAIT)\n"
        "    app = _application(argv)\n"
        "    started = launch(data_dir)\n"
        "    db = started.store.db\n"
        "    print(len(started.window.today.cards) > 0, db.answering, db.open_connections,\n"
        "          'sqlcipher3' in sys.modules)\n"
        "    db.end_answers()  # as at the first paint: the database answers from here on\n"
        "    started.window.today.refresh()\n"
        "    print(db.open_connections, 'sqlcipher3' in sys.modules)\n"
        "    started.store.close()\n"
        "    return 0\n"
        f"sys.exit(run(['--data-dir', {str(data_dir)!r}], open_app=open_app))\n"
    )
    result = fresh_python(
        code,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHON_KEYRING_BACKEND="",  # keyring left to its defaults, as a user's
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "0", "False", "1", "True"]
