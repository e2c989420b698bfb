"""Export check-in plans from a store to an .ics file (no Qt; ``now`` is passed in).

:func:`preview` reads and lays out the events without writing anything; :func:`export`
also gives flexible occurrences their stored uids, builds the file and writes it
atomically (a temporary file beside the target, then a rename), so a failed export never
leaves a half-written calendar behind.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from supportnet.calendar import (
    DISCREET_TITLE,
    ExportEvent,
    ExportOptions,
    Scope,
    SlotId,
    StoredEvent,
    Who,
    calendar_bytes,
    cancelled_event,
    exported_plans,
    follow,
    match_slots,
    plan_events,
    summary_for,
    with_slots,
    withdraw,
)
from supportnet.data import reads
from supportnet.data.failures import file_failure
from supportnet.data.files import replace_atomically
from supportnet.data.repositories.calendar import CalendarRecord
from supportnet.i18n import _
from supportnet.model.errors import ExportError, NothingToExportError
from supportnet.model.network import new_uid
from supportnet.model.plans import Plan, PlanKind
from supportnet.model.targets import TargetKey
from supportnet.model.zones import known_zone
from supportnet.scheduling import plan_zone
from supportnet.services.everyone import whos
from supportnet.services.schedule_reader import ReachOutReader, user_zone

if TYPE_CHECKING:
    from supportnet.data.store import Store


@dataclass(frozen=True, slots=True)
class Exported:
    """What was written."""

    path: Path
    events: list[ExportEvent]
    size: int
    cancelled: int = 0  # events given before and no longer planned, written as cancelled


@dataclass(frozen=True, slots=True)
class _Gathered:
    chosen: list[tuple[Plan, Who]]  # exported now
    paused: list[tuple[Plan, Who]]  # in scope but paused: their events are withdrawn
    events: list[ExportEvent]
    today: date  # the person's own date
    stored: dict[int, list[StoredEvent]]  # what calendars were given, by plan id


def _gather(
    store: Store,
    options: ExportOptions,
    now: datetime,
    scope: Scope | None,
    reader: ReachOutReader | None,
    *,
    paused: bool = False,
) -> _Gathered:
    reader = reader or ReachOutReader(store)
    zone = user_zone(store)
    today = now.astimezone(ZoneInfo(zone)).date()
    plans = reader.plans()
    held_plans = reads.plans(store.db, paused=True) if paused else []
    people = whos(store)
    postponements = store.postponements.list_active(today)
    chosen = exported_plans(plans, people, scope)
    held = exported_plans(held_plans, people, scope, paused=True)
    stored: dict[int, list[StoredEvent]] = defaultdict(list)
    ids = [plan.id for plan, _who in [*chosen, *held] if plan.id is not None]
    for record in store.calendar.for_plans(ids):
        if record.plan_id is not None:
            stored[record.plan_id].append(record.stored)
    have = {pid: s for pid, found in stored.items() for s in found if s.slot is None}
    last_contact = reader.last_contact(plans)
    events = plan_events(
        plans, people, last_contact, postponements, now, options, scope, have, user_zone=zone
    )
    return _Gathered(chosen, held, events, today, stored)


def preview(
    store: Store,
    options: ExportOptions,
    now: datetime,
    scope: Scope | None = None,
    reader: ReachOutReader | None = None,
) -> list[ExportEvent]:
    """The events an export would write, in order; flexible ones have no uid yet."""
    return _gather(store, options, now, scope, reader).events


@dataclass(frozen=True, slots=True)
class Preview:
    """What an export would write: its events, and how many earlier ones it would cancel."""

    events: list[ExportEvent]
    withdrawn: int


def preview_export(
    store: Store,
    options: ExportOptions,
    now: datetime,
    scope: Scope | None = None,
    reader: ReachOutReader | None = None,
) -> Preview:
    """:func:`preview`, plus the count of events given to calendars before that are no
    longer planned (paused, deleted, or a flexible day no longer due). Reads only."""
    gathered = _gather(store, options, now, scope, reader, paused=True)
    settled = _settle(store, gathered, options, now)
    return Preview(gathered.events, len(settled.cancelled))


def export(
    store: Store,
    path: Path,
    options: ExportOptions,
    now: datetime,
    scope: Scope | None = None,
    reader: ReachOutReader | None = None,
) -> Exported:
    """Write the chosen plans to ``path`` as an .ics file, and remember what it said.

    What calendars were given last time decides each event's SEQUENCE (see
    :func:`supportnet.calendar.follow` and :func:`supportnet.calendar.match_slots`).
    Events of plans paused (within the scope) or deleted since are written as cancelled,
    so calendars that update by uid drop them. Raises :class:`NothingToExportError` when
    there is nothing to write and :class:`ExportError` when the file can't be written; in
    both cases no file is made or changed, and nothing is remembered.
    """
    check_target(path)
    # One read transaction, so plans, people and what calendars were given agree: the GUI
    # thread may change the store while an export reads on the worker, and a plan deleted
    # half-way could otherwise be read as present and its calendar rows as orphans.
    with reads.snapshot(store.db):
        gathered = _gather(store, options, now, scope, reader, paused=True)
        settled = _settle(store, gathered, options, now)
    if not settled.events and not settled.cancelled:
        raise NothingToExportError(
            _(
                "There's nothing to export: the chosen plans are paused, finished, or fall "
                "outside the weeks ahead. Try everyone, or more weeks."
            )
        )
    data = calendar_bytes([*settled.events, *settled.cancelled], options, now)
    write_and_remember(store, path, data, settled.writes, settled.forget)
    return Exported(path, settled.events, len(data), len(settled.cancelled))


@dataclass(frozen=True, slots=True)
class Prepared:
    """An export's events with their uids, and what to remember once they are out."""

    events: list[ExportEvent]
    writes: list[CalendarRecord]
    forget: list[str]


