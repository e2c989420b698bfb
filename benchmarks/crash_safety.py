"""SIGKILL during writes: every committed row survives and the store still opens, clean.

Each trial kills a writing process with SIGKILL at a random moment, then reopens the store
in this process (``open_store`` with the passphrase) and checks that it opens, that
``PRAGMA cipher_integrity_check`` and ``PRAGMA quick_check`` are clean, and that every
write the process had confirmed is there. Scenarios:

- ``cli_log``: ``supportnet log NAME --note N`` in a loop (a real subprocess each time),
  killed 0 to 4 calls' time in. A note is confirmed when its call printed "Logged" and
  exited 0. One store takes every trial, so later trials also recover earlier kills.
- ``data_layer``: a child adds check-ins one per transaction (``checkins.add``) and prints
  each committed id, flushed; killed 0 to 0.4 s after its first write.
- ``restore``: ``restore BACKUP --force`` into a store with data; ``demo``:
  ``demo --force`` over a store with data; ``backup``: ``backup --out FILE`` (every other
  trial over an older backup at FILE). Killed at a random moment while the command holds
  the store (seen by its pid in the lock file): 0 to 1.1 times the median time its
  finished runs held it. The store must hold the old data or the new in full, never a
  mix (row counts equal the before- or the after-snapshot); FILE and every automatic
  backup must be absent or a complete, valid backup. Temporary files left behind are
  counted, not failed.
- ``import``: there is no contact import yet, so the closest multi-row write: a child
  adding 2,000 check-ins in one ``checkins.add_many`` transaction; all or none.

``lost`` counts confirmed rows found neither in the store nor in its automatic backups
(a mix whose old data is safe in the before-demo/before-restore backup counts as mixed,
not lost).

The "before" stores keep their newest rows only in the write-ahead log, as a crash leaves
them. Children get a temporary HOME and XDG folders, the fail keyring and
SUPPORTNET_PASSPHRASE; the stores use a cheap Argon2id (stored in key.json, so children
use it too). Prints one row per scenario, the total, and what went wrong, if anything;
exits 1 if anything was lost, mixed, half-written, unopenable or not clean, or a command
failed by itself.

Run: `.venv/bin/python -m benchmarks.crash_safety [--trials N] [--seed S] [--only NAME]`;
N (default 120) is shared out 10:10:3:3:3:3 in the order above (about 3 minutes here).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path

from keyring.backends import fail

from benchmarks.crashkit import (
    BURSTS_ONLY,
    CHEAP_KDF,
    PASSPHRASE,
    Counts,
    Processes,
    Reopened,
    Run,
    Tally,
    backup_counts,
    reopen,
    table_header,
    table_row,
    temp_files,
    total_of,
)
from supportnet.data import keys
from supportnet.data.backup import BACKUP_DIR_NAME
from supportnet.data.store import open_store
from supportnet.model.checkins import CheckIn
from supportnet.model.network import Person

BULK_ROWS = 2000
DATA_LAYER_WINDOW_S = 0.4
#: How a total number of trials is shared out.
WEIGHTS = {"cli_log": 10, "data_layer": 10, "restore": 3, "backup": 3, "demo": 3, "import": 3}
DEFAULT_TRIALS = 120


class KillWindow:
    """How long after it starts writing a command is killed: a random part of 1.1 times
    the median time its finished runs took from there (the setup run's, then each trial's)."""

    def __init__(self, first: float) -> None:
        self.samples = [first]

    def __call__(self) -> float:
        return 1.1 * statistics.median(self.samples)

    def learn(self, run: Run) -> None:
        if run.finished and run.returncode == 0:
            self.samples.append(run.held_s)


class Bench:
    """Template stores, timings and the trials, all under ``base``."""

    def __init__(
        self, base: Path, seed: int, *, log_calls: float = 4, bulk_rows: int = BULK_ROWS
    ) -> None:
        self.base = base
        self.procs = Processes(base, random.Random(seed))
        self.log_calls = log_calls  # the CLI bursts are killed 0 to this many calls' time in
        self.bulk_rows = bulk_rows
        self._made = 0

    # --- Templates and timings, made on first use ---------------------------------------

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
        return reopen(self.copy(self.small)).counts

    @cached_property
    def log_s(self) -> float:
        """The mean time of one `supportnet log` call, from spawn to exit."""
        data_dir = self.copy(self.small)
        times = []
        for i in range(2):
            start = time.monotonic()
            run = self.procs.cli(["log", "Sam", "--note", f"warm-up-{i}"], data_dir)
            self.expect_ok(run, "log")
            times.append(time.monotonic() - start)
        return statistics.mean(times)

    @cached_property
    def demo(self) -> tuple[Path, Counts, float]:
        """A store holding the example network, its counts, and how long demo held it."""
        data_dir = self.copy(self.small)
        run = self.procs.cli(["demo", "--force"], data_dir)
        self.expect_ok(run, "demo --force")
        return data_dir, reopen(self.copy(data_dir)).counts, run.held_s

    @cached_property
    def demo_backup(self) -> tuple[Path, float]:
        """A backup of the example network, and how long `backup` held the store."""
        out = self.base / "demo-backup.db"
        run = self.procs.cli(["backup", "--out", str(out)], self.copy(self.demo[0]))
        self.expect_ok(run, "backup")
        return out, run.held_s

    @cached_property
    def small_backup(self) -> Path:
        out = self.base / "small-backup.db"
        self.expect_ok(
            self.procs.cli(["backup", "--out", str(out)], self.copy(self.small)), "backup"
        )
        return out

    @cached_property
    def restore_s(self) -> float:
        source = str(self.demo_backup[0])
        run = self.procs.cli(["restore", source, "--force"], self.copy(self.small))
        self.expect_ok(run, "restore")
        return run.held_s

    @cached_property
    def bulk_s(self) -> float:
        """How long one add_many of bulk_rows takes, from `ready` to the end."""
        run = self.procs.child(["bulk", str(self.copy(self.small)), str(self.bulk_rows)], None)
        self.expect_ok(run, "bulk insert")
        return run.held_s

    def copy(self, template: Path) -> Path:
        self._made += 1
        target = self.base / "trials" / f"{self._made:04d}"
        shutil.copytree(template, target)
        return target

    def expect_ok(self, run: Run, what: str) -> None:
        if not run.finished or run.returncode != 0:
            raise SystemExit(f"crash_safety: setup step `{what}` failed: {run.stdout[-500:]}")

    # --- Checks -------------------------------------------------------------------------

    def tally_store(self, tally: Tally, data_dir: Path) -> Reopened:
        found = reopen(data_dir)
        tally.trials += 1
        tally.opened += found.opened
        tally.integrity_failures += found.opened and not found.clean
        if not found.opened:
            tally.problems.append(f"{data_dir.name}: {found.error}")
        elif not found.clean:
            tally.problems.append(f"{data_dir.name}: integrity check failed")
        return found

    def automatic_backups(self, tally: Tally, data_dir: Path) -> list[Counts]:
        """The counts of each automatic backup; incomplete ones and temp files are tallied."""
        held = []
        for path in (data_dir / BACKUP_DIR_NAME).glob("*.db"):
            counts = backup_counts(path, self.key)
            tally.half_files += counts is None
            if counts is not None:
                held.append(counts)
        tally.leftover_temp_files += temp_files(data_dir)
        return held

    # --- Scenarios ----------------------------------------------------------------------

    def cli_log(self, trials: int) -> Tally:
        tally = Tally("cli_log", not_applicable=BURSTS_ONLY)
        data_dir = self.copy(self.small)
        window = self.log_calls * self.log_s
        confirmed: set[str] = set()
        lost: set[str] = set()
        for trial in range(trials):
            notes, errors = self.procs.log_burst(data_dir, trial, window)
            confirmed.update(notes)
            tally.finished += len(notes)
            tally.errors += errors
            found = self.tally_store(tally, data_dir)
            lost |= confirmed - {note for _id, note in found.rows} if found.opened else confirmed
        tally.lost, tally.confirmed_rows = len(lost), len(confirmed)
        return tally

    def data_layer(self, trials: int) -> Tally:
        tally = Tally("data_layer", not_applicable=BURSTS_ONLY)
        data_dir = self.copy(self.small)
        lost: set[tuple[int, str]] = set()
        confirmed: set[tuple[int, str]] = set()
        for trial in range(trials):
            run = self.procs.child(["checkins", str(data_dir), f"dl-{trial}"], DATA_LAYER_WINDOW_S)
            printed = run.stdout.split("ready", 1)[-1].split()
            ids = [int(i) for i in printed if i.isdigit()]
            # The child writes until it is killed; ending by itself is a failure.
            tally.errors += run.finished or len(ids) != len(printed)
            confirmed |= {(i, f"dl-{trial}-{n}") for n, i in enumerate(ids)}
            found = self.tally_store(tally, data_dir)
            lost |= confirmed - found.rows if found.opened else confirmed
        tally.lost, tally.confirmed_rows = len(lost), len(confirmed)
        return tally

    def all_or_nothing(
        self,
        name: str,
        trials: int,
        start: Callable[[Path, float], Run],
        window: KillWindow,
        outcome: Callable[[Run], bool | None],
        before: Counts,
        after: Counts,
    ) -> Tally:
        """Kill a store-wide write; the store must hold ``before`` or ``after``, nothing else.

        ``outcome``: True if the run confirmed it was done, False if it failed by itself,
        None if it was killed first (then either state is right).
        """
        tally = Tally(name, not_applicable=("confirmed_rows",))
        for _ in range(trials):
            data_dir = self.copy(self.small)
            run = start(data_dir, window())
            window.learn(run)
            done = outcome(run)
            tally.finished += run.finished
            tally.errors += done is False
            found = self.tally_store(tally, data_dir)
            allowed = (before, after) if done is None else (after if done else before,)
            kept = self.automatic_backups(tally, data_dir)
            if found.opened and found.counts in allowed:
                continue
            tally.mixed += found.opened
            tally.problems.append(
                f"{data_dir.name}: {found.counts or 'no store'} is neither "
                f"{' nor '.join(map(str, allowed))} (people, groups, plans, check-ins)"
            )
            committed = after if done else before
            if committed in kept:
                continue  # what the store held is safe in an automatic backup
            have = found.counts if found.opened else (0,) * len(committed)
            tally.lost += min(_shortfall(have, state) for state in allowed)
        _check_kills_landed(tally)
        return tally

    def restore(self, trials: int) -> Tally:
        source, _held = self.demo_backup
        return self.all_or_nothing(
            "restore",
            trials,
            lambda d, window: self.procs.cli(["restore", str(source), "--force"], d, window),
            KillWindow(self.restore_s),
            _cli_outcome,
            self.small_counts,
            self.demo[1],
        )

    def demo_force(self, trials: int) -> Tally:
        return self.all_or_nothing(
            "demo",
            trials,
            lambda d, window: self.procs.cli(["demo", "--force"], d, window),
            KillWindow(self.demo[2]),
            _cli_outcome,
            self.small_counts,
            self.demo[1],
        )

    def bulk_import(self, trials: int) -> Tally:
        before = self.small_counts
        after = (*before[:3], before[3] + self.bulk_rows)
        return self.all_or_nothing(
            "import",
            trials,
            lambda d, window: self.procs.child(["bulk", str(d), str(self.bulk_rows)], window),
            KillWindow(self.bulk_s),
            _bulk_outcome,
            before,
            after,
        )

    def backup(self, trials: int) -> Tally:
        tally = Tally("backup", not_applicable=("confirmed_rows", "mixed"))
        store_dir, counts, _held = self.demo
        older = backup_counts(self.small_backup, self.key)
        window = KillWindow(self.demo_backup[1])
        for trial in range(trials):
            data_dir = self.copy(store_dir)
            out = data_dir.parent / f"{data_dir.name}-out" / "backup.db"
            out.parent.mkdir()
            over_older = bool(trial % 2)
            if over_older:
                shutil.copy2(self.small_backup, out)
            run = self.procs.cli(["backup", "--out", str(out)], data_dir, window())
            window.learn(run)
            done = _cli_outcome(run)
            tally.finished += run.finished
            tally.errors += done is False
            found = self.tally_store(tally, data_dir)
            if found.opened and found.counts != counts:
                tally.lost += _shortfall(found.counts, counts)
            # At FILE: the new backup once confirmed; before that, the older one or nothing.
            at_out = backup_counts(out, self.key) if out.exists() else "absent"
            if at_out not in ({counts} if done else {counts, older if over_older else "absent"}):
                tally.half_files += 1
            tally.leftover_temp_files += temp_files(out.parent)
            self.automatic_backups(tally, data_dir)
        _check_kills_landed(tally)
        return tally


def _check_kills_landed(tally: Tally) -> None:
    """A run where no kill landed checked nothing: say so, and fail."""
    if tally.trials >= 5 and tally.finished == tally.trials:
        tally.problems.append("every run finished before its kill: nothing was tested")


def _cli_outcome(run: Run) -> bool | None:
    return None if not run.finished else run.returncode == 0


def _bulk_outcome(run: Run) -> bool | None:
    if "committed" in run.stdout.split():
        return True
    return None if not run.finished else False


SCENARIOS: dict[str, Callable[[Bench, int], Tally]] = {
    "cli_log": Bench.cli_log,
    "data_layer": Bench.data_layer,
    "restore": Bench.restore,
    "backup": Bench.backup,
    "demo": Bench.demo_force,
    "import": Bench.bulk_import,
}
DESCRIPTIONS = {
    "cli_log": "`supportnet log NAME --note N` in a loop, killed 0-4 calls' time in",
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
    base: Path,
    trials: dict[str, int],
    seed: int = 1,
    report: Callable[[str], None] | None = None,
    *,
    log_calls: float = 4,
    bulk_rows: int = BULK_ROWS,
) -> list[Tally]:
    """Run each named scenario for its number of trials; the core of the benchmark.

    ``log_calls`` and ``bulk_rows`` (see Bench) can be smaller for a quick run.
    """
    bench = Bench(base, seed, log_calls=log_calls, bulk_rows=bulk_rows)
    tallies = []
    for name, count in trials.items():
        start = time.monotonic()
        tally = SCENARIOS[name](bench, count)
        tally.seconds = time.monotonic() - start
        tallies.append(tally)
        if report:
            report(table_row(tally))
    return tallies


def _shortfall(found: Counts, expected: Counts) -> int:
    return sum(max(0, e - f) for f, e in zip(found, expected, strict=True))


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
        print(table_header())
        tallies = run(Path(tmp), plan, args.seed, report=lambda line: print(line, flush=True))
    total = total_of(tallies)
    print(table_row(total))
    for tally in tallies:
        for problem in tally.problems[:10]:
            print(f"  {tally.scenario} {problem}")
    print(f"lost: {total.lost}")
    bad = [t.scenario for t in tallies if t.failed]
    if bad:
        print(f"FAILED: {', '.join(bad)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
