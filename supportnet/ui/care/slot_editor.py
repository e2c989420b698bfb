"""The rota's check-in editor: who takes it (or nobody yet), how, and when.

"When" is a plan's timing (on a schedule, every so often, or once, with its time zone),
with the very fields the plan editor uses (:mod:`supportnet.ui.plans.timing`). The plan's
target stays unused: every check-in on a rota is with the team's focus person.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from supportnet.i18n import N_, _
from supportnet.model.care import RotaSlot, SupporterRef
from supportnet.model.errors import Problem
from supportnet.model.network import ChannelKind
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.model.zones import today_in
from supportnet.ui.plans.fields import _combo, _row, _select
from supportnet.ui.plans.timing import TimingEditor
from supportnet.ui.plans.timing_layout import label_above
from supportnet.ui.plans.wording import NO_CHANNEL, next_text
from supportnet.ui.widgets.dialogs import DialogWidth, open_at_width, unsaved_changes
from supportnet.ui.widgets.editor_form import form_layout, heading_label, two_columns
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import title_label

#: The choice for a check-in nobody has taken yet.
OPEN_TEXT = N_("Open — nobody yet")
#: How a supporter no longer offered reads (their check-in stays theirs until changed).
GONE_TEXT = N_("Someone no longer in your network")

#: What each kind means on a rota.
SLOT_KIND_HINT = {
    PlanKind.FIXED: N_("The same days each week or month, like Tuesday evenings."),
    PlanKind.FLEXIBLE: N_("About every few days, counted from the last check-in with them."),
    PlanKind.ONE_OFF: N_("A single day, like the day after an appointment."),
}
SLOT_FLEXIBLE_HINT = N_("Any check-in with them counts, whoever it was with.")


def new_slot(today_date: date, zone: str) -> RotaSlot:
    """A fresh weekly check-in on ``today_date``'s weekday at 18:00 in ``zone``, open."""
    return RotaSlot(
        Plan(
            kind=PlanKind.FIXED,
            start_date=today_date,
            timezone=zone,
            window_start=time(18, 0),
            recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={today_date.weekday()}),
        )
    )


class SlotEditorDialog(TimingEditor):
    """Add or change one check-in on the rota.

    ``supporters`` are (ref, name) of the team's supporters, in the team's order; ``zone``
    is the user's time zone (a new check-in starts in it). :meth:`result_slot` is the slot
    the form holds (same uid as ``slot``); the dialog only accepts when it has no problems.
    """

    def __init__(
        self,
        supporters: list[tuple[SupporterRef, str]],
        slot: RotaSlot | None,
        zone: str,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        existing = slot is not None
        title = _("Edit a check-in on the rota") if existing else _("New check-in on the rota")
        super().__init__(title, lambda built: built, existing=existing, parent=parent)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._user_zone = zone
        self._slot = (
            copy.deepcopy(slot)
            if slot is not None
            else new_slot(today_in(self._clock(), zone), zone)
        )

        heading = title_label(title)
        self._build_when(SLOT_KIND_HINT, SLOT_FLEXIBLE_HINT)
        self._build_time_of_day()

        self.supporter_combo = QComboBox()
        self.supporter_combo.setAccessibleName(_("Who takes it"))
        for ref, name in supporters:
            self.supporter_combo.addItem(name, ref)
        known = {ref for ref, _name in supporters}
        if self._slot.supporter is not None and self._slot.supporter not in known:
            self.supporter_combo.addItem(_(GONE_TEXT), self._slot.supporter)
        self.supporter_combo.addItem(_(OPEN_TEXT), None)
        self.channel_combo = _combo(
            _("How"), [(_(NO_CHANNEL), None)] + [(c.label, c.value) for c in ChannelKind]
        )

        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(heading_label(_("When")))
        left.addWidget(self.kind_box)
        left.addWidget(self.message_for("kind", _("Kind of check-in: message"), self.kind_box))
        left.addSpacing(6)
        left.addWidget(self.date_holder)
        left.addWidget(self.pages)
        left.addStretch(1)

        how = QVBoxLayout()
        how.setSpacing(2)
        label_above(how, _("&Who takes it"), self.supporter_combo)
        how.addLayout(_row(self.supporter_combo, 1))
        how.addWidget(
            self.message_for("supporter", _("Who takes it: message"), self.supporter_combo)
        )
        how.addSpacing(4)
        label_above(how, _("&How"), self.channel_combo)
        how.addLayout(_row(self.channel_combo, 1))
        how.addWidget(self.message_for("channel", _("How: message"), self.channel_combo))
        how.addSpacing(4)
        self.add_time_of_day(how)
        how.addSpacing(4)
        self.add_zone(how)

        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(heading_label(_("Who and how")))
        right.addLayout(how)
        right.addStretch(1)

        columns = two_columns(left, right)

        self.preview = QLabel()
        self.preview.setAccessibleName(_("Next time"))
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)

        layout = form_layout(self, grows=True)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        layout.addWidget(self.preview)
        layout.addLayout(self.buttons_row())

        self._fill_timing(self._slot.plan)
        self.supporter_combo.setCurrentIndex(self.supporter_combo.findData(self._slot.supporter))
        plan_channel = self._slot.plan.channel
        _select(self.channel_combo, plan_channel.value if plan_channel else None)
        self._connect_timing()
        self.watch_many(("supporter",), self.supporter_combo.currentIndexChanged)
        self.watch_many(("channel",), self.channel_combo.currentIndexChanged)
        self._timing_ready()
        self.finish_setup()
        tab_order(
            [
                *self.when_tab_order(),
                self.supporter_combo,
                self.channel_combo,
                *self.time_tab_order(),
                self.zone_combo,
                self.cancel_button,
                self.save_button,
            ]
        )
        open_at_width(self, DialogWidth.EDITOR)
        self.kind_buttons[self._slot.plan.kind].setFocus()

    # --- reading -----------------------------------------------------------------------------

    def supporter(self) -> SupporterRef:
        data = self.supporter_combo.currentData()
        return data if isinstance(data, str) else None

    def build(self) -> RotaSlot:
        channel = self.channel_combo.currentData()
        plan = self.timing_of(self._slot.plan)
        plan.channel = ChannelKind(channel) if channel else None
        return RotaSlot(plan, self.supporter())

    def result_slot(self) -> RotaSlot:
        """The check-in as the form holds it (a copy, trimmed; same uid as the one given)."""
        slot = self.build()
        slot.plan.normalised()
        return slot

    def unsaved_message(self) -> str:
        return unsaved_changes("check-in")

    # --- checking ----------------------------------------------------------------------------

    def check_now(self) -> list[Problem]:
        """The slot's own checks (its plan's, but whom it is with), shown by each field."""
        self._check_timer.stop()
        slot = self.result_slot()
        self._problems = slot.problems()
        self._show_problems(self._problems)
        self.show_skipping(slot.plan, self._problems)
        # A rhythm's next date depends on the last check-in, which the rota page shows.
        quiet = bool(self._problems) or slot.plan.kind is PlanKind.FLEXIBLE
        self.preview.setText("" if quiet else next_text(slot.plan, self._clock(), self._user_zone))
        self.preview.setAccessibleDescription(self.preview.text())
        return self._problems

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        super()._show_problems(problems)
        self.grow_to_fit()

    def save(self) -> None:
        """Accept only a check-in without problems; the page stores it."""
        if self.check_now():
            return
        self._initial = self.build()
        self.accept()
