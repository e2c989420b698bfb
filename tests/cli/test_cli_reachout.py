"""`supportnet today` and `supportnet log`, as real subprocesses on the example network."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from supportnet.data.store import open_store
from supportnet.model.checkins import Initiator
from supportnet.model.network import ChannelKind
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli, snapshot
from tests.voice_rules import flagged


def test_today_prints_a_gentle_handful(demo_dir: Path) -> None:
    result = run_cli("today", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert 1 <= len(lines) <= 3
    for line in lines:
        assert " — " in line
        # The voice guide's rules, by word: "later is fine too" is kind, "late" is not.
        assert not flagged(line), line


def test_today_respects_the_cap_setting(demo_dir: Path) -> None:
    with open_store(demo_dir, passphrase=lambda _p: PASS) as store:
        settings = store.settings.load()
        settings.suggestions_per_day = 1
        store.settings.save(settings)
    result = run_cli("today", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def test_log_they_reached_out_is_stored(demo_dir: Path) -> None:
    # An exact moment a minute ago: a bare "09:15" would be in the future before 09:15.
    when = (datetime.now(UTC) - timedelta(minutes=1)).isoformat(timespec="minutes")
    result = run_cli(
        "log",
        "Ruth",
        "--they-reached-out",
        "--channel",
        "video",
        "--note",
        "Good talk 🌿",
        "--when",
        when,
        "--data-dir",
        str(demo_dir),
    )
    assert result.returncode == 0, result.stderr
    assert "Logged a check-in with Ruth Adeyemi" in result.stdout
    # The day as model/days spells it ("Thu 3 Dec, 17:30"), whatever the C locale.
    day = r"[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d"
    assert re.search(rf"Ruth Adeyemi on {day}", result.stdout)
    with open_store(demo_dir, passphrase=lambda _p: PASS) as store:
        ruth = store.people.find("Ruth")[0]
        assert ruth.id is not None
        latest = store.checkins.for_person(ruth.id, limit=1)[0]
    assert latest.initiator is Initiator.THEM
    assert latest.channel is ChannelKind.VIDEO
    assert latest.note == "Good talk 🌿"
    assert latest.at == datetime.fromisoformat(when)


def test_a_logged_contact_takes_someone_off_today(demo_dir: Path) -> None:
    before = run_cli("today", "--data-dir", str(demo_dir)).stdout.strip().splitlines()
    first_name = before[0].split(" — ")[0].split("  ")[-1]
    logged = run_cli("log", first_name, "--they-reached-out", "--data-dir", str(demo_dir))
    if logged.returncode == 2:  # the display name is shared; the exact name is on the card
        pytest.skip("display name is ambiguous in the example network")
    assert logged.returncode == 0, logged.stderr
    after = run_cli("today", "--data-dir", str(demo_dir)).stdout
    assert f"{first_name} — " not in after


def test_an_ambiguous_name_lists_the_matches_and_exits_2(demo_dir: Path) -> None:
    before = snapshot(demo_dir)
    result = run_cli("log", "Hughes", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 2, "Margaret Hughes", "Owen Hughes", "more of the name")
    assert snapshot(demo_dir) == before


def test_an_unknown_name_is_a_clear_error(demo_dir: Path) -> None:
    before = snapshot(demo_dir)
    result = run_cli("log", "Zebedee", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "Nobody called “Zebedee”")
    assert snapshot(demo_dir) == before


@pytest.mark.parametrize(
    ("when", "words"),
    [
        ("next tuesday", "isn't a time"),
        (
            "2999-01-01 10:00",
            "“2999-01-01 10:00” is still ahead; you can log it once you've been in touch.",
        ),
    ],
)
def test_a_bad_when_is_a_usage_error(demo_dir: Path, when: str, words: str) -> None:
    result = run_cli("log", "Ruth", "--when", when, "--data-dir", str(demo_dir))
    assert_one_line_error(result, 2, words)


def test_an_unknown_channel_is_a_usage_error(demo_dir: Path) -> None:
    result = run_cli("log", "Ruth", "--channel", "pigeon", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 2, "invalid choice")
