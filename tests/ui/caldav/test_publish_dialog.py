"""File ▸ Publish to a calendar server: the dialog with the keyboard, against a real Radicale
on 127.0.0.1; the outcome is one line beside the button."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from supportnet.data import server_passwords
from supportnet.model.plans import Plan
from supportnet.services.caldav_publish import CalendarPublishing
from supportnet.ui.caldav.dialog import KEPT, PublishDialog
from tests.data.storekit import MemoryKeyring
from tests.services.caldav_server import PASSWORD, USER, Server, radicale
from tests.services.test_caldav_publish import plans
from tests.services.test_rota_export import NOW, World, world

__all__ = ["plans", "world"]  # fixtures, used below


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with radicale(tmp_path) as running:
        yield running


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def dialog(qtbot: Any, world: World, plans: list[Plan], keyring: MemoryKeyring) -> PublishDialog:
    shown = PublishDialog(CalendarPublishing(world.store, keyring), lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _fill(qtbot: Any, dialog: PublishDialog, url: str, password: str) -> None:
    dialog.url_field.setFocus()
    qtbot.keyClicks(dialog.url_field, url)
    qtbot.keyClick(dialog.url_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.user_field
    qtbot.keyClicks(dialog.user_field, USER)
    qtbot.keyClick(dialog.user_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.password_field
    qtbot.keyClicks(dialog.password_field, password)


def _publish_with_enter(qtbot: Any, dialog: PublishDialog) -> Any:
    with qtbot.waitSignal(dialog.published, timeout=60_000) as signal:
        qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)
    return signal.args[0]


def test_every_control_is_named_and_reached_with_tab(dialog: PublishDialog) -> None:
    dialog.supporter_radio.setChecked(True)
    controls: list[QWidget] = [
        dialog.url_field,
        dialog.user_field,
        dialog.password_field,
        dialog.privacy_combo,
        dialog.team_combo,
        dialog.supporter_combo,
        dialog.publish_button,
        dialog.close_button,
    ]
    for control in controls:
        assert control.accessibleName(), control
    dialog.url_field.setFocus()
    seen: list[QWidget] = []
    widget: QWidget = dialog.url_field
    for _ in range(40):
        seen.append(widget)
        widget = widget.nextInFocusChain()
    reachable = [w for w in seen if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()]
    assert set(controls) <= set(reachable)
    assert dialog.me_radio in reachable or dialog.supporter_radio in reachable
    assert dialog.outcome.accessibleName() == "Outcome"


def test_publish_from_the_keyboard_keeps_the_password_in_the_keyring_only(
    qtbot: Any, dialog: PublishDialog, world: World, server: Server, keyring: MemoryKeyring
) -> None:
    _fill(qtbot, dialog, server.url(), PASSWORD)
    done = _publish_with_enter(qtbot, dialog)
    assert done is not None
    assert dialog.outcome.text() == (
        f"Published 3 check-ins to {server.url()}: 3 new, 0 changed, 0 removed."
    )
    assert len(server.items()) == 3
    entry = server_passwords.entry_name(server.url(), USER)
    assert keyring.entries == {(server_passwords.SERVICE, entry): PASSWORD}
    assert dialog.password_field.text() == ""
    assert dialog.password_field.placeholderText() == KEPT
    settings = world.store.settings.load()
    assert (settings.caldav_url, settings.caldav_username) == (server.url(), USER)
    assert PASSWORD not in repr(settings)
    assert dialog.publish_button.isEnabled()
    # Again, with the kept password: nothing is sent.
    server.methods.clear()
    with qtbot.waitSignal(dialog.published, timeout=60_000):
        dialog.publish_button.click()
    assert dialog.outcome.text().endswith("nothing had changed.")
    assert server.methods["PUT"] == 0


def test_a_wrong_password_is_one_calm_line_and_nothing_is_remembered(
    qtbot: Any, dialog: PublishDialog, world: World, server: Server, keyring: MemoryKeyring
) -> None:
    _fill(qtbot, dialog, server.url(), "not it")
    assert _publish_with_enter(qtbot, dialog) is None
    text = dialog.outcome.text()
    assert "refused the user name or password" in text
    assert "\n" not in text
    assert "!" not in text
    assert world.store.settings.load().caldav_url == ""
    assert keyring.entries == {}, "a password the server refused is not kept"
    assert server.items() == {}


def test_a_supporter_s_part_is_published_from_the_dialog(
    qtbot: Any, dialog: PublishDialog, server: Server
) -> None:
    _fill(qtbot, dialog, server.url("shiv"), PASSWORD)
    dialog.supporter_radio.setChecked(True)
    assert dialog.team_combo.currentText() == "Around Dan"
    names = [dialog.supporter_combo.itemText(i) for i in range(dialog.supporter_combo.count())]
    assert names == ["Auntie Shiv", "Priya Raman", "Tom Reed", "You"], "as the export offers"
    dialog.supporter_combo.setCurrentIndex(names.index("Auntie Shiv"))
    with qtbot.waitSignal(dialog.published, timeout=60_000) as signal:
        dialog.publish_button.click()
    assert signal.args[0] is not None
    assert dialog.outcome.text().startswith("Published 1 rota check-in to ")
    data = b"".join(server.items("shiv").values())
    assert b"Priya" not in data
    assert b"Tom" not in data


def test_plain_http_to_another_computer_is_refused_before_connecting(
    qtbot: Any, dialog: PublishDialog
) -> None:
    _fill(qtbot, dialog, "http://calendar.example.org/sam/", PASSWORD)
    qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)
    assert "must start with https://" in dialog.outcome.text()
    assert dialog.publish_button.isEnabled()


def test_file_menu_opens_it_without_connecting_and_its_alt_keys_are_distinct(
    qtbot: Any, demo_store: Any, clock: Any, keyring: MemoryKeyring
) -> None:
    from supportnet.services.registry import Services
    from supportnet.ui.shell.main_window import MainWindow
    from tests.ui.test_alt_keys import alt_keys, clashes

    window = MainWindow(Services.of(demo_store), data_location="/d", key_location="k", clock=clock)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.publish_action in file_menu.actions()
    assert clashes(alt_keys(file_menu)) == {}
    window.publish_action.trigger()
    (dialog,) = window.findChildren(PublishDialog)
    assert dialog.isVisible()
    assert dialog.outcome.text() == "", "nothing happens until Publish"
    assert clashes(alt_keys(dialog)) == {}
    dialog.reject()
