"""`supportnet crisis-lines` in German, chosen from the environment as a terminal sets it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from supportnet.cli import run


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_crisis_lines_speak_german_under_a_german_locale(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SUPPORTNET_LANGUAGE")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    code, out, _err = _run(["crisis-lines", "--country", "DE", "--data-dir", str(data_dir)])
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Krisentelefone: Deutschland (DE)"  # CLDR's name, not the file's
    assert lines[1] == "Im Notfall: 112."
    # The service's own name, as it names itself.
    assert "TelefonSeelsorge" in lines
    assert any(line.strip().startswith("Anrufen 0800 111 0 111") for line in lines)


def test_a_usage_error_in_german_is_still_one_line_and_exit_2(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPORTNET_LANGUAGE", "de")
    code, out, err = _run(["crisis-lines", "--country", "ZZ", "--data-dir", str(data_dir)])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "ist kein Ländercode" in err


def test_an_unknown_country_gets_the_guidance_in_german(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPORTNET_LANGUAGE", "de")
    code, out, _err = _run(["crisis-lines", "--country", "JP", "--data-dir", str(data_dir)])
    assert code == 0
    assert out.startswith("Hilfe finden (JP)\nWenn du gerade vielleicht nicht sicher bist")
    assert "Find a Helpline (findahelpline.com)" in out  # a directory's own name


def test_english_stays_english(data_dir: Path) -> None:
    code, out, _err = _run(["crisis-lines", "--country", "GB", "--data-dir", str(data_dir)])
    assert code == 0
    assert out.startswith("Crisis lines: United Kingdom (GB)\nIn an emergency, call ")
