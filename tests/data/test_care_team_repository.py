"""Care teams in the encrypted store: kept whole and in order, by uid, migrated, backed up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest

from supportnet.data.migrations import HEAD_REVISION
from supportnet.data.restore import restore_backup
from supportnet.data.store import Store, open_store
from supportnet.data.store_files import DB_NAME
from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.errors import BackupError, NotFoundError, ValidationError
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Cadence, Frequency, Plan, PlanKind, Recurrence
from tests.data.storekit import TEST_PASSPHRASE, MemoryKeyring
from tests.data.test_migrations import FIXTURES, _install_fixture

OpenKeyringStore = Callable[..., Store]


def _weekly(weekday: int, hour: int, skips: set[date] | None = None) -> Plan:
    return Plan(
        kind=PlanKind.FIXED,
        start_date=date(2026, 12, 7),
        timezone="Europe/London",
        channel=ChannelKind.CALL,
        window_start=time(hour),
        window_end=time(hour, 30),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={weekday}, skips=skips or set()),
    )


def _team(store: Store) -> tuple[CareTeam, Person, Person, Person]:
    dan = store.people.add(Person("Dan Okafor", nickname="Dan"))
    shiv = store.people.add(Person("Siobhan Kelly", nickname="Auntie Shiv"))
    ravi = store.people.add(Person("Ravi Shah"))
    monday = _weekly(0, 19, skips={date(2026, 12, 21)})
    thursday = _weekly(3, 18)
    flexible = Plan(kind=PlanKind.FLEXIBLE, start_date=date(2026, 12, 7), cadence=Cadence(3, 5))
    one_off = Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 12), window_start=time(11))
    team = CareTeam(
        name="Around Dan",
        focus=dan.uid,
        supporters=[shiv.uid, ME, ravi.uid],
        note="Dan likes a call more than a text.\nNot before 10.",
        comfortable_gap_days=1,
        slots=[
            RotaSlot(monday, shiv.uid),
            RotaSlot(thursday, ravi.uid),
            RotaSlot(flexible, ME),
            RotaSlot(one_off),
        ],
        swaps=[
            SlotSwap(thursday.uid, date(2026, 12, 10), ME),
            SlotSwap(monday.uid, date(2026, 12, 14), None),
        ],
    )
    return team, dan, shiv, ravi


def _shape(team: CareTeam) -> tuple[object, ...]:
    """What a team holds, without the ids and times the store gives it."""
    slots = [
        (s.uid, s.supporter, s.plan.kind, s.plan.recurrence, s.plan.cadence, s.plan.window_start)
        for s in team.slots
    ]
    swaps = sorted((s.slot_uid, s.on, s.supporter) for s in team.swaps)
    return (team.uid, team.name, team.focus, team.supporters, team.note,
            team.comfortable_gap_days, slots, swaps)  # fmt: skip


def test_a_new_store_has_no_care_team(store: Store) -> None:
    assert store.care_teams.list() == []
    assert store.care_teams.count() == 0


def test_a_team_comes_back_whole_and_in_order(store: Store) -> None:
    team, _dan, shiv, ravi = _team(store)
    before, saved = store.care_teams.save(team)
    assert before is None
    (read,) = store.care_teams.list()
    assert _shape(read) == _shape(team) == _shape(saved)
    assert read.supporters == [shiv.uid, ME, ravi.uid]
    assert [s.supporter for s in read.slots] == [shiv.uid, ravi.uid, ME, None]
    assert read.slots[0].plan.recurrence is not None
    assert read.slots[0].plan.recurrence.skips == {date(2026, 12, 21)}
    assert read.slots[0].plan.timezone == "Europe/London"
    assert read.slots[0].plan.channel is ChannelKind.CALL
    assert read.slots[3].is_open
    assert read.note == "Dan likes a call more than a text.\nNot before 10."
    assert read.id is not None
    assert read.created_at is not None
    assert store.care_teams.get(team.uid) == read


def test_a_save_replaces_the_team_and_keeps_the_new_order(store: Store) -> None:
    team, _dan, shiv, ravi = _team(store)
    store.care_teams.save(team)
    first = store.care_teams.get(team.uid)
    team.supporters = [ravi.uid, shiv.uid]
    team.slots = [team.slots[1], team.slots[0]]
    team.slots[0].supporter = shiv.uid
    team.swaps = [SlotSwap(team.slots[1].uid, date(2026, 12, 28), ravi.uid)]
    before, _now = store.care_teams.save(team)
    assert before == first
    read = store.care_teams.get(team.uid)
    assert read.supporters == [ravi.uid, shiv.uid]
    assert [(s.uid, s.supporter) for s in read.slots] == [
        (team.slots[0].uid, shiv.uid),
        (team.slots[1].uid, shiv.uid),
    ]
    assert [(s.on, s.supporter) for s in read.swaps] == [(date(2026, 12, 28), ravi.uid)]
    assert read.id == first.id
    assert read.created_at == first.created_at
    # Nothing of the old rota is left behind.
    assert int(store.db.execute("SELECT count(*) FROM rota_slots")[0][0]) == 2
    assert int(store.db.execute("SELECT count(*) FROM rota_swaps")[0][0]) == 1


def test_several_teams_by_name(store: Store) -> None:
    team, dan, _shiv, _ravi = _team(store)
    store.care_teams.save(team)
    store.care_teams.save(CareTeam(name="after my discharge", focus=ME, supporters=[dan.uid]))
    assert [t.name for t in store.care_teams.list()] == ["after my discharge", "Around Dan"]


def test_a_team_that_does_not_fit_is_not_stored(store: Store) -> None:
    team, dan, _shiv, _ravi = _team(store)
    team.supporters.append(dan.uid)  # the focus person can't support themself
    with pytest.raises(ValidationError):
        store.care_teams.save(team)
    assert store.care_teams.list() == []


def test_removing_and_restoring_keeps_the_ids_and_uids(store: Store) -> None:
    team, *_ = _team(store)
    store.care_teams.save(team)
    saved = store.care_teams.get(team.uid)
    removed = store.care_teams.remove(team.uid)
    assert removed == saved
    assert store.care_teams.list() == []
    assert int(store.db.execute("SELECT count(*) FROM rota_slots")[0][0]) == 0
    with pytest.raises(NotFoundError):
        store.care_teams.get(team.uid)
    with pytest.raises(NotFoundError):
        store.care_teams.remove(team.uid)
    back = store.care_teams.restore(removed)
    assert back.id == saved.id
    assert [s.plan.id for s in back.slots] == [s.plan.id for s in saved.slots]
    assert _shape(back) == _shape(saved)
    assert back.created_at == saved.created_at


def test_a_supporter_removed_from_the_network_stays_on_the_team_by_uid(store: Store) -> None:
    team, _dan, shiv, _ravi = _team(store)
    store.care_teams.save(team)
    assert shiv.id is not None
    bundle = store.people.remove(shiv.id)
    kept = store.care_teams.get(team.uid)
    assert shiv.uid in kept.supporters
    assert kept.slots[0].supporter == shiv.uid
    store.people.restore(bundle)
    assert store.people.find("Siobhan Kelly")[0].uid == shiv.uid
    assert _shape(store.care_teams.get(team.uid)) == _shape(kept)


def test_a_store_holding_only_a_care_team_is_not_empty(store: Store) -> None:
    assert store.is_empty()
    store.care_teams.save(CareTeam(name="After hospital", focus=ME))
    assert not store.is_empty()


def test_care_teams_are_encrypted_at_rest(store: Store) -> None:
    store.care_teams.save(CareTeam(name="Zanzibar circle", focus=ME, note="Zanzibar 1987"))
    store.close()
    for path in store.data_dir.rglob("*"):
        if path.is_file():
            assert b"Zanzibar" not in path.read_bytes(), path


# --- Migration --------------------------------------------------------------------------------


def test_a_store_from_0004_gains_care_teams_and_keeps_its_plan(data_dir: Path) -> None:
    _install_fixture(FIXTURES / "rev_0004.db", data_dir)
    with open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE) as store:
        assert store.revision() == HEAD_REVISION >= "0005"
        assert store.care_teams.list() == []
        ada = store.people.find("Ada Okonkwo-Lindqvist")[0]
        samir = store.people.find("Samir Haddad")[0]
        team = CareTeam(
            name="Around Samir",
            focus=samir.uid,
            supporters=[ada.uid],
            slots=[RotaSlot(_weekly(2, 18), ada.uid)],
        )
        store.care_teams.save(team)
    with open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE) as store:
        (read,) = store.care_teams.list()
        assert _shape(read) == _shape(team)
        assert not store.safety_plan.read().is_empty
        assert store.counts().people == 3
        assert store.integrity_problems() == []


# --- Backups -----------------------------------------------------------------------------------


def test_a_restore_over_a_store_holding_only_a_team_needs_force(
    open_keyring_store: OpenKeyringStore,
    data_dir: Path,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    store = open_keyring_store()
    out = store.backup(tmp_path / "empty-backup.db")
    store.care_teams.save(CareTeam(name="After hospital", focus=ME))
    store.close()
    with pytest.raises(BackupError, match="--force"):
        restore_backup(data_dir, out, keyring_backend=memory_keyring)
    with open_store(data_dir, keyring_backend=memory_keyring) as reopened:
        assert [t.name for t in reopened.care_teams.list()] == ["After hospital"]
    assert (data_dir / DB_NAME).exists()
