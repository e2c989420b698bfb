"""The Today page's layout: the day, the going-easy line, the cards and a footer.

Nothing on it is a default button: each card's answers weigh the same, and the page
leaves the choice to the person.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.ui.today.cards import (
    CONTENT_WIDTH_CHARS,
    EMPTY_MORE,
    EMPTY_TITLE,
    IDEAS_TEXT,
    INTRO,
    INTRO_ONE,
    LOG_TEXT,
    THEY_TEXT,
    TITLE,
    Card,
    EasyBanner,
    LowEnergyLine,
    SuggestionCard,
    _button,
    _scaled,
    _text,
)
from supportnet.ui.today.care_card import CareTeamCard
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.reading_page import reading_column, scroll_page


class TodayPageView(QWidget):
    """Layout only: the day, the going-easy line, the cards or a kind empty state, and a footer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Today"))
        #: Every card on the page, in order: what the gentle cap counts.
        self.cards: list[Card] = []
        #: The care team card among them, if the teams have check-ins today.
        self.team_card: CareTeamCard | None = None

        self.title_label = _scaled(_text(_(TITLE), _("Today"), wrap=False), 1.6, bold=True)
        self.date_label = _scaled(_text("", _("Date")), 1.1)
        # Under the day: the quiet offer to go easy, or (while going easy) how things are.
        self.low_energy = LowEnergyLine()
        self.easy_button = self.low_energy.easy_button
        self.banner = EasyBanner()
        self.banner.setVisible(False)
        self.intro_label = _text(_(INTRO), _("About these suggestions"))

        self.cards_holder = QWidget()
        self.cards_holder.setAccessibleName(_("Suggestions"))
        self.cards_layout = QVBoxLayout(self.cards_holder)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(12)

        self.empty_holder = QWidget()
        self.empty_holder.setAccessibleName(_("Nothing planned for today"))
        self.empty_title = _scaled(_text(_(EMPTY_TITLE)), 1.25, bold=False)
        self.empty_more = _text(_(EMPTY_MORE))
        self.empty_log_button = _button(
            _(LOG_TEXT), _("Log a check-in"), _("Note a contact with anyone (Ctrl+L)")
        )
        empty_layout = QVBoxLayout(self.empty_holder)
        empty_layout.setContentsMargins(0, 24, 0, 24)
        empty_layout.setSpacing(10)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_more)
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.empty_log_button)
        empty_row.addStretch(1)
        empty_layout.addSpacing(6)
        empty_layout.addLayout(empty_row)

        self.log_button = _button(
            _(LOG_TEXT), _("Log a check-in"), _("Note a contact with anyone (Ctrl+L)")
        )
        self.they_button = _button(
            _(THEY_TEXT),
            _("Someone reached out to me"),
            _("Note that someone got in touch with you (Ctrl+Shift+L)"),
        )
        self.ideas_button = _button(
            _(IDEAS_TEXT), _("Message ideas"), _("First sentences to copy, change and add to")
        )
        footer = QHBoxLayout()
        footer.setSpacing(8)
        footer.addWidget(self.log_button)
        footer.addWidget(self.they_button)
        footer.addStretch(1)
        footer.addWidget(self.ideas_button)

        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.title_label)
        heading.addWidget(self.date_label)
        heading.addWidget(self.low_energy)
        heading.addWidget(self.banner)

        column, column_layout = reading_column(self, CONTENT_WIDTH_CHARS)
        column_layout.setContentsMargins(24, 24, 24, 24)
        column_layout.setSpacing(10)
        column_layout.addLayout(heading)
        column_layout.addSpacing(4)
        column_layout.addWidget(self.intro_label)
        column_layout.addSpacing(4)
        column_layout.addWidget(self.cards_holder)
        column_layout.addWidget(self.empty_holder)
        column_layout.addSpacing(8)
        column_layout.addLayout(footer)
        column_layout.addStretch(1)

        self.scroll_area = scroll_page(self, column, _("Today"))

    def set_date(self, text: str) -> None:
        self.date_label.setText(text)
        self.date_label.setAccessibleDescription(text)

    def set_going_easy(self, text: str | None) -> None:
        self.banner.setVisible(text is not None)
        self.banner.set_text(text or "")
        self.low_energy.setVisible(text is None)

    @property
    def suggestion_cards(self) -> list[SuggestionCard]:
        return [card for card in self.cards if isinstance(card, SuggestionCard)]

    def set_cards(
        self, cards: Sequence[SuggestionCard], team_card: CareTeamCard | None = None
    ) -> None:
        """The user's own suggestions, then the care team card (when there is one)."""
        for old in self.cards:
            self.cards_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.team_card = team_card
        self.cards = [*cards, *([team_card] if team_card is not None else [])]
        for card in self.cards:
            self.cards_layout.addWidget(card)
            card.show()  # at once, not at the next turn of the event loop
        has = bool(self.cards)
        self.cards_holder.setVisible(has)
        self.intro_label.setText(_(INTRO_ONE) if len(cards) == 1 else _(INTRO))
        self.intro_label.setVisible(bool(cards))
        self.empty_holder.setVisible(not has)
        # The empty state has its own "Log a check-in…"; one is enough.
        self.log_button.setVisible(has)
        self._order_focus()

    def _order_focus(self) -> None:
        # As the page reads: the going-easy line under the day, the cards, the footer.
        order: list[QWidget] = [
            self.easy_button,
            self.banner.edit_button,
            self.banner.stop_button,
        ]
        for card in self.cards:
            order.extend(card.focus_order())
        order += [
            self.empty_log_button,
            self.log_button,
            self.they_button,
            self.ideas_button,
        ]
        tab_order(order)

    def visible_texts(self) -> list[str]:
        """Every piece of text a person can see on the page (for checking its words)."""
        texts: list[str] = []
        for widget in self.findChildren(QWidget):
            if not widget.isVisibleTo(self):
                continue
            if isinstance(widget, (QLabel, QPushButton)) and widget.text():
                texts.append(widget.text().replace("&", ""))
        return texts
