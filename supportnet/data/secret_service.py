"""The store's key read straight from the Secret Service, on the way to the first window.

``keyring`` finds its backend by reading every installed package's metadata, and importing
it pulls in ``urllib.request``, ``http.client`` and ``email``: together about 150 ms before
the first window could paint. For the one case on that path here, a key that keyring kept
in the Secret Service read back on Linux with keyring left to its defaults, this reads the
same entry as keyring's own SecretService backend would (the default collection; the
attributes ``service`` and ``username``; over D-Bus in :mod:`supportnet.data.secret_bus`,
without ``secretstorage``), also where keyring chains several backends and the entry is
found there. Anything else, and anything unexpected on the way (a locked collection, a
missing entry, no D-Bus), answers None and the caller asks keyring as before, which
prompts, explains or fails in its usual words.
"""

from __future__ import annotations

import os
import sys
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


def read(service: str, username: str) -> str | None:
    """The secret kept for ``service`` and ``username``, or None if it can't be read this
    way without asking anyone (the caller then goes through keyring)."""
    from supportnet.data.secret_bus import read_secret

    # keyring's SecretService backend finds its entries by these two attributes.
    secret = read_secret({"username": username, "service": service})
    try:
        return None if secret is None else secret.decode("utf-8")
    except UnicodeDecodeError:  # not what keyring would have kept: keyring explains
        return None
