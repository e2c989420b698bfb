"""Slow work off the GUI thread, with its outcome delivered back on the GUI thread.

One :class:`Background` runs work functions one at a time on a worker thread, so two
pieces of background work never overlap. That is all it orders: the GUI thread goes on
reading and writing the store meanwhile (edits, undo, check-ins), and SQLite only makes
each transaction wait for the other, so work that reads and later writes must expect the
store to have changed in between (the calendar export reads in one snapshot and keeps rows
of plans deleted meanwhile). A work function never touches widgets; its ``on_done`` or
``on_error`` callback runs on the GUI thread afterwards. If the receiver it was started for
has been deleted (a dialog closed meanwhile), ``if_gone`` hears the outcome instead, so a
late failure still reaches the person.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from the worker arrives there queued."""

    finished = Signal(object, object)  # (result, error)


def _job(work: Callable[[], Any], relay: _Relay) -> None:
    try:
        result = work()
    except BaseException as exc:  # delivered to on_error, never lost on the worker
        relay.finished.emit(None, exc)
    else:
        relay.finished.emit(result, None)


class Background(QObject):
    """Runs work functions on one worker thread; callbacks on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A Python thread, not a QThreadPool: a QThreadPool destroyed with its window waits
        # for the job in hand inside Qt while holding the interpreter, which that job needs
        # to finish (closing a window while Insights drew deadlocked).
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="supportnet-worker")
        self._jobs: set[Future[None]] = set()
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        receiver: QObject | None = None,
        if_gone: Callable[[Any, BaseException | None], None] | None = None,
    ) -> None:
        """Run ``work()`` on the worker; then ``on_done(result)`` or ``on_error(exc)``.

        With a ``receiver``, those callbacks are dropped if it is deleted meanwhile (a
        dialog closed while its export was still writing) and ``if_gone(result, error)``
        runs instead: it must not refer to the receiver.
        """
        relay = _Relay(self)
        self._relays.add(relay)

        def finish(result: Any, error: BaseException | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if receiver is not None and not shiboken6.isValid(receiver):
                if if_gone is not None:
                    if_gone(result, error)
                return
            if error is None:
                on_done(result)
            else:
                on_error(error)

        relay.finished.connect(finish)
        job = self._pool.submit(_job, work, relay)
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (at quit, and in tests); True if it is."""
        timeout = None if msecs < 0 else msecs / 1000
        _done, pending = futures_wait(list(self._jobs), timeout=timeout)
        return not pending
