"""Uncaught exceptions, from any thread: a known problem as a plain message, a bug in the
crash dialog (its type and place only on stderr: a message may hold private data)."""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from supportnet.i18n import _
from supportnet.model.errors import SupportNetError
from supportnet.runtime.crash_text import bug_line

if TYPE_CHECKING:
    from supportnet.ui.start.crash_dialog import CrashDialog

__all__ = ["CrashReporter", "crash_reporter", "install_excepthooks"]

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class _CrashBridge(QObject):
    """Carries a crash from any thread to the GUI thread (queued across threads)."""

    crashed = Signal(object)


class CrashReporter:
    """Routes uncaught exceptions: known problems to a plain message, bugs to the crash dialog.

    Without a QApplication (very early, or very late) it prints one short line to stderr.
    """

    def __init__(self) -> None:
        self._bridge: _CrashBridge | None = None
        self._showing = False
        #: The dialog on screen, for tests.
        self.dialog: CrashDialog | None = None

    def install(self) -> None:
        """Become ``sys.excepthook`` and ``threading.excepthook``."""
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def attach(self) -> None:
        """Start showing dialogs; call on the GUI thread once the QApplication exists."""
        if self._bridge is None:
            self._bridge = _CrashBridge()
            self._bridge.crashed.connect(self._on_crash)

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.report(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        exc = args.exc_value if args.exc_value is not None else RuntimeError(args.exc_type)
        self.report(args.exc_type, exc, args.exc_traceback)

    def report(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, SupportNetError):
            print(f"SupportNet: {exc.message}", file=sys.stderr)
        else:
            # The type and place only: a message may hold private data (crash_text).
            said = _("SupportNet hit an unexpected problem: {problem}").format(
                problem=bug_line(exc)
            )
            print(said, file=sys.stderr)
        if self._bridge is None or QApplication.instance() is None:
            return
        # Emitted from a worker thread, this is queued to the GUI thread.
        self._bridge.crashed.emit((exc_type, exc, tb))

    def _on_crash(self, info: ExcInfo) -> None:
        self._show(info)

    def _show(self, info: ExcInfo) -> None:
        exc_type, exc, tb = info
        if self._showing:  # one at a time: a bug in painting would otherwise pile them up
            return
        self._showing = True
        try:
            from supportnet.ui.widgets.style import use_clear_indicators

            use_clear_indicators()  # before the window's first paint, it may not be yet
            parent = QApplication.activeWindow()
            if isinstance(exc, SupportNetError):
                from supportnet.ui.widgets import dialogs

                dialogs.show_error(parent, exc.message, title=_("SupportNet couldn't do that"))
                return
            from supportnet.ui.start.crash_dialog import CrashDialog, format_traceback

            self.dialog = CrashDialog(format_traceback(exc_type, exc, tb), parent)
            self.dialog.exec()
            self.dialog.deleteLater()
            self.dialog = None
        finally:
            self._showing = False


#: The one reporter for this process.
crash_reporter = CrashReporter()


def install_excepthooks() -> CrashReporter:
    """Install the crash hooks; do this before anything else can fail."""
    crash_reporter.install()
    return crash_reporter
