"""For benchmarks.crash_safety: processes to SIGKILL at a random moment, checks, the tally.

Children run with a temporary HOME and XDG folders, the fail keyring and
SUPPORTNET_PASSPHRASE, so no real home or keyring is touched.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from keyring.backends import fail

from supportnet.data import keys
from supportnet.data.backup_format import extract_database, is_container, read_header
from supportnet.data.engine import DatabaseFailure, RawDatabase, raw_execute
from supportnet.data.lock import LOCK_NAME
from supportnet.data.store import open_store
from supportnet.model.errors import BackupError, StoreError

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "_crash_child.py"
PASSPHRASE = "a calm benchmark passphrase"
#: Stored in key.json with the wrapped key, so the children unwrap it cheaply too.
CHEAP_KDF = keys.KdfParams(iterations=1, memory_kib=8 * 1024, lanes=1)
TABLES = ("people", "community_groups", "plans", "checkins")
TIMEOUT_S = 120

#: Rows per table, in TABLES order.
Counts = tuple[int, ...]


@dataclass
class Run:
    """One child process: whether it ended by itself, its exit code and output.

    ``held_s``: from holding the store (or printing `ready`) to its end or its kill.
    """

    finished: bool
    returncode: int | None
    stdout: str
    held_s: float = 0.0


@dataclass
class Reopened:
    """The store after a kill, as the benchmark finds it."""

    opened: bool
    error: str = ""  # why it didn't open
    clean: bool = False
    counts: Counts = ()
    rows: frozenset[tuple[int, str]] = frozenset()  # check-ins: (id, note)


@dataclass
class Tally:
    """What one scenario found."""

    scenario: str
    trials: int = 0
    opened: int = 0
    integrity_failures: int = 0
    #: Rows confirmed committed that are in neither the store nor its automatic backups.
    lost: int = 0
    confirmed_rows: int = 0  # rows the killed processes had confirmed, all checked
    mixed: int = 0  # stores holding neither the before nor the after state
    half_files: int = 0  # backups at their final name that aren't complete and valid
    leftover_temp_files: int = 0
    finished: int = 0  # calls that ended by themselves before a kill
    errors: int = 0  # calls that ended by themselves without success
    seconds: float = 0.0
    #: Columns that don't apply to this scenario (printed as "-").
    not_applicable: tuple[str, ...] = ()
    #: What went wrong, one line each.
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(
            self.problems
            or self.opened < self.trials
            or self.integrity_failures
            or self.lost
            or self.mixed
            or self.half_files
            or self.errors
        )


COLUMNS = [f.name for f in fields(Tally)][1:-2]
BURSTS_ONLY = ("mixed", "half_files", "leftover_temp_files")


def total_of(tallies: Sequence[Tally]) -> Tally:
    total = Tally("total")
    for name in COLUMNS:
        setattr(total, name, sum(getattr(t, name) for t in tallies))
    total.not_applicable = tuple(c for c in COLUMNS if all(c in t.not_applicable for t in tallies))
    total.problems = [p for t in tallies for p in t.problems]
    return total


def _cell(tally: Tally, column: str) -> str:
    value = getattr(tally, column)
    if column in tally.not_applicable:
        return "-"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def table_header() -> str:
    return f"{'scenario':<11}" + "".join(f"{c:>{len(c) + 2}}" for c in COLUMNS)


def table_row(tally: Tally) -> str:
    return f"{tally.scenario:<11}" + "".join(f"{_cell(tally, c):>{len(c) + 2}}" for c in COLUMNS)


def child_env(base: Path) -> dict[str, str]:
    """A child's environment: temporary HOME and XDG folders, no keyring, the passphrase."""
    home = base / "home"
    env = dict(os.environ)
    env["HOME"] = str(home)
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        (home / sub).mkdir(parents=True, mode=0o700, exist_ok=True)
        env[var] = str(home / sub)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["SUPPORTNET_PASSPHRASE"] = PASSPHRASE
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("SUPPORTNET_DEBUG", None)
    return env


