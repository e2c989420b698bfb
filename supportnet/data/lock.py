"""One running SupportNet per data directory: an advisory lock on a file beside the store."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from supportnet.data import file_names
from supportnet.data.failures import store_failure
from supportnet.i18n import _
from supportnet.model.errors import StoreError, StoreLockedError

LOCK_NAME = file_names.LOCK_NAME

#: How long a command waits for another command to finish with the store.
COMMAND_WAIT_SECONDS = 5.0
_POLL_SECONDS = 0.05

#: The command this process runs (`backup`, `log`…), or None for the app's window.
_running_command: ContextVar[str | None] = ContextVar("supportnet_command", default=None)


@contextlib.contextmanager
def acting_as_command(name: str) -> Iterator[None]:
    """Mark this process as the command ``name`` while it runs, for others reading the lock.

    A command waits a few seconds for another command to finish; the app never waits.
    """
    token = _running_command.set(name)
    try:
        yield
    finally:
        _running_command.reset(token)


#: The longest lock record read back; SupportNet's own are well under this.
_MAX_RECORD = 512


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds the lock, as written in the lock file: a command, or the app's window."""

    pid: int | None
    command: str | None = None

    def to_text(self) -> str:
        record: dict[str, object] = {"pid": self.pid}
        if self.command is not None:
            record["command"] = self.command
        return json.dumps(record)

    @classmethod
    def from_text(cls, text: str) -> Holder | None:
        """The holder a lock file names; None while it is being written (or unreadable)."""
        text = text.strip()
        if len(text) > _MAX_RECORD:  # ours is a few dozen characters: anything else is noise
            return None
        if text.isascii() and text.isdigit():  # from a SupportNet before commands said who
            return cls(int(text))
        try:
            record = json.loads(text)
        except (ValueError, RecursionError):
            return None
        if not isinstance(record, dict):
            return None
        pid, command = record.get("pid"), record.get("command")
        return cls(
            pid if isinstance(pid, int) else None,
            command if isinstance(command, str) else None,
        )


class StoreLock:
    """An exclusive lock, released on :meth:`release` or process exit.

    The app takes it without waiting. A command waits up to
    :data:`COMMAND_WAIT_SECONDS` while another command holds it, since that one finishes
    by itself; a window does not, so then it refuses at once. The OS drops the lock when
    the process dies, so a crash never leaves a stale lock.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            typed = store_failure(exc)
            raise typed or StoreError(
                _("Can't create the lock file {path}: {reason}.").format(
                    path=self.path, reason=exc.strerror
                )
            ) from exc
        handle = os.fdopen(fd, "r+", encoding="utf-8", errors="replace")
        deadline = time.monotonic() + COMMAND_WAIT_SECONDS
        while True:
            try:
                _lock(handle)
                break
            except OSError:
                holder = _read_holder(handle)
            # Wait for a command (or a holder still writing its name), never for a window.
            waits = _running_command.get() is not None and (
                holder is None or holder.command is not None
            )
            if not waits or time.monotonic() >= deadline:
                handle.close()
                raise _refusal(holder) from None
            time.sleep(_POLL_SECONDS)
        # Who holds it is a courtesy to whoever waits: a full disk must not stop the lock.
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.write(Holder(os.getpid(), _running_command.get()).to_text())
            handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self._handle.seek(0)
            self._handle.truncate()
            _unlock(self._handle)
        with contextlib.suppress(OSError):
            self._handle.close()
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(handle: IO[str]) -> Holder | None:
    try:
        handle.seek(0)
        return Holder.from_text(handle.read(_MAX_RECORD + 1))
    except OSError:
        return None


def _refusal(holder: Holder | None) -> StoreLockedError:
    if holder is not None and holder.command is not None:
        if holder.pid is not None:
            return StoreLockedError(
                _(
                    "Another supportnet command (process {pid}, `{command}`) is using this "
                    "data; try again when it finishes."
                ).format(pid=holder.pid, command=holder.command)
            )
        return StoreLockedError(
            _(
                "Another supportnet command (`{command}`) is using this data; try again when "
                "it finishes."
            ).format(command=holder.command)
        )
    if holder is None:
        return StoreLockedError(
            _(
                "SupportNet is using this data in another window or command. Try again when it "
                "has finished, or close that window."
            )
        )
    if holder.pid is not None:
        return StoreLockedError(
            _(
                "SupportNet is already open with this data (process {pid}). Switch to that "
                "window, or close it and try again."
            ).format(pid=holder.pid)
        )
    return StoreLockedError(
        _(
            "SupportNet is already open with this data. Switch to that window, or close it "
            "and try again."
        )
    )


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
