"""Load the storage side's modules on a thread while the GUI thread loads Qt.

Importing Qt and importing keyring (which reads package metadata to find its backends)
each take a few hundred milliseconds here; side by side they overlap, so the first
window appears sooner. Nothing is opened or unlocked on the thread: only imports.
"""

from __future__ import annotations

import threading


def _load() -> None:
    # Any failure here resurfaces, with a proper message, when the store is opened.
    try:
        import keyring
        import sqlcipher3  # noqa: F401

        import supportnet.data.reads
        import supportnet.data.store  # noqa: F401

        keyring.get_keyring()
    except Exception:
        pass


def start() -> threading.Thread:
    """Start loading in the background; join the thread before relying on it (optional)."""
    thread = threading.Thread(target=_load, name="supportnet-warmup", daemon=True)
    thread.start()
    return thread
