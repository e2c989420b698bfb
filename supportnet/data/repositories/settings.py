"""Settings, stored one JSON value per key."""

from __future__ import annotations

import json
import types
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, time
from functools import cache
from typing import TYPE_CHECKING, Any, get_args, get_type_hints

from supportnet.data import reads
from supportnet.data.repositories.base import Repository
from supportnet.model.settings import SETTING_NAMES, Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    """The settings as read, and which stored ones were unreadable and are at their default."""

    settings: Settings
    reset: tuple[str, ...] = ()


def _encode(value: Any) -> str:
    if isinstance(value, time):
        return json.dumps({"time": value.isoformat()})
    if isinstance(value, date):
        return json.dumps({"date": value.isoformat()})
    return json.dumps(value)


def _decode(text: str) -> Any:
    value = json.loads(text)
    if isinstance(value, dict) and "time" in value:
        return time.fromisoformat(value["time"])
    if isinstance(value, dict) and "date" in value:
        return date.fromisoformat(value["date"])
    return value


@cache
def _types() -> dict[str, tuple[type, ...]]:
    """Each setting's allowed Python types (``date | None`` gives ``(date, NoneType)``)."""
    found: dict[str, tuple[type, ...]] = {}
    for name, hint in get_type_hints(Settings).items():
        found[name] = get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    return found


def _fits(name: str, value: Any) -> bool:
    # Exact types: JSON true is a bool, not a number of suggestions.
    return type(value) in _types()[name]


class SettingsRepository(Repository):
    """Read and save :class:`Settings`. Unknown keys are kept untouched (newer versions)."""

    def load(self) -> Settings:
        return self.load_checked().settings

    def load_checked(self) -> LoadedSettings:
        """The settings, with any stored value that can't be read (damaged, of the wrong
        kind, out of range) back at its default; the others are kept as they were, so the
        next save doesn't lose them. ``reset`` names the ones put back, to tell the user."""
        return _checked(self._db)

    def repair(self, names: Iterable[str]) -> None:
        """Store the default for each setting in ``names`` (ones :meth:`load_checked` reset),
        in one transaction, so the unreadable value is replaced and the reset said once."""
        defaults = Settings()
        with self._sessions.begin() as session:
            for name in dict.fromkeys(names):
                _put(session, name, getattr(defaults, name))

    def save(self, settings: Settings) -> None:
        settings.validate()
        with self._sessions.begin() as session:
            for f in fields(Settings):
                _put(session, f.name, getattr(settings, f.name))

    def update(self, **changes: Any) -> Settings:
        """Change the settings named (``update(low_energy_until=None)``), keep the others as
        stored, and return the settings after. The read and the write are one transaction,
        so a change made meanwhile elsewhere (another window, the tray) is not written over.

        Raises :class:`ValidationError` (nothing written) if the result is unfit, and
        ``TypeError`` for a name that is no setting (a programming error)."""
        unknown = sorted(set(changes) - set(SETTING_NAMES))
        if unknown:
            raise TypeError(f"Not a setting: {', '.join(unknown)}")
        with self._sessions.begin() as session:
            settings = _checked(reads.SessionReader(session)).settings
            for name, value in changes.items():
                setattr(settings, name, value)
            settings.validate()
            # In the settings' own order, so the writes (and a failure among them) are
            # the same each time.
            for name in SETTING_NAMES:
                if name in changes:
                    _put(session, name, getattr(settings, name))
        return settings


def _checked(db: reads.Reader) -> LoadedSettings:
    """The settings as ``db`` reads them, unreadable ones at their default (see
    :meth:`SettingsRepository.load_checked`)."""
    settings = Settings()
    defaults = Settings()
    reset: list[str] = []
    names = set(SETTING_NAMES)
    for key, value in db.execute("SELECT key, value FROM settings"):
        if key not in names:
            continue
        try:
            decoded = _decode(value)
        except (ValueError, TypeError, KeyError):
            reset.append(key)
            continue
        if _fits(key, decoded):
            setattr(settings, key, decoded)
        else:
            reset.append(key)
    for problem in settings.problems():
        setattr(settings, problem.field, getattr(defaults, problem.field))
        reset.append(problem.field)
    return LoadedSettings(settings, tuple(sorted(set(reset), key=_order)))


def _put(session: Session, name: str, value: Any) -> None:
    """Store one setting's value (a new row, or the changed value of the stored one)."""
    from supportnet.data.schema import SettingRow

    text = _encode(value)
    row = session.get(SettingRow, name)
    if row is None:
        session.add(SettingRow(key=name, value=text))
    else:
        row.value = text


def _order(name: str) -> int:
    return SETTING_NAMES.index(name)
