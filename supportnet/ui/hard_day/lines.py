"""The crisis lines for the person's country, in large type, with a way to change the country.

No personal data: the unlock screens show this before anything is decrypted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.i18n.calendar_words import country_name
from supportnet.model.errors import SupportNetError
from supportnet.safety.crisis_lines import (
    Contact,
    CountryHelp,
    CrisisLine,
    contact_verb,
    countries,
    emergency_text,
    help_for,
    unknown_help,
)
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui.hard_day.common import CopyButton, CopyNote, quiet_label, text_label

#: The combo's last entry: a country whose lines SupportNet doesn't carry.
SOMEWHERE_ELSE = N_("Somewhere else")
#: Saved for "Somewhere else": ISO 3166 keeps ZZ for user use, and CLDR reads it as an
#: unknown region, so it can never be a country the file holds.
SOMEWHERE_ELSE_CODE = "ZZ"
COUNTRY_LABEL = N_("&Where you are")
#: Said when the choice couldn't be kept for next time (the lines still change).
NOT_SAVED = N_("SupportNet couldn't remember this country for next time, but here are its lines.")
#: The number itself, as people dial it: large, for tired eyes.
NUMBER_SCALE = 1.9
NAME_SCALE = 1.25


def country_combo(name: str) -> QComboBox:
    """The countries SupportNet carries lines for, by name, then "Somewhere else"."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setAccessibleDescription(_("The country whose crisis lines are shown"))
    combo.view().setAccessibleName(_("Countries"))
    named = [(country_name(c.code, c.name), c.code) for c in _countries()]
    for shown, code in sorted(named, key=lambda pair: pair[0].casefold()):
        combo.addItem(shown, code)
    combo.insertSeparator(combo.count())
    combo.addItem(_(SOMEWHERE_ELSE), SOMEWHERE_ELSE_CODE)
    return combo


