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


@pytest.mark.parametrize("code", ["usa", "1X", "g", "G B", "ÉÉ", "ZZ", "xx", "QQ", "AA", "UK"])
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


@pytest.mark.parametrize("code", ["ZZ", "XX", "QQ", "AA"])
def test_a_code_no_country_has_is_one_line_and_exit_2_in_process(tmp_path: Path, code: str) -> None:
    status, out, err = in_process("--country", code, "--data-dir", str(tmp_path / "data"))
    assert (status, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert "country code" in err


@pytest.mark.parametrize("code", ["JP", "br"])
def test_a_real_country_not_in_the_file_gets_the_guidance_in_process(
    tmp_path: Path, code: str
) -> None:
    status, out, err = in_process("--country", code, "--data-dir", str(tmp_path / "data"))
    assert (status, err) == (0, "")
    assert out.startswith(f"Finding help ({code.upper()})")
    assert "findahelpline.com" in out


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


@pytest.mark.parametrize("code", ["Ireland", "ZZ"])
def test_set_country_refuses_a_bad_code(tmp_path: Path, code: str) -> None:
    data = tmp_path / "data"
    result = crisis_cli("--set-country", code, "--data-dir", str(data))
    assert_one_line_error(result, 2, "country code")
    assert not data.exists()


def test_a_saved_somewhere_else_shows_no_placeholder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / CONFIG_NAME).write_text('{"country": "ZZ"}', "utf-8")  # the panel's choice
    result = crisis_cli("--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Finding help\n")
    assert "ZZ" not in result.stdout


# --- crisis help is never behind the data-folder check ---------------------------------------


def a_refused_folder(tmp_path: Path) -> Path:
    """A folder holding someone's other files: the data-folder check refuses it."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("not SupportNet's", "utf-8")
    return folder


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--country", "GB"], "116 123"), (["--all"], "Samaritans"), ([], "1737")],
)
def test_a_refused_data_folder_still_shows_the_lines(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    folder = a_refused_folder(tmp_path)
    before = sorted(p.name for p in folder.iterdir()), stat.S_IMODE(folder.stat().st_mode)
    result = crisis_cli(*args, "--data-dir", str(folder), LANG="en_NZ.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert expected in result.stdout
    # Nothing made, nothing made private.
    assert (sorted(p.name for p in folder.iterdir()), stat.S_IMODE(folder.stat().st_mode)) == before


def test_saving_a_country_in_a_refused_folder_is_still_refused(tmp_path: Path) -> None:
    folder = a_refused_folder(tmp_path)
    result = crisis_cli("--set-country", "IE", "--data-dir", str(folder))
    assert_one_line_error(result, 1, "other files")  # as every command refuses it
    assert sorted(p.name for p in folder.iterdir()) == ["letter.txt"]
