"""Schema migrations: fixtures of released revisions, child rows kept, failures rolled back."""

from __future__ import annotations

import shutil
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.orm import sessionmaker

from supportnet.data import keys, migrate
from supportnet.data.engine import RawDatabase, make_engine
from supportnet.data.migrations import HEAD_REVISION, KNOWN_REVISIONS
from supportnet.data.repositories.people import PeopleRepository
from supportnet.data.store import Counts, Store, open_store
from supportnet.data.store_files import DB_NAME
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.errors import StoreError
from supportnet.model.network import (
    ChannelKind,
    ContactChannel,
    Group,
    Person,
    SupportType,
)
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.model.safety_plan import Step
from tests.data.storekit import TEST_PASSPHRASE, MemoryKeyring, count, query, raw_key

FIXTURES = Path(__file__).parent / "fixtures"
CHILD_TABLES = ("person_channels", "person_tags", "person_support", "plans", "plan_skips")
ALL_TABLES = ("people", "community_groups", *CHILD_TABLES, "checkins", "settings")


def _passphrase(_purpose: object) -> str:
    return TEST_PASSPHRASE


def _revision(db: Path, key: bytes) -> str:
    return str(query(db, key, "SELECT version_num FROM alembic_version")[0][0])


def _columns(db: Path, key: bytes, table: str) -> set[str]:
    return {str(row[1]) for row in query(db, key, f"PRAGMA table_info({table})")}


def _counts(db: Path, key: bytes) -> dict[str, int]:
    return {table: count(db, key, table) for table in ALL_TABLES}


# --- The revision constants ------------------------------------------------------------------


def test_known_revisions_match_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    oldest_first = tuple(rev.revision for rev in reversed(list(script.walk_revisions())))
    assert oldest_first == KNOWN_REVISIONS
    assert script.get_heads() == [HEAD_REVISION]
    assert KNOWN_REVISIONS[-1] == HEAD_REVISION


def test_a_fixture_for_every_known_revision() -> None:
    for revision in KNOWN_REVISIONS:
        assert (FIXTURES / f"rev_{revision}.db").is_file(), f"no fixture for {revision}"
        assert (FIXTURES / f"rev_{revision}.key").is_file()
        # Each table and index takes a page of its own: 0005's five tables came to 240 KiB.
        assert (FIXTURES / f"rev_{revision}.db").stat().st_size < 256 * 1024


# --- Fixture databases of released revisions open, migrate and keep their data ---------------


