"""Render every page of the main window on the example network, in light and dark.

Writes screenshots/<page>-<theme>.png at 1280×800 (offscreen), plus the person and group
editors, one person's plans, history, check-in editor and plan editor, the log-a-check-in
dialog, the calendar export dialog, the "Hard day?" panel, the Help menu's keyboard
shortcuts and Getting started (shortcuts-*, getting-started-*), the unlock dialog with
the crisis lines its "Need help now?" opens, and Today in German (today-de). The offscreen
platform has no system theme, so "dark" is a dark palette set on the application, as a dark
desktop theme would.

Run: `make screenshots` (or `.venv/bin/python -m tools.screenshots [OUT_DIR]`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.store_open import MemoryKeyring
from supportnet.data.store import open_store
from supportnet.demo.loader import load_demo
from supportnet.services import Services
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui.widgets.style import apply_style

if TYPE_CHECKING:
    from supportnet.ui.shell.main_window import MainWindow

SIZE = (1280, 800)
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)

_DARK = {
    QPalette.ColorRole.Window: "#202326",
    QPalette.ColorRole.WindowText: "#e6e7e8",
    QPalette.ColorRole.Base: "#17191b",
    QPalette.ColorRole.AlternateBase: "#1e2124",
    QPalette.ColorRole.Text: "#e6e7e8",
    QPalette.ColorRole.Button: "#2a2e31",
    QPalette.ColorRole.ButtonText: "#e6e7e8",
    QPalette.ColorRole.ToolTipBase: "#2a2e31",
    QPalette.ColorRole.ToolTipText: "#e6e7e8",
    QPalette.ColorRole.PlaceholderText: "#8b9094",
    QPalette.ColorRole.Highlight: "#3d6e8f",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8cc4e8",
    QPalette.ColorRole.Mid: "#3a3f43",
    QPalette.ColorRole.Midlight: "#33373b",
    QPalette.ColorRole.Dark: "#121415",
    QPalette.ColorRole.Light: "#3c4145",
    QPalette.ColorRole.Shadow: "#000000",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7b8084"))
    return palette


def _settle(app: QApplication, window: Any) -> None:
    """Until the worker has nothing left and its results are shown (Insights adds up on it,
    then draws each chart on it, and again once a resize settles)."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _round in range(100):
        window.background.wait()
        app.processEvents()
        if window.background.busy:
            continue
        loop = QEventLoop()  # the layouts asked for, and what waits for them to settle
        QTimer.singleShot(250, loop.quit)
        loop.exec()
        if not window.background.busy:
            return


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    apply_style(app)  # as the app does
    light = app.palette()
    from supportnet.ui.shell.main_window import Page

    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(Path(tmp) / "data", keyring_backend=MemoryKeyring()) as store,
    ):
        load_demo(store, TODAY, "Europe/London")
        # The same country whatever the machine's locale, so the pictures don't drift.
        crisis = CrisisHelpService(Path(tmp) / "data", environ={})
        crisis.set_country("GB")
        written = []
        for theme, palette in (("light", light), ("dark", dark_palette())):
            app.setPalette(palette)
            written += care_team_dialogs(out, theme, Services.of(store))
            window = shown_window(Services.of(store), tmp, crisis, NOW)
            for page in Page:
                window.show_page(page)
                _settle(app, window)
                name = page.name.lower().replace("_", "-")
                written.append(_snap(window, out / f"{name}-{theme}.png"))
            # The map centred on the care team's focus person, with the team around her.
            window.show_page(Page.NETWORK)
            window.network.view.centre.combo.setCurrentIndex(1)
            written.append(_snap(window, out / f"network-team-{theme}.png"))
            window.network.view.centre.combo.setCurrentIndex(0)
            written += today_with_team(out, theme, Services.of(store), tmp, crisis)
            written.append(today_going_easy(out, theme, window))
            person = next(p for p in store.people.list_all() if p.nickname)
            group = store.groups.list_all()[0]
            for kind, item_id in (("person", person.id), ("group", group.id)):
                window.edit(kind, item_id)
                app.processEvents()
                editor = window.editor
                assert editor is not None
                written.append(_snap(editor, out / f"{kind}-editor-{theme}.png"))
                editor.reject()
                app.processEvents()
            # Tom's plans and history, and his lunch walk (an end date and a skipped week).
            tom = next(p for p in store.people.list_all() if p.name == "Tom Whitaker")
            plans = window.open_plans("person", tom.id)
            app.processEvents()
            for tab, name in ((0, "plans"), (1, "history")):
                plans.tabs.setCurrentIndex(tab)
                written.append(_snap(plans, out / f"{name}-{theme}.png"))
            # The check-in editor, on his latest check-in.
            latest = store.checkins.for_person(tom.id, limit=1)[0]
            assert plans.history.select_uid(latest.uid)
            checkin_editor = plans.history.edit_selected()
            assert checkin_editor is not None
            written.append(_snap(checkin_editor, out / f"checkin-editor-{theme}.png"))
            checkin_editor.reject()
            app.processEvents()
            plans.tabs.setCurrentIndex(0)
            plans.plans.select_uid(store.plans.for_person(tom.id)[0].uid)
            plan_editor = plans.plans.edit_selected()
            assert plan_editor is not None
            written.append(_snap(plan_editor, out / f"plan-editor-{theme}.png"))
            plan_editor.reject()
            app.processEvents()
            # A new plan: only the common fields, the rest behind "More options".
            new_editor = plans.plans.add_plan()
            assert new_editor is not None
            written.append(_snap(new_editor, out / f"plan-editor-new-{theme}.png"))
            new_editor.reject()
            plans.close()
            app.processEvents()
            log_dialog = window.today.log_checkin()
            written.append(_snap(log_dialog, out / f"log-dialog-{theme}.png"))
            log_dialog.reject()
            app.processEvents()
            dialog = window.open_calendar_export()
            # The size it opens at on a real screen (the offscreen one is only 800 wide).
            dialog.resize(dialog.preferred_size())
            written.append(_snap(dialog, out / f"calendar-export-{theme}.png"))
            dialog.reject()
            app.processEvents()
            publish = window.open_calendar_publish()  # opening it connects to nothing
            written.append(_snap(publish, out / f"calendar-publish-{theme}.png"))
            publish.reject()
            app.processEvents()
            # Preferences, with what reminders say (discreet by default).
            preferences = window.open_preferences()
            written.append(_snap(preferences, out / f"preferences-{theme}.png"))
            preferences.reject()
            app.processEvents()
            from supportnet.data.recovery import RecoveryKeeper
            from supportnet.ui.start.recovery_dialog import RecoveryKeyDialog

            keeper = RecoveryKeeper.for_store(store, lambda: NOW)
            key_dialog = RecoveryKeyDialog(keeper.key_text(), window)
            key_dialog.show()
            written.append(_snap(key_dialog, out / f"recovery-key-{theme}.png"))
            key_dialog.close()
            app.processEvents()
            panel = window.open_hard_day()
            written.append(_snap(panel, out / f"hard-day-{theme}.png"))
            panel.close()
            app.processEvents()
            for name, help_window in help_dialogs(window):
                written.append(_snap(help_window, out / f"{name}-{theme}.png"))
                help_window.close()
                app.processEvents()
            for path in unlock_dialogs(out, theme, keeper.key_text(), crisis):
                written.append(path)
            _close(app, window)
        app.setPalette(light)
        written.append(today_in_german(out, app, tmp, crisis))
        _workers_done()
    for path in written:
        print(path)


