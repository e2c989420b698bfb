"""Settings, stored one JSON value per key."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, time
from typing import Any

from supportnet.data.repositories.base import Repository
from supportnet.settings import Settings


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


class SettingsRepository(Repository):
    """Read and save :class:`Settings`. Unknown keys are kept untouched (newer versions)."""

    def load(self) -> Settings:
        settings = Settings()
        names = {f.name for f in fields(Settings)}
        for key, value in self._db.execute("SELECT key, value FROM settings"):
            if key in names:
                try:
                    setattr(settings, key, _decode(value))
                except (ValueError, TypeError):
                    continue  # a damaged value falls back to its default
        if settings.problems():
            return Settings(onboarded=settings.onboarded)
        return settings

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