def _install_fixture(fixture: Path, data_dir: Path) -> bytes:
    key = bytes.fromhex(fixture.with_suffix(".key").read_text(encoding="ascii").strip())
    data_dir.mkdir(mode=0o700)
    shutil.copyfile(fixture, data_dir / DB_NAME)
    (data_dir / DB_NAME).chmod(0o600)
    keys.write_keyinfo(data_dir, keys.wrap_key(key, TEST_PASSPHRASE, "fixture"))
    return key


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("rev_*.db")), ids=lambda p: p.stem)
def test_a_released_revision_opens_with_its_data(fixture: Path, data_dir: Path) -> None:
    old_revision = fixture.stem.removeprefix("rev_")
    key = _install_fixture(fixture, data_dir)
    assert _revision(data_dir / DB_NAME, key) == old_revision

    with open_store(data_dir, passphrase=_passphrase) as store:
        assert store.revision() == HEAD_REVISION
        if old_revision == HEAD_REVISION:
            assert store.migrated_backup is None
        else:
            assert store.migrated_backup is not None
            assert _revision(store.migrated_backup, key) == old_revision
        # 0006's fixture adds the check-in Ada did on the rota.
        done_by = 1 if old_revision >= "0006" else 0
        assert store.counts() == Counts(people=3, groups=1, plans=3, checkins=6 + done_by)
        assert store.integrity_problems() == []

        ada = store.people.find("Ada Okonkwo-Lindqvist")[0]
        assert ada.nickname == "Ada 🌻"
        assert ada.support_types == {SupportType.EMOTIONAL, SupportType.CRISIS}
        assert ada.channels == [
            ContactChannel(ChannelKind.CALL, "+44 7700 900001"),
            ContactChannel(ChannelKind.MESSAGING, "@ada", preferred=True),
        ]
        assert ada.tags == ["uni", "walks"]
        assert ada.notes == "Met at university.\nGood listener."
        assert ada.knows_situation
        assert store.people.find("נועה")[0].circle.value == "outer"

        (weekly,) = store.plans.for_person(ada.id)  # type: ignore[arg-type]
        assert weekly.recurrence is not None
        assert weekly.recurrence.weekdays == {1}
        assert weekly.recurrence.skips == {date(2026, 1, 13)}
        assert (weekly.window_start, weekly.window_end) == (time(19), time(19, 30))
        calls = store.checkins.for_person(ada.id)  # type: ignore[arg-type]
        assert [c.note for c in calls] == ["Call 4", "Call 3", "Call 2", "Call 1"]
        assert {c.plan_id for c in calls} == {weekly.id}
        assert {c.initiator for c in calls} == {Initiator.ME, Initiator.THEM}
        assert store.checkins.last_contact_by_person()[ada.id] == datetime(  # type: ignore[index]
            2026, 1, 27, 19, 5, tzinfo=UTC
        )
        (walkers,) = store.groups.list_all()
        assert walkers.meeting_schedule == "Saturdays 10:00"
        assert store.plans.for_group(walkers.id)[0].recurrence.nth_weekday == 5  # type: ignore[arg-type, union-attr]
        settings = store.settings.load()
        assert (settings.suggestions_per_day, settings.timezone) == (2, "Europe/London")
        # What calendars were given arrived in 0003 and is kept from then on.
        assert store.calendar.count() == (1 if old_revision >= "0003" else 0)
        # The plan for hard days arrived in 0004; before it, the plan is empty.
        plan = store.safety_plan.read()
        if old_revision >= "0004":
            helpers = plan.entries(Step.HELPERS)
            assert [(e.text, e.target_uid, e.they_know) for e in helpers] == [
                ("Ada 🌻", ada.uid, True),
                ("Samir Haddad", store.people.find("Samir Haddad")[0].uid, False),
            ]
            assert [e.text for e in plan.entries(Step.LIVING_FOR)] == ["My niece", "The sea"]
        else:
            assert plan.is_empty
        # Care teams arrived in 0005, by uid: Ada weekly with one Monday swapped to the user.
        teams = store.care_teams.list()
        if old_revision >= "0005":
            (team,) = teams
            assert (team.name, team.supporters, team.comfortable_gap_days) == (
                "Around Sam",
                [ada.uid, "me"],
                3,
            )
            assert [slot.supporter for slot in team.slots] == [ada.uid, "me", None]
            weekly = team.slots[0].plan
            assert weekly.recurrence is not None
            assert weekly.recurrence.skips == {date(2026, 1, 19)}
            assert [(s.slot_uid, s.on, s.supporter) for s in team.swaps] == [
                (weekly.uid, date(2026, 1, 12), "me")
            ]
        else:
            assert teams == []
        # Who did a check-in on the user's behalf arrived in 0006; older ones were the user's.
        sam = store.people.find("Samir Haddad")[0]
        sams = store.checkins.for_person(sam.id)  # type: ignore[arg-type]
        if old_revision >= "0006":
            own, rota_done = sams  # newest first
            assert (rota_done.by, rota_done.rota_slot) == (ada.uid, teams[0].slots[0].uid)
            assert rota_done.note == "Ada says he sounded brighter"
            assert (own.by, own.rota_slot) == (None, None)
        else:
            assert [(c.by, c.rota_slot) for c in sams] == [(None, None)]
        # What supporters' calendars were given arrived in 0007: Ada's Monday series.
        rota = store.calendar.rota
        if old_revision >= "0007":
            (given,) = rota.for_supporter(teams[0].uid, ada.uid)
            assert (given.uid, given.single, given.cancelled) == (
                f"rota-{teams[0].slots[0].uid}",
                False,
                False,
            )
        else:
            assert rota.count() == 0
        assert settings.onboarded


