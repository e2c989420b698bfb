"""Window geometry and the last page, kept in an INI file inside the data folder.

Not in ~/.config: ``--data-dir`` overrides everything, and someone who keeps their data on
an encrypted stick takes the window's memory with it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

UI_STATE_NAME = "ui-state.ini"
FILE_MODE = 0o600


class UiState:
    """Small values the window remembers. ``path=None`` remembers only while it lives."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._memory: dict[str, Any] = {}
        self._settings: QSettings | None = None
        if path is not None:
            _private(path)
            self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> UiState:
        return cls(data_dir / UI_STATE_NAME)

    def value(self, key: str, default: Any = None) -> Any:
        if self._settings is None:
            return self._memory.get(key, default)
        return self._settings.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        if self._settings is None:
            self._memory[key] = value
        else:
            self._settings.setValue(key, value)

    def text(self, key: str, default: str = "") -> str:
        value = self.value(key, default)
        return value if isinstance(value, str) else default

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes) and value:
            return QByteArray(value)
        return None

    def sync(self) -> None:
        """Write to disk now and keep the file private to this user."""
        if self._settings is None or self.path is None:
            return
        self._settings.sync()
        _private(self.path)


def _private(path: Path) -> None:
    """Make the file private to this user before Qt first writes it, as it may at any
    moment: Qt's atomic rewrites keep an existing file's permissions, and a new one would
    take the umask's (0644). The folder is private already; this keeps the file so if it
    is copied out. A folder that isn't there yet is left for the caller to report."""
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
        os.chmod(path, FILE_MODE)
