"""The whole command line in German, and under the pseudo-locale every word it says is ours.

Commands run in this process through the CLI's ``run`` (as the other CLI tests do), with the
language chosen from the environment as a terminal sets it. argparse's own words ("usage:",
"options", "the following arguments are required") come from our catalog too.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportnet import i18n
from supportnet.cli import build_parser, run
from tests.cli.test_cli import PASS

#: Every command, from the parser itself: a new command is checked without editing this file.
COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]

#: Words of English that no German help or message line should hold.
ENGLISH_WORDS = {"the", "your", "you", "with", "and", "this", "from", "which", "when", "isn't"}

#: Bad command lines: argparse's own errors and our own, each one line on stderr.
BAD = [
    ["log"],  # a required argument missing
    ["--bogus"],  # unrecognised
    ["insights", "--format", "bmp"],  # an invalid choice
    ["insights", "--weeks", "many"],  # our type's message inside argparse's
    ["rota", "--from", "someday"],
    ["export-ics", "--out", "plans.txt", "--weeks", "x"],
    ["backup-folder", "somewhere", "--none"],
    ["rota", "--json", "--pdf", "x.pdf"],  # not allowed together
]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of one command (``--help`` prints to
    sys.stdout and exits through SystemExit, as argparse does)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        code = run(argv, stdout=out, stderr=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    printed = capsys.readouterr()
    return code, out.getvalue() + printed.out, err.getvalue() + printed.err


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SUPPORTNET_LANGUAGE", "de")
    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", PASS)
    yield
    i18n.set_language(i18n.ENGLISH)


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SUPPORTNET_PSEUDO_LOCALE", "1")
    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", PASS)
    yield
    i18n.set_language(i18n.ENGLISH)


def _english_words(text: str) -> set[str]:
    """English words in prose (not in a command's name, an option or a path)."""
    prose = [t for t in text.split() if not re.search(r"[-/_`$]", t) and t not in COMMANDS]
    words = {w.lower() for w in re.findall(r"[A-Za-z']+", " ".join(prose))}
    return words & ENGLISH_WORDS


# --- Help -------------------------------------------------------------------------------------


def _unwrapped(text: str) -> list[str]:
    """What help text says outside ``[!! … !!]`` that isn't a command-line word (a command,
    an option, a metavar such as FILE, a choice such as png): words that bypassed _()."""
    rest = re.sub(r"\[!! .*? !!\]", " ", text, flags=re.DOTALL)
    words = set(COMMANDS) | {"supportnet", "png", "svg", "pdf", "circle", "who"}
    words |= {"discreet", "first-name", "full", "call", "text", "video", "messaging", "email"}
    words |= {"in_person", "letter", "other"}
    found = []
    for token in re.split(r"[\s\[\]{}(),|:.…]+", rest):
        if not token or token.startswith("-") or token in words or re.search(r"[/`$=]", token):
            continue
        if re.fullmatch(r"[A-Z][A-Z_]*", token):  # metavars: FILE, DIR, COMMAND
            continue
        found.append(token)
    return found


@pytest.mark.parametrize("argv", [[], *([c] for c in COMMANDS)], ids=["main", *COMMANDS])
def test_every_help_is_wholly_routed(
    argv: list[str], pseudo: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run([*argv, "--help"], capsys)
    assert code == 0, err
    assert out.startswith("[!! usage: ")
    assert re.search(r"\[!! options ·+ !!\]:", out)
    assert "[!! show this help message and exit" in out
    assert _unwrapped(out) == []


@pytest.mark.parametrize("argv", [[], *([c] for c in COMMANDS)], ids=["main", *COMMANDS])
def test_every_help_is_german(
    argv: list[str], german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run([*argv, "--help"], capsys)
    assert code == 0, err
    assert out.startswith("Aufruf: supportnet")
    assert "\nOptionen:\n" in out
    assert "diese Hilfe zeigen und beenden" in out
    for line in out.splitlines():
        assert not _english_words(line), line
    # A help text left in English would wrap exactly as it does in English.
    english_lines = _english_help(argv, capsys)
    left = [
        line
        for line in out.splitlines()
        if line in english_lines and _unwrapped_line(line) and not line.strip().startswith("-")
    ]
    assert left == []


def _english_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> set[str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPPORTNET_LANGUAGE", "en")
        _code, out, _err = _run([*argv, "--help"], capsys)
    return set(out.splitlines())


def _unwrapped_line(line: str) -> bool:
    """Whether a help line holds words of prose (not only commands, options and metavars)."""
    return bool(_unwrapped(line.replace("[", " ").replace("]", " ")))


# --- Errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", BAD, ids=[" ".join(a) for a in BAD])
def test_a_bad_command_line_is_one_german_line(
    argv: list[str], german: None, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, err = _run([*argv, "--data-dir", str(data_dir)], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("supportnet: ")
    assert not _english_words(err), err


@pytest.mark.parametrize("argv", BAD, ids=[" ".join(a) for a in BAD])
def test_a_bad_command_line_is_wrapped(
    argv: list[str], pseudo: None, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, _out, err = _run([*argv, "--data-dir", str(data_dir)], capsys)
    assert code == 2
    assert err.startswith("supportnet: [!! ")
    assert err.rstrip().endswith("!!]")


def test_argparse_words_in_german(german: None, capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = _run(["log"], capsys)
    assert err == "supportnet: diese Argumente fehlen noch: NAME (siehe `supportnet --help`)\n"
    _code, _out, err = _run(["insights", "--format", "bmp"], capsys)
    assert "ungültige Auswahl: 'bmp' (wähle aus 'png', 'svg', 'pdf')" in err
    _code, _out, err = _run(["--bogus"], capsys)
    assert "unbekannte Argumente: --bogus" in err


def test_english_stays_argparses_own(capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = _run(["log"], capsys)
    assert err == (
        "supportnet: the following arguments are required: NAME (see `supportnet --help`)\n"
    )
    _code, out, _err = _run(["--help"], capsys)
    assert out.startswith("usage: supportnet")
    assert "\noptions:\n" in out


# --- Normal output ----------------------------------------------------------------------------


def test_doctor_speaks_german(
    demo_dir: Path, german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["doctor", "--data-dir", str(demo_dir)], capsys)
    assert code == 0, err
    labels = [line.split(":", 1)[0] for line in out.splitlines()]
    assert labels[:3] == ["Datenordner", "Datenbank", "Verschlüsselung"]
    assert "Menschen" in labels
    assert "Letzte Sicherung" in labels
    assert all(re.match(r"^[^:]+: +\S", line) for line in out.splitlines()), out


def test_doctor_is_wrapped(
    demo_dir: Path, pseudo: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["doctor", "--data-dir", str(demo_dir)], capsys)
    assert code == 0, err
    for line in out.splitlines():
        assert line.startswith("[!! "), line


def test_log_backup_folder_and_export_speak_german(
    demo_dir: Path, german: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _run(["log", "Ruth", "--data-dir", str(demo_dir)], capsys)
    assert code == 0, err
    assert out.startswith("Check-in mit Ruth")
    assert out.rstrip().endswith("eingetragen.") or "eingetragen (" in out

    code, out, err = _run(["backup-folder", "--data-dir", str(demo_dir)], capsys)
    assert code == 0, err
    assert out.startswith("Tägliche Sicherungen kommen nach ")

    target = tmp_path / "all.json"
    code, out, err = _run(
        ["export-data", "--out", str(target), "--data-dir", str(demo_dir)], capsys
    )
    assert code == 0, err
    assert out.startswith(f"Alle deine Daten stehen jetzt in {target}: ")
    assert "Menschen" in out
    assert "Gruppen" in out

    code, out, err = _run(["log", "Nobody Here", "--data-dir", str(demo_dir)], capsys)
    assert code == 1
    assert err == "supportnet: Niemand namens „Nobody Here“ ist in deinem Netz.\n"


def test_normal_output_is_wrapped(
    demo_dir: Path, pseudo: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv in (
        ["log", "Ruth"],
        ["backup-folder"],
        ["export-data", "--out", str(tmp_path / "all.json")],
        ["backup", "--out", str(tmp_path / "copy.db")],
    ):
        code, out, err = _run([*argv, "--data-dir", str(demo_dir)], capsys)
        assert code == 0, err
        # export-data's second line is the service's (not the command line's) to translate.
        first = out.splitlines()[0]
        assert first.startswith("[!! "), first
        assert first.endswith("!!]"), first


def test_the_rota_heading_is_german(
    demo_dir: Path, german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["rota", "--data-dir", str(demo_dir)], capsys)
    assert code == 0, err
    heading = out.splitlines()[0]
    assert ": Check-ins mit " in heading, heading
    assert " bis " in heading, heading


def test_a_channel_keeps_its_capital_inside_a_german_sentence(
    demo_dir: Path, german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from supportnet.model.network import ChannelKind

    code, out, err = _run(["log", "Ruth", "--channel", "call", "--data-dir", str(demo_dir)], capsys)
    assert code == 0, err
    i18n.set_language("de")
    assert f"({ChannelKind.CALL.label})" in out  # German nouns keep their capital


def test_english_lower_cases_a_channel_inside_a_sentence(
    demo_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.model.network import ChannelKind

    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", PASS)

    code, out, err = _run(["log", "Ruth", "--channel", "call", "--data-dir", str(demo_dir)], capsys)
    assert code == 0, err
    assert f"({ChannelKind.CALL.label.lower()})" in out
