"""Export check-in plans from a store to an .ics file (no Qt; ``now`` is passed in).

:func:`preview` reads and lays out the events without writing anything; :func:`export`
also gives flexible occurrences their stored uids, builds the file and writes it
atomically (a temporary file beside the target, then a rename), so a failed export never
leaves a half-written calendar behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from supportnet.clock import system_zone_name
from supportnet.data.reachouts import ReachOutReader
from supportnet.errors import ExportError, NothingToExportError
from supportnet.ics_export import (
    ExportEvent,
    ExportOptions,
    Scope,
    Who,
    calendar_bytes,
    cancelled_event,
    exported_plans,
    plan_events,
    with_slots,
)
from supportnet.network import ChannelKind, Circle, first_name_of
from supportnet.plans import Plan, PlanKind
from supportnet.schedule import plan_zone

if TYPE_CHECKING:
    from supportnet.data.store import Store
    from supportnet.ics_export import TargetKey

_CHANNELS = {m.value: m for m in ChannelKind}
_CIRCLES = {m.value: m for m in Circle}


@dataclass(frozen=True, slots=True)
class Exported:
    """What was written."""

    path: Path
    events: list[ExportEvent]
    size: int
    cancelled: int = 0  # flexible occurrences no longer due, written as cancelled


def whos(store: Store) -> dict[TargetKey, Who]:
    """Everyone a plan may be for, with what an export may say about them."""
    db = store.db
    found: dict[TargetKey, Who] = {}
    preferred = dict(
        db.execute(
            "SELECT person_id, kind FROM person_channels "
            # The last row per person wins: their preferred way, else their first.
            "ORDER BY person_id, preferred, position DESC"
        )
    )
    for pid, name, nickname, circle in db.execute("SELECT id, name, nickname, circle FROM people"):
        kind = preferred.get(pid)
        found[("person", pid)] = Who(
            "person",
            pid,
            name,
            first_name_of(name, nickname),
            _CIRCLES[circle],
            _CHANNELS.get(kind) if kind else None,
        )
    for gid, name, circle in db.execute("SELECT id, name, circle FROM community_groups"):
        found[("group", gid)] = Who("group", gid, name, name, _CIRCLES[circle])
    return found


@dataclass(frozen=True, slots=True)
class _Gathered:
    chosen: list[tuple[Plan, Who]]
    events: list[ExportEvent]


def _gather(
    store: Store,
    options: ExportOptions,
    now: datetime,
    scope: Scope | None,
    reader: ReachOutReader | None,
) -> _Gathered:
    reader = reader or ReachOutReader(store)
    settings = store.settings.load()
    zone = settings.timezone or system_zone_name()
    plans = reader.plans()
    people = whos(store)
    postponements = store.postponements.list_active(now.astimezone(ZoneInfo(zone)).date())
    events = plan_events(
        plans, people, reader.last_contact(plans), postponements, now, options, scope
    )
    return _Gathered(exported_plans(plans, people, scope), events)


def preview(
    store: Store,
    options: ExportOptions,
    now: datetime,
    scope: Scope | None = None,
    reader: ReachOutReader | None = None,
) -> list[ExportEvent]:
    """The events an export would write, in order; flexible ones have no uid yet."""
    return _gather(store, options, now, scope, reader).events


def export(
    store: Store,
    path: Path,
    options: ExportOptions,
    now: datetime,
    scope: Scope | None = None,
    reader: ReachOutReader | None = None,
) -> Exported:
    """Write the chosen plans to ``path`` as an .ics file.

    Flexible occurrences take their stored uids (see :meth:`SlotsRepository.plan`); ones
    exported before and no longer due are written as cancelled, so calendars drop them.
    Raises :class:`NothingToExportError` when there is nothing to write and
    :class:`ExportError` when the file can't be written; in both cases no file is made
    or changed.
    """
    check_target(path)
    gathered = _gather(store, options, now, scope, reader)
    events = gathered.events
    if not events:
        raise NothingToExportError(
            "There's nothing to export: the chosen plans are paused, finished, or fall "
            "outside the weeks ahead. Try everyone, or more weeks."
        )
    flexible = [(p, w) for p, w in gathered.chosen if p.kind is PlanKind.FLEXIBLE]
    cancelled: list[ExportEvent] = []
    if flexible:
        wanted: dict[int, list[str]] = {plan.id: [] for plan, _who in flexible if plan.id}
        for event in events:
            if event.slot is not None:
                wanted[event.plan_id].append(event.timing)
        today = {
            plan.id: now.astimezone(plan_zone(plan)).date() for plan, _who in flexible if plan.id
        }
        plans = store.slots.plan(wanted, today, now)
        events = with_slots(
            events,
            {
                (plan_id, index): slot.identity
                for plan_id, found in plans.items()
                for index, slot in enumerate(found.assigned)
            },
        )
        for plan, who in flexible:
            assert plan.id is not None
            for slot in plans[plan.id].cancelled:
                gone = cancelled_event(plan, who, options, slot)
                if gone is not None:
                    cancelled.append(gone)
    data = calendar_bytes([*events, *cancelled], options, now)
    write_atomically(path, data)
    return Exported(path, events, len(data), len(cancelled))


def check_target(path: Path) -> None:
    """Raise :class:`ExportError` if ``path`` clearly can't be written, before any work."""
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"{path} is a folder; choose a file name such as supportnet-plan.ics.")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} doesn't exist; choose another place to save.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"Can't write in {folder}; choose a folder you can save to.")
    if path.exists() and not os.access(path, os.W_OK):
        raise ExportError(f"{path} is read-only; choose another name or folder.")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    Bytes, not text, so the CRLF line ends survive on every platform. An existing file
    keeps its permissions; a new one is readable by the user only (umask permitting).
    """
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise ExportError(
            f"Can't save in {path.parent} ({exc.strerror}); choose a folder you can save to."
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(name, path.stat().st_mode & 0o777)
        os.replace(name, path)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        message = f"Couldn't save {path.name}: {exc.strerror}. Nothing was written."
        raise ExportError(message) from exc
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
