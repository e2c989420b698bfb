"""Two commands at once: the second waits for the first, and says who it is if it can't.

The lock is held by a real second process, a tiny script using StoreLock as a command
(or as the app) would.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportnet.data.lock import LOCK_NAME, Holder, StoreLock, acting_as_command
from supportnet.model.errors import StoreLockedError
from tests.cli.test_cli import PASS, assert_one_line_error
from tests.conftest import cli_env

HOLD = """
import pathlib, sys
from supportnet.data.lock import StoreLock, acting_as_command
folder, command = pathlib.Path(sys.argv[1]), sys.argv[2]
lock = StoreLock(folder)
if command == "app":
    lock.acquire()
else:
    with acting_as_command(command):
        lock.acquire()
print("held", flush=True)
sys.stdin.readline()  # hold the store until the test says so
lock.release()
"""


class Holding:
    """A process holding the store's lock until :meth:`let_go`."""

    def __init__(self, folder: Path, command: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(folder), command],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "held"

    @property
    def pid(self) -> int:
        return self.process.pid

    def let_go(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("\n")
            self.process.stdin.flush()
        self.process.wait(timeout=60)


@pytest.fixture
def holders() -> Iterator[list[Holding]]:
    made: list[Holding] = []
    yield made
    for holder in made:
        holder.let_go()


def _start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "supportnet", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(SUPPORTNET_PASSPHRASE=PASS),
    )


def _has_open(pid: int, path: Path) -> bool:
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == str(path):
                return True
        except OSError:
            continue
    return False


def _wait_until_waiting(cli: subprocess.Popen[str], lock_file: Path) -> None:
    """Until the command has the lock file open (it is waiting for it), or has finished."""
    if not Path("/proc/self/fd").is_dir():  # pragma: no cover - not Linux: give it a moment
        time.sleep(1)
        return
    while cli.poll() is None and not _has_open(cli.pid, lock_file):
        time.sleep(0.01)


def test_a_command_waits_for_another_command_to_finish(
    demo_dir: Path, holders: list[Holding]
) -> None:
    holder = Holding(demo_dir, "backup")
    holders.append(holder)
    cli = _start_cli("log", "Grandad", "--note", "Tea.", "--data-dir", str(demo_dir))
    _wait_until_waiting(cli, demo_dir / LOCK_NAME)
    holder.let_go()
    _out, err = cli.communicate(timeout=120)
    assert cli.returncode == 0, err
    assert err == ""


def test_a_command_that_waited_long_enough_names_the_command_holding_the_store(
    demo_dir: Path, holders: list[Holding]
) -> None:
    holder = Holding(demo_dir, "backup")
    holders.append(holder)
    cli = _start_cli("log", "Grandad", "--data-dir", str(demo_dir))
    out, err = cli.communicate(timeout=120)
    result = subprocess.CompletedProcess(cli.args, cli.returncode, out, err)
    assert_one_line_error(
        result,
        1,
        f"Another supportnet command (process {holder.pid}, `backup`) is using this data",
        "try again when it finishes",
    )
    assert "window" not in err


def test_a_command_is_sent_to_the_window_that_holds_the_store(
    demo_dir: Path, holders: list[Holding]
) -> None:
    holder = Holding(demo_dir, "app")
    holders.append(holder)
    cli = _start_cli("log", "Grandad", "--data-dir", str(demo_dir))
    out, err = cli.communicate(timeout=120)
    result = subprocess.CompletedProcess(cli.args, cli.returncode, out, err)
    assert_one_line_error(result, 1, f"(process {holder.pid})", "Switch to that window")


def test_the_app_never_waits_and_says_which_command_holds_the_store(
    tmp_path: Path, holders: list[Holding]
) -> None:
    holder = Holding(tmp_path, "export-ics")
    holders.append(holder)
    # No command context: this is the app starting. It must refuse now, not poll.
    with pytest.raises(StoreLockedError, match=r"`export-ics`\) is using this data"):
        StoreLock(tmp_path).acquire()
    assert holder.process.poll() is None, "the holder still holds the store"


def test_the_lock_file_says_who_holds_it(tmp_path: Path) -> None:
    with acting_as_command("backup"), StoreLock(tmp_path):
        text = (tmp_path / LOCK_NAME).read_text(encoding="utf-8")
    assert Holder.from_text(text) == Holder(os.getpid(), "backup")
    with StoreLock(tmp_path):
        text = (tmp_path / LOCK_NAME).read_text(encoding="utf-8")
    assert Holder.from_text(text) == Holder(os.getpid(), None)
    # A SupportNet from before wrote the pid alone: that was always the app.
    assert Holder.from_text("1234") == Holder(1234, None)
    assert Holder.from_text("") is None


#: What a tampered lock file may hold: not UTF-8 text, huge numbers, deep brackets.
TAMPERED = ["²", "1" * 5000, "[" * 100_000, '{"pid": ' + "9" * 5000 + "}"]


def test_a_tampered_lock_file_is_still_one_line(demo_folder: Path, tmp_path: Path) -> None:
    # Each command waits the full COMMAND_WAIT_SECONDS for the held lock: the four run at
    # once, each on its own copy of the store, so the test waits once, not four times.
    import fcntl
    import shutil

    running = []
    with contextlib.ExitStack() as held_locks:
        for number, text in enumerate(TAMPERED):
            folder = tmp_path / f"store-{number}"
            shutil.copytree(demo_folder, folder)
            (folder / LOCK_NAME).write_text(text, encoding="utf-8")
            held = held_locks.enter_context(open(folder / LOCK_NAME, "rb"))
            fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # "someone" holds it
            running.append((text, _start_cli("today", "--data-dir", str(folder))))
        results = [(text, cli, cli.communicate(timeout=120)) for text, cli in running]
    for text, cli, (out, err) in results:
        result = subprocess.CompletedProcess(cli.args, cli.returncode, out, err)
        try:
            assert_one_line_error(result, 1, "is using this data")
        except AssertionError as exc:  # say which lock file it was
            raise AssertionError(f"a lock file of {len(text)} characters: {exc}") from exc
