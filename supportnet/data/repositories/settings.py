"""Settings, stored one JSON value per key."""

from __future__ import annotations

import json
import types
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, time
from functools import cache
from typing import Any, get_args, get_type_hints

from supportnet.data.repositories.base import Repository
from supportnet.model.settings import Settings


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
        settings = Settings()
        defaults = Settings()
        reset: list[str] = []
        names = {f.name for f in fields(Settings)}
        for key, value in self._db.execute("SELECT key, value FROM settings"):
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

    def repair(self, names: Iterable[str]) -> None:
        """Store the default for each setting in ``names`` (ones :meth:`load_checked` reset),
        in one transaction, so the unreadable value is replaced and the reset said once."""
        from supportnet.data.schema import SettingRow

        defaults = Settings()
        with self._sessions.begin() as session:
            for name in dict.fromkeys(names):
                value = _encode(getattr(defaults, name))
                row = session.get(SettingRow, name)
                if row is None:
                    session.add(SettingRow(key=name, value=value))
                else:
                    row.value = value

    def save(self, settings: Settings) -> None:
        from supportnet.data.schema import SettingRow

        settings.validate()
        with self._sessions.begin() as session:
            for f in fields(Settings):
                value = _encode(getattr(settings, f.name))
                row = session.get(SettingRow, f.name)
                if row is None:
                    session.add(SettingRow(key=f.name, value=value))
                else:
                    row.value = value


def _order(name: str) -> int:
    return [f.name for f in fields(Settings)].index(name)
