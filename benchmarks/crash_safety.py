"""SIGKILL during writes: every committed row survives and the store still opens, clean.

Each trial kills a writing process with SIGKILL at a random moment, then reopens the store
in this process (``open_store`` with the passphrase) and checks that it opens, that
``PRAGMA cipher_integrity_check`` and ``PRAGMA quick_check`` are clean, and that every
write the process had confirmed is there. Scenarios:

- ``cli_log``: ``supportnet log NAME --note N`` in a loop (a real subprocess each time),
  killed 0 to 3 calls' time in. A note is confirmed when its call printed "Logged" and
  exited 0. One store takes every trial, so later trials also recover earlier kills.
- ``data_layer``: a child adds check-ins one per transaction (``checkins.add``) and prints
  each committed id, flushed; killed 0 to 0.4 s after the store is open.
- ``restore``: ``restore BACKUP --force`` into a store with data; ``demo``:
  ``demo --force`` over a store with data; ``backup``: ``backup --out FILE`` (every other
  trial over an older backup at FILE). Killed at a random moment while the command holds
  the store (seen by its pid in the lock file). The store must hold the old data or the
  new in full, never a mix (row counts equal the before- or the after-snapshot); FILE
  and every automatic backup must be absent or a complete, valid backup. Temporary files
  left behind are counted, not failed.
- ``import``: there is no contact import yet, so the closest multi-row write: a child
  adding 2,000 check-ins in one ``checkins.add_many`` transaction; all or none.

The "before" stores keep their newest rows only in the write-ahead log, as a crash leaves
them. Children get a temporary HOME and XDG folders, the fail keyring and
SUPPORTNET_PASSPHRASE; the stores use a cheap Argon2id (stored in key.json, so children
use it too). Prints one row per scenario and the total; exits 1 if anything was lost,
mixed, half-written, unopenable or not clean.

Run: `.venv/bin/python -m benchmarks.crash_safety [--trials N] [--seed S] [--only NAME]`.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path

from keyring.backends import fail

from supportnet.checkins import CheckIn
from supportnet.data import keys
from supportnet.data.backup import BACKUP_DIR_NAME
from supportnet.data.engine import DatabaseFailure, RawDatabase, raw_execute
from supportnet.data.lock import LOCK_NAME
from supportnet.data.store import open_store
from supportnet.network import Person

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "_crash_child.py"
PASSPHRASE = "a calm benchmark passphrase"
CHEAP_KDF = keys.KdfParams(iterations=1, memory_kib=8 * 1024, lanes=1)
TABLES = ("people", "community_groups", "plans", "checkins")
BULK_ROWS = 2000
DATA_LAYER_WINDOW_S = 0.4
TIMEOUT_S = 120
#: How a total number of trials is shared out.
WEIGHTS = {
    "cli_log": 10,
    "data_layer": 10,
    "restore": 3,
    "backup": 3,
    "demo": 3,
    "import": 3,
}
DEFAULT_TRIALS = 160

Counts = tuple[int, ...]


@dataclass
class Tally:
    """What one scenario found."""

    scenario: str
    trials: int = 0
    opened: int = 0
    integrity_failures: int = 0
    lost: int = 0
    mixed: int = 0
    half_files: int = 0
    leftover_temp_files: int = 0
    finished: int = 0  # calls that ended by themselves before a kill
    errors: int = 0  # calls that ended by themselves with a non-zero exit
    seconds: float = 0.0
    #: Columns that don't apply to this scenario (printed as "-").
    not_applicable: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return bool(
            self.opened < self.trials
            or self.integrity_failures
            or self.lost
            or self.mixed
            or self.half_files
            or self.errors
        )


COLUMNS = [f.name for f in fields(Tally)][1:-1]
ONLY_ALL_OR_NOTHING = ("mixed", "half_files", "leftover_temp_files")


def total_of(tallies: Sequence[Tally]) -> Tally:
    total = Tally("total")
    for name in COLUMNS:
        setattr(total, name, sum(getattr(t, name) for t in tallies))
    total.not_applicable = tuple(c for c in COLUMNS if all(c in t.not_applicable for t in tallies))
    return total


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


@dataclass
class Reopened:
    """The store after a kill, as this process finds it."""

    opened: bool
    clean: bool = False
    counts: Counts = ()
    rows: frozenset[tuple[int, str]] = frozenset()  # check-ins: (id, note)


@dataclass
class Run:
    """One child process: whether it ended by itself, its exit code and output."""

    finished: bool
    returncode: int | None
    stdout: str
    held_s: float = 0.0


class Bench:
    """Template stores, timings and the trials, all under ``base``."""

    def __init__(self, base: Path, seed: int) -> None:
        self.base = base
        self.rng = random.Random(seed)
        self.env = child_env(base)
        self._made = 0

    # --- Templates and timings, made on first use --------------------------------------

    @cached_property
    def small(self) -> Path:
        """Three people and twelve check-ins, the last ones only in the write-ahead log."""
        build, template = self.base / "build-small", self.base / "template-small"
        with open_store(
            build,
            passphrase=lambda _p: PASSPHRASE,
            keyring_backend=fail.Keyring(),
            prefer_passphrase=True,
            kdf=CHEAP_KDF,
        ) as store:
            people = [
                store.people.add(Person(name=name))
                for name in ("Sam Rivers", "Ada Quill", "Noor Haddad")
            ]
            at = datetime.now(UTC) - timedelta(days=2)
            for i in range(12):
                store.checkins.add(CheckIn(at=at, person_id=people[i % 3].id, note=f"before-{i}"))
            # Copied while open: what a crash leaves, the WAL not yet checkpointed.
            shutil.copytree(build, template)
        return template

    @cached_property
    def key(self) -> bytes:
        info = keys.read_keyinfo(self.small)
        assert info is not None
        return keys.unwrap_key(info, PASSPHRASE)

    @cached_property
    def small_counts(self) -> Counts:
        return self.reopen(self.copy(self.small)).counts

    @cached_property
    def log_s(self) -> float:
        """The median time of one `supportnet log` call, from spawn to exit."""
        data_dir = self.copy(self.small)
        times = []
        for i in range(3):
            start = time.monotonic()
            run = self.run_cli(["log", "Sam", "--note", f"warm-up-{i}"], data_dir)
            self.expect_ok(run, "log")
            times.append(time.monotonic() - start)
        return sorted(times)[1]

    @cached_property
    def demo(self) -> tuple[Path, Counts, float]:
        """A store holding the example network, its counts, and how long demo held it."""
        data_dir = self.copy(self.small)
        run = self.run_cli(["demo", "--force"], data_dir, window=None)
        self.expect_ok(run, "demo --force")
        return data_dir, self.reopen(self.copy(data_dir)).counts, run.held_s

    @cached_property
    def demo_backup(self) -> tuple[Path, float]:
        """A backup of the example network, and how long `backup` held the store."""
        out = self.base / "demo-backup.db"
        run = self.run_cli(["backup", "--out", str(out)], self.copy(self.demo[0]), window=None)
        self.expect_ok(run, "backup")
        return out, run.held_s

    @cached_property
    def small_backup(self) -> Path:
        out = self.base / "small-backup.db"
        self.expect_ok(self.run_cli(["backup", "--out", str(out)], self.copy(self.small)), "backup")
        return out

    @cached_property
    def restore_s(self) -> float:
        source = str(self.demo_backup[0])
        run = self.run_cli(["restore", source, "--force"], self.copy(self.small), window=None)
        self.expect_ok(run, "restore")
        return run.held_s

    @cached_property
    def bulk_s(self) -> float:
        """How long one add_many of BULK_ROWS takes, from `ready` to `committed`."""
        data_dir = self.copy(self.small)
        run = self.run_child(["bulk", str(data_dir), str(BULK_ROWS)], window=None)
        self.expect_ok(run, "bulk insert")
        return run.held_s

    # --- Processes ------------------------------------------------------------------------

    def copy(self, template: Path) -> Path:
        self._made += 1
        target = self.base / "trials" / f"{self._made:04d}"
        shutil.copytree(template, target)
        return target

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

    def expect_ok(self, run: Run, what: str) -> None:
        if not run.finished or run.returncode != 0:
            raise SystemExit(f"crash_safety: setup step `{what}` failed: {run.stdout[-500:]}")

    def run_cli(self, args: list[str], data_dir: Path, window: float | None = None) -> Run:
        """Run one CLI command; ``window``: SIGKILL it a random part of that after it holds
        the store (seen by its pid in the lock file). None: let it finish."""
        proc = self.spawn("-m", "supportnet", *args, "--data-dir", str(data_dir))
        lock, pid = data_dir / LOCK_NAME, str(proc.pid)
        give_up = time.monotonic() + TIMEOUT_S
        while proc.poll() is None and _read(lock) != pid:
            if time.monotonic() > give_up:
                proc.kill()
            time.sleep(0.001)
        held = time.monotonic()
        delay = TIMEOUT_S if window is None else self.rng.uniform(0, window)
        return _finish(proc, delay, held)

    def run_log_burst(self, data_dir: Path, trial: int, window: float) -> tuple[list[str], int]:
        """`supportnet log` again and again until a random moment in ``window``, then kill.

        Returns the confirmed notes and how many calls failed by themselves (0 or 1).
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

    def run_child(self, args: list[str], window: float | None) -> Run:
        """Run _crash_child; kill it a random part of ``window`` after it prints `ready`."""
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

    # --- Checks ---------------------------------------------------------------------------

    def reopen(self, data_dir: Path) -> Reopened:
        try:
            store = open_store(
                data_dir,
                passphrase=lambda _p: PASSPHRASE,
                keyring_backend=fail.Keyring(),
                create=False,
            )
        except Exception:
            return Reopened(False)
        with store:
            clean = not store.integrity_problems()
            counts = tuple(
                int(raw_execute(store.db, f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES
            )
            rows = raw_execute(store.db, "SELECT id, note FROM checkins")
        return Reopened(True, clean, counts, frozenset((int(i), str(n)) for i, n in rows))

    def backup_counts(self, path: Path) -> Counts | None:
        """The counts of a complete, valid backup at ``path``, else None."""
        database = RawDatabase(path, self.key)
        try:
            if raw_execute(database, "PRAGMA cipher_integrity_check"):
                return None
            if raw_execute(database, "PRAGMA quick_check") != [("ok",)]:
                return None
            return tuple(
                int(raw_execute(database, f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES
            )
        except DatabaseFailure:
            return None
        finally:
            database.close()

    def tally_store(self, tally: Tally, data_dir: Path) -> Reopened:
        found = self.reopen(data_dir)
        tally.trials += 1
        tally.opened += found.opened
        tally.integrity_failures += found.opened and not found.clean
        return found

    def tally_backups(self, tally: Tally, data_dir: Path) -> None:
        """Automatic backups are complete or absent; temporary files are counted."""
        for path in (data_dir / BACKUP_DIR_NAME).glob("*.db"):
            tally.half_files += self.backup_counts(path) is None
        tally.leftover_temp_files += _temp_files(data_dir)

    # --- Scenarios ------------------------------------------------------------------------

    def cli_log(self, trials: int) -> Tally:
        tally = Tally("cli_log", not_applicable=ONLY_ALL_OR_NOTHING)
        data_dir = self.copy(self.small)
        window = 3 * self.log_s
        confirmed: set[str] = set()
        lost: set[str] = set()
        for trial in range(trials):
            notes, errors = self.run_log_burst(data_dir, trial, window)
            confirmed.update(notes)
            tally.finished += len(notes)
            tally.errors += errors
            found = self.tally_store(tally, data_dir)
            lost |= confirmed - {note for _id, note in found.rows} if found.opened else confirmed
        tally.lost = len(lost)
        return tally

    def data_layer(self, trials: int) -> Tally:
        tally = Tally("data_layer", not_applicable=ONLY_ALL_OR_NOTHING)
        data_dir = self.copy(self.small)
        lost: set[tuple[int, str]] = set()
        confirmed: set[tuple[int, str]] = set()
        for trial in range(trials):
            run = self.run_child(["checkins", str(data_dir), f"dl-{trial}"], DATA_LAYER_WINDOW_S)
            ids = run.stdout.split("ready", 1)[-1].split()
            confirmed |= {(int(i), f"dl-{trial}-{n}") for n, i in enumerate(ids)}
            tally.errors += run.finished
            found = self.tally_store(tally, data_dir)
            lost |= confirmed - found.rows if found.opened else confirmed
        tally.lost = len(lost)
        return tally

    def all_or_nothing(
        self,
        name: str,
        trials: int,
        template: Callable[[], Path],
        start: Callable[[Path], Run],
        before: Counts,
        after: Counts,
    ) -> Tally:
        """Kill a store-wide write; the store must hold ``before`` or ``after``, nothing else."""
        tally = Tally(name)
        for _ in range(trials):
            data_dir = self.copy(template())
            run = start(data_dir)
            tally.finished += run.finished
            tally.errors += run.finished and run.returncode != 0
            found = self.tally_store(tally, data_dir)
            # Ended by itself: all done (exit 0) or nothing done; killed: either.
            allowed = (
                (before, after) if not run.finished else (after if run.returncode == 0 else before,)
            )
            if not found.opened:
                tally.lost += sum(before)
            elif found.counts not in allowed:
                tally.mixed += 1
                tally.lost += min(_shortfall(found.counts, s) for s in allowed)
            self.tally_backups(tally, data_dir)
        return tally

    def restore(self, trials: int) -> Tally:
        source, _held = self.demo_backup
        window = 1.1 * self.restore_s
        return self.all_or_nothing(
            "restore",
            trials,
            lambda: self.small,
            lambda d: self.run_cli(["restore", str(source), "--force"], d, window),
            self.small_counts,
            self.demo[1],
        )

    def demo_force(self, trials: int) -> Tally:
        window = 1.1 * self.demo[2]
        return self.all_or_nothing(
            "demo",
            trials,
            lambda: self.small,
            lambda d: self.run_cli(["demo", "--force"], d, window),
            self.small_counts,
            self.demo[1],
        )

    def bulk_import(self, trials: int) -> Tally:
        before = self.small_counts
        after = (*before[:3], before[3] + BULK_ROWS)
        window = 1.1 * self.bulk_s
        return self.all_or_nothing(
            "import",
            trials,
            lambda: self.small,
            lambda d: self.run_child(["bulk", str(d), str(BULK_ROWS)], window),
            before,
            after,
        )

    def backup(self, trials: int) -> Tally:
        tally = Tally("backup", not_applicable=("mixed",))
        store_dir, counts, _held = self.demo
        old = self.small_backup
        window = 1.1 * self.demo_backup[1]
        for trial in range(trials):
            data_dir = self.copy(store_dir)
            out = data_dir.parent / f"{data_dir.name}-out" / "backup.db"
            out.parent.mkdir()
            if trial % 2:
                shutil.copy2(old, out)
            run = self.run_cli(["backup", "--out", str(out)], data_dir, window)
            tally.finished += run.finished
            tally.errors += run.finished and run.returncode != 0
            found = self.tally_store(tally, data_dir)
            if found.opened and found.counts != counts:
                tally.lost += _shortfall(found.counts, counts)
            written = self.backup_counts(out) if out.exists() else None
            allowed = {counts} if run.finished else {counts, self.small_counts}
            if out.exists() and written not in allowed:
                tally.half_files += 1
            if run.finished and not out.exists():
                tally.half_files += 1
            tally.leftover_temp_files += _temp_files(out.parent)
            self.tally_backups(tally, data_dir)
        return tally


SCENARIOS: dict[str, Callable[[Bench, int], Tally]] = {
    "cli_log": Bench.cli_log,
    "data_layer": Bench.data_layer,
    "restore": Bench.restore,
    "backup": Bench.backup,
    "demo": Bench.demo_force,
    "import": Bench.bulk_import,
}
DESCRIPTIONS = {
    "cli_log": "`supportnet log NAME --note N` in a loop, killed 0-3 calls' time in",
    "data_layer": "checkins.add, one per transaction, each committed id printed",
    "restore": "`restore BACKUP --force` into a store with data",
    "backup": "`backup --out FILE`, every other trial over an older backup",
    "demo": "`demo --force` over a store with data",
    "import": f"checkins.add_many of {BULK_ROWS:,} rows (no contact import exists yet)",
}


def share(total: int, names: Sequence[str]) -> dict[str, int]:
    """``total`` trials shared out over ``names`` by WEIGHTS, at least one each."""
    weight = sum(WEIGHTS[n] for n in names)
    return {n: max(1, round(total * WEIGHTS[n] / weight)) for n in names}


def run(
    base: Path, trials: dict[str, int], seed: int = 1, report: Callable[[str], None] | None = None
) -> list[Tally]:
    """Run each named scenario for its number of trials; the core of the benchmark."""
    bench = Bench(base, seed)
    tallies = []
    for name, count in trials.items():
        start = time.monotonic()
        tally = SCENARIOS[name](bench, count)
        tally.seconds = time.monotonic() - start
        tallies.append(tally)
        if report:
            report(_row(tally))
    return tallies


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


def _temp_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.name.endswith((".partial", ".restoring")))


def _shortfall(found: Counts, expected: Counts) -> int:
    return sum(max(0, e - f) for f, e in zip(found, expected, strict=True))


def _cell(tally: Tally, column: str) -> str:
    value = getattr(tally, column)
    if column in tally.not_applicable:
        return "-"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _header() -> str:
    return f"{'scenario':<11}" + "".join(f"{c:>{len(c) + 2}}" for c in COLUMNS)


def _row(tally: Tally) -> str:
    return f"{tally.scenario:<11}" + "".join(f"{_cell(tally, c):>{len(c) + 2}}" for c in COLUMNS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.crash_safety", description=__doc__)
    parser.add_argument("--trials", type=int, default=DEFAULT_TRIALS, help="in total")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", action="append", choices=list(SCENARIOS), metavar="NAME")
    args = parser.parse_args(argv)
    plan = share(args.trials, args.only or list(SCENARIOS))
    print(f"crash safety: SIGKILL at random moments, {sum(plan.values())} trials, seed {args.seed}")
    for name in plan:
        print(f"  {name}: {DESCRIPTIONS[name]}")
    with tempfile.TemporaryDirectory(prefix="supportnet-crash-") as tmp:
        print(_header())
        tallies = run(Path(tmp), plan, args.seed, report=lambda line: print(line, flush=True))
    total = total_of(tallies)
    print(_row(total))
    print(f"lost: {total.lost}")
    bad = [t.scenario for t in tallies if t.failed]
    if bad:
        print(f"FAILED: {', '.join(bad)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