def prepare(
    store: Store, options: ExportOptions, now: datetime, scope: Scope | None = None
) -> Prepared:
    """The events :func:`export` would write (cancellations left out) with every uid
    given, for a calendar server; reads only. :func:`remember` saves what they were once
    they are published, as :func:`export` does after writing its file."""
    with reads.snapshot(store.db):
        gathered = _gather(store, options, now, scope, None, paused=True)
        settled = _settle(store, gathered, options, now)
    return Prepared(settled.events, settled.writes, settled.forget)


def remember(store: Store, prepared: Prepared) -> None:
    """Remember what a published :class:`Prepared` gave calendars (one transaction): the
    uids and SEQUENCE of the events it holds, and nothing of what it withdrew.

    A live calendar deletes what it no longer holds, so a publish carries no
    cancellations; remembering one (or forgetting a row) would let the next file stop
    repeating a cancellation no file ever carried, and calendars that imported files would
    keep the event. Those rows stay as they were, for the file export to withdraw.
    """
    live = [record for record in prepared.writes if not record.cancelled]
    if live:
        store.calendar.save(live, [])


def write_and_remember(
    store: Store,
    path: Path,
    data: bytes,
    writes: list[CalendarRecord],
    forget: list[str],
) -> None:
    """Write the file and remember what it gave calendars, as one step.

    The order is chosen for what a failure leaves behind:

    1. The file is written whole beside ``path`` and synced: the likely failures (a full
       disk, a folder that refuses) happen here, before anything is remembered.
    2. What calendars are given is remembered, in one transaction that keeps a row whose
       plan was deleted meanwhile as an orphan (the next export withdraws it).
    3. Only then is the file renamed into place.

    If the rename failed after the memory was saved, the memory would be one export ahead
    of the calendars, which is harmless: SEQUENCE numbers only have to grow. The other way
    round (a file out whose memory was lost) is what made a later export give a changed
    time the SEQUENCE calendars already had, which they ignore. Any failure leaves
    ``path`` as it was.
    """
    write_atomically(path, data, before_rename=lambda: store.calendar.save(writes, forget))


@dataclass(slots=True)
class _Settled:
    events: list[ExportEvent]
    cancelled: list[ExportEvent] = field(default_factory=list)
    writes: list[CalendarRecord] = field(default_factory=list)
    forget: list[str] = field(default_factory=list)

    def withdraw(
        self,
        stored: StoredEvent,
        plan_id: int | None,
        summary: str,
        who: str,
        today: date,
        now: datetime,
    ) -> None:
        if stored.slot is not None and stored.day < today.isoformat():
            self.forget.append(stored.uid)  # a past occurrence: calendars keep it as it was
            return
        gone = withdraw(stored, now)
        if gone is None:
            self.forget.append(stored.uid)
            return
        if gone != stored:
            self.writes.append(CalendarRecord.of(plan_id, gone))
        event = cancelled_event(gone, summary, plan_id or 0, who)
        if event is not None:
            self.cancelled.append(event)


def _settle(store: Store, gathered: _Gathered, options: ExportOptions, now: datetime) -> _Settled:
    """Match this export's events with what calendars were given before."""
    stored = gathered.stored
    own = {s.uid: s for found in stored.values() for s in found if s.slot is None}
    out = _Settled([])
    wanted: dict[int, list[str]] = defaultdict(list)
    followed: dict[str, StoredEvent] = {}
    for event in gathered.events:
        if event.slot is not None or event.recurrence_id is not None:
            continue
        before = own.get(event.uid)
        after = followed[event.uid] = follow(before, event.uid, event.timing, event.sequence, now)
        if after != before:
            out.writes.append(CalendarRecord.of(event.plan_id, after))
    for event in gathered.events:
        if event.slot is not None:
            wanted[event.plan_id].append(event.timing)
            out.events.append(event)
            continue
        # A series' moved occurrence shares its uid, and so its SEQUENCE.
        after = followed[event.uid]
        out.events.append(
            replace(event, sequence=after.sequence, modified=max(event.modified, after.modified))
        )
    assigned: dict[tuple[int, int], SlotId] = {}
    for plan, who in gathered.chosen:
        if plan.id is not None:
            # A plan whose kind changed: what calendars have of the old kind goes (a
            # series now flexible; the coming flexible days of one now on set days).
            flexible = plan.kind is PlanKind.FLEXIBLE
            other = [s for s in stored[plan.id] if (s.slot is None) is flexible]
            _withdraw_all(out, plan, who, other, options, now)
        if plan.kind is not PlanKind.FLEXIBLE or plan.id is None:
            continue
        slots = [s for s in stored[plan.id] if s.slot is not None]
        today = now.astimezone(plan_zone(plan)).date()
        found = match_slots(slots, wanted[plan.id], today, now, new_uid)
        out.writes += [CalendarRecord.of(plan.id, s) for s in found.write]
        out.forget += found.forget
        for index, slot in enumerate(found.assigned):
            assigned[(plan.id, index)] = slot.identity
        summary = summary_for(plan, who, options.privacy)
        for slot in found.cancelled:
            gone = cancelled_event(slot, summary, plan.id, who.name)
            if gone is not None:
                out.cancelled.append(gone)
    out.events = with_slots(out.events, assigned)
    for plan, who in gathered.paused:
        assert plan.id is not None
        _withdraw_all(out, plan, who, stored[plan.id], options, now)
    for record in store.calendar.orphans():
        # Its plan is gone, and with it any name: the discreet title is all there is.
        today = _today_where(record.stored, now, gathered.today)
        out.withdraw(record.stored, None, _(DISCREET_TITLE), "", today, now)
    return out


