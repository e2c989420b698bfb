"""The People page, the person and group editors, the plans (editor of each kind, the plans
and history window, the check-in editor), the contacts preview, the data dialogs and the
backup dialogs under the pseudo-locale: every word routed, nothing clipped.

The user's data (names, file names) is passed in as data; every other word is routed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from supportnet import i18n
from supportnet.ui.language import install_language
from tests.i18n.harness import clipped, is_routed, untranslated
from tests.ui.conftest import NOW, ZONE
from tests.ui.i18n.user_data import judged, locale_words

NAMES = {"Ana Example", "Bo Example", "Walkers"}
CONTACTS_FILES = Path(__file__).parents[2] / "services" / "contacts_files"


@pytest.fixture
def pseudo(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The pseudo-locale, chosen before anything is built (as at start)."""
    from supportnet.ui.widgets import dialogs

    monkeypatch.setattr(dialogs, "confirm_discard", lambda *_a: True)
    install_language(qapp, i18n.PSEUDO)
    yield
    install_language(qapp, i18n.ENGLISH)


def _data(*names: str) -> Callable[[str], bool]:
    # The locale's own weekday and month names (QLocale's) are data too.
    said = NAMES | set(names) | set(locale_words())
    return lambda text: text in said


def _shown(qtbot: Any, widget: Any) -> Any:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    QApplication.processEvents()
    return widget


def _check(widget: Any, data: Callable[[str], bool]) -> None:
    try:
        assert untranslated(widget, data) == []
        assert clipped(widget) == []
    finally:
        widget.close()


# --- People ----------------------------------------------------------------------------------


def _person() -> Any:
    from supportnet.model.network import ChannelKind, ContactChannel, Person

    return Person(
        "Ana Example",
        id=1,
        nickname="Ana",
        channels=[ContactChannel(ChannelKind.CALL, "07700 900111")],
        tags=["walks"],
    )


@pytest.mark.parametrize("existing", [True, False], ids=["edit", "new"])
def test_the_person_editor_is_fully_routed(pseudo: None, qtbot: Any, existing: bool) -> None:
    from supportnet.ui.people.person_editor import PersonEditor

    editor = _shown(qtbot, PersonEditor(_person() if existing else None, lambda p: p))
    _check(editor, _data("Ana", "07700 900111"))


def test_the_person_editor_from_a_team_view_is_fully_routed(pseudo: None, qtbot: Any) -> None:
    from supportnet.ui.people.person_editor import PersonEditor

    editor = _shown(qtbot, PersonEditor(_person(), lambda p: p, centre="Bo Example"))
    _check(editor, _data("Ana", "07700 900111"))


@pytest.mark.parametrize("existing", [True, False], ids=["edit", "new"])
def test_the_group_editor_is_fully_routed(pseudo: None, qtbot: Any, existing: bool) -> None:
    from supportnet.model.network import Group
    from supportnet.ui.people.group_editor import GroupEditor

    group = Group("Walkers", id=3, place="The park") if existing else None
    editor = _shown(qtbot, GroupEditor(group, lambda g: g))
    _check(editor, _data())


