"""File ▸ Publish to a calendar server: the address, the account, whose check-ins; Publish.

The password goes to the keyring (never into SupportNet's data) once the server accepted
it; the address and user name are remembered in the store's settings then too. Publishing runs on
the window's worker thread, with a calm line beside the button while it does and the
one-line outcome there afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.calendar import DEFAULT_WEEKS, ExportOptions, Privacy, export_explanation
from supportnet.i18n import N_, _
from supportnet.model.errors import ServerPasswordError, SupportNetError
from supportnet.services.caldav_publish import CalendarPublishing, Published, check_target
from supportnet.ui.shell.background import Background
from supportnet.ui.widgets.buttons import message_row, push_button
from supportnet.ui.widgets.dialogs import DialogWidth, dialog_width
from supportnet.ui.widgets.editor_form import form_layout
from supportnet.ui.widgets.labels import announce, buddy_label, quiet, title_label

TITLE = N_("Publish to a calendar server")
INTRO = N_(
    "Put check-ins on a calendar you already have (Nextcloud, Fastmail, iCloud and other "
    "CalDAV servers), so changes reach everyone who follows it. SupportNet connects to "
    "this server only when you press Publish. Your own events on that calendar are left "
    "alone."
)
# Translators: an example of a calendar's address on a CalDAV server.
ADDRESS_HINT = N_("https://server/…/calendars/you/check-ins/")
PASSWORD_NOTE = N_("Kept in your system keyring, never in SupportNet's data.")
KEPT = N_("Kept in your keyring")
NO_TEAMS = N_("A care team's supporters appear here once you have a team.")
WORKING = N_("Publishing to {host}… this can take a moment.")
CHOOSE_SUPPORTER = N_("Choose a team and one of its supporters, or publish your own plans.")
UNEXPECTED = N_("Something went wrong inside SupportNet; nothing was published.")
NOT_KEPT = N_("The keyring couldn't keep the password, so it will be asked for next time.")


class PublishDialog(QDialog):
    """Publish the user's check-in plans, or one supporter's part of a care team's rota.

    ``published`` carries the :class:`Published` of a publish that worked, or ``None``
    after one that didn't; :attr:`outcome` holds the line shown beside the button.
    """

    published = Signal(object)

    def __init__(
        self,
        publishing: CalendarPublishing,
        clock: Callable[[], datetime],
        *,
        background: Background | None = None,
        status: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._publishing = publishing
        self._status = status
        self._clock = clock
        self._background = background or Background(self)
        self._teams = publishing.teams()
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        self.setModal(True)

        intro = QLabel(_(INTRO))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.url_field = QLineEdit()
        self.url_field.setAccessibleName(_("Calendar address"))
        self.url_field.setPlaceholderText(_(ADDRESS_HINT))
        self.user_field = QLineEdit()
        self.user_field.setAccessibleName(_("User name"))
        self.password_field = QLineEdit()
        self.password_field.setAccessibleName(_("Password"))
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        password_note = quiet(QLabel(_(PASSWORD_NOTE)))
        self.privacy_combo = QComboBox()
        self.privacy_combo.setAccessibleName(_("What the events say"))
        for level in Privacy:
            self.privacy_combo.addItem(level.label, level)
            self.privacy_combo.setItemData(
                self.privacy_combo.count() - 1,
                export_explanation(level),
                Qt.ItemDataRole.ToolTipRole,
            )

        form = QFormLayout()
        form.addRow(buddy_label(_("Calendar &address:"), self.url_field), self.url_field)
        form.addRow(buddy_label(_("&User name:"), self.user_field), self.user_field)
        form.addRow(buddy_label(_("Pass&word:"), self.password_field), self.password_field)
        form.addRow("", password_note)
        form.addRow(buddy_label(_("Events &say:"), self.privacy_combo), self.privacy_combo)

        layout = form_layout(self)
        layout.addWidget(title_label(_(TITLE)))
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addLayout(self._build_whom())
        layout.addSpacing(8)

        self.outcome = QLabel("")
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setAccessibleName(_("Outcome"))
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.publish_button = push_button(
            _("&Publish"), _("Publish"), default=True, auto_default=True, on_click=self.publish
        )
        self.close_button = push_button(
            _("Close"), _("Close"), auto_default=False, on_click=self.reject
        )
        layout.addLayout(message_row(self.outcome, self.publish_button, self.close_button))

        url, user = publishing.saved_account()
        self.url_field.setText(url)
        self.user_field.setText(user)
        self._show_kept()
        # When a field is left, not on each key: the keyring may be slow to answer.
        self.user_field.editingFinished.connect(self._show_kept)
        self.url_field.editingFinished.connect(self._show_kept)
        self.resize(
            max(self.sizeHint().width(), dialog_width(self, DialogWidth.BIG)),
            self.sizeHint().height(),
        )
        (self.password_field if url and user else self.url_field).setFocus()

    def _build_whom(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(4)
        box.addWidget(QLabel(_("Publish for:")))
        self.me_radio = QRadioButton(_("&Me: my own check-in plans"))
        self.me_radio.setAccessibleName(_("Publish for me: my own check-in plans"))
        self.supporter_radio = QRadioButton(_("A supporter on a care &team:"))
        self.supporter_radio.setAccessibleName(_("Publish for a supporter on a care team"))
        self.whom_group = QButtonGroup(self)
        self.whom_group.addButton(self.me_radio)
        self.whom_group.addButton(self.supporter_radio)
        self.me_radio.setChecked(True)
        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName(_("Care team"))
        self.supporter_combo = QComboBox()
        self.supporter_combo.setAccessibleName(_("Supporter"))
        for team in self._teams:
            self.team_combo.addItem(team.name, team.uid)
        row = QHBoxLayout()
        row.addWidget(self.supporter_radio)
        row.addWidget(self.team_combo, 1)
        row.addWidget(self.supporter_combo, 1)
        box.addWidget(self.me_radio)
        box.addLayout(row)
        if not self._teams:
            self.supporter_radio.setEnabled(False)
            box.addWidget(quiet(QLabel(_(NO_TEAMS))))
        self.team_combo.currentIndexChanged.connect(self._fill_supporters)
        self.supporter_radio.toggled.connect(self._whom_changed)
        self._fill_supporters()
        self._whom_changed()
        return box

    # --- reacting ---------------------------------------------------------------------------

    def _fill_supporters(self, *_args: Any) -> None:
        self.supporter_combo.clear()
        index = self.team_combo.currentIndex()
        if 0 <= index < len(self._teams):
            for ref, name in self._teams[index].supporters:
                self.supporter_combo.addItem(name, ref)

    def _whom_changed(self, *_args: Any) -> None:
        on = self.supporter_radio.isChecked()
        self.team_combo.setEnabled(on)
        self.supporter_combo.setEnabled(on)

    def _show_kept(self, *_args: Any) -> None:
        """Say so in the field when the keyring already has this account's password."""
        try:
            target = check_target(self.url_field.text(), self.user_field.text())
        except SupportNetError:
            kept = False
        else:
            kept = self._publishing.has_password(target)
        self.password_field.setPlaceholderText(_(KEPT) if kept else "")

    def _say(self, text: str) -> None:
        self.outcome.setText(text)
        announce(self.outcome, text)

    # --- publishing -------------------------------------------------------------------------

    def whom(self) -> tuple[str, str] | None:
        """None for the user's own plans, else (team uid, supporter ref); "" as the ref
        when no supporter is chosen."""
        if not self.supporter_radio.isChecked():
            return None
        ref = self.supporter_combo.currentData()
        return str(self.team_combo.currentData() or ""), str(ref or "")

    def publish(self) -> None:
        """Check the form, then publish on the worker thread."""
        if not self.publish_button.isEnabled():
            return
        try:
            target = check_target(self.url_field.text(), self.user_field.text())
        except SupportNetError as exc:
            self._say(exc.message)
            return
        typed = self.password_field.text() or None
        if typed is None and not self._publishing.has_password(target):
            self._say(_("Type the password of the calendar account."))
            self.password_field.setFocus()
            return
        privacy = self.privacy_combo.currentData()
        options = ExportOptions(
            privacy if isinstance(privacy, Privacy) else Privacy.DISCREET, DEFAULT_WEEKS
        )
        whom = self.whom()
        if whom is not None and not all(whom):
            self._say(_(CHOOSE_SUPPORTER))
            return
        now = self._clock()
        publishing = self._publishing

        def work() -> tuple[Published, str]:
            done = publishing.publish(target, typed, options, now, whom)
            note = ""
            if typed is not None:  # kept once the server took it: never a wrong one
                try:
                    publishing.keep_password(target, typed)
                except ServerPasswordError:
                    note = _(NOT_KEPT)
            return done, note

        self.publish_button.setEnabled(False)
        self._say(_(WORKING).format(host=target.host))
        self._background.run(
            work, self._done, self._failed, receiver=self, if_gone=self._late_outcome()
        )

    def _late_outcome(self) -> Callable[[Any, BaseException | None], None]:
        """Where the outcome goes if the dialog was closed meanwhile: the window's status
        line (refers to nothing of the dialog)."""
        status = self._status

        def tell(result: Any, error: BaseException | None) -> None:
            if status is None:
                return
            if error is None:
                status(result[0].summary)
            else:
                status(error.message if isinstance(error, SupportNetError) else _(UNEXPECTED))

        return tell

    def _done(self, result: tuple[Published, str]) -> None:
        done, note = result
        self.publish_button.setEnabled(True)
        if not note:
            self.password_field.clear()
        self._show_kept()
        # Translators: what was published, then why the password will be asked for again.
        self._say(
            _("{summary} {note}").format(summary=done.summary, note=note) if note else done.summary
        )
        self.published.emit(done)

    def _failed(self, error: BaseException) -> None:
        self.publish_button.setEnabled(True)
        if isinstance(error, SupportNetError):
            self._say(error.message)
        else:
            self._say(_(UNEXPECTED))
        self.published.emit(None)
