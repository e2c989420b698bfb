"""`demo --force` killed at any point: the old network or the whole example one, never half."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supportnet.data.store import Counts, open_store
from supportnet.demo.loader import SCRATCH_DIR_NAME, clear_network
from supportnet.model.checkins import CheckIn
from supportnet.model.network import Person
from tests.cli.test_cli import PASS, run_cli
from tests.conftest import cli_env

#: Runs the real command line after one patch that SIGKILLs the process at a chosen point.
_KILLED_WHILE_BUILDING = """
import os, signal, sys
from supportnet.data.repositories.checkins import CheckInsRepository

def die(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

# The people, groups and plans are written by now; the check-ins come next.
CheckInsRepository.add_many = die
from supportnet.cli import run
sys.exit(run(sys.argv[1:]))
"""

_KILLED_WHILE_MOVING_IN = """
import os, signal, sys
import supportnet.demo.loader as loader

copy_table = loader._copy_table

def copy_then_die(conn, table):
    copy_table(conn, table)
    if table == "people":  # inside the one transaction, people in, check-ins not yet
        os.kill(os.getpid(), signal.SIGKILL)

loader._copy_table = copy_then_die
from supportnet.cli import run
sys.exit(run(sys.argv[1:]))
"""


def make_old_network(folder: Path) -> tuple[Counts, Counts]:
    """Replace the example network in ``folder`` with a small one; (example, small) counts."""
    with open_store(folder, passphrase=lambda _p: PASS, create=False) as store:
        example = store.counts()
        clear_network(store)
        ada = store.people.add(Person(name="Ada"))
        store.people.add(Person(name="Bo"))
        store.checkins.add(CheckIn(at=datetime(2026, 11, 1, 12, tzinfo=UTC), person_id=ada.id))
        return example, store.counts()


def counts_of(folder: Path) -> Counts:
    with open_store(folder, passphrase=lambda _p: PASS, create=False) as store:
        assert store.integrity_problems() == []
        return store.counts()


def _killed_run(script: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, "demo", "--force", "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        env=cli_env(SUPPORTNET_PASSPHRASE=PASS),
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "script",
    [_KILLED_WHILE_BUILDING, _KILLED_WHILE_MOVING_IN],
    ids=["after the people are written", "inside the move into the store"],
)
def test_a_kill_mid_way_leaves_the_old_network(demo_dir: Path, script: str) -> None:
    example, old = make_old_network(demo_dir)
    killed = _killed_run(script, demo_dir)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert counts_of(demo_dir) == old

    # The next run clears what the killed one left and puts the whole network in.
    again = run_cli("demo", "--force", "--data-dir", str(demo_dir))
    assert again.returncode == 0, again.stderr
    assert counts_of(demo_dir) == example
    assert not (demo_dir / SCRATCH_DIR_NAME).exists()


def test_sigkill_at_any_moment_is_all_or_nothing(demo_dir: Path) -> None:
    example, old = make_old_network(demo_dir)
    # Kills spread over the run (start-up, backup, build, move in); no timing is asserted.
    for delay in (0.3, 0.8, 1.3, 1.8, 2.3, 2.8):
        process = subprocess.Popen(
            [sys.executable, "-m", "supportnet", "demo", "--force", "--data-dir", str(demo_dir)],
            env=cli_env(SUPPORTNET_PASSPHRASE=PASS),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.kill()
        process.wait(timeout=60)
        found = counts_of(demo_dir)
        assert found in (old, example), f"killed after {delay} s: {found}"
        if found == example:
            _example, old = make_old_network(demo_dir)
