"""Every page tells the same time: Today, the Agenda, Plans and the export preview give each
plan of the example network the same next occurrence and the same "earlier today" answer
(:func:`supportnet.scheduling.when.when`), read from the real widgets at a fixed clock.

The clock is the screenshots' and the voice test's: Wednesday 25 November 2026, 17:30 in
London, when Tom's 12:30 lunch walk is earlier today and the next one is on 2 December.
A second run moves two of them first: Tom's walk "Not today" (to Thursday), and Ruth's
Tuesday session to today, where its 10:00 has begun.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supportnet.model.targets import plan_target_key
from supportnet.scheduling.when import When, when
from supportnet.ui.plans.wording import short_date, then_text
from tests.ui.shells import open_shell

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)
ZONE = "Europe/London"


@pytest.fixture
def store_template(demo_store_folders: Callable[[date, str], Path]) -> Path:
    """Every store here holds the example network: a copy of one made once a session."""
    return demo_store_folders(TODAY, ZONE)


@pytest.fixture
def window(store: Any, tmp_path: Path, qtbot: Any, request: Any) -> Iterator[Any]:
    if getattr(request, "param", False):
        _move(store)
    # The person's own zone, so the machine's doesn't matter.
    store.settings.save(dataclasses.replace(store.settings.load(), timezone=ZONE))
    shell = open_shell(store, tmp_path, qtbot, NOW)
    yield shell
    shell.close()


def _plan_of(store: Any, name: str) -> Any:
    (person,) = [p for p in store.people.list_all() if p.name == name]
    (plan,) = store.plans.for_person(person.id)
    return plan


def _move(store: Any) -> None:
    """Tom's walk "Not today" (Wednesday's, to Thursday); Ruth's Tuesday session to today."""
    from supportnet.scheduling import Postponement

    walk = _plan_of(store, "Tom Whitaker")
    store.postponements.postpone(Postponement(walk.id, date(2026, 11, 26), TODAY))
    session = _plan_of(store, "Ruth Adeyemi")
    store.postponements.postpone(Postponement(session.id, TODAY, date(2026, 11, 24)))


def _answers(store: Any) -> dict[str, tuple[Any, When]]:
    """Each plan's answer, by the name of the one it is for (one plan each in the demo)."""
    from supportnet.services import Services

    reader = Services.of(store).reach_out_reader()
    state = reader.state(NOW, ZONE)
    out: dict[str, tuple[Any, When]] = {}
    for plan in state.plans:
        key = plan_target_key(plan)
        assert key is not None
        name = state.targets[key].name
        assert name not in out, "the example network has one plan for each person or group"
        out[name] = (
            plan,
            when(
                plan,
                NOW,
                ZONE,
                last_contact=state.last_contact.get(key),
                postponements=state.postponements,
            ),
        )
    return out


def _at(happening: Any) -> str:
    return f"{short_date(happening.day, TODAY)}, {happening.start:%H:%M}"


@pytest.mark.parametrize("window", [False, True], ids=["as-planned", "moved"], indirect=True)
def test_every_page_tells_the_same_time(window: Any, store: Any, qtbot: Any) -> None:
    from supportnet.ui.agenda.page import AgendaModel
    from supportnet.ui.plans.model import PlansModel
    from supportnet.ui.shell.sidebar import Page

    answers = _answers(store)
    assert len(answers) == 13
    moved = bool(store.postponements.list_active(TODAY))
    walk = answers["Tom Whitaker"][1]
    assert walk.next is not None
    earlier_ones = {n for n, (_p, a) in answers.items() if a.earlier_today is not None}
    if moved:
        assert walk.earlier_today is None
        assert walk.next.day == date(2026, 11, 26)
        session = answers["Ruth Adeyemi"][1].earlier_today
        assert session is not None
        assert session.moved
        assert f"{session.start:%H:%M}" == "10:00"
        assert earlier_ones == {"Ruth Adeyemi"}
    else:
        assert walk.earlier_today is not None
        assert walk.earlier_today.start is not None
        assert f"{walk.earlier_today.start:%H:%M}" == "12:30"
        assert walk.next.day == date(2026, 12, 2)
        assert earlier_ones == {"Tom Whitaker"}

    # --- Today: the cards' plans and times.
    window.show_page(Page.TODAY)
    QApplication.processEvents()
    cards = {card.suggestion.target.name: card for card in window.today.cards}
    for name, (plan, answer) in answers.items():
        card = cards.get(name)
        begun = answer.earlier_today
        if begun is not None and not answer.in_touch:
            assert card is not None, f"{name}: earlier today, but not on Today"
        if card is None:
            continue
        suggestion = card.suggestion
        assert suggestion.plan.id == plan.id
        if answer.flexible:
            assert answer.next is not None
            assert answer.next.day == TODAY, name
        elif begun is not None:
            assert begun.start is not None
            assert suggestion.time_today == begun.start.time().replace(tzinfo=None), name
            assert suggestion.due_at <= NOW
            said = "moved this to today, at" if begun.moved else "planned for"
            assert f"{said} {begun.start:%H:%M}" in card.reason_label.text()
        else:
            assert answer.next is not None
            assert answer.next.day == TODAY, name
            assert suggestion.due_at >= NOW

    # --- Agenda: the entries under each day, and their words.
    window.show_page(Page.AGENDA)
    QApplication.processEvents()
    model = window.agenda.model
    assert isinstance(model, AgendaModel)
    seen: dict[str, list[tuple[Any, str]]] = {}
    for day_row in range(model.rowCount()):
        parent = model.index(day_row, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, AgendaModel.COL_TIME, parent)
            item = model.item_at(index)
            assert item is not None
            seen.setdefault(item.target.name, []).append((item, index.data()))
    for name, (_plan, answer) in answers.items():
        entries = seen.get(name, [])
        marked = [(i, text) for i, text in entries if i.earlier]
        if answer.earlier_today is None:
            assert marked == [], name
        else:
            begun = answer.earlier_today
            assert [(i.day, i.start) for i, _t in marked] == [(begun.day, begun.start)]
            assert marked[0][1] == f"earlier · {begun.start:%H:%M}"
            assert marked[0][0].day == TODAY  # still under Today
        ahead = [i for i, _t in entries if not i.earlier]
        assert answer.next is not None
        assert ahead, f"{name}: nothing ahead on the Agenda"
        assert (ahead[0].day, ahead[0].start) == (answer.next.day, answer.next.start), name

    # --- Plans: the "Next (your time)" column of each one's plans.
    for name, (plan, answer) in answers.items():
        kind, target_id = plan_target_key(plan)  # type: ignore[misc]
        dialog = window.open_plans(kind, target_id)
        QApplication.processEvents()
        plans_model = dialog.plans.model
        assert isinstance(plans_model, PlansModel)
        (row,) = [r for r in range(plans_model.rowCount()) if plans_model.plan_at(r).id == plan.id]
        text = plans_model.index(row, PlansModel.COL_NEXT).data()
        _check_words(name, text, answer)
        # The editor's preview says the same, in a sentence.
        dialog.plans.view.table.selectRow(row)
        editor = dialog.plans.edit_selected()
        assert editor is not None
        _check_sentence(name, editor.preview.text(), answer)
        editor.reject()
        dialog.close()
        QApplication.processEvents()

    # --- The export preview: each one's first row.
    export = window.open_calendar_export()
    preview = export.preview_model
    qtbot.waitUntil(lambda: preview.rowCount() > 0)
    first: dict[str, str] = {}
    for row in range(preview.rowCount()):
        who = preview.index(row, preview.WHO).data()
        first.setdefault(who, preview.index(row, preview.WHEN).data())
    # The preview names each one in full (Today and the Agenda may use a nickname).
    full = {("person", p.id): p.name for p in store.people.list_all()}
    full |= {("group", g.id): g.name for g in store.groups.list_all()}
    for name, (plan, answer) in answers.items():
        key = plan_target_key(plan)
        assert key is not None
        who = full[key]
        assert who in first, f"{name}: not in the export preview"
        _check_words(name, first[who], answer, export=True)
    export.reject()