class Processes:
    """Starts the CLI or _crash_child and kills it with SIGKILL at a random moment."""

    def __init__(self, base: Path, rng: random.Random) -> None:
        self.base = base
        self.rng = rng
        self.env = child_env(base)

    def spawn(self, *args: str) -> subprocess.Popen[str]:
        """A child Python with the benchmark's environment, stdout and stderr together."""
        return subprocess.Popen(
            [sys.executable, *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=self.env,
            cwd=self.base,
        )

    def cli(self, args: list[str], data_dir: Path, window: float | None = None) -> Run:
        """Run one CLI command and SIGKILL it a random part of ``window`` after it holds
        the store (its pid appears in the lock file). None: let it finish."""
        proc = self.spawn("-m", "supportnet", *args, "--data-dir", str(data_dir))
        lock = data_dir / LOCK_NAME
        # The holder's pid as a whole word: the lock file holds it, alone or in a record.
        pid = re.compile(rf"\b{proc.pid}\b")
        give_up = time.monotonic() + TIMEOUT_S
        while proc.poll() is None and not pid.search(_read(lock)):
            if time.monotonic() > give_up:
                proc.kill()
            time.sleep(0.001)
        held = time.monotonic()
        delay = TIMEOUT_S if window is None else self.rng.uniform(0, window)
        return _finish(proc, delay, held)

    def log_burst(self, data_dir: Path, trial: int, window: float) -> tuple[list[str], int]:
        """`supportnet log Sam --note N` again and again; SIGKILL at a random moment.

        Returns the notes confirmed ("Logged", exit 0) and whether a call failed by itself.
        """
        deadline = time.monotonic() + self.rng.uniform(0, window)
        confirmed: list[str] = []
        while True:
            note = f"cli-{trial}-{len(confirmed)}"
            proc = self.spawn(
                "-m", "supportnet", "log", "Sam", "--note", note, "--data-dir", str(data_dir)
            )
            run = _finish(proc, max(0.0, deadline - time.monotonic()), time.monotonic())
            if not run.finished:
                return confirmed, 0
            if run.returncode != 0 or not run.stdout.startswith("Logged"):
                return confirmed, 1
            confirmed.append(note)

    def child(self, args: list[str], window: float | None) -> Run:
        """Run _crash_child; SIGKILL it a random part of ``window`` after it prints `ready`."""
        proc = self.spawn(str(CHILD), *args)
        lines: list[str] = []
        ready = threading.Event()

        def read() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line.strip())
                if line.strip() == "ready":
                    ready.set()
            ready.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if not ready.wait(TIMEOUT_S):
            proc.kill()
        at_ready = time.monotonic()
        delay = TIMEOUT_S if window is None else self.rng.uniform(0, window)
        try:
            proc.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            finished = False
        reader.join()
        return Run(finished, proc.returncode, "\n".join(lines), time.monotonic() - at_ready)


def reopen(data_dir: Path) -> Reopened:
    """Open the store as the app would, check it, and read its counts and check-ins."""
    try:
        store = open_store(
            data_dir,
            passphrase=lambda _p: PASSPHRASE,
            keyring_backend=fail.Keyring(),
            create=False,
        )
    except Exception as exc:
        return Reopened(False, f"didn't open: {type(exc).__name__}: {exc}")
    with store:
        # cipher_integrity_check (every page's HMAC) and quick_check.
        clean = not store.integrity_problems()
        counts = _counts(store.db)
        rows = store.db.execute("SELECT id, note FROM checkins")
    return Reopened(True, "", clean, counts, frozenset((int(i), str(n)) for i, n in rows))


def backup_counts(path: Path, key: bytes) -> Counts | None:
    """The counts of a complete, valid backup at ``path``, else None.

    A backup is one file: a header with the wrapped keys, then the encrypted database,
    whose size and hash the header records; a file cut short fails that check.
    """
    if not is_container(path):
        return None
    with tempfile.TemporaryDirectory() as folder:
        payload = Path(folder) / "payload.db"
        try:
            header, start = read_header(path)
            extract_database(path, start, header, payload)
        except (BackupError, OSError):
            return None
        database = RawDatabase(payload, key)
        try:
            if raw_execute(database, "PRAGMA cipher_integrity_check"):
                return None
            if raw_execute(database, "PRAGMA quick_check") != [("ok",)]:
                return None
            return _counts(database)
        except (DatabaseFailure, StoreError):
            return None
        finally:
            database.close()


def temp_files(folder: Path) -> int:
    """Temporary files left by a killed backup or restore under ``folder``."""
    return sum(1 for p in folder.rglob("*") if p.name.endswith((".partial", ".restoring")))


def _counts(database: RawDatabase) -> Counts:
    return tuple(int(database.execute(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES)


def _finish(proc: subprocess.Popen[str], delay: float, held: float) -> Run:
    try:
        out, _err = proc.communicate(timeout=delay)
        return Run(True, proc.returncode, out or "", time.monotonic() - held)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _err = proc.communicate()
        return Run(False, None, out or "", time.monotonic() - held)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
