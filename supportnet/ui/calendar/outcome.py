"""An export's outcome once its dialog is closed: said over the main window, never lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError
from supportnet.ui.widgets import dialogs

#: The title of the message saying an export finished badly after its dialog was closed.
LATE_ERROR_TITLE = N_("The calendar file wasn't saved")


def report_late_export_error(message: str) -> None:
    """Say an export's problem in a message box (its dialog is gone)."""
    dialogs.show_error(None, message, title=_(LATE_ERROR_TITLE))


def after_close(
    status: Callable[[str], None] | None,
    report_error: Callable[[str], None],
    confirmation: Callable[[Any], str],
) -> Callable[[Any, BaseException | None], None]:
    """What to do with an export's outcome once its dialog has been closed and deleted.

    Refers to nothing of the dialog: ``confirmation(result)`` goes to the status line, a
    problem to ``report_error``, a bug on to the crash dialog.
    """

    def outcome(result: Any, error: BaseException | None) -> None:
        if error is None:
            if status is not None:
                status(confirmation(result))
            return
        if isinstance(error, SupportNetError):
            report_error(error.message)
            return
        raise error

    return outcome