def _check_words(name: str, text: str, answer: When, *, export: bool = False) -> None:
    """Plans and the export say the same: "Earlier today, 12:30" first when today's has
    begun, then the next occurrence's day and time (or "around" its day). The export's row
    for an occurrence moved to today is that moved copy alone (the series has its own row)."""
    begun = answer.earlier_today
    found = answer.next
    if begun is not None:
        assert text.startswith(f"Earlier today, {begun.start:%H:%M}"), (name, text)
        if export and begun.moved:
            assert text == f"Earlier today, {begun.start:%H:%M}", (name, text)
            return
    else:
        assert "earlier" not in text.lower(), (name, text)
    assert found is not None
    if answer.flexible:
        # Plans says "Around today"; the preview gives the calendar's date, "Around Wed 25 Nov".
        days = {short_date(found.day, TODAY)} | ({"today"} if found.day == TODAY else set())
        assert any(text.startswith(f"Around {day}") for day in days), (name, text)
    elif begun is not None:
        assert begun.start is not None
        then = then_text(found.day, found.start, begun.start, TODAY)
        assert text == f"Earlier today, {begun.start:%H:%M} · next {then}", (name, text)
    elif found.start is None:
        assert short_date(found.day, TODAY) in text, (name, text)
    else:
        assert _at(found) in text, (name, text)


def _check_sentence(name: str, text: str, answer: When) -> None:
    """The editor's preview: "Earlier today, 12:30 — later is fine too. Next: Wed 2 Dec,
    12:30", or "Next: …" alone."""
    begun = answer.earlier_today
    found = answer.next
    assert found is not None
    if begun is not None:
        assert text.startswith(f"Earlier today, {begun.start:%H:%M}"), (name, text)
    else:
        assert text.startswith("Next: "), (name, text)
    if answer.flexible:
        assert "Next: around" in text, (name, text)
    elif found.start is not None:
        # A plan on another clock gives the user's in brackets: "(your time 18:00)".
        at = _at(found)
        mine = (f"Next: {at}", f"your time {found.start:%H:%M})", f"your time {at})")
        assert any(m in text for m in mine), (name, text)
    else:
        assert f"Next: {short_date(found.day, TODAY)}" in text, (name, text)


def test_the_agenda_says_earlier_in_words_and_for_screen_readers(window: Any) -> None:
    from supportnet.ui.agenda.page import AgendaModel
    from supportnet.ui.shell.sidebar import Page

    window.show_page(Page.AGENDA)
    QApplication.processEvents()
    model = window.agenda.model
    today = model.index(0, 0)
    assert model.index(0, 0).data().startswith("Today")
    rows = [model.index(r, AgendaModel.COL_TIME, today) for r in range(model.rowCount(today))]
    walk = next(i for i in rows if model.item_at(i).target.name == "Tom Whitaker")
    assert walk.data() == "earlier · 12:30"
    assert walk.data(Qt.ItemDataRole.AccessibleTextRole) == "Earlier today, 12:30"
    assert "Later is fine too" in walk.data(Qt.ItemDataRole.ToolTipRole)
    # A quieter colour than the others' (never the only cue: the word says it).
    others = [i for i in rows if i != walk and not model.item_at(i).flexible]
    colour = walk.data(Qt.ItemDataRole.ForegroundRole)
    assert colour is not None
    assert all(i.data(Qt.ItemDataRole.ForegroundRole) is None for i in others)