def select_country(combo: QComboBox, help: CountryHelp) -> None:
    """Show ``help``'s country in a :func:`country_combo` (somewhere else if not carried)."""
    index = combo.findData(help.code) if help.known else -1
    combo.setCurrentIndex(index if index >= 0 else combo.count() - 1)


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class CrisisLinesView(QWidget):
    """The country (changeable), then each line's numbers with a Copy button each.

    For a country SupportNet doesn't carry, the calm guidance text instead: never empty.
    """

    #: The country shown changed (its code; :data:`SOMEWHERE_ELSE_CODE` for somewhere else).
    country_changed = Signal(str)

    def __init__(
        self,
        crisis: CrisisHelpService,
        note: CopyNote,
        parent: QWidget | None = None,
        *,
        heading: str = "",
    ) -> None:
        super().__init__(parent)
        self._crisis = crisis
        self._note = note
        self.setAccessibleName(_("Crisis lines"))

        self.country_combo = country_combo(_("Where you are"))
        self.country_combo.activated.connect(self._chosen)
        country_label = QLabel(_(COUNTRY_LABEL))
        country_label.setBuddy(self.country_combo)
        row = QHBoxLayout()
        row.addWidget(country_label)
        row.addWidget(self.country_combo)
        row.addStretch(1)

        #: Holds the lines; emptied and filled again when the country changes.
        self.lines_box = QWidget()
        self.lines_box.setAccessibleName(_("Crisis lines"))
        self._lines_layout = QVBoxLayout(self.lines_box)
        self._lines_layout.setContentsMargins(0, 0, 0, 0)
        self._lines_layout.setSpacing(10)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        if heading:
            layout.addWidget(text_label(heading, factor=1.3, bold=True))
        layout.addLayout(row)
        layout.addWidget(self.lines_box)

        #: What is shown now (tests read it).
        self.help: CountryHelp = self._read()
        self._show(self.help)

    def _read(self) -> CountryHelp:
        try:
            return self._crisis.help()
        except SupportNetError:
            # The data couldn't be read: the guidance, which needs no data, is never empty.
            return unknown_help(None)

    # --- choosing the country ----------------------------------------------------------------

    def _chosen(self, index: int) -> None:
        self.set_country(self.country_combo.itemData(index) or SOMEWHERE_ELSE_CODE)

    def set_country(self, code: str) -> None:
        """Show ``code``'s lines and keep the choice for next time."""
        try:
            self._crisis.set_country(code)
            shown = self._crisis.help()
        except SupportNetError:
            self._note.say(_(NOT_SAVED))
            shown = _help_for(code)
        self.help = shown
        self._show(shown)
        self.country_changed.emit(code)

    # --- showing -----------------------------------------------------------------------------

    def _select(self, help: CountryHelp) -> None:
        blocked = self.country_combo.blockSignals(True)
        select_country(self.country_combo, help)
        self.country_combo.blockSignals(blocked)

    def _show(self, help: CountryHelp) -> None:
        self._select(help)
        while (item := self._lines_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                # Out of the tree at once, so only what is shown is found and read out.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()

        def add(widget: QWidget) -> None:
            self._lines_layout.addWidget(widget)
            # Shown now, not at the layout's next turn: a changed country reads out at once.
            widget.show()

        if not help.known or not help.lines:
            add(text_label(help.guidance, factor=1.15, wrap=True, name=_("What you can do")))
        for number, line in enumerate(help.lines):
            if number:
                add(_separator())
            add(self._line(line))
        if help.emergency:
            add(_separator())
            add(self._emergency(help))

    def _line(self, line: CrisisLine) -> QWidget:
        box = QWidget()
        box.setAccessibleName(line.name)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(text_label(line.name, factor=NAME_SCALE, bold=True))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        for row, contact in enumerate(line.contacts):
            self._contact_row(grid, row, line, contact)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        for text in (line.hours, line.about, _languages(line)):
            if text:
                layout.addWidget(quiet_label(text))
        return box

    def _contact_row(self, grid: QGridLayout, row: int, line: CrisisLine, contact: Contact) -> None:
        kind = contact_verb(contact)
        # Translators: "Call 116 123": the verb, then the number or address.
        said = _("{verb} {contact}").format(verb=kind, contact=contact.value)
        centre = Qt.AlignmentFlag.AlignVCenter
        grid.addWidget(text_label(kind, factor=1.1), row, 0, centre)
        # A number is what tired eyes look for, so it is largest; a chat's address is
        # shown without its "https://" (Copy still gives the whole address).
        if contact.kind == "chat":
            value = text_label(_address(contact.value), factor=1.15, name=said)
        else:
            value = text_label(contact.value, factor=NUMBER_SCALE, bold=True, name=said)
        grid.addWidget(value, row, 1, centre)
        button = CopyButton(contact.value, f"{contact.value} ({line.name})", self._note)
        button.setAccessibleDescription(f"{line.name}: {said}")
        grid.addWidget(button, row, 2, centre)
        if contact.note:
            grid.addWidget(quiet_label(contact.note, wrap=True), row, 3, centre)

    def _emergency(self, help: CountryHelp) -> QWidget:
        box = QWidget()
        box.setAccessibleName(_("Emergency number"))
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        row.addWidget(text_label(_("In an emergency, call"), factor=1.1))
        numbers = help.emergency_numbers
        # The numbers large; a note such as "police" quiet beside them, never copied.
        said = emergency_text(numbers) if numbers else help.emergency
        row.addWidget(text_label(said, factor=NUMBER_SCALE, bold=True, name=help.emergency))
        if help.emergency_note:
            row.addWidget(quiet_label(f"({help.emergency_note})", wrap=False))
        # One Copy per number, each copying only what a phone can dial ("112", not
        # "112 or 999"); with several, each button says which number it copies.
        for number in numbers:
            shown = _("Copy {number}").format(number=number) if len(numbers) > 1 else None
            button = CopyButton(number, number, self._note, shown)
            tip = _("Copy {number} (emergency number) to the clipboard").format(number=number)
            button.setToolTip(tip)
            button.setAccessibleDescription(_("Emergency number {number}").format(number=number))
            row.addWidget(button)
        row.addStretch(1)
        return box

    def copy_buttons(self) -> list[CopyButton]:
        """The Copy buttons shown, in order (tests use them)."""
        return self.lines_box.findChildren(CopyButton)


def _address(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")


def _languages(line: CrisisLine) -> str:
    if not line.languages:
        return ""
    return _("Languages: {languages}").format(languages=", ".join(line.languages))


def _countries() -> list[CountryHelp]:
    try:
        return countries()
    except SupportNetError:  # a damaged data file: the guidance is still shown
        return []


def _help_for(code: str) -> CountryHelp:
    try:
        return help_for(code)
    except SupportNetError:
        return unknown_help(code)
