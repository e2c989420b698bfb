"""`supportnet publish-caldav`: against a real Radicale on 127.0.0.1, with a password that
comes from the environment, the keyring or the terminal, never the command line."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supportnet.cli import caldav_commands, run
from supportnet.data import server_passwords
from supportnet.data.store import open_store
from supportnet.model.care import ME
from supportnet.model.network import Person
from supportnet.model.settings import Settings
from tests.cli.test_rota_export_cli import _add_team
from tests.conftest import TEST_PASSPHRASE
from tests.data.storekit import MemoryKeyring
from tests.services.caldav_server import PASSWORD, USER, Server, radicale
from tests.services.test_caldav_publish import _weekly

NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)


@pytest.fixture(autouse=True)
def setup(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.delenv("SUPPORTNET_CALDAV_PASSWORD", raising=False)
    monkeypatch.setattr(caldav_commands, "_now", lambda: NOW)
    keyring = MemoryKeyring()
    monkeypatch.setattr(server_passwords, "default_backend", lambda: keyring)
    return keyring


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with radicale(tmp_path) as running:
        yield running


@pytest.fixture
def filled(data_dir: Path) -> Path:
    with open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE) as store:
        store.settings.save(Settings(timezone="Europe/London", onboarded=True))
        dan = store.people.add(Person("Dan Okafor", nickname="Dan"))
        shiv = store.people.add(Person("Siobhan Kelly", nickname="Auntie Shiv"))
        tom = store.people.add(Person("Tom Reed"))
        store.plans.add(_weekly(dan.id, 18))
        _add_team(store, "Around Dan", dan.uid, {"shiv": shiv.uid, "tom": tom.uid, "me": ME})
    return data_dir


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _publish(data_dir: Path, url: str, *more: str) -> tuple[int, str, str]:
    return _run("publish-caldav", "--data-dir", str(data_dir), "--url", url, "--username", USER,
                *more)  # fmt: skip


def test_publishes_with_the_environment_s_password_then_changes_nothing(
    filled: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPORTNET_CALDAV_PASSWORD", PASSWORD)
    assert _publish(filled, server.url()) == (
        0,
        f"Published 1 check-in to {server.url()}: 1 new, 0 changed, 0 removed.\n",
        "",
    )
    server.methods.clear()
    code, text, _err = _publish(filled, server.url())
    assert code == 0
    assert text.endswith("nothing had changed.\n")
    assert server.methods["PUT"] == server.methods["DELETE"] == 0


def test_a_supporter_s_part_goes_to_its_own_calendar(
    filled: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPORTNET_CALDAV_PASSWORD", PASSWORD)
    code, text, err = _publish(filled, server.url("shiv"), "--supporter", "Shiv")
    assert (code, err) == (0, "")
    assert text.startswith("Published 1 rota check-in to ")
    data = b"".join(server.items("shiv").values())
    assert b"Check-in" in data
    assert b"Tom" not in data
    assert b"Reed" not in data


def test_a_typed_password_is_kept_in_the_keyring_only_when_asked_and_never_in_the_store(
    filled: Path, server: Server, monkeypatch: pytest.MonkeyPatch, setup: MemoryKeyring
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    asked: list[str] = []
    monkeypatch.setattr(
        caldav_commands.getpass, "getpass", lambda prompt: asked.append(prompt) or PASSWORD
    )
    code, text, _err = _publish(filled, server.url(), "--remember-password")
    assert code == 0
    assert asked == [f"Password for {USER} at 127.0.0.1: "]
    assert "kept in your keyring" in text
    entry = server_passwords.entry_name(server.url(), USER)
    assert setup.entries == {(server_passwords.SERVICE, entry): PASSWORD}
    monkeypatch.setattr(caldav_commands.getpass, "getpass", pytest.fail)
    assert _publish(filled, server.url())[0] == 0, "the keyring's password is used"
    with open_store(filled, passphrase=lambda _p: TEST_PASSPHRASE, create=False) as store:
        settings = store.settings.load()
    assert PASSWORD not in repr(settings)
    for path in filled.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_the_password_is_never_an_option(filled: Path, server: Server) -> None:
    code, _text, err = _publish(filled, server.url(), "--password", PASSWORD)
    assert code == 2
    assert "never goes on the command line" in err
    assert PASSWORD not in err
    assert server.methods.total() == 0


def test_without_a_password_or_a_terminal_one_line_says_where_to_put_it(
    filled: Path, server: Server
) -> None:
    code, text, err = _publish(filled, server.url())
    assert (code, text) == (1, "")
    assert len(err.splitlines()) == 1
    assert "SUPPORTNET_CALDAV_PASSWORD" in err
    assert server.methods.total() == 0, "nothing was sent"


@pytest.mark.parametrize(
    ("url", "password", "code", "words"),
    [
        (None, "wrong", 1, "refused the user name or password"),
        ("TLS", PASSWORD, 1, "secure (TLS) connection"),
        ("http://calendar.example.org/sam/", PASSWORD, 2, "must start with https://"),
    ],
    ids=["401", "tls", "plain-http"],
)
def test_a_failure_is_one_line_and_exit_code(
    filled: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    url: str | None,
    password: str,
    code: int,
    words: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SUPPORTNET_CALDAV_PASSWORD", password)
    where = {None: server.url(), "TLS": server.url().replace("http:", "https:")}.get(url, url)
    assert where is not None
    got, text, err = _publish(filled, where)
    assert (got, text) == (code, "")
    assert len(err.splitlines()) == 1
    assert words in err
    assert password not in err
    assert server.items() == {}
    assert capsys.readouterr() == ("", "")


def test_a_full_server_or_none_at_all_is_one_line_and_exit_1(
    filled: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.services.caldav_server import closed_port

    monkeypatch.setenv("SUPPORTNET_CALDAV_PASSWORD", PASSWORD)
    server.full = True
    code, text, err = _publish(filled, server.url())
    assert (code, text) == (1, "")
    assert err.count("\n") == 1
    assert "no room left" in err
    code, text, err = _publish(filled, f"http://127.0.0.1:{closed_port()}/sam/checkins/")
    assert (code, text) == (1, "")
    assert err.count("\n") == 1
    assert "Couldn't reach the calendar server 127.0.0.1" in err
    assert capsys.readouterr() == ("", ""), "the libraries' own warnings stay quiet"


def test_a_typed_password_is_not_kept_without_being_asked(
    filled: Path, server: Server, monkeypatch: pytest.MonkeyPatch, setup: MemoryKeyring
) -> None:
    from supportnet.services import caldav_publish

    assert caldav_commands.PASSWORD_ENV == caldav_publish.PASSWORD_ENV
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(caldav_commands.getpass, "getpass", lambda _prompt: PASSWORD)
    code, text, _err = _publish(filled, server.url())
    assert code == 0
    assert "keyring" not in text
    assert setup.entries == {}


def test_a_reply_no_calendar_server_gives_is_one_line_and_exit_1(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.services.test_caldav_strange_answers import _answering

    monkeypatch.setenv("SUPPORTNET_CALDAV_PASSWORD", PASSWORD)
    with _answering(207, "application/xml", b"not XML <<<") as port:
        code, text, err = _publish(filled, f"http://127.0.0.1:{port}/{USER}/checkins/")
    assert (code, text) == (1, "")
    assert err.count("\n") == 1
    assert "doesn't understand; nothing was changed here." in err
    assert "Traceback" not in err


def test_a_supporter_who_left_is_found_as_export_ics_finds_them(
    filled: Path, server: Server, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Given a file of the team, then gone from it: their publish, now empty, removes what
    the calendar has of their part."""
    monkeypatch.setenv("SUPPORTNET_CALDAV_PASSWORD", PASSWORD)
    assert _publish(filled, server.url(), "--supporter", "Auntie Shiv")[0] == 0
    assert server.items()
    code, _text, err = _run("export-ics", "--data-dir", str(filled), "--supporter",
                            "Auntie Shiv", "--out", str(tmp_path / "shiv.ics"))  # fmt: skip
    assert code == 0, err
    with open_store(filled, passphrase=lambda _p: TEST_PASSPHRASE) as store:
        (team,) = store.care_teams.list()
        shiv = next(p for p in store.people.list_all() if p.nickname == "Auntie Shiv")
        store.care_teams.save(team.without_supporter(shiv.uid))
    code, text, err = _publish(filled, server.url(), "--supporter", "Auntie Shiv")
    assert (code, err) == (0, "")
    assert text.startswith("Published 0 rota check-ins to ")
    assert server.items() == {}
