"""Re-exports keep calendars right: paused and deleted plans are taken out again."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from supportnet.calendar import CANCEL_REPEAT_DAYS, DISCREET_TITLE, ExportOptions, Privacy, Scope
from supportnet.model.errors import ExportError, NothingToExportError
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Cadence, Frequency, Plan, PlanKind, Recurrence
from supportnet.scheduling import Postponement
from supportnet.services.calendar_export import export

LONDON = ZoneInfo("Europe/London")

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
OPTIONS = ExportOptions(Privacy.FIRST_NAME, weeks=4)


@pytest.fixture
def world(store: Any) -> dict[str, Any]:
    """Sam with a weekly call and a flexible check-in; Ana with a weekly walk."""
    sam = store.people.add(Person(name="Sam Carter"))
    ana = store.people.add(Person(name="Ana Lind"))
    weekly = Recurrence(frequency=Frequency.WEEKLY, weekdays={6})
    call = store.plans.add(
        Plan(
            kind=PlanKind.FIXED,
            start_date=date(2026, 2, 1),
            person_id=sam.id,
            channel=ChannelKind.CALL,
            timezone="Europe/London",
            window_start=time(18),
            recurrence=weekly,
        )
    )
    flexible = store.plans.add(
        Plan(
            kind=PlanKind.FLEXIBLE,
            start_date=date(2026, 2, 1),
            person_id=sam.id,
            timezone="Europe/London",
            window_start=time(12),
            cadence=Cadence(7, 14),
        )
    )
    walk = store.plans.add(
        Plan(
            kind=PlanKind.FIXED,
            start_date=date(2026, 2, 4),
            person_id=ana.id,
            timezone="Europe/London",
            window_start=time(13),
            recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={2}),
        )
    )
    return {"sam": sam, "ana": ana, "call": call, "flexible": flexible, "walk": walk}


def _events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def _cancelled(event: icalendar.Event) -> bool:
    return str(event.get("STATUS", "")) == "CANCELLED"


def _uids_of(store: Any, plan_id: int) -> set[str]:
    return {r.uid for r in store.calendar.for_plans([plan_id])}


def test_every_export_remembers_what_it_gave(store: Any, world: dict[str, Any], tmp_path: Path):
    done = export(store, tmp_path / "a.ics", OPTIONS, NOW)
    assert store.calendar.count() == len(done.events) > 3
    assert world["call"].uid in _uids_of(store, world["call"].id)
    # Nothing changed: a second export writes the same events and remembers nothing new.
    before = store.db.execute("SELECT * FROM calendar_events ORDER BY uid")
    export(store, tmp_path / "b.ics", OPTIONS, NOW + timedelta(minutes=5))
    assert store.db.execute("SELECT * FROM calendar_events ORDER BY uid") == before


def test_a_paused_plan_is_taken_out_and_comes_back_above_it(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "plan.ics"
    export(store, path, OPTIONS, NOW)
    call = world["call"]
    first = _events(path)[call.uid]
    call.paused = True
    store.plans.update(call)

    export(store, path, OPTIONS, NOW)
    paused = _events(path)[call.uid]
    assert _cancelled(paused)
    assert int(paused["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    assert paused.decoded("DTSTART") == first.decoded("DTSTART")
    assert str(paused["SUMMARY"]) == "Call Sam"  # at the export's own privacy level
    assert not paused.walk("VALARM")

    call = store.plans.get(call.id)
    call.paused = False
    store.plans.update(call)
    export(store, path, OPTIONS, NOW)
    back = _events(path)[call.uid]
    assert not _cancelled(back)
    assert int(back["SEQUENCE"]) == int(paused["SEQUENCE"]) + 1


def test_a_one_off_moved_out_of_the_weeks_ahead_is_moved_in_calendars_too(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "plan.ics"
    coffee = store.plans.add(
        Plan(
            kind=PlanKind.ONE_OFF,
            start_date=date(2026, 3, 10),
            person_id=world["ana"].id,
            timezone="Europe/London",
            window_start=time(10),
        )
    )
    export(store, path, OPTIONS, NOW)
    first = _events(path)[coffee.uid]
    # Moved to June, beyond the four weeks ahead: calendars still have it on 10 March.
    coffee.start_date = date(2026, 6, 2)
    store.plans.update(coffee)
    export(store, path, OPTIONS, NOW)
    moved = _events(path)[coffee.uid]
    assert moved.decoded("DTSTART").date() == date(2026, 6, 2)
    assert int(moved["SEQUENCE"]) > int(first["SEQUENCE"])
    # Once calendars have the new date, it waits for its weeks like any other.
    export(store, path, OPTIONS, NOW + timedelta(hours=1))
    assert coffee.uid not in _events(path)
    # Moved again, into the past: calendars move it there too, rather than keep 2 June.
    coffee = store.plans.get(coffee.id)
    coffee.start_date = date(2026, 2, 20)
    store.plans.update(coffee)
    export(store, path, OPTIONS, NOW + timedelta(hours=2))
    assert _events(path)[coffee.uid].decoded("DTSTART").date() == date(2026, 2, 20)


def test_a_series_ended_since_the_last_export_is_ended_in_calendars_too(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "plan.ics"
    call = world["call"]
    export(store, path, OPTIONS, NOW)
    first = _events(path)[call.uid]
    assert "UNTIL" not in first["RRULE"]
    # Stopped last week: without the new end, calendars would go on with Sundays forever.
    assert call.recurrence is not None
    call.recurrence.until = date(2026, 2, 22)
    store.plans.update(call)
    export(store, path, OPTIONS, NOW)
    ended = _events(path)[call.uid]
    assert not _cancelled(ended)
    (until,) = ended["RRULE"]["UNTIL"]
    assert until.date() == date(2026, 2, 22)
    assert int(ended["SEQUENCE"]) > int(first["SEQUENCE"])
    # Said once: the next export leaves the ended series out.
    export(store, path, OPTIONS, NOW + timedelta(hours=1))
    assert call.uid not in _events(path)


def test_a_plan_that_changes_kind_takes_out_what_calendars_have_of_the_old_kind(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "plan.ics"
    call, flexible = world["call"], world["flexible"]
    done = export(store, path, OPTIONS, NOW)
    days = {e.uid for e in done.events if e.plan_id == flexible.id}
    assert days
    # The Sunday call becomes "every so often"; the check-in gets set days.
    call.kind, call.recurrence, call.cadence = PlanKind.FLEXIBLE, None, Cadence(7, 14)
    store.plans.update(call)
    flexible.kind, flexible.cadence = PlanKind.FIXED, None
    flexible.recurrence = Recurrence(frequency=Frequency.WEEKLY, weekdays={3})
    store.plans.update(flexible)
    again = export(store, path, OPTIONS, NOW)
    events = _events(path)
    assert _cancelled(events[call.uid])  # the old Sunday series
    assert any(e.plan_id == call.id and e.slot is not None for e in again.events)
    assert {uid for uid in days if _cancelled(events[uid])} == days  # the old flexible days
    assert not _cancelled(events[flexible.uid])
    assert "RRULE" in events[flexible.uid]
    assert again.cancelled == len(days) + 1


def test_a_moved_occurrence_reaches_calendars_and_so_does_its_return(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    settings = store.settings.load()
    settings.timezone = "Europe/London"
    store.settings.save(settings)
    path = tmp_path / "plan.ics"
    call = world["call"]
    export(store, path, OPTIONS, NOW)
    first = _events(path)[call.uid]
    # "Not today" on Sunday 1 March: Monday instead, same time.
    store.postponements.postpone(Postponement(call.id, date(2026, 3, 2), date(2026, 3, 1)))
    done = export(store, path, OPTIONS, NOW)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    series = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == call.uid]
    assert len(series) == 2
    master = next(e for e in series if "RECURRENCE-ID" not in e)
    moved = next(e for e in series if "RECURRENCE-ID" in e)
    assert int(master["SEQUENCE"]) == int(moved["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    assert moved.decoded("RECURRENCE-ID") == datetime(2026, 3, 1, 18, tzinfo=LONDON)
    assert moved.decoded("DTSTART") == datetime(2026, 3, 2, 18, tzinfo=LONDON)
    assert [e.repeats for e in done.events if e.recurrence_id] == ["Moved from Sunday 1 March"]
    # Put back: calendars get the series again without the move, one SEQUENCE higher.
    store.postponements.clear(call.id)
    export(store, path, OPTIONS, NOW)
    back = _events(path)[call.uid]
    assert "RECURRENCE-ID" not in back
    assert int(back["SEQUENCE"]) == int(master["SEQUENCE"]) + 1
    assert b"RECURRENCE-ID" not in path.read_bytes()


def test_a_paused_flexible_plan_takes_its_coming_occurrences_out(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "plan.ics"
    flexible = world["flexible"]
    done = export(store, path, OPTIONS, NOW)
    given = {e.uid for e in done.events if e.plan_id == flexible.id}
    assert len(given) >= 3
    flexible.paused = True
    store.plans.update(flexible)
    again = export(store, path, OPTIONS, NOW)
    events = _events(path)
    assert {uid for uid in given if _cancelled(events[uid])} == given
    assert again.cancelled == len(given)


def test_a_plan_out_of_scope_is_left_alone(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    """Exporting only Ana's plans says nothing about Sam's paused call."""
    export(store, tmp_path / "all.ics", OPTIONS, NOW)
    call = world["call"]
    call.paused = True
    store.plans.update(call)
    only_ana = Scope(targets=frozenset({("person", world["ana"].id)}))
    done = export(store, tmp_path / "ana.ics", OPTIONS, NOW, only_ana)
    assert done.cancelled == 0
    assert call.uid not in _events(tmp_path / "ana.ics")


def test_a_deleted_persons_events_are_taken_out_discreetly(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "plan.ics"
    done = export(store, path, OPTIONS, NOW)
    sams = {e.uid for e in done.events if e.who == "Sam Carter"}
    store.people.delete(world["sam"].id)
    # Even an export of only Ana's plans takes them out: they belong to no one now.
    only_ana = Scope(targets=frozenset({("person", world["ana"].id)}))
    again = export(store, path, OPTIONS, NOW, only_ana)
    events = _events(path)
    assert {uid for uid, e in events.items() if _cancelled(e)} == sams
    assert {str(events[uid]["SUMMARY"]) for uid in sams} == {DISCREET_TITLE}
    assert b"Sam" not in path.read_bytes()
    assert again.cancelled == len(sams)
    # Said again for a while, then forgotten.
    later = NOW + timedelta(days=CANCEL_REPEAT_DAYS // 2)
    assert export(store, path, OPTIONS, later, only_ana).cancelled >= 1
    much_later = NOW + timedelta(days=CANCEL_REPEAT_DAYS + 2)
    assert export(store, path, OPTIONS, much_later, only_ana).cancelled == 0
    assert not {r.uid for r in store.calendar.orphans()} & sams


@pytest.mark.parametrize("home", ["Pacific/Kiritimati", "Europe/London", "Pacific/Pago_Pago"])
def test_a_deleted_plans_occurrence_due_today_is_taken_out_wherever_the_person_lives(
    store: Any, world: dict[str, Any], tmp_path: Path, home: str
) -> None:
    # At NOW it is already 2 March in Kiritimati and still 1 March in London and Pago Pago;
    # Sam's flexible check-in due today in London must still be cancelled, not kept as past.
    settings = store.settings.load()
    settings.timezone = home
    store.settings.save(settings)
    path = tmp_path / "plan.ics"
    done = export(store, path, OPTIONS, NOW)
    flexible = {e.uid for e in done.events if e.plan_id == world["flexible"].id}
    (due_today,) = [e for e in done.events if e.slot == 0 and e.plan_id == world["flexible"].id]
    assert due_today.start.date() == date(2026, 3, 1)
    store.plans.delete(world["flexible"].id)
    export(store, path, OPTIONS, NOW)
    cancelled = {uid for uid, e in _events(path).items() if _cancelled(e)}
    assert flexible <= cancelled


def test_an_undone_person_delete_keeps_their_calendar_events(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "plan.ics"
    first = export(store, path, OPTIONS, NOW)
    before = {e.uid: e.sequence for e in first.events}
    bundle = store.people.bundle(world["sam"].id)
    assert bundle.calendar
    store.people.delete(world["sam"].id)
    assert store.calendar.orphans()
    store.people.restore(bundle)
    assert store.calendar.orphans() == []
    again = export(store, path, OPTIONS, NOW)
    assert again.cancelled == 0
    assert {e.uid: e.sequence for e in again.events} == before


def test_an_undone_plan_delete_keeps_its_calendar_events(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "plan.ics"
    first = export(store, path, OPTIONS, NOW)
    flexible = world["flexible"]
    given = sorted(e.uid for e in first.events if e.plan_id == flexible.id)
    records = store.calendar.for_plans([flexible.id])
    store.plans.delete(flexible.id)
    flexible.id = None
    again = store.plans.add(flexible)
    store.calendar.relink(records, again.id)
    second = export(store, path, OPTIONS, NOW)
    assert sorted(e.uid for e in second.events if e.plan_id == again.id) == given
    assert second.cancelled == 0


def test_a_failed_export_remembers_nothing(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    with pytest.raises(ExportError):
        export(store, tmp_path / "missing" / "plan.ics", OPTIONS, NOW)
    assert store.calendar.count() == 0


def test_only_withdrawals_still_make_a_file(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    """Every plan paused after an export: the file carries only the cancellations."""
    path = tmp_path / "plan.ics"
    first = export(store, path, OPTIONS, NOW)
    for plan in store.plans.list_all():
        plan.paused = True
        store.plans.update(plan)
    done = export(store, path, OPTIONS, NOW)
    assert done.events == []
    assert done.cancelled == len(first.events)
    assert all(_cancelled(e) for e in _events(path).values())


def test_nothing_ever_exported_and_all_paused_is_nothing_to_export(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    for plan in store.plans.list_all():
        plan.paused = True
        store.plans.update(plan)
    with pytest.raises(NothingToExportError):
        export(store, tmp_path / "plan.ics", OPTIONS, NOW)
    assert not (tmp_path / "plan.ics").exists()


def test_a_zone_setting_this_machine_does_not_know_still_exports(
    store: Any, world: dict[str, Any], tmp_path: Path
) -> None:
    """A backup restored where tzdata is older: the settings drop the unknown zone, so
    the export uses the system's instead of stopping."""
    store.db.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('timezone', ?)",
        ('"Mars/Olympus_Mons"',),
    )
    assert store.settings.load().timezone is None
    done = export(store, tmp_path / "plan.ics", OPTIONS, NOW)
    assert done.events


