"""Filling a store with the example network, all at once or not at all."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from supportnet.data.engine import DatabaseFailure, RawDatabase
from supportnet.data.failures import store_failure
from supportnet.data.files import FILE_MODE, ensure_private_dir
from supportnet.data.lock import StoreLock
from supportnet.data.migrate import upgrade
from supportnet.data.store import Counts, Store
from supportnet.data.store_files import DB_NAME
from supportnet.demo.builder import build_demo_network
from supportnet.demo.common import DemoNetwork
from supportnet.i18n import _
from supportnet.model.errors import SupportNetError

#: Where the example network is built before it moves into the store (inside the private
#: data folder; a leftover from an interrupted run is removed by the next one).
SCRATCH_DIR_NAME = ".example-network"

#: The tables that hold the network, parents before children. Settings, message ideas
#: and the calendar memory are not part of it and stay as they are.
NETWORK_TABLES = (
    "people",
    "person_support",
    "person_channels",
    "person_tags",
    "community_groups",
    "group_support",
    "group_tags",
    "plans",
    "plan_skips",
    "plan_postponements",
    "checkins",
    "safety_plan_entries",
    "care_teams",
    "care_team_supporters",
    "rota_slots",
    "rota_slot_skips",
    "rota_swaps",
)
#: Deleting these removes the rest of the network through ON DELETE CASCADE (the plan for
#: hard days and the care teams name people by uid, not by a foreign key, so they are
#: cleared on their own; a team's rota goes with it).
_CLEARED = (
    "care_teams",
    "safety_plan_entries",
    "checkins",
    "plans",
    "community_groups",
    "people",
)


def clear_network(store: Store) -> None:
    """Remove every person, group, plan, check-in, the plan for hard days and the care
    teams (settings stay)."""
    from sqlalchemy import delete

    from supportnet.data.schema import (
        CareTeamRow,
        CheckInRow,
        GroupRow,
        PersonRow,
        PlanRow,
        SafetyPlanEntryRow,
    )

    with store.sessions.begin() as session:
        for table in (CareTeamRow, SafetyPlanEntryRow, CheckInRow, PlanRow, GroupRow, PersonRow):
            session.execute(delete(table))


def load_demo(store: Store, today: date, user_zone: str, *, replace: bool = False) -> Counts:
    """Put the example network, generated relative to ``today``, into ``store``.

    Without ``replace`` the store must be empty; with it, the network already there is
    replaced (the caller keeps a backup first). The network is built in a scratch
    database and moved in with one transaction, so a failure or a kill at any point
    leaves either the store as it was or the whole example network, never part of it.
    """
    if not replace and not store.is_empty():
        raise SupportNetError(_("The example network goes only into an empty store."))
    network = build_demo_network(today, user_zone)
    with _scratch_store(store) as scratch:
        _add(scratch, network)
        scratch.close()
        _move_network(store, scratch.db_path)
    return store.counts()


@contextlib.contextmanager
def _scratch_store(store: Store) -> Iterator[Store]:
    """A new, empty store with the same key, in a private folder inside the data folder."""
    folder = store.data_dir / SCRATCH_DIR_NAME
    shutil.rmtree(folder, ignore_errors=True)
    ensure_private_dir(folder)
    db = folder / DB_NAME
    try:
        os.close(os.open(db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        upgrade(db, store.db.key, backup_dir=None)
        # The scratch store's lock is never taken: the real store's lock covers the folder.
        scratch = Store(folder, RawDatabase(db, store.db.key), store.key_info, StoreLock(folder))
        try:
            yield scratch
        finally:
            scratch.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _add(store: Store, network: DemoNetwork) -> None:
    ids: dict[str, tuple[int | None, int | None]] = {}
    for person in network.people:
        saved = store.people.add(person)
        ids[saved.uid] = (saved.id, None)
    for group in network.groups:
        saved_group = store.groups.add(group)
        ids[saved_group.uid] = (None, saved_group.id)
    for target, plan in network.plans:
        plan.person_id, plan.group_id = ids[target]
        store.plans.add(plan)
    checkins = []
    for target, checkin in network.checkins:
        checkin.person_id, checkin.group_id = ids[target]
        checkins.append(checkin)
    store.checkins.add_many(checkins)
    store.safety_plan.replace(network.safety_plan)
    for team in network.care_teams:
        store.care_teams.save(team)


def _move_network(store: Store, scratch_db: Path) -> None:
    """Replace the store's network with the scratch database's, in one transaction."""
    import sqlcipher3

    conn = store.db.connection()
    try:
        conn.execute(
            "ATTACH DATABASE ? AS example KEY ?", (str(scratch_db), f"x'{store.db.key.hex()}'")
        )
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for table in _CLEARED:
                    conn.execute(f"DELETE FROM main.{table}")
                for table in NETWORK_TABLES:
                    _copy_table(conn, table)
                conn.execute("COMMIT")
            except BaseException:
                # A full disk makes SQLite roll back on its own; a second ROLLBACK would
                # fail and hide why.
                if conn.in_transaction:
                    with contextlib.suppress(sqlcipher3.Error):
                        conn.execute("ROLLBACK")
                raise
        finally:
            conn.execute("DETACH DATABASE example")
    except sqlcipher3.Error as exc:
        raise store_failure(exc, store.db.path) or DatabaseFailure(exc) from exc


def _copy_table(conn: Any, table: str) -> None:
    columns = ", ".join(f'"{row[1]}"' for row in conn.execute(f"PRAGMA main.table_info({table})"))
    conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM example.{table}")
