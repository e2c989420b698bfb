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


#: A helper's read that takes longer than this is a hung bus: it is given up (keyring, asked
#: next, says what is wrong).
HELPER_TIMEOUT_S = 30.0


class _Helper:
    """A read begun in a helper process, until :func:`read` takes it (one at most)."""

    def __init__(self, pid: int, answer_fd: int, asked: tuple[str, str]) -> None:
        self.pid, self.answer_fd, self.asked = pid, answer_fd, asked

    def answer(self) -> tuple[bool, str | None]:
        """(whether its answer stands, the answer). A helper that failed leaves the read to
        this process; one that hung stands as "none" (keyring then says what is wrong)."""
        import select
        import signal
        import time

        from supportnet.data.secret_bus import FOUND, NOT_THERE

        chunks: list[bytes] = []
        deadline = time.monotonic() + HELPER_TIMEOUT_S
        try:
            while True:
                ready, _w, _x = select.select([self.answer_fd], [], [], deadline - time.monotonic())
                if not ready:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
                    return True, None  # the bus hung once already: no second wait on it
                chunk = os.read(self.answer_fd, 4096)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(self.answer_fd)
        _pid, status = os.waitpid(self.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code == NOT_THERE:
            return True, None
        if code != FOUND:
            return False, None
        return True, _text(b"".join(chunks))


class _Begun:
    helper: _Helper | None = None


def begin_read(service: str, username: str) -> None:
    """Begin reading the secret for ``service`` and ``username`` in a helper process: its
    imports and round trips (about 30 ms of work) then run on another core while the
    window's modules load, and the next :func:`read` of that entry takes its answer. The
    secret comes back through a pipe only this process holds."""
    import json

    if len(os.sched_getaffinity(0)) < 2:
        return  # on one core the helper's own start would only add to the wait
    ask_in, ask_out = os.pipe()
    answer_in, answer_out = os.pipe()
    try:
        pid = os.posix_spawn(
            sys.executable,
            # Without site (~15 ms of its CPU, on the core the keyring's daemon and the
            # window's start share): this process's own path instead, ours first.
            [sys.executable, "-S", "-m", "supportnet.data.secret_bus"],
            {**os.environ, "PYTHONPATH": os.pathsep.join(_search_path())},
            file_actions=[
                (os.POSIX_SPAWN_DUP2, ask_in, 0),
                (os.POSIX_SPAWN_DUP2, answer_out, 1),
                (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
            ],
        )
    except OSError:  # no helper: read() reads here
        for fd in (ask_in, ask_out, answer_in, answer_out):
            os.close(fd)
        return
    os.close(ask_in)
    os.close(answer_out)
    try:
        with os.fdopen(ask_out, "w", encoding="utf-8") as ask:
            json.dump(_attributes(service, username), ask)
    except OSError:  # the helper ended already: its answer says so, and read() reads here
        pass
    _Begun.helper = _Helper(pid, answer_in, (service, username))


def read(service: str, username: str) -> str | None:
    """The secret kept for ``service`` and ``username``, or None if it can't be read this
    way without asking anyone (the caller then goes through keyring). A read begun with
    :func:`begin_read` is taken here, once."""
    helper, _Begun.helper = _Begun.helper, None
    if helper is not None:
        stands, value = helper.answer()
        if stands and helper.asked == (service, username):
            return value
    from supportnet.data.secret_bus import read_secret

    secret = read_secret(_attributes(service, username))
    return None if secret is None else _text(secret)


def _search_path() -> list[str]:
    """Where the helper finds its modules: this package's folder (an editable install has
    no path entry for it, a finder that ``site`` sets up), then this process's path."""
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return [here, *(entry for entry in sys.path if entry)]


def _attributes(service: str, username: str) -> dict[str, str]:
    # keyring's SecretService backend finds its entries by these two attributes.
    return {"username": username, "service": service}


def _text(secret: bytes) -> str | None:
    try:
        return secret.decode("utf-8")
    except UnicodeDecodeError:  # not what keyring would have kept: keyring explains
        return None
