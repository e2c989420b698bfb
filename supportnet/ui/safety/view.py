"""The plan page's layout: a calm column of the six steps and what I'm living for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from supportnet.i18n import _
from supportnet.model.safety_plan import Step
from supportnet.safety.wording import PAGE_TITLE
from supportnet.ui.safety.section import StepSection
from supportnet.ui.safety.texts import INTRO, PDF_TEXT, PRINT_TEXT
from supportnet.ui.widgets.buttons import push_button
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import quiet
from supportnet.ui.widgets.reading_page import reading_column, scroll_page

#: The column's width in average characters: short lines are easier to read when tired.
CONTENT_WIDTH_CHARS = 84


class SafetyPlanPageView(QWidget):
    """Layout only: the title, one line about the plan, Print and PDF, then each step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = _(PAGE_TITLE)
        self.setAccessibleName(title)

        self.title_label = QLabel(title)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        # Longer words (German) wrap rather than push the buttons off.
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName(title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.intro_label = quiet(QLabel(_(INTRO)))
        self.intro_label.setWordWrap(True)
        self.intro_label.setAccessibleName(_("About this plan"))
        self.print_button = push_button(
            _(PRINT_TEXT),
            _("Print my plan"),
            tip=_("Print the plan on one page, with the crisis lines"),
        )
        self.pdf_button = push_button(
            _(PDF_TEXT),
            _("Save my plan as a PDF"),
            tip=_("Save the plan as a one-page PDF, with the crisis lines"),
        )
        self.status_label = quiet(QLabel(""))
        self.status_label.setAccessibleName(_("What just happened"))
        self.status_label.setWordWrap(True)

        self.sections = {step: StepSection(step) for step in Step}

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignBottom)

        column, column_layout = reading_column(self, CONTENT_WIDTH_CHARS)
        column_layout.setContentsMargins(24, 24, 24, 24)
        column_layout.setSpacing(10)
        column_layout.addLayout(top)
        column_layout.addWidget(self.intro_label)
        column_layout.addWidget(self.status_label)
        for step, section in self.sections.items():
            column_layout.addSpacing(20 if step is not Step.LIVING_FOR else 28)
            if step is Step.LIVING_FOR:
                rule = QFrame()
                rule.setFrameShape(QFrame.Shape.HLine)
                rule.setFrameShadow(QFrame.Shadow.Sunken)
                column_layout.addWidget(rule)
                column_layout.addSpacing(8)
            column_layout.addWidget(section)
        column_layout.addStretch(1)

        self.scroll_area = scroll_page(self, column, title)

        controls: list[QWidget] = [self.print_button, self.pdf_button]
        for section in self.sections.values():
            controls += section.controls()
        tab_order(controls)
        self.status_label.setVisible(False)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Tab through a long page: the control with the focus scrolls into sight.
        inner = self.scroll_area.widget()
        if new is not None and inner is not None and inner.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new, 24, 48)

    def show_status(self, text: str) -> None:
        """A quiet line under the intro ("Saved the plan as …")."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
