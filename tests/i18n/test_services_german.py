"""The messages the services and data layers raise and return reach people translated.

Under German, representative errors (a weak passphrase, a locked store, a full disk, a
recovery key with a typo, a calendar address) and the lines built here (an import's
summary, the care-team card's title) come out German; under the pseudo-locale every
user-facing error class raised here is wrapped, so a message that bypasses
supportnet.i18n shows up. English stays the default, as the rest of the tests assume.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

from supportnet import i18n
from supportnet.data import failures, keys, recovery
from supportnet.data.backup import refuse_inside_store
from supportnet.data.files import ensure_private_dir
from supportnet.data.lock import Holder, _refusal
from supportnet.model import errors
from supportnet.services import caldav_server, calendar_export
from supportnet.services.data_export import NOT_ENCRYPTED, Imported, read_export_file
from supportnet.services.your_data import imported_text


def _message(action: Callable[[], Any]) -> tuple[type[BaseException], str]:
    try:
        result = action()
    except errors.SupportNetError as exc:
        return type(exc), str(exc)
    assert isinstance(result, errors.SupportNetError), result
    return type(result), str(result)


class _NoEntry:
    """A keyring backend that works but holds no entry for the store's key."""

    name = "Test Keyring"

    def get_password(self, service: str, username: str) -> None:
        return None


def _keyring_info() -> keys.KeyInfo:
    return keys.KeyInfo(keys.KeyMethod.KEYRING, "abc", keyring_backend="Test Keyring")


def _raising(tmp_path: Path) -> dict[type[BaseException], Callable[[], Any]]:
    """One way to meet each user-facing error class raised in services/ and data/."""

    class _Refused:
        status = 500

    target = caldav_server.Target("https://cal.example.org/me/", "me")
    return {
        errors.ValidationError: lambda: keys.check_new_passphrase("short"),
        recovery.RecoveryKeyError: lambda: recovery.parse_key("ABCD-EFGH"),
        errors.StoreLockedError: lambda: _refusal(Holder(pid=42, command=None)),
        errors.DiskFullError: lambda: failures.file_failure(
            OSError(errno.ENOSPC, "full"), tmp_path / "x.ics", "the calendar file"
        ),
        errors.StoreReadOnlyError: lambda: failures.store_failure(
            OSError(errno.EROFS, "ro"), tmp_path / "supportnet.db"
        ),
        errors.StoreIOError: lambda: failures.store_failure(OSError(errno.EIO, "io")),
        errors.StoreBusyError: lambda: failures.store_failure(errors.StoreBusyError("busy")),
        errors.KeyringEntryMissingError: lambda: keys.load_from_keyring(
            _NoEntry(), _keyring_info()
        ),
        errors.KeyUnavailableError: lambda: keys.load_from_keyring(None, _keyring_info()),
        errors.PassphraseRequiredError: lambda: keys.ask_passphrase(
            None, keys.PassphrasePurpose.UNLOCK
        ),
        errors.UsageError: lambda: caldav_server.check_target("http://cal.example.org/", "me"),
        errors.PublishError: lambda: caldav_server._check(_Refused(), target),
        errors.BackupError: lambda: refuse_inside_store(tmp_path / "b.db", tmp_path),
        errors.StoreError: lambda: ensure_private_dir(_a_file(tmp_path)),
        errors.ExportError: lambda: calendar_export.check_target(tmp_path),
        errors.SupportNetError: lambda: read_export_file(tmp_path / "missing.json"),
    }


def _a_file(folder: Path) -> Path:
    path = folder / "a-file"
    path.write_text("")
    return path


def test_representative_errors_come_out_german(german: None, tmp_path: Path) -> None:
    raised = {cls: _message(make)[1] for cls, make in _raising(tmp_path).items()}
    assert raised[errors.ValidationError] == (
        f"Bitte nimm mindestens {keys.PASSPHRASE_MIN} Zeichen – ein paar Wörter eignen sich gut."
    )
    assert raised[errors.StoreLockedError] == (
        "SupportNet ist mit diesen Daten schon geöffnet (Prozess 42). Wechsle zu dem Fenster "
        "oder schließ es und versuch es noch einmal."
    )
    assert raised[errors.DiskFullError].startswith(
        "Der Datenträger ist voll, darum wurde die Kalenderdatei nicht nach"
    )
    assert raised[errors.UsageError].startswith(
        "Die Adresse des Kalenderservers beginnt mit https://"
    )
    assert "Wiederherstellungsschlüssel" in raised[recovery.RecoveryKeyError]
    assert raised[errors.KeyUnavailableError] == (
        "Der Schlüssel dieses Speichers liegt in Test Keyring, aber es ist kein Schlüsselbund "
        "eingerichtet. Entsperre oder starte deinen Schlüsselbund und versuch es noch einmal."
    )
    assert raised[errors.PublishError] == (
        "cal.example.org hat abgelehnt, einen Termin einzutragen (HTTP 500); in SupportNet "
        "hat sich nichts geändert."
    )


def test_lines_built_here_come_out_german(german: None) -> None:
    done = Imported(added={"people": 2, "groups": 1}, offered={"people": 3})
    said = imported_text(done)
    assert said.startswith("Übernommen: 2 ")
    assert said.endswith(
        ", 0 Pläne und 0 Check-ins; 1 schon vorhandener Eintrag blieb, wie er ist."
    )
    assert i18n._(NOT_ENCRYPTED).startswith("Diese Datei ist nicht verschlüsselt")


def test_english_stays_the_default(tmp_path: Path) -> None:
    assert i18n.language() == i18n.ENGLISH
    _cls, said = _message(lambda: _refusal(None))
    assert said == (
        "SupportNet is using this data in another window or command. Try again when it has "
        "finished, or close that window."
    )


def test_every_user_facing_error_class_routed_here_is_wrapped(pseudo: None, tmp_path: Path) -> None:
    for cls, make in _raising(tmp_path).items():
        raised, said = _message(make)
        assert issubclass(raised, cls), (cls, raised)
        assert said.startswith(i18n.OPEN), (cls, said)
        assert i18n.is_pseudo(said), (cls, said)
