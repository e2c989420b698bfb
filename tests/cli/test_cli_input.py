"""Odd command-line input, through the real CLI: bytes that aren't UTF-8, lone surrogates,
times out of range, huge and negative numbers, and notes read from standard input."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from supportnet.cli import run
from supportnet.data.store import open_store
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli, snapshot
from tests.conftest import cli_env

# A Latin-1 "é": os.fsencode turns the lone surrogate back into the byte 0xE9, so the
# subprocess gets a command line that isn't UTF-8, as from a terminal in another encoding.
LATIN1_E = "\udce9"


def run_with_stdin(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "supportnet", *args],
        input=stdin,
        capture_output=True,
        env=cli_env(SUPPORTNET_PASSPHRASE=PASS),
        timeout=120,
        check=False,
    )


def latest_note(data_dir: Path, name: str) -> str:
    with open_store(data_dir, passphrase=lambda _p: PASS) as store:
        person = store.people.find(name)[0]
        assert person.id is not None
        return store.checkins.for_person(person.id, limit=1)[0].note


# --- Text that isn't text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("log", "Ruth", "--note", f"caf{LATIN1_E}"), "The note holds characters that aren't"),
        (("log", f"Ru{LATIN1_E}th"), "The name holds characters that aren't"),
        (("log", "Ruth", "--when", f"18:3{LATIN1_E}"), "The time holds characters that aren't"),
        (("export-ics", "--out", "x.ics", "--person", f"Ru{LATIN1_E}"), "The name holds"),
    ],
    ids=["note", "name", "when", "person"],
)
def test_bytes_that_arent_utf8_are_one_line(
    demo_dir: Path, tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    before = snapshot(demo_dir)
    result = run_cli(*args, "--data-dir", str(demo_dir), cwd=tmp_path)
    assert_one_line_error(result, 2, words)
    assert snapshot(demo_dir) == before
    assert not (tmp_path / "x.ics").exists()


@pytest.mark.parametrize("text", ["\ud800", "a\udfffb"], ids=["high", "low"])
def test_a_lone_surrogate_in_process_is_one_line(demo_dir: Path, text: str) -> None:
    """Python code calling run() can pass surrogates no command line could."""
    out, err = io.StringIO(), io.StringIO()
    code = run(["log", "Ruth", "--note", text, "--data-dir", str(demo_dir)], stdout=out, stderr=err)
    assert code == 2, err.getvalue()
    assert len(err.getvalue().splitlines()) == 1
    assert "isn't valid text" in err.getvalue() or "aren't valid text" in err.getvalue()


def test_a_control_character_in_a_note_is_one_line(demo_dir: Path) -> None:
    before = snapshot(demo_dir)
    result = run_cli("log", "Ruth", "--note", "a\x07b", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 2, "control character")
    assert snapshot(demo_dir) == before


# --- Times and numbers out of range -------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "words"),
    [
        ("0001-01-01T00:00+14:00", "before 1900"),
        ("1" * 100_000, "isn't a time I understand"),
        ("9999-12-31T23:59-14:00", "is still ahead"),
    ],
    ids=["year 1 at +14", "100,000 ones", "year 9999 at -14"],
)
def test_a_time_out_of_range_is_one_line(demo_dir: Path, when: str, words: str) -> None:
    before = snapshot(demo_dir)
    result = run_cli("log", "Ruth", "--when", when, "--data-dir", str(demo_dir))
    assert_one_line_error(result, 2, words)
    assert len(result.stderr) < 300
    assert snapshot(demo_dir) == before


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--weeks", "-3", "Choose between 1 and"),
        ("--weeks", "9" * 400, "Choose between 1 and"),
        ("--weeks", "9" * 5000, "takes a whole number"),
        ("--alarm-minutes", "-1", "A reminder can be from 0"),
        ("--alarm-minutes", str(2**70), "A reminder can be from 0"),
    ],
)
def test_numbers_out_of_range_are_one_line(
    demo_dir: Path, tmp_path: Path, option: str, value: str, words: str
) -> None:
    out = tmp_path / "plan.ics"
    result = run_cli("export-ics", "--out", str(out), option, value, "--data-dir", str(demo_dir))
    assert_one_line_error(result, 2, words)
    assert len(result.stderr) < 300
    assert not out.exists()


def test_an_unknown_argument_with_a_line_break_is_one_line(demo_dir: Path) -> None:
    result = run_cli("today", "extra\nline", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 2, "unrecognized arguments")


# --- `--note -`: the note from standard input -----------------------------------------------


def test_a_note_from_stdin_is_stored_without_its_line_break(demo_dir: Path) -> None:
    note = "Talked about the hearing 🌿\nShe's doing better."
    result = run_with_stdin(
        "log", "Ruth", "--note", "-", "--data-dir", str(demo_dir), stdin=(note + "\n").encode()
    )
    assert result.returncode == 0, result.stderr
    assert b"hearing" not in result.stdout + result.stderr
    assert latest_note(demo_dir, "Ruth") == note


def test_a_note_from_stdin_that_isnt_utf8_changes_nothing(demo_dir: Path) -> None:
    before = snapshot(demo_dir)
    result = run_with_stdin(
        "log", "Ruth", "--note", "-", "--data-dir", str(demo_dir), stdin=b"caf\xe9\n"
    )
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert lines == [
        "supportnet: The note on standard input isn't UTF-8 text; please save it as UTF-8."
    ]
    assert snapshot(demo_dir) == before


def test_help_says_why_stdin_is_better_for_private_notes() -> None:
    result = run_cli("log", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "--note - reads it from standard input" in text.replace("`", "")
    assert "shell keeps it in its history" in text


# --- Paths ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["backup", "--out", "a\x00b.db"],
        ["export-ics", "--out", "a\x00b.ics"],
        ["restore", "a\x00b.db"],
        ["export-ics", "--out", "\ud800.ics"],
    ],
    ids=["backup NUL", "export NUL", "restore NUL", "export surrogate"],
)
def test_a_path_no_file_can_have_is_one_line(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    """Only Python callers can pass these (argv can't hold a NUL), but run() takes them."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", PASS)
    out, err = io.StringIO(), io.StringIO()
    code = run([*argv, "--data-dir", str(demo_dir)], stdout=out, stderr=err)
    assert code == 2, err.getvalue()
    assert err.getvalue() == "supportnet: A path holds a character no file name can have.\n"


def test_an_empty_data_dir_is_not_the_default_store(tmp_path: Path) -> None:
    """`--data-dir "$UNSET"` must not quietly mean the real store."""
    result = run_cli("demo", "--data-dir", "", cwd=tmp_path)
    assert_one_line_error(result, 2, "--data-dir was given an empty folder name")
    assert list(tmp_path.iterdir()) == []


def test_a_data_dir_name_too_long_is_one_line(tmp_path: Path) -> None:
    result = run_cli("today", "--data-dir", str(tmp_path / ("n" * 300)))
    assert_one_line_error(result, 2, "data folder is too long", "300 bytes")


def test_the_app_opens_through_the_opener_the_entry_point_hands_in(tmp_path: Path) -> None:
    """The command line imports nothing of the GUI: the app is whatever it is handed."""
    opened: list[tuple[Path, list[str]]] = []

    def open_app(data_dir: Path, qt_argv: list[str]) -> int:
        opened.append((data_dir, qt_argv))
        return 0

    folder = tmp_path / "store"
    assert run(["--data-dir", str(folder)], open_app=open_app) == 0
    assert run(["gui", "--data-dir", str(folder)], open_app=open_app) == 0
    assert [data_dir for data_dir, _argv in opened] == [folder, folder]
    assert opened[1][1][1:] == ["gui", "--data-dir", str(folder)]


def test_asking_for_the_app_without_an_opener_is_one_line_not_a_window(tmp_path: Path) -> None:
    err = io.StringIO()
    assert run(["gui", "--data-dir", str(tmp_path / "store")], stderr=err) == 2
    assert err.getvalue().count("\n") == 1
    assert "run `supportnet` on its own" in err.getvalue()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["gui"],
        ["--data-dir", "/x/store"],
        ["--data-dir=/x/store"],
        ["gui", "--data-dir", "/x/store"],
        ["--data-dir", "/x/store", "gui"],
        ["--data-dir", "gui"],
        ["--data-dir", ""],
    ],
)
def test_the_apps_short_way_in_reads_what_the_full_parser_reads(argv: list[str]) -> None:
    """Opening the app skips building every command's parser; it must agree with it."""
    from supportnet.cli import _opens_the_app, build_parser

    short = _opens_the_app(argv)
    assert short is not None
    full = build_parser().parse_args(argv)
    assert (full.command or "gui") == "gui"
    assert short == ([full.data_dir] if hasattr(full, "data_dir") else [])


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["today"],
        ["gui", "gui"],
        ["--data", "/x"],
        ["--data-dir"],
        ["--data-dir", "-x"],
        ["--data-dir", "/a", "--data-dir", "/b"],
        ["gui", "--help"],
        ["demo", "--data-dir", "/x"],
    ],
)
def test_anything_but_opening_the_app_goes_to_the_full_parser(argv: list[str]) -> None:
    from supportnet.cli import _opens_the_app

    assert _opens_the_app(argv) is None


def test_an_empty_data_dir_is_refused_before_the_app_opens() -> None:
    err = io.StringIO()
    opened: list[Path] = []
    code = run(["--data-dir="], stderr=err, open_app=lambda d, _a: opened.append(d) or 0)
    assert code == 2
    assert opened == []
    assert "--data-dir was given an empty folder name" in err.getvalue()
