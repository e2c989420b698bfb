"""Today's calmer controls: nothing emphasised, the way to reach on each card with Copy,
and "Go easy" as a quiet line under the day, all reachable from the keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton, QStyleOptionButton, QWidget

from supportnet.model.network import ChannelKind, ContactChannel
from supportnet.services import Services
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.today.cards import COPIED_TEXT, COPY_TEXT, SuggestionCard
from tests.ui.conftest import NOW, ZONE
from tests.ui.tab_walk import tab_walk


@pytest.fixture
def london(demo_store: Any) -> Any:
    """The example network in the person's own zone, with room for four cards."""
    settings = demo_store.settings.load()
    settings.timezone = ZONE
    settings.suggestions_per_day = 4  # Lucía, the Thursday circle, Quiet Harbour forum
    demo_store.settings.save(settings)
    return demo_store


def _shown(qtbot: Any, store: Any) -> MainWindow:
    window = MainWindow(
        Services.of(store),
        data_location="/data/here",
        key_location="the system keyring",
        clock=lambda: NOW,
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _card(window: MainWindow, name: str) -> SuggestionCard:
    card = window.today.card_for(name)
    assert card is not None, name
    return card


def _drawn_as_default(button: QPushButton) -> bool:
    """What the style is told when it paints the button: "draw me as the default"."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    return bool(option.features & QStyleOptionButton.ButtonFeature.DefaultButton)


def _buttons(window: MainWindow) -> list[QPushButton]:
    view = window.today.view
    return [b for b in view.findChildren(QPushButton) if b.isVisibleTo(view)]


# --- one emphasised thing at most ---------------------------------------------------------------


def test_no_button_on_today_is_the_default_or_drawn_as_one(qtbot: Any, london: Any) -> None:
    window = _shown(qtbot, london)
    buttons = _buttons(window)
    assert len(window.today.cards) == 3
    assert len(buttons) > 12
    assert [b.text() for b in buttons if b.isDefault()] == []
    assert [b.text() for b in buttons if _drawn_as_default(b)] == []
    # Walking the page from the keyboard, the focused button is the only one drawn so.
    first = window.today.cards[0].done_button
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    for _ in range(len(buttons)):
        drawn = [b for b in _buttons(window) if _drawn_as_default(b)]
        assert len(drawn) <= 1, [b.text() for b in drawn]
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)


# --- the way to reach them ----------------------------------------------------------------------


def test_the_card_shows_the_preferred_way_to_reach_and_copy_puts_it_on_the_clipboard(
    qtbot: Any, london: Any
) -> None:
    window = _shown(qtbot, london)
    lucia = _card(window, "Lucía Fernández")
    assert lucia.reach_holder.isVisibleTo(lucia)
    assert lucia.reach_label.full_text == "Phone · 07700 900127"  # her preferred: the call
    assert lucia.reach_label.accessibleName() == "How to reach Lucía Fernández"
    copy = lucia.reach_copy_button
    assert copy.text() == COPY_TEXT
    assert copy.accessibleName() == "Copy Lucía Fernández's number"

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "07700 900127"
    # Said in words where the eye is, and to a screen reader.
    assert copy.text() == COPIED_TEXT
    assert copy.accessibleDescription() == "Copied Lucía Fernández's number"
    assert window.note.text() == "Copied"
    copy.reset()  # what its timer does a moment later
    assert copy.text() == COPY_TEXT
    assert copy.accessibleDescription() == ""


def test_a_group_shows_its_link_and_copy_gives_the_whole_link(qtbot: Any, london: Any) -> None:
    window = _shown(qtbot, london)
    forum = _card(window, "Quiet Harbour forum")
    assert forum.reach_label.full_text == "Link · forum.example.org/quiet-harbour"
    assert forum.reach_copy_button.accessibleName() == "Copy Quiet Harbour forum's link"
    QGuiApplication.clipboard().clear()
    forum.reach_copy_button.click()
    assert QGuiApplication.clipboard().text() == "https://forum.example.org/quiet-harbour"
    # The Thursday circle meets in a room and has no link: nothing is said about it.
    circle = _card(window, "Thursday peer support circle")
    assert not circle.reach_holder.isVisibleTo(circle)


def test_no_way_written_down_says_nothing_and_an_empty_preferred_way_gives_way(
    qtbot: Any, london: Any
) -> None:
    services = Services.of(london)
    lucia = next(p for p in services.people.list_all() if p.name == "Lucía Fernández")
    lucia.channels = []
    services.people.update(lucia)
    window = _shown(qtbot, london)
    card = _card(window, "Lucía Fernández")
    assert not card.reach_holder.isVisibleTo(card)
    seen = " ".join(window.today.view.visible_texts()).casefold()
    for quiet in ("no number", "no way", "unknown", "number"):
        assert quiet not in seen

    # Her preferred way with nothing written down: the first way that has a detail.
    lucia.channels = [
        ContactChannel(ChannelKind.VIDEO, "", preferred=True),
        ContactChannel(ChannelKind.TEXT, "07700 900555"),
    ]
    services.people.update(lucia)
    window.refresh()
    card = _card(window, "Lucía Fernández")
    assert card.reach_holder.isVisibleTo(card)
    assert card.reach_label.full_text == "Text · 07700 900555"


def test_the_message_idea_copy_says_copied_on_the_button_too(qtbot: Any, london: Any) -> None:
    window = _shown(qtbot, london)
    card = _card(window, "Lucía Fernández")
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("I've been thinking of you.")
    assert card.copy_button.text() == COPIED_TEXT
    assert card.copy_button.accessibleDescription() == (
        "Copied the message idea for Lucía Fernández"
    )
    assert card.reach_copy_button.text() == COPY_TEXT  # only the one pressed says so


# --- go easy, under the day ---------------------------------------------------------------------


def test_go_easy_is_a_quiet_line_under_the_day_reached_from_the_keyboard(
    qtbot: Any, london: Any
) -> None:
    window = _shown(qtbot, london)
    today = window.today
    view = today.view
    easy = view.easy_button
    assert easy.isVisibleTo(view)
    assert easy.text() == "Go easy this week…"
    assert easy.accessibleName() == "Go easy this week"
    assert view.low_energy.text_label.text() == "Low on energy?"
    assert easy.isFlat()
    # Under the day, above the cards.
    date_bottom = view.date_label.mapTo(view, view.date_label.rect().bottomLeft()).y()
    easy_top = easy.mapTo(view, easy.rect().topLeft()).y()
    first_card_top = today.cards[0].mapTo(view, today.cards[0].rect().topLeft()).y()
    assert date_bottom <= easy_top < first_card_top

    # From the keyboard: Shift+Tab back from the first card lands on it; Space opens it.
    first = today.cards[0].focus_order()[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Backtab)
    assert easy.hasFocus()
    qtbot.keyClick(easy, Qt.Key.Key_Space)
    dialog = today.easy_dialog
    assert dialog is not None
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: today.easy_dialog is None)

    # Going easy: the line says so, with "Edit…" (the one verb) and "Stop going easy".
    banner = view.banner
    assert banner.isVisibleTo(view)
    assert not easy.isVisibleTo(view)
    assert banner.edit_button.text() == "Edit…"
    assert banner.edit_button.accessibleName() == "Edit going easy"
    assert banner.stop_button.accessibleName() == "Stop going easy"
    assert "Change…" not in [b.text() for b in _buttons(window)]
    banner.edit_button.setFocus()
    qtbot.waitUntil(banner.edit_button.hasFocus)
    qtbot.keyClick(banner.edit_button, Qt.Key.Key_Return)
    again = today.easy_dialog
    assert again is not None
    assert again.until() == london.settings.load().low_energy_until
    again.reject()
    qtbot.waitUntil(lambda: today.easy_dialog is None)


# --- Tab goes as the page reads -----------------------------------------------------------------


def _stop(widget: QWidget) -> bool:
    return isinstance(widget, QPushButton)


def test_tab_goes_as_the_page_reads(qtbot: Any, london: Any) -> None:
    window = _shown(qtbot, london)
    today = window.today
    view = today.view
    focusable, reached = tab_walk(view, view.easy_button, keep=_stop)
    assert set(focusable) <= set(reached)
    chain = reached[: reached.index(view.ideas_button) + 1]
    expected: list[QWidget] = [view.easy_button]
    for card in view.cards:  # the care team card's too, last
        expected += card.focus_order()
    assert view.cards[-1] is today.team_card
    expected += [view.log_button, view.they_button, view.ideas_button]
    assert chain == expected
    lucia = _card(window, "Lucía Fernández")
    # Within a card: the way to reach's Copy, the idea's, then the three answers.
    assert lucia.focus_order() == [
        lucia.reach_copy_button,
        lucia.copy_button,
        lucia.done_button,
        lucia.not_today_button,
        lucia.another_day_button,
    ]
    for button in _buttons(window):
        assert button.accessibleName(), button.text()