def _workers_done() -> None:
    """Wait for every window's worker: a chart a closed window's Insights page started
    redrawing (a resize settling) would otherwise still be drawing as the tool exits, and
    Python ending under it aborts the process."""
    import threading

    while workers := [t for t in threading.enumerate() if t.name == "supportnet-worker"]:
        for worker in workers:
            worker.join()


def _close(app: QApplication, window: Any) -> None:
    """Close ``window`` once what it still has to do is done: a chart the Insights page
    starts redrawing after a resize settles would otherwise still be drawing on the
    window's worker thread as the tool exits, and Python ending under it aborts."""
    _settle(app, window)
    window.close()
    app.processEvents()
    window.background.wait()


def _snap(widget: QWidget, path: Path) -> Path:
    """``widget`` as it looks once pending events are handled, saved to ``path``."""
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def shown_window(
    services: Services, tmp: str, crisis: CrisisHelpService, now: datetime
) -> MainWindow:
    """The main window over the example network at ``now``, shown at the pictures' size."""
    from supportnet.ui.shell.main_window import MainWindow

    window = MainWindow(
        services,
        data_location=tmp,
        key_location="system keyring",
        clock=lambda: now,
        crisis=crisis,
    )
    window.resize(*SIZE)
    window.show()
    return window


def today_with_team(
    out: Path, theme: str, services: Services, tmp: str, crisis: CrisisHelpService
) -> list[Path]:
    """Today on the Sunday of the example's week, when the care team has check-ins."""
    sunday = NOW + timedelta(days=4, hours=-7)  # Sun 29 Nov, 10:30 London
    window = shown_window(services, tmp, crisis, sunday)
    path = _snap(window, out / f"today-care-{theme}.png")
    window.close()
    return [path]


def today_going_easy(out: Path, theme: str, window: MainWindow) -> Path:
    """Today while going easy (its line under the day, "Edit…"), then back as it was."""
    from supportnet.ui.shell.main_window import Page

    window.show_page(Page.TODAY)
    window.today.set_going_easy(TODAY + timedelta(days=7))
    path = _snap(window, out / f"today-easy-{theme}.png")
    window.today.set_going_easy(None)
    QApplication.processEvents()
    return path


