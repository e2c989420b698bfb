"""The app's key helper process: ``python -S -m supportnet.runtime.key_helper``, started by
:func:`supportnet.data.secret_service.begin_read` while Qt loads.

It reads the store's key, then reads ahead what the first window asks the store
(:mod:`supportnet.services.first_reads`). Like the app, it runs the dataclasses' generated
methods from the code an earlier start kept (:mod:`supportnet.runtime.code_cache`: ~25 ms
less of its time, on the core it shares with the keyring's daemon); it never writes that
cache, which is the app's to write after its first paint.
"""

from __future__ import annotations

import os


def run() -> int:
    """The helper's work; its exit code."""
    from supportnet.folders import user_cache_folder
    from supportnet.runtime import code_cache

    code_cache.remember(user_cache_folder())  # and never keep(): the app writes the cache
    from supportnet.services.first_reads import main

    return main()


if __name__ == "__main__":
    code = run()
    # Without closing the database: a last connection's close checkpoints its log, a write.
    os._exit(code)
