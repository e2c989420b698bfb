"""Settings, stored one JSON value per key."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, time
from typing import Any

from sqlalchemy import select

from supportnet.data.repositories.base import Repository
from supportnet.data.schema import SettingRow
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
        with self._sessions() as session:
            for row in session.scalars(select(SettingRow)):
                if row.key in names:
                    try:
                        setattr(settings, row.key, _decode(row.value))
                    except (ValueError, TypeError):
                        continue  # a damaged value falls back to its default
        if settings.problems():
            return Settings(onboarded=settings.onboarded)
        return settings

    def save(self, settings: Settings) -> None:
        settings.validate()
        with self._sessions.begin() as session:
            for f in fields(Settings):
                value = _encode(getattr(settings, f.name))
                row = session.get(SettingRow, f.name)
                if row is None:
                    session.add(SettingRow(key=f.name, value=value))
                else:
                    row.value = value