# --- A migration that rebuilds a parent table keeps the child rows ----------------------------

REVISION_0002 = '''"""Test only: {doc}"""

import sqlalchemy as sa
from alembic import op

revision = "9002"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
'''

# recreate="always": SQLite could add a column in place; a real schema change (a new
# constraint, a changed type) rebuilds the table, which is the case that loses data.
BATCH_ADD_COLUMN = """\
    with op.batch_alter_table("people", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("favourite_colour", sa.Text(), nullable=True))"""


def _scripts_with_0002(tmp_path: Path, body: str, doc: str = "rebuild people") -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9002_test_only.py").write_text(
        REVISION_0002.format(doc=doc, body=body, head=HEAD_REVISION), encoding="utf-8"
    )
    return scripts


@pytest.fixture
def network_store(
    open_keyring_store: Callable[..., Store], data_dir: Path, memory_keyring: MemoryKeyring
) -> tuple[Path, bytes, Person]:
    """A closed store at revision 0001 with rows in every child table of ``people``."""
    store = open_keyring_store()
    person = store.people.add(
        Person(
            name="Ada",
            support_types={SupportType.EMOTIONAL, SupportType.PRACTICAL},
            channels=[
                ContactChannel(ChannelKind.CALL, "+44 7700 900001"),
                ContactChannel(ChannelKind.EMAIL, "ada@example.org", preferred=True),
            ],
            tags=["uni", "walks", "neighbour"],
        )
    )
    other = store.people.add(Person(name="Bo", channels=[ContactChannel(ChannelKind.TEXT)]))
    group = store.groups.add(Group(name="Walkers", tags=["outdoors"]))
    assert person.id is not None
    plan = store.plans.add(
        Plan(
            kind=PlanKind.FIXED,
            start_date=date(2026, 1, 5),
            person_id=person.id,
            window_start=time(18),
            recurrence=Recurrence(
                Frequency.WEEKLY, weekdays={0, 3}, skips={date(2026, 1, 8), date(2026, 1, 12)}
            ),
        )
    )
    store.plans.add(Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 2, 1), person_id=other.id))
    store.plans.add(Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 2, 1), group_id=group.id))
    at = datetime(2026, 1, 5, 18, 10, tzinfo=UTC)
    store.checkins.add_many(
        [CheckIn(at=at + timedelta(days=i), person_id=person.id, plan_id=plan.id) for i in range(5)]
        + [CheckIn(at=at, person_id=other.id), CheckIn(at=at, group_id=group.id)]
    )
    saved = store.people.get(person.id)
    store.close()
    return data_dir / DB_NAME, raw_key(data_dir, memory_keyring), saved


def test_a_batch_migration_keeps_child_rows(
    network_store: tuple[Path, bytes, Person], tmp_path: Path
) -> None:
    db, key, person = network_store
    before = _counts(db, key)
    assert all(before[t] > 0 for t in (*CHILD_TABLES, "checkins")), before
    scripts = _scripts_with_0002(tmp_path, BATCH_ADD_COLUMN)
    backups = tmp_path / "backups"

    backup = migrate.upgrade(db, key, backup_dir=backups, script_location=scripts)

    assert _revision(db, key) == "9002"
    assert "favourite_colour" in _columns(db, key, "people")
    assert _counts(db, key) == before
    assert query(db, key, "PRAGMA foreign_key_check") == []
    # The children still point at people, and deleting still cascades.
    referenced = {row[2] for row in query(db, key, "PRAGMA foreign_key_list(person_channels)")}
    assert referenced == {"people"}
    engine = make_engine(db, key)
    try:
        repository = PeopleRepository(sessionmaker(engine), RawDatabase(db, key))
        assert repository.get(person.id) == person  # type: ignore[arg-type]
    finally:
        engine.dispose()

    # The backup was taken before, holds the old revision, and opens with the same key.
    assert backup is not None
    assert backup.parent == backups
    assert list(backups.iterdir()) == [backup]
    assert f"before-upgrade-from-{HEAD_REVISION}" in backup.name
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert _revision(backup, key) == HEAD_REVISION
    assert "favourite_colour" not in _columns(backup, key, "people")
    assert _counts(backup, key) == before


