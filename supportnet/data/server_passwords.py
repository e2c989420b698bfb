"""Calendar servers' passwords, kept in the OS keyring (never in the store or a file).

One entry per server and user name, under :data:`SERVICE`. The backend is passed in
(``None``: the one `keyring` picks); a plaintext, null or failing backend is refused, as
for the database key (:func:`supportnet.data.keys.keyring_problem`).
"""

from __future__ import annotations

from typing import Any

from supportnet.data.keys import default_backend, keyring_problem
from supportnet.i18n import _
from supportnet.model.errors import ServerPasswordError

SERVICE = "SupportNet calendar server"


def entry_name(url: str, username: str) -> str:
    """The keyring entry's user name: the account and the calendar's address."""
    return f"{username} at {url}"


def _usable(backend: Any) -> Any:
    backend = backend if backend is not None else default_backend()
    problem = keyring_problem(backend)
    if problem:
        raise ServerPasswordError(
            _("The password can't be kept in the keyring: {problem}.").format(problem=problem)
        )
    return backend


def saved_password(url: str, username: str, backend: Any = None) -> str | None:
    """The password kept for ``username`` at ``url``, or None when none is kept or no
    keyring can be reached (the caller then asks for it)."""
    try:
        found = _usable(backend).get_password(SERVICE, entry_name(url, username))
    except Exception:  # D-Bus and Secret Service leak their own types: "not reachable"
        return None
    return found if isinstance(found, str) and found else None


def keep_password(url: str, username: str, password: str, backend: Any = None) -> None:
    """Keep ``password`` in the keyring, or raise :class:`ServerPasswordError`."""
    usable = _usable(backend)
    try:
        usable.set_password(SERVICE, entry_name(url, username), password)
    except Exception as exc:
        raise ServerPasswordError(
            _("The keyring didn't keep the password ({error}); nothing was saved.").format(
                error=type(exc).__name__
            )
        ) from exc
