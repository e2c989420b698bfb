"""How the plan editor is laid out: the "How" column and the tab order (the "When" column and
the time fields are :mod:`.timing_layout`'s)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.model.network import ChannelKind
from supportnet.ui.plans.fields import _combo, _row
from supportnet.ui.plans.timing import TimingEditor
from supportnet.ui.plans.timing_layout import label_above
from supportnet.ui.plans.wording import NO_CHANNEL
from supportnet.ui.widgets.editor_form import notes_field
from supportnet.ui.widgets.keyboard import tab_order


class PlanEditorLayout(TimingEditor):
    """The plan editor's fields, built and laid out; :class:`PlanEditor` fills and reads them."""

    # --- building ----------------------------------------------------------------------------

    def _build_how(self) -> None:
        self.title_field = QLineEdit()
        self.title_field.setAccessibleName("Title")
        self.title_field.setPlaceholderText("e.g. Sunday call with Mum (optional)")
        self.channel_combo = _combo(
            "Way to reach out", [(NO_CHANNEL, None)] + [(c.label, c.value) for c in ChannelKind]
        )

        self._build_time_of_day()

        self.idea_field = notes_field("Conversation starter")
        self.idea_field.setPlaceholderText("A first sentence, e.g. “Thinking of you”")
        self.idea_field.setFixedHeight(self.idea_field.fontMetrics().height() * 3 + 12)
        self.ideas_button = QPushButton("I&deas")
        self.ideas_button.setAccessibleName("Choose a conversation starter")
        self.ideas_button.setToolTip("Pick a first sentence from your list of ideas")
        self.ideas_menu = QMenu(self.ideas_button)
        self.ideas_menu.setAccessibleName("Conversation starters")
        self.ideas_button.setMenu(self.ideas_menu)
        self.notes_field = notes_field("Notes")
        self.notes_field.setPlaceholderText("Anything that helps (optional)")
        self.notes_field.setFixedHeight(self.notes_field.fontMetrics().height() * 3 + 12)
        self.paused_check = QCheckBox("Paused: keep this plan, but don't suggest it for now")
        self.paused_check.setAccessibleName("Paused")
        self.paused_check.setAccessibleDescription("Keep this plan, but don't suggest it for now")

        how = QVBoxLayout()
        how.setSpacing(2)

        label_above(how, "&Title", self.title_field)
        how.addWidget(self.title_field)
        how.addWidget(self.message_for("title", "Title: message", self.title_field))
        how.addSpacing(4)
        label_above(how, "&Way to reach out", self.channel_combo)
        how.addLayout(_row(self.channel_combo, 1))
        how.addWidget(self.message_for("channel", "Way to reach out: message", self.channel_combo))
        how.addSpacing(4)
        self.add_time_of_day(how)
        how.addSpacing(4)
        self.add_zone(how)
        how.addSpacing(4)
        starter_label = QLabel("&Conversation starter")
        starter_label.setBuddy(self.idea_field)
        starter_row = QHBoxLayout()
        starter_row.addWidget(starter_label, 1)
        starter_row.addWidget(self.ideas_button)
        how.addLayout(starter_row)
        how.addWidget(self.idea_field)
        how.addWidget(
            self.message_for("message_idea", "Conversation starter: message", self.idea_field)
        )
        label_above(how, "&Notes", self.notes_field)
        how.addWidget(self.notes_field)
        how.addWidget(self.message_for("notes", "Notes: message", self.notes_field))
        how.addSpacing(6)
        how.addWidget(self.paused_check)
        self.how_layout = how

    def set_ideas(self, ideas: Sequence[str]) -> None:
        """The first sentences offered under "Ideas"."""
        self.ideas_menu.clear()
        for text in ideas:
            action = self.ideas_menu.addAction(text.replace("&", "&&"))
            action.triggered.connect(lambda _=False, t=text: self._use_idea(t))
        self.ideas_button.setVisible(bool(ideas))

    def _use_idea(self, text: str) -> None:
        self.idea_field.setPlainText(text)
        self.idea_field.setFocus()

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [
            *self.when_tab_order(),
            self.title_field,
            self.channel_combo,
            *self.time_tab_order(),
            self.zone_combo,
            self.ideas_button,
            self.idea_field,
            self.notes_field,
            self.paused_check,
            self.cancel_button,
            self.save_button,
        ]
        tab_order(order)