def test_the_same_migration_with_foreign_keys_on_loses_the_child_rows(
    network_store: tuple[Path, bytes, Person], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why the runner turns foreign keys off: with them on, rebuilding people cascades."""
    db, key, _person = network_store
    before = _counts(db, key)
    real_make_engine = migrate.make_engine

    def foreign_keys_on(path: Path, key: bytes, **kwargs: Any) -> Any:
        return real_make_engine(path, key, **{**kwargs, "foreign_keys": True})

    monkeypatch.setattr(migrate, "make_engine", foreign_keys_on)
    migrate.upgrade(
        db, key, backup_dir=None, script_location=_scripts_with_0002(tmp_path, BATCH_ADD_COLUMN)
    )

    after = _counts(db, key)
    assert _revision(db, key) == "9002"
    assert after["people"] == before["people"]
    for table in ("person_channels", "person_tags", "person_support", "plan_skips"):
        assert after[table] == 0, table
    # Only the group's plan and check-in survive the cascade.
    assert (after["plans"], after["checkins"]) == (1, 1)


def test_a_failing_migration_changes_nothing(
    network_store: tuple[Path, bytes, Person],
    tmp_path: Path,
    data_dir: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    db, key, person = network_store
    before = _counts(db, key)
    body = (
        BATCH_ADD_COLUMN
        + '\n    op.execute("DELETE FROM person_tags")'
        + '\n    raise RuntimeError("this migration fails halfway")'
    )
    scripts = _scripts_with_0002(tmp_path, body, doc="fail halfway")

    with pytest.raises(RuntimeError, match="fails halfway"):
        migrate.upgrade(db, key, backup_dir=tmp_path / "backups", script_location=scripts)

    assert _revision(db, key) == HEAD_REVISION
    assert "favourite_colour" not in _columns(db, key, "people")
    assert _counts(db, key) == before
    tables = {row[0] for row in query(db, key, "SELECT name FROM sqlite_master")}
    assert not any(name.startswith("_alembic_tmp") for name in tables)
    # The store opens as before.
    with open_store(data_dir, keyring_backend=memory_keyring) as store:
        assert store.people.get(person.id) == person  # type: ignore[arg-type]


def test_a_migration_that_breaks_links_is_refused(
    network_store: tuple[Path, bytes, Person], tmp_path: Path
) -> None:
    db, key, _person = network_store
    before = _counts(db, key)
    body = (
        '    op.execute("INSERT INTO person_tags (person_id, tag, position) '
        "VALUES (9999, 'orphan', 0)\")"
    )
    scripts = _scripts_with_0002(tmp_path, body, doc="leave an orphan row")

    with pytest.raises(StoreError, match="broken link") as caught:
        migrate.upgrade(db, key, backup_dir=tmp_path / "backups", script_location=scripts)
    assert "Traceback" not in str(caught.value)
    assert _revision(db, key) == HEAD_REVISION
    assert _counts(db, key) == before


def test_upgrade_at_head_does_nothing(
    network_store: tuple[Path, bytes, Person], tmp_path: Path
) -> None:
    db, key, _person = network_store
    before = db.read_bytes()
    assert migrate.upgrade(db, key, backup_dir=tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists()
    assert db.read_bytes() == before


def test_the_migrated_schema_matches_the_tables_the_code_uses(store: Store) -> None:
    """The ORM tables and the schema the migrations build must not drift apart."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from supportnet.data.schema import Base

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