def today_in_german(out: Path, app: QApplication, tmp: str, crisis: CrisisHelpService) -> Path:
    """Today with German chosen (its words run a third longer), then English again: over
    a second store whose example network was loaded in German, as a German user's is."""
    from supportnet.i18n import ENGLISH
    from supportnet.ui.language import install_language

    install_language(app, "de")
    try:
        with open_store(Path(tmp) / "data-de", keyring_backend=MemoryKeyring()) as store:
            load_demo(store, TODAY, "Europe/London")  # after the language, as at first start
            window = shown_window(Services.of(store), tmp, crisis, NOW)  # built in German
            _settle(app, window)
            path = _snap(window, out / "today-de.png")
            _close(app, window)
    finally:
        install_language(app, ENGLISH)
    return path


def unlock_dialogs(out: Path, theme: str, key: str, crisis: CrisisHelpService) -> list[Path]:
    """The passphrase dialog with its ways out (and the crisis lines "Need help now?"
    shows), and the recovery-key dialog with a typo."""
    from supportnet.data.keys import PassphrasePurpose
    from supportnet.ui.start.recovery_unlock import Reason, RecoveryUnlockDialog
    from supportnet.ui.start.unlock_dialog import UnlockDialog

    app = QApplication.instance()
    assert app is not None
    unlock = UnlockDialog(PassphrasePurpose.UNLOCK, offer_recovery=True, crisis=crisis)
    unlock.show()
    paths = [_snap(unlock, out / f"unlock-{theme}.png")]
    lines = unlock.help_link.show_lines()
    help_path = _snap(lines, out / f"unlock-help-{theme}.png")
    lines.close()
    unlock.close()

    def never(_text: str) -> object:
        raise AssertionError("a screenshot opens nothing")

    typo = key[:10] + ("Z" if key[10] != "Z" else "Y") + key[11:]
    dialog = RecoveryUnlockDialog(never, Reason.PASSPHRASE, crisis=crisis)  # type: ignore[arg-type]
    dialog.show()
    dialog.key_field.setText(typo.lower().replace("-", " "))
    app.processEvents()
    dialog.adjustSize()  # as the window manager would, once the note under the field shows
    paths += [_snap(dialog, out / f"recovery-unlock-{theme}.png"), help_path]
    dialog.close()
    app.processEvents()
    return paths


def help_dialogs(window: MainWindow) -> list[tuple[str, Any]]:
    """The Help menu's windows over ``window``, opened, by picture name (the voice test
    reads them too): the keyboard shortcuts and Getting started."""
    return [
        ("shortcuts", window.show_shortcuts()),
        ("getting-started", window.show_getting_started()),
    ]


def care_dialogs(services: Services) -> list[tuple[str, Any]]:
    """The care team's dialogs on the demo team, by picture name: the team, one check-in on
    the rota, a swapped date, and a check-in marked done (the voice test reads them too)."""
    from supportnet.model.days import long_date
    from supportnet.ui.care.done_dialog import DoneDialog
    from supportnet.ui.care.slot_editor import SlotEditorDialog
    from supportnet.ui.care.swap_dialog import SwapDialog
    from supportnet.ui.care.team_editor import TeamEditorDialog

    zone = "Europe/London"
    team = services.care_teams.list()[0]
    people = [(p.uid, p.display_name) for p in services.people.list_all()]
    view = services.care_teams.rota(team.uid, TODAY - timedelta(days=6), 28, zone)
    supporters: list[tuple[str | None, str]] = [(s.ref, s.name) for s in view.supporters]
    lines = [(day.day, line) for day in view.days for line in day.check_ins]
    done_day, done_line = [(d, x) for d, x in lines if d <= TODAY and x.supporter and x.time][-1]
    swap_day, swap_line = next((d, x) for d, x in lines if x.swapped)
    usual = team.slot(swap_line.slot_uid)
    return [
        ("care-team-editor", TeamEditorDialog(people, team)),
        (
            "care-team-checkin-editor",
            SlotEditorDialog(supporters, team.slots[0], zone, clock=lambda: NOW),
        ),
        (
            "care-team-swap",
            SwapDialog(
                supporters,
                swap_line,
                long_date(swap_day),
                usual=usual.supporter if usual else None,
            ),
        ),
        (
            "care-team-done",
            DoneDialog(
                supporters,
                done_line,
                long_date(done_day),
                zone=zone,
                clock=lambda: NOW,
                focus_name=view.focus_name,
            ),
        ),
    ]


def care_team_dialogs(out: Path, theme: str, services: Services) -> list[Path]:
    """Pictures of :func:`care_dialogs`."""
    app = QApplication.instance()
    assert app is not None
    dialogs = care_dialogs(services)
    paths = []
    for name, dialog in dialogs:
        dialog.show()
        paths.append(_snap(dialog, out / f"{name}-{theme}.png"))
        dialog.done(0)  # closed as it is: nothing was changed, so nothing is asked
        dialog.deleteLater()
        app.processEvents()
    return paths


if __name__ == "__main__":
    main()
