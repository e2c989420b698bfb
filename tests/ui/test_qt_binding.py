"""The Qt binding in use keeps Python's reference counts straight.

PySide6 6.12.0 released a reference to None on every Qt call that returns nothing; on
Python 3.11 the process aborts once None's count runs out (pyproject.toml pins below it).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_do_not_release_none() -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        probe.setObjectName("probe")
    # Allow for a little unrelated churn, but not one reference per call.
    assert abs(sys.getrefcount(None) - before) < 100