def test_the_people_page_is_routed_but_for_names(
    pseudo: None, demo_store: Any, tmp_path: Path, qtbot: Any
) -> None:
    """The shared page test passes no data, so it can't see past the names; here they are."""
    from supportnet.ui.shell.sidebar import Page
    from tests.ui.shells import gb_crisis, open_shell

    names = _names(demo_store)
    shell = open_shell(demo_store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    try:
        shell.show_page(Page("people"))
        QApplication.processEvents()
        page = shell.pages.currentWidget()
        assert untranslated(page, _data(*names)) == []
        assert clipped(page) == []
    finally:
        shell.background.wait()
        shell.close()


def _names(store: Any) -> set[str]:
    """The example network's names, as the lists show them ("Daniel Okafor (Dan)")."""
    names: set[str] = set()
    for person in store.people.list_all():
        names |= {person.name, person.display_name, f"{person.name} ({person.nickname})"}
    for group in store.groups.list_all():
        names |= {group.name, group.display_name}
    return names


# --- Plans -----------------------------------------------------------------------------------


def _plan(kind: str) -> Any:
    from supportnet.model.plans import Cadence, Plan, PlanKind
    from supportnet.ui.plans.wording import new_plan

    plan = new_plan("person", 1, NOW.date(), ZONE)
    if kind == "flexible":
        plan.kind, plan.recurrence, plan.cadence = PlanKind.FLEXIBLE, None, Cadence(14, 30)
    elif kind == "once":
        plan.kind, plan.recurrence = PlanKind.ONE_OFF, None
        plan.window_start, plan.window_end = time(18, 0), time(19, 0)
    elif kind == "abroad":
        plan.timezone = "America/New_York"
        plan.window_start = time(13, 0)
    assert isinstance(plan, Plan)
    return plan


@pytest.mark.parametrize("kind", ["fixed", "flexible", "once", "abroad"])
def test_the_plan_editor_is_fully_routed(pseudo: None, qtbot: Any, kind: str) -> None:
    from supportnet.ui.plans.editor import PlanEditor
    from supportnet.ui.plans.wording import zone_names

    editor = PlanEditor(
        _plan(kind),
        lambda p: p,
        target_name="Ana Example",
        clock=lambda: NOW,
        user_zone=ZONE,
        ideas=["Thinking of you"],
    )
    editor.more.open()
    _shown(qtbot, editor)
    zones = set(zone_names())
    _check(editor, _data("Thinking of you", *zones))


def test_the_plans_and_history_window_is_fully_routed(
    pseudo: None, demo_store: Any, qtbot: Any
) -> None:
    from PySide6.QtGui import QUndoStack

    from supportnet.services import Services
    from supportnet.ui.plans.dialog import PlansAndHistoryDialog
    from supportnet.ui.shell.signals import AppSignals
    from supportnet.ui.undo.commands import UndoContext

    source = Services.of(demo_store)
    person = next(p for p in demo_store.people.list_all() if p.display_name == "Mum")
    signals, stack = AppSignals(), QUndoStack()
    ctx = UndoContext(source, signals, lambda _e: None)
    names = _names(demo_store)
    plans = demo_store.plans.for_person(person.id)
    titles = {t for plan in plans for t in (plan.title, plan.message_idea, plan.notes) if t}
    notes = {c.note for c in demo_store.checkins.for_person(person.id) if c.note}
    shown = _data(*names, *titles, *notes)
    # A plan's title, a note's first words and a check-in's time are the user's own.
    when = re.compile(r"^\w{3} \d{1,2} \w{3}( \d{4})?, \d\d:\d\d$")

    def data(text: str) -> bool:
        return shown(text) or when.match(text) is not None or any(text in n for n in notes)

    for tab in (PlansAndHistoryDialog.PLANS_TAB, PlansAndHistoryDialog.HISTORY_TAB):
        dialog = PlansAndHistoryDialog(
            source, lambda: NOW, signals, stack, ctx, kind="person", target_id=person.id, tab=tab
        )
        _check(_shown(qtbot, dialog), data)


def test_the_checkin_editor_is_fully_routed(pseudo: None, qtbot: Any) -> None:
    from supportnet.model.checkins import CheckIn
    from supportnet.ui.plans.checkin_editor import CheckInEditor

    checkin = CheckIn(at=NOW, person_id=1, id=4, note="A walk", mood_before=2, mood_after=4)
    editor = _shown(qtbot, CheckInEditor(checkin, lambda c: c, name="Ana Example", user_zone=ZONE))
    _check(editor, _data())


# --- Contacts --------------------------------------------------------------------------------


def test_the_contacts_preview_is_fully_routed(pseudo: None, store: Any, qtbot: Any) -> None:
    from supportnet.model.network import Person
    from supportnet.services.contacts_import import ContactsImport
    from supportnet.ui.contacts.preview import ContactsPreviewDialog

    store.people.add(Person(name="Jürgen Müller"))
    files = [CONTACTS_FILES / "android21.vcf", CONTACTS_FILES / "one_bad.vcf"]
    previews = ContactsImport(store, region="GB").preview(files)
    rows = [r for p in previews for r in p.rows]
    names = {r.contact.title for r in rows} | {r.item.display_name for r in rows}
    # Each row's own note ("already in your network as …") is the services helper's.
    notes = {r.note[:1].upper() + r.note[1:] for r in rows if r.note}
    dialog = _shown(qtbot, ContactsPreviewDialog(previews))
    _check(dialog, _data(*names, *notes))


# --- Data ------------------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [True, False], ids=["extra-folder", "no-extra-folder"])
def test_the_delete_all_dialog_is_fully_routed(
    pseudo: None, qtbot: Any, tmp_path: Path, extra: bool
) -> None:
    from supportnet.services.your_data import Places
    from supportnet.ui.data.delete_dialog import DeleteAllDialog

    places = Places(tmp_path, tmp_path / "backups", tmp_path / "stick" if extra else None, extra)
    dialog = _shown(qtbot, DeleteAllDialog(places, lambda then: then("")))
    _check(dialog, _data())


def test_the_export_and_import_questions_are_fully_routed(
    pseudo: None, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.services.data_export import Exported
    from supportnet.services.your_data import ExportSummary
    from supportnet.ui.data import transfer
    from supportnet.ui.widgets import dialogs

    asked: list[str] = []

    def confirm(_parent: Any, title: str, question: str, **kw: Any) -> bool:
        asked.extend([title, question, kw["yes_text"]])
        return False

    monkeypatch.setattr(dialogs, "confirm", confirm)
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []
    data_transfer = transfer.DataTransfer(
        parent,
        None,  # type: ignore[arg-type]  # never reached: the question is answered "no"
        None,  # type: ignore[arg-type]
        clock=lambda: NOW,
        folder=lambda: tmp_path,
        note=said.append,
        changed=lambda: None,
    )
    data_transfer.export_all()
    counts = {"people": 3, "groups": 1}
    for empty in (True, False):
        asked.extend(
            transfer.import_question(ExportSummary(tmp_path / "a.json", counts, empty), tmp_path)
        )
    asked.append(transfer.export_done_text(Exported(tmp_path / "a.json", counts)))
    # The service's own refusal (routed there) is this test's data; _calm adds its words.
    refusal = "That isn't a SupportNet export."
    asked.append(transfer._calm(_refusal(refusal)))
    assert asked
    assert [t for t in asked if not is_routed(t, judged([refusal]))] == []


def _refusal(message: str) -> Exception:
    from supportnet.model.errors import SupportNetError

    return SupportNetError(message)


# --- Backups ---------------------------------------------------------------------------------


@pytest.mark.parametrize("passphrase_too", [True, False], ids=["passphrase-too", "key-only"])
def test_the_backup_key_dialog_is_fully_routed(
    pseudo: None, qtbot: Any, passphrase_too: bool
) -> None:
    from supportnet.ui.backups.key_dialog import BackupKeyDialog

    dialog = _shown(qtbot, BackupKeyDialog(lambda _text: None, passphrase_too))
    _check(dialog, _data())


def test_the_backup_folder_rows_and_progress_are_fully_routed(
    pseudo: None, qtbot: Any, tmp_path: Path
) -> None:
    from supportnet.ui.backups import words
    from supportnet.ui.backups.folder_field import BackupFolderField
    from supportnet.ui.backups.progress import busy_dialog

    box = QWidget()
    layout = QVBoxLayout(box)
    for last in (None, NOW):
        layout.addWidget(BackupFolderField("", lambda _p: "", last, NOW))
    _shown(qtbot, box)
    busy = busy_dialog(box, i18n._(words.BACKING_UP), at_once=True)
    QApplication.processEvents()
    try:
        _check(busy, _data())
    finally:
        busy.close()
    _check(box, _data())


def test_the_backup_and_restore_words_are_fully_routed(pseudo: None, tmp_path: Path) -> None:
    from supportnet.services.backups import BackupWritten, Restored
    from supportnet.ui.backups import words

    path = tmp_path / "b.db"
    texts = [
        *(
            words.backup_done_text(BackupWritten(path, passphrase_too=p, new_key_unseen=n))
            for p in (True, False)
            for n in (True, False)
        ),
        words.restore_question(tmp_path),
        words.restored_text(
            Restored(3, 1, 2, 9, path, from_elsewhere=True, new_recovery_key=False)
        ),
        words.restored_text(Restored(0, 0, 0, 0, None, from_elsewhere=True, new_recovery_key=True)),
        words.last_backup_text(None, NOW),
        words.last_backup_text(NOW, NOW),
    ]
    assert [t for t in texts if not is_routed(t)] == []
