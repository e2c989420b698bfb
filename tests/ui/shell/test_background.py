"""The background helper: work on a worker thread, outcomes back on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot: Any) -> None:
    from supportnet.ui.shell.background import Background

    background = Background()
    seen: dict[str, Any] = {}

    def work() -> int:
        seen["work"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["done"] = (threading.current_thread(), result)

    background.run(work, done, lambda _e: None)
    assert background.busy
    qtbot.waitUntil(lambda: not background.busy, timeout=5_000)
    assert seen["work"] is not threading.main_thread()
    assert seen["done"] == (threading.main_thread(), 42)
    assert not background.busy


def test_an_error_reaches_on_error_on_the_gui_thread(qtbot: Any) -> None:
    from supportnet.ui.shell.background import Background

    background = Background()
    errors: list[tuple[BaseException, threading.Thread]] = []

    def work() -> None:
        raise ValueError("no room")

    background.run(work, lambda _r: None, lambda e: errors.append((e, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    ((error, thread),) = errors
    assert isinstance(error, ValueError)
    assert str(error) == "no room"
    assert thread is threading.main_thread()


def test_jobs_run_one_at_a_time_in_order(qtbot: Any) -> None:
    from supportnet.ui.shell.background import Background

    background = Background()
    order: list[int] = []
    running = threading.Lock()

    def job(n: int) -> Any:
        def work() -> int:
            assert running.acquire(blocking=False), "two jobs at once"
            try:
                return n
            finally:
                running.release()

        return work

    for n in range(5):
        background.run(job(n), order.append, lambda e: order.append(-1))
    qtbot.waitUntil(lambda: len(order) == 5, timeout=5_000)
    assert order == [0, 1, 2, 3, 4]


def test_callbacks_for_a_deleted_receiver_are_dropped(qtbot: Any) -> None:
    from supportnet.ui.shell.background import Background

    background = Background()
    receiver = QObject()
    gate = threading.Event()
    called: list[str] = []
    background.run(
        lambda: gate.wait(5), lambda _r: called.append("done"), called.append, receiver=receiver
    )
    shiboken6.delete(receiver)  # a dialog closed while its export was still writing
    assert not shiboken6.isValid(receiver)
    gate.set()
    qtbot.waitUntil(lambda: not background.busy, timeout=5_000)
    assert called == []
    assert background.wait(1_000)


def test_the_outcome_for_a_deleted_receiver_goes_to_if_gone(qtbot: Any) -> None:
    from supportnet.ui.shell.background import Background

    background = Background()
    receiver = QObject()
    gate = threading.Event()
    heard: list[tuple[Any, Any]] = []

    def fail() -> None:
        gate.wait(5)
        raise ValueError("late")

    background.run(
        fail,
        lambda _r: heard.append(("done", None)),
        lambda _e: heard.append(("error", None)),
        receiver=receiver,
        if_gone=lambda result, error: heard.append((result, type(error))),
    )
    shiboken6.delete(receiver)
    gate.set()
    qtbot.waitUntil(lambda: not background.busy, timeout=5_000)
    assert heard == [(None, ValueError)]


def test_a_job_whose_window_went_meanwhile_ends_quietly(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window (and the relay with it) deleted while the job ran: the outcome has nobody
    to go to, and the worker thread ends without an error of its own."""
    from supportnet.ui.shell.background import Background

    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    release = threading.Event()
    background = Background()
    background.run(release.wait, lambda _result: None, raised.append)
    worker = background._thread
    assert worker is not None
    shiboken6.delete(background)
    release.set()
    worker.join(5)
    assert not worker.is_alive()
    assert raised == []
