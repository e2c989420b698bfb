"""Load the storage side's modules on a thread while the GUI thread loads Qt.

Importing Qt and importing the store's modules each take a while; side by side they
overlap where Qt's own work lets go of the interpreter, so the first window appears
sooner. Nothing is opened on the thread. A key the Secret Service keeps is read without
``keyring`` (:mod:`supportnet.data.secret_service`), and read here, first: its round trips
to the Secret Service then overlap the GUI thread's imports, and opening the store takes
the answer. That read never prompts (a locked collection answers nothing, and the store's
opening asks keyring as before). For a key kept otherwise, ``keyring`` is loaded, which
reads package metadata to find its backends.
"""

from __future__ import annotations

import threading
from pathlib import Path


def _load(data_dir: Path | None) -> None:
    from supportnet.data import secret_service  # loaded already: start() asked for the read

    # Any failure here resurfaces, with a proper message, when the store is opened.
    try:
        from supportnet.data import keys

        info = keys.read_keyinfo(data_dir) if data_dir is not None else None
        keys.read_ahead(info)  # the key now, or word that it won't be read here
        import sqlcipher3  # noqa: F401

        import supportnet.data.reads
        import supportnet.data.store  # noqa: F401

        if info is None or not secret_service.applies(info.keyring_backend):
            import keyring

            keyring.get_keyring()
    except Exception:
        pass
    finally:
        secret_service.read_ahead(None, None)  # never leave the store's read waiting


def start(data_dir: Path | None = None) -> threading.Thread:
    """Start loading in the background for the store in ``data_dir``; join the thread
    before relying on it (optional)."""
    from supportnet.data import secret_service

    secret_service.expect_read()  # before the thread starts: the store's read waits for it
    thread = threading.Thread(target=_load, args=(data_dir,), name="supportnet-warmup", daemon=True)
    thread.start()
    return thread
