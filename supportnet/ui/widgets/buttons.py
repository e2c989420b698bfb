"""Push buttons with their accessible names, and the row of buttons at the foot of a form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from supportnet.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog


def push_button(
    text: str,
    name: str,
    *,
    tip: str = "",
    default: bool = False,
    auto_default: bool | None = None,
    on_click: Callable[[], object] | None = None,
) -> QPushButton:
    """A button named ``name`` for screen readers; ``default`` makes Enter press it."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    if tip:
        button.setToolTip(tip)
    if default:
        button.setDefault(True)
    if auto_default is not None:
        button.setAutoDefault(auto_default)
    if on_click is not None:
        button.clicked.connect(on_click)
    return button


def enable_or_say_why(button: QAbstractButton, enabled: bool, why_not: str) -> None:
    """Enable ``button``, or disable it and say why where the eye is: its tooltip and its
    accessible description, never a line elsewhere. Its own tooltip comes back when enabled."""
    own = button.property("own_tooltip")
    if own is None:
        own = button.toolTip()
        button.setProperty("own_tooltip", own)
    button.setEnabled(enabled)
    button.setToolTip(str(own) if enabled or not why_not else why_not)
    button.setAccessibleDescription("" if enabled else why_not)


def button_row(
    *buttons: QWidget, lead: QWidget | None = None, spacing: int | None = None
) -> QHBoxLayout:
    """``buttons`` on the right; ``lead`` (a note or a label) takes the room on the left."""
    row = QHBoxLayout()
    if spacing is not None:
        row.setSpacing(spacing)
    if lead is not None:
        row.addWidget(lead, 1)
    else:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def save_button(save: Callable[[], object]) -> QPushButton:
    """A form's Save: Enter presses it anywhere in the form."""
    return push_button(_("&Save"), _("Save"), default=True, auto_default=True, on_click=save)


def cancel_button(dialog: QDialog) -> QPushButton:
    """Cancel, which Enter never presses by accident; it closes ``dialog`` as Esc does."""
    return push_button(_("Cancel"), _("Cancel"), auto_default=False, on_click=dialog.reject)


def message_row(message: QWidget, *buttons: QWidget) -> QHBoxLayout:
    """A form's foot: its message on the left, taking the room, then ``buttons``."""
    row = QHBoxLayout()
    row.setSpacing(12)
    message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    row.addWidget(message, 1)
    row.addStretch(0)  # a little more air between a long message and the buttons
    for button in buttons:
        row.addWidget(button)
    return row