# --- one consistent step: read, write, remember ---------------------------------------------


def test_a_plan_deleted_between_reading_and_remembering_still_exports(
    store: Any, world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI thread may delete a plan while the export works on the worker."""
    from supportnet.services import calendar_export

    walk = world["walk"]
    real = calendar_export.calendar_bytes

    def delete_meanwhile(*args: Any, **kwargs: Any) -> bytes:
        store.plans.delete(walk.id)  # after the reading, before the remembering
        return real(*args, **kwargs)

    monkeypatch.setattr(calendar_export, "calendar_bytes", delete_meanwhile)
    path = tmp_path / "plan.ics"
    first = export(store, path, OPTIONS, NOW)
    given = {e.uid for e in first.events if e.plan_id == walk.id}
    assert given
    assert given <= set(_events(path))  # the file has the walk: calendars got it
    # Remembered as the delete would have left it: without a plan, to be withdrawn.
    orphans = {r.uid for r in store.calendar.orphans()}
    assert given <= orphans
    assert store.calendar.count() == len({e.uid for e in first.events})

    monkeypatch.undo()
    second = export(store, path, OPTIONS, NOW)
    events = _events(path)
    assert all(_cancelled(events[uid]) for uid in given)
    assert second.cancelled == len(given)
    before = {e.uid: e.sequence for e in first.events}
    assert all(int(events[uid]["SEQUENCE"]) > before[uid] for uid in given)


def test_a_plan_deleted_while_the_export_reads_is_read_as_it_was(
    store: Any, world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plans and what calendars were given are read in one snapshot: a plan deleted half
    way is not both exported and withdrawn in the same file."""
    from supportnet.services import calendar_export

    path = tmp_path / "plan.ics"
    export(store, path, OPTIONS, NOW)
    walk = world["walk"]
    real = calendar_export.whos

    def delete_half_way(*args: Any) -> Any:
        store.plans.delete(walk.id)  # the plans are read; the calendar rows are not yet
        return real(*args)

    monkeypatch.setattr(calendar_export, "whos", delete_half_way)
    again = export(store, path, OPTIONS, NOW)
    assert again.cancelled == 0
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_a_memory_that_cannot_be_saved_leaves_the_old_file_in_place(
    store: Any, world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.data.repositories.calendar import CalendarRepository
    from supportnet.model.errors import SupportNetError

    out = tmp_path / "out"
    out.mkdir()
    path = out / "plan.ics"
    path.write_bytes(b"the calendar as it was")
    remembered = store.calendar.count()

    def full(*_args: Any) -> None:
        raise SupportNetError("The disk is full.")

    monkeypatch.setattr(CalendarRepository, "save", full)
    with pytest.raises(SupportNetError):
        export(store, path, OPTIONS, NOW)
    assert path.read_bytes() == b"the calendar as it was"
    assert [p.name for p in out.iterdir()] == ["plan.ics"]  # no temp file left
    assert store.calendar.count() == remembered


def test_an_older_sequence_is_never_written_over_a_newer_one(
    store: Any, world: dict[str, Any]
) -> None:
    # A publish reads the memory, the user exports a changed plan meanwhile (SEQUENCE goes
    # up), then the publish saves what it read: the newer row stays.
    import dataclasses

    from supportnet.data.repositories.calendar import CalendarRecord

    plan_id = world["call"].id

    at = datetime(2026, 5, 1, tzinfo=UTC)
    newer = CalendarRecord(plan_id, None, "seq-test", 3, "timing-b", at)
    store.calendar.save([newer], [])
    store.calendar.save([dataclasses.replace(newer, sequence=2, timing="timing-a")], [])
    (kept,) = [r for r in store.calendar.for_plans([plan_id]) if r.uid == "seq-test"]
    assert (kept.sequence, kept.timing) == (3, "timing-b")
    store.calendar.save([dataclasses.replace(newer, sequence=4, timing="timing-c")], [])
    (kept,) = [r for r in store.calendar.for_plans([plan_id]) if r.uid == "seq-test"]
    assert (kept.sequence, kept.timing) == (4, "timing-c")
