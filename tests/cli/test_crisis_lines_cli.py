"""`supportnet crisis-lines`: offline, nothing unlocked, one line and exit 2 for a bad code."""

from __future__ import annotations

import io
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from supportnet.cli import run
from supportnet.data.open_config import CONFIG_NAME
from supportnet.safety.crisis_lines import countries
from tests.cli.test_cli import assert_one_line_error
from tests.conftest import cli_env

NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def crisis_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "supportnet", "crisis-lines", *args],
        capture_output=True,
        text=True,
        env=cli_env(**{**NO_LOCALE, **env}),
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def in_process(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["crisis-lines", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_country_by_code(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = crisis_cli("--country", "gb", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "United Kingdom" in result.stdout
    assert "116 123" in result.stdout
    assert "999" in result.stdout
    assert not data.exists()  # nothing unlocked, nothing made


def test_no_store_or_key_is_touched(tmp_path: Path) -> None:
    code, out, err = in_process("--country", "US", "--data-dir", str(tmp_path / "data"))
    assert (code, err) == (0, "")
    assert "988" in out
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("code", ["usa", "1X", "g", "G B", "ÉÉ"])
def test_an_unknown_code_is_one_line_and_exit_2(tmp_path: Path, code: str) -> None:
    result = crisis_cli("--country", code, "--data-dir", str(tmp_path / "data"))
    assert_one_line_error(result, 2, "country code")
    assert result.stdout == ""


def test_an_empty_code_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = crisis_cli("--country", "", "--data-dir", str(tmp_path / "data"))
    assert_one_line_error(result, 2)


def test_all_prints_every_country(tmp_path: Path) -> None:
    result = crisis_cli("--all", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    for help in countries():
        assert f"{help.name} ({help.code})" in result.stdout
    assert "Finding help" not in result.stdout


def test_all_and_country_together_is_a_usage_error(tmp_path: Path) -> None:
    result = crisis_cli("--all", "--country", "GB", "--data-dir", str(tmp_path / "data"))
    assert_one_line_error(result, 2)


def test_a_country_not_in_the_file_gets_the_guidance(tmp_path: Path) -> None:
    result = crisis_cli("--country", "JP", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert "emergency number" in result.stdout
    assert "112" in result.stdout
    assert "findahelpline.com" in result.stdout


def test_the_locale_is_the_default(tmp_path: Path) -> None:
    result = crisis_cli("--data-dir", str(tmp_path / "data"), LANG="en_NZ.UTF-8")
    assert result.returncode == 0, result.stderr
    assert "New Zealand" in result.stdout
    assert "1737" in result.stdout


def test_no_locale_and_no_choice_gives_the_guidance(tmp_path: Path) -> None:
    result = crisis_cli("--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert "Finding help" in result.stdout


def test_set_country_is_remembered_outside_the_store(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = crisis_cli("--set-country", "ie", "--data-dir", str(data), LANG="en_US.UTF-8")
    assert first.returncode == 0, first.stderr
    assert "Ireland" in first.stdout
    config = data / CONFIG_NAME
    assert json.loads(config.read_text("utf-8")) == {"country": "IE"}
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert sorted(p.name for p in data.iterdir()) == [CONFIG_NAME]
    # The saved choice now wins over the locale.
    again = crisis_cli("--data-dir", str(data), LANG="en_US.UTF-8")
    assert "Ireland" in again.stdout
    assert "988" not in again.stdout


def test_set_country_refuses_a_bad_code(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = crisis_cli("--set-country", "Ireland", "--data-dir", str(data))
    assert_one_line_error(result, 2, "country code")
    assert not data.exists()