def _withdraw_all(
    out: _Settled,
    plan: Plan,
    who: Who,
    stored: list[StoredEvent],
    options: ExportOptions,
    now: datetime,
) -> None:
    """Take ``stored`` (this plan's events in calendars) out, titled at this export's level."""
    if not stored:
        return
    assert plan.id is not None
    today = now.astimezone(plan_zone(plan)).date()
    summary = summary_for(plan, who, options.privacy)
    for held in stored:
        out.withdraw(held, plan.id, summary, who.name, today, now)


def _today_where(stored: StoredEvent, now: datetime, fallback: date) -> date:
    """Today where a deleted plan's event was: in the zone its times were written in, so
    an occurrence due today there isn't taken for a past one. All-day: ``fallback``."""
    zone = known_zone(stored.zone) if stored.zone else None
    return now.astimezone(zone).date() if zone is not None else fallback


def check_target(path: Path) -> None:
    """Raise :class:`ExportError` if ``path`` clearly can't be written, before any work."""
    try:
        _check_target(path)
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise ExportError(
            _("Can't save as {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc


def _check_target(path: Path) -> None:
    folder = path.parent
    if path.is_dir():
        raise ExportError(
            _("{path} is a folder; choose a file name such as supportnet-plan.ics.").format(
                path=path
            )
        )
    if not folder.is_dir():
        raise ExportError(
            _("The folder {folder} doesn't exist; choose another place to save.").format(
                folder=folder
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(
            _("Can't write in {folder}; choose a folder you can save to.").format(folder=folder)
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise ExportError(
            _("{path} is read-only; choose another name or folder.").format(path=path)
        )


def write_atomically(
    path: Path, data: bytes, *, before_rename: Callable[[], None] | None = None
) -> None:
    """Write ``data`` to ``path`` whole or not at all (:func:`files.replace_atomically`).

    Bytes, not text, so the CRLF line ends survive on every platform. An existing file
    keeps its permissions; a new one is readable by the user only. ``before_rename`` runs
    once the data is safely on disk beside ``path``; if it fails, ``path`` is left as it was.
    """
    try:
        try:
            mode: int | None = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = None
        replace_atomically(path, data, mode, before_rename)
    except OSError as exc:
        typed = file_failure(exc, path, "the calendar file")
        raise ExportError(
            typed.message
            if typed is not None
            else _(
                "Couldn't save {name} in {parent} ({reason}). Nothing was written; choose a "
                "folder you can save to."
            ).format(name=path.name, parent=path.parent, reason=exc.strerror)
        ) from exc


class CalendarExport:
    """The calendar export over one store, as the export dialog uses it: whose plans there
    are to choose from, the preview, and the export itself (the dialog holds no store)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        # Kept between previews: it reads again only what changed since.
        self._reader = ReachOutReader(store)

    def user_zone(self) -> str:
        """The zone the person lives in: their setting, or the system's."""
        return user_zone(self._store)

    def plans(self) -> list[Plan]:
        """The plans that aren't paused."""
        return self._reader.plans()

    def whos(self) -> dict[TargetKey, Who]:
        """Everyone, with what an export may say about them."""
        return whos(self._store)

    def preview(self, options: ExportOptions, now: datetime, scope: Scope | None) -> Preview:
        """What an export would write now (:func:`preview_export`); reads only."""
        return preview_export(self._store, options, now, scope, reader=self._reader)

    def export(
        self, path: Path, options: ExportOptions, now: datetime, scope: Scope | None
    ) -> Exported:
        """Write the file and remember what it said (:func:`export`); safe on a worker
        thread, as it reads through a reader of its own."""
        return export(self._store, path, options, now, scope)

    @staticmethod
    def check_target(path: Path) -> None:
        """:func:`check_target`: raise :class:`ExportError` if ``path`` can't be written."""
        check_target(path)
