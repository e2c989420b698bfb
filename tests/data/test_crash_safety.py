"""The crash-safety benchmark's core, a few trials per scenario: SIGKILL loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.crash_safety import run

TRIALS = {"cli_log": 3, "data_layer": 5, "restore": 5, "backup": 5, "demo": 4, "import": 3}


@pytest.mark.slow
def test_sigkill_during_writes_loses_nothing_and_leaves_a_clean_store(tmp_path: Path) -> None:
    # Shorter CLI bursts and a smaller bulk insert than the benchmark's keep this near 20 s
    # on an idle machine (about 30 child processes).
    tallies = run(tmp_path, TRIALS, seed=9, log_calls=2, bulk_rows=500)

    assert [t.scenario for t in tallies] == list(TRIALS)
    for tally in tallies:
        assert tally.trials == TRIALS[tally.scenario], tally
        assert tally.opened == tally.trials, tally
        assert tally.integrity_failures == 0, tally
        assert tally.lost == 0, tally
        assert tally.mixed == 0, tally
        assert tally.half_files == 0, tally
        assert tally.errors == 0, tally
        assert tally.problems == [], tally
    by_name = {t.scenario: t for t in tallies}
    # The kills landed among writes that had been confirmed, so the check checked something.
    assert by_name["data_layer"].confirmed_rows > 0
