"""Mark as done when the check-in's time zone is not the user's: the dialog works on the
local day the line shows on, and what it gives is what the service takes (the moment falls
on the occurrence's date in the slot's own zone), from the page and from Today."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QDialog

from supportnet.model.care import ME, CareTeam, RotaSlot
from supportnet.model.network import ChannelKind, Circle, Person
from supportnet.model.plans import Cadence, Frequency, Plan, PlanKind, Recurrence
from supportnet.services import Services
from supportnet.services.care_teams import RotaLine
from supportnet.ui.care.done_dialog import DoneDialog
from tests.ui.care.conftest import PageParts, make_page

ACCEPT = QDialog.DialogCode.Accepted


def _weekly(zone: str, weekday: int, at: time | None, start: date) -> Plan:
    return Plan(
        kind=PlanKind.FIXED,
        start_date=start,
        channel=ChannelKind.CALL,
        timezone=zone,
        window_start=at,
        window_end=time(at.hour, 30) if at is not None else None,
        recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={weekday}),
    )


def _flexible(zone: str, start: date) -> Plan:
    return Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=start,
        channel=ChannelKind.CALL,
        timezone=zone,
        cadence=Cadence(ideal_days=5),
    )


def _team(services: Services, plan: Plan, user_zone: str) -> tuple[CareTeam, Person]:
    services.settings.update(timezone=user_zone)
    dan = services.people.add(Person("Dan", circle=Circle.INNER))
    shiv = services.people.add(Person("Shiv", circle=Circle.INNER))
    team = CareTeam(
        "Dan", focus=dan.uid, supporters=[shiv.uid, ME], slots=[RotaSlot(plan, shiv.uid)]
    )
    services.care_teams.save(team)
    return team, shiv


def _lines(
    services: Services, team: CareTeam, start: date, zone: str
) -> list[tuple[date, RotaLine]]:
    view = services.care_teams.rota(team.uid, start, 7, zone)
    return [(d.day, line) for d in view.days for line in d.check_ins]


def _done_through_the_dialog(
    qtbot: Any,
    services: Services,
    team: CareTeam,
    shiv: Person,
    day: date,
    line: RotaLine,
    zone: str,
    now: datetime,
) -> datetime:
    dialog = DoneDialog([(shiv.uid, "Shiv")], line, str(day), zone=zone, clock=lambda: now, day=day)
    qtbot.addWidget(dialog)
    assert dialog.problems() == {}
    done = dialog.as_keywords()
    assert line.on is not None
    services.care_teams.mark_done(team.uid, line.slot_uid, line.on, now=now, **done)
    return done["at"]


def test_a_timed_check_in_in_another_zone_is_done_at_its_time_on_the_day_shown(
    qtbot: Any, store: Any
) -> None:
    services = Services.of(store)
    # Mondays 19:00 in New York: Tuesday 00:00 in London.
    plan = _weekly("America/New_York", 0, time(19), date(2026, 11, 1))
    team, shiv = _team(services, plan, "Europe/London")
    [(day, line)] = _lines(services, team, date(2026, 12, 7), "Europe/London")
    assert (day, line.time, line.on) == (date(2026, 12, 8), "00:00", date(2026, 12, 7))
    now = datetime(2026, 12, 10, 12, tzinfo=UTC)
    at = _done_through_the_dialog(qtbot, services, team, shiv, day, line, "Europe/London", now)
    assert at == datetime(2026, 12, 8, 0, tzinfo=ZoneInfo("Europe/London"))
    [(_day, after)] = _lines(services, team, date(2026, 12, 7), "Europe/London")
    assert after.done


def test_done_early_today_is_now_on_the_day_shown(qtbot: Any, store: Any) -> None:
    services = Services.of(store)
    plan = _weekly("America/New_York", 0, time(19), date(2026, 11, 1))
    team, shiv = _team(services, plan, "Europe/London")
    [(day, line)] = _lines(services, team, date(2026, 12, 7), "Europe/London")
    # Tuesday 8 December 00:00 London is planned; at 23:30 on Monday London it is still
    # ahead, but that is Monday: not the line's day, so the planned time stays.
    now = datetime(2026, 12, 8, 0, 10, tzinfo=ZoneInfo("Europe/London"))
    dialog = DoneDialog(
        [(shiv.uid, "Shiv")], line, "Tue", zone="Europe/London", clock=lambda: now, day=day
    )
    qtbot.addWidget(dialog)
    assert dialog.when() == datetime(2026, 12, 8, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize(
    ("slot_zone", "user_zone"),
    [("Pacific/Auckland", "America/Los_Angeles"), ("America/Los_Angeles", "Pacific/Auckland")],
)
@pytest.mark.parametrize("kind", ["any time", "flexible"])
def test_an_any_time_check_in_with_zones_far_apart_is_done_on_its_date(
    qtbot: Any, store: Any, slot_zone: str, user_zone: str, kind: str
) -> None:
    services = Services.of(store)
    start = date(2026, 12, 7)
    plan = (
        _weekly(slot_zone, 0, None, date(2026, 11, 1))
        if kind == "any time"
        else _flexible(slot_zone, date(2026, 11, 1))
    )
    team, shiv = _team(services, plan, user_zone)
    day, line = _lines(services, team, start, user_zone)[0]
    assert line.time is None
    assert line.on == day
    now = datetime(2026, 12, 20, tzinfo=UTC)
    at = _done_through_the_dialog(qtbot, services, team, shiv, day, line, user_zone, now)
    assert at.astimezone(ZoneInfo(slot_zone)).date() == line.on
    # Done: its own line (an any-time one stays on its date), or, for a flexible one that
    # moved on, a line on the local day it happened (here possibly the day either side).
    after = [
        (day2, line2)
        for day2, line2 in _lines(services, team, date(2026, 12, 6), user_zone)
        if line2.on == line.on and line2.slot_uid == line.slot_uid
    ]
    assert len(after) == 1
    assert after[0][1].done
    assert after[0][0] in {day, at.astimezone(ZoneInfo(user_zone)).date()}


def _cross_zone_page(qtbot: Any, store: Any, clock: Any) -> tuple[PageParts, RotaSlot]:
    parts = make_page(qtbot, store, clock)
    # Saturdays 19:00 in New York: Sunday 00:00 in London, the page's today.
    slot = RotaSlot(
        _weekly("America/New_York", 5, time(19), date(2025, 6, 1)),
        parts.people["Rosie Mensah"].uid,
    )
    team = parts.services.care_teams.get(parts.team.uid)
    team.slots.append(slot)
    parts.services.care_teams.save(team)
    parts.page.refresh()
    return parts, slot


def test_the_page_marks_a_cross_zone_check_in_done(
    qtbot: Any, store: Any, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.ui.care import done_dialog

    parts, slot = _cross_zone_page(qtbot, store, clock)
    monkeypatch.setattr(done_dialog.DoneDialog, "exec", lambda _self: ACCEPT)
    parts.page.select((slot.uid, date(2025, 6, 14)))
    line = parts.page.current_line()
    assert line is not None
    assert line.slot_uid == slot.uid
    assert parts.page.current_day() == date(2025, 6, 15)
    assert parts.page.mark_done()
    assert parts.errors == []
    line = parts.page.current_line()
    assert line is not None
    assert line.done


def test_today_marks_a_cross_zone_check_in_done(qtbot: Any, store: Any, clock: Any) -> None:
    from tests.ui.today.test_today_care import _window

    parts, slot = _cross_zone_page(qtbot, store, clock)
    window = _window(qtbot, store, clock())
    card = window.today.team_card
    assert card is not None
    row = next(r for r in card.rows if r.line.line.slot_uid == slot.uid)
    dialog = window.today.mark_done(row.line)
    assert dialog.problems() == {}
    dialog.accept()
    qtbot.waitUntil(lambda: window.today.done_dialog is None)
    logged = [
        c
        for c in parts.services.checkins.for_person(parts.people["Mum"].id or 0)
        if c.rota_slot == slot.uid
    ]
    assert len(logged) == 1
    assert logged[0].at == datetime(2025, 6, 15, 0, tzinfo=ZoneInfo("Europe/London"))
