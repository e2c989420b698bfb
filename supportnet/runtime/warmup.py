"""Load the storage side's modules on a thread while the GUI thread loads Qt.

Importing Qt and importing the store's modules each take a while; side by side they
overlap where Qt's own work lets go of the interpreter, so the first window appears
sooner. Nothing is opened or unlocked on the thread: only imports. A key the Secret
Service keeps is read without ``keyring`` (:mod:`supportnet.data.secret_service`), so then
only what that read needs is loaded; otherwise ``keyring``, which reads package metadata
to find its backends.
"""

from __future__ import annotations

import threading
from pathlib import Path


def _load(data_dir: Path | None) -> None:
    # Any failure here resurfaces, with a proper message, when the store is opened.
    try:
        import sqlcipher3  # noqa: F401

        import supportnet.data.reads
        import supportnet.data.store  # noqa: F401
        from supportnet.data import keys, secret_service

        info = keys.read_keyinfo(data_dir) if data_dir is not None else None
        if info is not None and secret_service.applies(info.keyring_backend):
            import secretstorage  # noqa: F401
        else:
            import keyring

            keyring.get_keyring()
    except Exception:
        pass


def start(data_dir: Path | None = None) -> threading.Thread:
    """Start loading in the background for the store in ``data_dir``; join the thread
    before relying on it (optional)."""
    thread = threading.Thread(target=_load, args=(data_dir,), name="supportnet-warmup", daemon=True)
    thread.start()
    return thread
