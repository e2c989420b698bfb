"""The plan editor: on a schedule, every so often, or once; checked as you type.

The plain wording of plans it shares with the plans panel and the agenda is in
:mod:`supportnet.ui.plans.wording`; its fields in :mod:`supportnet.ui.plans.fields`; the
timing fields it shares with the rota's check-in editor in :mod:`supportnet.ui.plans.timing`.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.model.errors import Problem
from supportnet.model.network import ChannelKind
from supportnet.model.plans import Plan
from supportnet.scheduling import Postponement
from supportnet.ui.plans.editor_layout import PlanEditorLayout
from supportnet.ui.plans.fields import _select
from supportnet.ui.plans.wording import next_text
from supportnet.ui.widgets.dialogs import DialogWidth, open_at_width, unsaved_changes
from supportnet.ui.widgets.editor_form import (
    form_layout,
    heading_label,
    hint_label,
    two_columns,
)
from supportnet.ui.widgets.labels import title_label


class PlanEditor(PlanEditorLayout):
    """Add or edit a plan of any kind. Every field of :class:`Plan` is here.

    ``plan`` is the plan to change, or a fresh one (without an id) holding the target and
    the defaults; :func:`new_plan` makes one. ``clock`` and ``user_zone`` drive the
    "Next: …" preview; ``last_contact`` is the target's latest check-in (flexible plans
    count from it); ``postponements`` are the active ones, so a moved occurrence is
    previewed where it went, as the Plans table says it; ``ideas`` fill the "Ideas" menu
    beside the conversation starter.
    """

    def __init__(
        self,
        plan: Plan,
        on_save: Callable[[Plan], Any],
        parent: QWidget | None = None,
        *,
        target_name: str,
        clock: Callable[[], datetime],
        user_zone: str,
        last_contact: datetime | None = None,
        postponements: Sequence[Postponement] = (),
        ideas: Sequence[str] = (),
    ) -> None:
        existing = plan.id is not None
        if existing:
            title = _("Edit a plan for {name}").format(name=target_name)
        else:
            title = _("New plan for {name}").format(name=target_name)
        super().__init__(title, on_save, existing=existing, parent=parent)
        self._base = copy.deepcopy(plan)
        self._clock = clock
        self._user_zone = user_zone
        self._last_contact = last_contact
        self._postponements = tuple(postponements)

        heading = title_label(title)
        intro = hint_label(_("A plan is a gentle reminder, never a deadline. Edit it any time."))
        intro.setWordWrap(True)

        self._build_when()
        self._build_how()
        self.set_ideas(ideas)

        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(heading_label(_("When")))
        left.addWidget(self.kind_box)
        left.addWidget(self.message_for("kind", _("Kind of plan: message"), self.kind_box))
        left.addWidget(self.message_for("target", _("Who it is for: message")))
        left.addSpacing(6)
        left.addWidget(self.date_holder)
        left.addWidget(self.pages)
        left.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(heading_label(_("How")))
        right.addLayout(self.how_layout)
        right.addStretch(1)

        columns = two_columns(left, right)

        self.preview = QLabel()
        self.preview.setAccessibleName(_("Next time"))
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        preview_font = self.preview.font()
        preview_font.setPointSizeF(preview_font.pointSizeF() * 1.08)
        self.preview.setFont(preview_font)

        layout = form_layout(self, grows=True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(columns, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.preview)
        layout.addLayout(self.buttons_row())

        self._fill(self._base)
        self._connect()
        self._timing_ready()
        self.finish_setup()
        # Nothing that matters stays hidden: a value of its own or a message opens the rest.
        fresh = Plan(kind=plan.kind, start_date=plan.start_date, timezone=user_zone)
        if self.more_in_use(self._base, fresh):
            self.more.open()
        self._set_tab_order()
        open_at_width(self, DialogWidth.EDITOR)
        self._fit_height()
        self.kind_buttons[self._base.kind].setFocus()

    def _connect(self) -> None:
        self._connect_timing()
        self.watch_many(("title",), self.title_field.textChanged)
        self.watch_many(("channel",), self.channel_combo.currentIndexChanged)
        self.watch_many(("message_idea",), self.idea_field.textChanged)
        self.watch_many(("notes",), self.notes_field.textChanged)
        self.watch_many(("paused",), self.paused_check.toggled)

    # --- filling and reading -----------------------------------------------------------------

    def _fill(self, plan: Plan) -> None:
        self._fill_timing(plan)
        self.title_field.setText(plan.title)
        _select(self.channel_combo, plan.channel.value if plan.channel else None)
        self.idea_field.setPlainText(plan.message_idea)
        self.notes_field.setPlainText(plan.notes)
        self.paused_check.setChecked(plan.paused)

    def build(self) -> Plan:
        channel = self.channel_combo.currentData()
        return dataclasses.replace(
            self.timing_of(self._base),
            title=self.title_field.text(),
            channel=ChannelKind(channel) if channel else None,
            message_idea=self.idea_field.toPlainText(),
            notes=self.notes_field.toPlainText(),
            paused=self.paused_check.isChecked(),
        )

    def unsaved_message(self) -> str:
        return unsaved_changes("plan", self.title_field.text().strip(), quoted=True)

    # --- behaviour ---------------------------------------------------------------------------

    def check_now(self) -> list[Problem]:
        problems = super().check_now()
        plan = self.build().normalised()
        self.show_skipping(plan, problems)
        self.preview.setText(
            ""
            if problems
            else next_text(
                plan, self._clock(), self._user_zone, self._last_contact, self._postponements
            )
        )
        self.preview.setAccessibleDescription(self.preview.text())
        return problems

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        super()._show_problems(problems)
        if self.more_has_message():
            self.more.open()
        self.grow_to_fit()
