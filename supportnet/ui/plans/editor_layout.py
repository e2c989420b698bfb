"""How the plan editor is laid out: the "How" column, "More options" and the tab order (the
"When" column and the time fields are :mod:`.timing_layout`'s)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.network import ChannelKind
from supportnet.model.plans import Plan, PlanKind
from supportnet.model.zones import same_clocks
from supportnet.ui.plans.fields import _combo, _row
from supportnet.ui.plans.timing import TimingEditor
from supportnet.ui.plans.timing_layout import label_above
from supportnet.ui.plans.wording import NO_CHANNEL, zone_names
from supportnet.ui.widgets.disclosure import Disclosure
from supportnet.ui.widgets.editor_form import notes_field, two_columns
from supportnet.ui.widgets.keyboard import tab_order

#: The fields behind "More options" (by the names their messages go by).
MORE_FIELDS = ("title", "until", "skips", "duration_minutes", "timezone", "message_idea", "notes")
ZONE_TIP = N_("Someone abroad? Choose their zone and the times follow their clocks.")


class PlanEditorLayout(TimingEditor):
    """The plan editor's fields, built and laid out; :class:`PlanEditor` fills and reads them."""

    # --- building ----------------------------------------------------------------------------

    def _build_how(self) -> None:
        self.title_field = QLineEdit()
        self.title_field.setAccessibleName(_("Title"))
        self.title_field.setPlaceholderText(_("e.g. Sunday call with Mum (optional)"))
        self.channel_combo = _combo(
            _("Way to reach out"),
            [(_(NO_CHANNEL), None)] + [(c.label, c.value) for c in ChannelKind],
        )

        self._build_time_of_day()

        self.idea_field = notes_field(_("Conversation starter"))
        self.idea_field.setPlaceholderText(_("A first sentence, e.g. “Thinking of you”"))
        self.idea_field.setFixedHeight(self.idea_field.fontMetrics().height() * 3 + 12)
        self.ideas_button = QPushButton(_("I&deas"))
        self.ideas_button.setAccessibleName(_("Choose a conversation starter"))
        self.ideas_button.setToolTip(_("Pick a first sentence from your list of ideas"))
        self.ideas_menu = QMenu(self.ideas_button)
        self.ideas_menu.setAccessibleName(_("Conversation starters"))
        self.ideas_button.setMenu(self.ideas_menu)
        self.notes_field = notes_field(_("Notes"))
        self.notes_field.setPlaceholderText(_("Anything that helps (optional)"))
        self.notes_field.setFixedHeight(self.notes_field.fontMetrics().height() * 3 + 12)
        self.paused_check = QCheckBox(_("Paused: keep this plan, but don't suggest it for now"))
        self.paused_check.setAccessibleName(_("Paused"))
        self.paused_check.setAccessibleDescription(
            _("Keep this plan, but don't suggest it for now")
        )

        # The common fields: the way to reach out and the time of day ("How").
        how = QVBoxLayout()
        how.setSpacing(2)
        label_above(how, _("&Way to reach out"), self.channel_combo)
        how.addLayout(_row(self.channel_combo, 1))
        how.addWidget(
            self.message_for("channel", _("Way to reach out: message"), self.channel_combo)
        )
        how.addSpacing(4)
        self.add_time_of_day(how, with_duration=False)
        # Whose clocks the times follow stays in sight when the zone isn't the user's own.
        how.addWidget(self.zone_hint)
        self.how_layout = how
        self._build_more()

    def _build_more(self) -> None:
        """The rest behind "More options": the title, the end date and days left out, how
        long it takes, the time zone, the conversation starter, the notes and pausing."""
        self.more = Disclosure(_("&More options"), _("More options"))
        self.zone_combo.setToolTip(_(ZONE_TIP))
        left = QVBoxLayout()
        left.setSpacing(2)
        label_above(left, _("&Title"), self.title_field)
        left.addWidget(self.title_field)
        left.addWidget(self.message_for("title", _("Title: message"), self.title_field))
        # The end date and the days left out belong to a schedule; they move here.
        left.addWidget(self.fixed_extras)
        left.addSpacing(4)
        self.add_duration(left)
        left.addSpacing(4)
        label_above(left, _("Time &zone"), self.zone_combo)
        left.addWidget(self.zone_combo)
        left.addWidget(self.message_for("timezone", _("Time zone: message"), self.zone_combo))
        left.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(2)
        starter_label = QLabel(_("&Conversation starter"))
        starter_label.setBuddy(self.idea_field)
        starter_row = QHBoxLayout()
        starter_row.addWidget(starter_label, 1)
        starter_row.addWidget(self.ideas_button)
        right.addLayout(starter_row)
        right.addWidget(self.idea_field)
        right.addWidget(
            self.message_for("message_idea", _("Conversation starter: message"), self.idea_field)
        )
        label_above(right, _("&Notes"), self.notes_field)
        right.addWidget(self.notes_field)
        right.addWidget(self.message_for("notes", _("Notes: message"), self.notes_field))
        right.addSpacing(6)
        right.addWidget(self.paused_check)
        right.addStretch(1)
        self.more.body_layout.addLayout(two_columns(left, right))
        self.more.button.toggled.connect(self._fit_height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Wrapped lines know their height only at the width the dialog is shown at.
        self._fit_height()

    def _fit_height(self, *_args: Any) -> None:
        """As tall as the fields need: taller when "More options" opens, shorter again when
        it closes (its wrapped lines counted at the width the dialog has)."""
        layout = self.layout()
        if layout is None:
            return
        # A section just hidden or shown counts once its layout requests are handled.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        self.resize(self.width(), max(needed, layout.totalMinimumSize().height()))

    def more_in_use(self, plan: Plan, defaults: Plan) -> bool:
        """Whether a field behind "More options" holds something other than ``defaults``'s
        (a fresh plan's) value, or shows a message: then the section opens by itself."""
        rec = plan.recurrence
        held = (
            plan.title.strip() != defaults.title.strip(),
            plan.kind is PlanKind.FIXED and rec is not None and bool(rec.until or rec.skips),
            plan.duration_minutes != defaults.duration_minutes,
            plan.timezone != defaults.timezone,
            bool(plan.message_idea.strip()),
            bool(plan.notes.strip()),
            plan.paused,
        )
        return any(held) or self.more_has_message()

    def more_has_message(self) -> bool:
        """Whether a field behind "More options" shows a message now."""
        return any(self.messages[f].text() for f in MORE_FIELDS if f in self.messages)

    def _kind_changed(self, *args: Any) -> None:
        super()._kind_changed(*args)
        # Moved out of the schedule's page, so they follow the kind here.
        self.fixed_extras.setVisible(self.kind() is PlanKind.FIXED)

    def _update_zone_hint(self, *args: Any) -> None:
        super()._update_zone_hint(*args)
        zone = self.zone_combo.currentText().strip()
        if zone in zone_names() and same_clocks(zone, self._user_zone):
            # "Someone abroad?" is the zone field's tooltip here; the line is for real news.
            self.zone_hint.setVisible(False)

    def set_ideas(self, ideas: Sequence[str]) -> None:
        """The first sentences offered under "Ideas"."""
        self.ideas_menu.clear()
        for text in ideas:
            action = self.ideas_menu.addAction(text.replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, t=text: self._use_idea(t))
        self.ideas_button.setVisible(bool(ideas))

    def _use_idea(self, text: str) -> None:
        self.idea_field.setPlainText(text)
        self.idea_field.setFocus()

    def _set_tab_order(self) -> None:
        extras = self.fixed_extras.findChildren(QWidget)
        times = self.time_tab_order()
        order: list[QWidget] = [
            *(w for w in self.when_tab_order() if w not in extras),
            self.channel_combo,
            *(w for w in times if w is not self.duration_field),
            self.more.button,
            self.title_field,
            *(w for w in self.when_tab_order() if w in extras),
            self.duration_field,
            self.zone_combo,
            self.ideas_button,
            self.idea_field,
            self.notes_field,
            self.paused_check,
            self.cancel_button,
            self.save_button,
        ]
        tab_order(order)
