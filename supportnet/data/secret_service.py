"""The store's key read straight from the Secret Service, on the way to the first window.

``keyring`` finds its backend by reading every installed package's metadata, and importing
it pulls in ``urllib.request``, ``http.client`` and ``email``: together about 150 ms before
the first window could paint. For the one case on that path here, a key that keyring kept
in the Secret Service read back on Linux with keyring left to its defaults, this reads the
same entry as keyring's own SecretService backend would (``secretstorage``; the default
collection; the attributes ``service`` and ``username``), also where keyring chains several
backends and the entry is found there. Anything else, and anything
unexpected on the way (a locked collection, a missing entry, no D-Bus), answers None and
the caller asks keyring as before, which prompts, explains or fails in its usual words.

The app starts that read early, on its warm-up thread (:func:`expect_read`, then
:func:`read_ahead`), so the Secret Service's round trips overlap the GUI thread's imports;
the store's own :func:`read` then takes the answer (once) instead of asking again.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

#: keyring's name for its Secret Service backend, as a key record keeps it.
SECRET_SERVICE = "SecretService Keyring"
#: keyring's name for its chain of every usable backend (when several are installed), which
#: keeps a new entry in the first that takes it: the Secret Service on most Linux desktops.
CHAINER = "chainer ChainerBackend"


def _keyring_config(environ: Mapping[str, str]) -> Path:
    """Where keyring reads its settings on Linux (a chosen backend, collection or scheme)."""
    root = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(root) / "python_keyring" / "keyringrc.cfg"


def applies(recorded_backend: str | None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether the key recorded as kept in ``recorded_backend`` can be read directly here:
    on Linux, in the Secret Service, with nothing set that changes where keyring looks."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or recorded_backend not in (SECRET_SERVICE, CHAINER):
        return False
    if env.get("PYTHON_KEYRING_BACKEND") or any(k.startswith("KEYRING_PROPERTY_") for k in env):
        return False
    return not _keyring_config(env).exists()


class _Ahead:
    """A read begun on another thread, for the next :func:`read` to take."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.asked: tuple[str, str] | None = None
        self.value: str | None = None


class _Pending:
    """The read begun ahead (one at most), until a read takes it."""

    ahead: _Ahead | None = None


_ahead_lock = threading.Lock()
#: A read begun ahead that never answers (a hung bus) is given up after this long.
AHEAD_TIMEOUT_S = 30.0


def expect_read() -> None:
    """Say that a read will be begun ahead on another thread (before starting it): the next
    :func:`read` waits for that one instead of asking the Secret Service again."""
    with _ahead_lock:
        _Pending.ahead = _Ahead()


def read_ahead(service: str | None, username: str | None) -> None:
    """On the other thread: read the entry now (or, given None, that nothing will be read);
    the next :func:`read` of the same entry takes the answer."""
    with _ahead_lock:
        ahead = _Pending.ahead
    if ahead is None:
        return
    try:
        if service is not None and username is not None:
            ahead.asked = (service, username)
            ahead.value = _read(service, username)
    finally:
        ahead.done.set()


def read(service: str, username: str) -> str | None:
    """The secret kept for ``service`` and ``username``, or None if it can't be read this
    way without asking anyone (the caller then goes through keyring)."""
    with _ahead_lock:
        ahead, _Pending.ahead = _Pending.ahead, None
    if ahead is None:
        return _read(service, username)
    if not ahead.done.wait(AHEAD_TIMEOUT_S):
        return None  # the bus hung once already: keyring says what is wrong, not a 2nd wait
    return ahead.value if ahead.asked == (service, username) else _read(service, username)


def _read(service: str, username: str) -> str | None:
    try:
        import secretstorage

        bus = secretstorage.dbus_init()
    except Exception:  # no secretstorage, no session bus: keyring says what is wrong
        return None
    try:
        # The default collection as it is: not get_default_collection(), which creates one
        # (with a prompt) where there is none; keyring does that, and says so.
        collection = secretstorage.Collection(bus)
        if collection.is_locked():
            return None  # unlocking may prompt: keyring does that, and says if it fails
        for item in collection.search_items({"username": username, "service": service}):
            if item.is_locked():
                return None
            secret: bytes = item.get_secret()
            return secret.decode("utf-8")
        return None
    except Exception:  # D-Bus and secretstorage raise their own kinds: keyring explains
        return None
    finally:
        bus.close()
