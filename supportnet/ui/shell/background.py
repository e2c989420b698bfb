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

import threading
from collections import deque
from collections.abc import Callable
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
        _deliver(relay, None, exc)
    else:
        _deliver(relay, result, None)


def _deliver(relay: _Relay, result: Any, error: BaseException | None) -> None:
    """Send the outcome to the GUI thread, unless the relay went with its window (closed
    while the job ran): then nobody is there to hear it."""
    try:
        relay.finished.emit(result, error)
    except RuntimeError:  # "Signal source has been deleted"
        if shiboken6.isValid(relay):
            raise


class Background(QObject):
    """Runs work functions on one worker thread; callbacks on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Python threads, not a QThreadPool: a QThreadPool destroyed with its window waits
        # for the job in hand inside Qt while holding the interpreter, which that job needs
        # to finish (closing a window while Insights drew deadlocked). Each job has a thread
        # of its own, one after another, so what a job left in its thread (a database
        # connection, kept per thread) goes when the job ends.
        self._queue: deque[tuple[Callable[[], Any], _Relay]] = deque()
        self._running = False
        self._idle = threading.Condition()
        self._relays: set[_Relay] = set()
        self._thread: threading.Thread | None = None

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
        with self._idle:
            self._queue.append((work, relay))
            if not self._running:
                self._running = True
                self._start_next()

    def _start_next(self) -> None:
        # Called with self._idle held: the next job in a thread of its own, or idle.
        if not self._queue:
            self._running = False
            self._idle.notify_all()
            return
        work, relay = self._queue.popleft()
        self._thread = threading.Thread(
            target=self._run_one, args=(work, relay), name="supportnet-worker", daemon=True
        )
        self._thread.start()

    def _run_one(self, work: Callable[[], Any], relay: _Relay) -> None:
        _job(work, relay)
        with self._idle:
            self._start_next()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (at quit, and in tests); True if it is."""
        timeout = None if msecs < 0 else msecs / 1000
        with self._idle:
            idle = self._idle.wait_for(lambda: not self._running, timeout=timeout)
            last = self._thread
        # The last job's thread ends just after it says so; what it kept (a database
        # connection, per thread) goes with it, so wait for that too.
        if idle and last is not None and last is not threading.current_thread():
            last.join(timeout)
        return idle
