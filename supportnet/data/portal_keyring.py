"""The database key inside a Flatpak sandbox: kept with the Secret portal's help.

A sandboxed app can't reach the Secret Service, and the `keyring` package has no backend
for the portal that stands in for it. ``org.freedesktop.portal.Secret`` has one method,
``RetrieveSecret``: the desktop (its keyring, unlocked at login) hands this app a secret of
its own, the same every time and never given to another app, by writing it into a pipe.
:class:`PortalKeyring` is a keyring backend built on it: each value is sealed with AES-GCM
under a key derived from that secret (HKDF-SHA256), in a 0600 file in the app's private
data folder, which is what libsecret itself does inside Flatpak. Copying the file, or the
whole folder, to another computer gives nothing without that desktop's keyring.

D-Bus is spoken by jeepney (pure Python, already installed with `keyring`'s Secret Service
backend on Linux), not QtDBus: the command line opens the same store as the window and
loads no Qt. :func:`in_flatpak` is how :func:`supportnet.data.keys.default_backend` knows to
use it.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from supportnet.data.files import ensure_private_dir, write_private_file
from supportnet.i18n import N_, _
from supportnet.model.errors import KeyringEntryUnreadableError, KeyUnavailableError

PORTAL_BUS_NAME = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SECRET_INTERFACE = "org.freedesktop.portal.Secret"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"
FLATPAK_INFO = Path("/.flatpak-info")
FILE_NAME = "SupportNet-portal.json"
#: The portal's secret is at least this long; a shorter one is not what it should be.
MIN_SECRET_BYTES = 16
_HKDF_INFO = b"SupportNet portal keyring v1"
#: Each value carries a short tag of the key that sealed it, so that a value the secret
#: no longer opens is told apart from a damaged one.
_CHECK_LABEL = b"SupportNet portal keyring check"
SECRET_CHANGED = N_(
    "SupportNet's key in the portal keyring doesn't open with the secret this desktop gives "
    "it now: the secret has changed (the desktop's keyring was reset or replaced, or the "
    "file came from another computer)."
)
#: How long to wait for the secret's bytes once the portal has answered.
READ_TIMEOUT = 5.0


def in_flatpak() -> bool:
    """Whether this process runs in a Flatpak sandbox (which always has /.flatpak-info)."""
    return FLATPAK_INFO.is_file()


def keyring_folder(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME/keyrings``: inside Flatpak, the app's own ``~/.var/app/<id>/data``."""
    env = os.environ if environ is None else environ
    chosen = env.get("XDG_DATA_HOME", "")
    base = Path(chosen) if os.path.isabs(chosen) else Path.home() / ".local" / "share"
    return base / "keyrings"


def retrieve_portal_secret(bus: str = "SESSION", timeout: float = 120.0) -> bytes:
    """Ask the Secret portal for this app's secret; :class:`KeyUnavailableError` if it
    can't be had. ``bus`` is a D-Bus address, or "SESSION" for the session bus."""
    try:
        return _retrieve(bus, timeout)
    except KeyUnavailableError:
        raise
    except Exception as exc:  # jeepney, the socket, or the portal: any of them means "not now"
        raise KeyUnavailableError(
            _(
                "The desktop's secret portal can't be reached ({error}); unlock your keyring, "
                "or check that xdg-desktop-portal is running, and try again."
            ).format(error=type(exc).__name__)
        ) from exc


def _retrieve(bus: str, timeout: float) -> bytes:
    from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, new_method_call
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    read_end, write_end = os.pipe()
    try:
        with open_dbus_connection(bus=bus, enable_fds=True) as connection:
            token = f"supportnet_{secrets.token_hex(8)}"
            sender = connection.unique_name.lstrip(":").replace(".", "_")
            expected = f"{PORTAL_PATH}/request/{sender}/{token}"
            # Listen before asking, so a quick answer isn't missed.
            rule = MatchRule(
                type="signal", interface=REQUEST_INTERFACE, member="Response", path=expected
            )
            connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=timeout)
            answers = MatchRule(type="signal", interface=REQUEST_INTERFACE, member="Response")
            with connection.filter(answers, bufsize=8) as queue:
                portal = DBusAddress(PORTAL_PATH, PORTAL_BUS_NAME, SECRET_INTERFACE)
                call = new_method_call(
                    portal, "RetrieveSecret", "ha{sv}", (write_end, {"handle_token": ("s", token)})
                )
                reply = connection.send_and_get_reply(call, timeout=timeout)
                if reply.header.message_type is MessageType.error:
                    answered = reply.header.fields.get(HeaderFields.error_name, "an error")
                    raise KeyUnavailableError(
                        _(
                            "The desktop has no secret portal here (it answered {answered}); "
                            "SupportNet can't keep its key in the keyring."
                        ).format(answered=answered)
                    )
                handles = {expected, str(reply.body[0])}
                while True:
                    signal = connection.recv_until_filtered(queue, timeout=timeout)
                    if signal.header.fields.get(HeaderFields.path) in handles:
                        break
            response, _results = signal.body
            if response != 0:
                raise KeyUnavailableError(
                    _(
                        "The desktop didn't give SupportNet its secret (it was declined or "
                        "cancelled); unlock your keyring and try again."
                    )
                )
        os.close(write_end)  # the portal's copy is closed by now: reading ends at its end
        write_end = -1
        secret = _read_all(read_end, READ_TIMEOUT)
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)
    if len(secret) < MIN_SECRET_BYTES:
        raise KeyUnavailableError(_("The desktop's secret portal gave back no usable secret."))
    return secret


def _read_all(fd: int, timeout: float) -> bytes:
    """What was written into the pipe: up to its end, or what came within ``timeout``
    (a portal that wrote the secret but kept its end open must not hang the app)."""
    import select
    import time

    deadline = time.monotonic() + timeout
    chunks = []
    while (left := deadline - time.monotonic()) > 0:
        ready, _writable, _failed = select.select([fd], [], [], left)
        if not ready:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


class PortalKeyring:
    """A keyring backend (get/set/delete_password) whose values are sealed with the Secret
    portal's per-app secret and kept in a private file.

    ``secret`` returns that secret; it is asked for once, when a value is first read or
    written. Made without arguments (as ``PYTHON_KEYRING_BACKEND`` does) it asks the portal
    on the session bus and keeps its file in :func:`keyring_folder`.
    """

    name = "Secret portal"
    #: keyring reads this when the class is named in PYTHON_KEYRING_BACKEND.
    priority = 1

    def __init__(
        self, folder: Path | None = None, secret: Callable[[], bytes] = retrieve_portal_secret
    ) -> None:
        self.path = (keyring_folder() if folder is None else folder) / FILE_NAME
        self._secret_source = secret
        self._sealing_key: bytes | None = None

    def _key(self) -> bytes:
        if self._sealing_key is None:
            from cryptography.hazmat.primitives import hashes
            from cryptography.hazmat.primitives.kdf.hkdf import HKDF

            secret = self._secret_source()
            hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO)
            self._sealing_key = hkdf.derive(secret)
        return self._sealing_key

    def _check(self) -> str:
        tag = hmac.new(self._key(), _CHECK_LABEL, hashlib.sha256).digest()[:16]
        return base64.b64encode(tag).decode("ascii")

    @staticmethod
    def _entry_id(service: str, username: str) -> str:
        return hashlib.sha256(f"{service}\0{username}".encode()).hexdigest()

    def _entries(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError as exc:  # not JSON: damaged, and every value in it with it
            raise KeyringEntryUnreadableError(
                _(
                    "The portal keyring file {path} is damaged, so SupportNet's key in it can't be "
                    "read."
                ).format(path=self.path)
            ) from exc
        except OSError as exc:
            raise KeyUnavailableError(
                _("The portal keyring file {path} can't be read ({error}).").format(
                    path=self.path, error=type(exc).__name__
                )
            ) from exc
        entries = data.get("entries") if isinstance(data, dict) else None
        return entries if isinstance(entries, dict) else {}

    @contextlib.contextmanager
    def _changing(self) -> Iterator[dict[str, Any]]:
        """The entries, to change and save under a lock file: another process (the window
        and a command, or two stores) reading them meanwhile would lose one of the writes."""
        ensure_private_dir(self.path.parent)
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            try:
                import fcntl
            except ImportError:  # not POSIX: there is no Flatpak there either
                fcntl = None  # type: ignore[assignment]
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)  # held for one read and one rename: brief
            yield self._entries()
        finally:
            os.close(fd)  # closing releases the lock

    def _save(self, entries: dict[str, Any]) -> None:
        text = json.dumps({"version": 1, "entries": entries}, indent=2) + "\n"
        write_private_file(self.path, text.encode("utf-8"))

    def get_password(self, service: str, username: str) -> str | None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        entry_id = self._entry_id(service, username)
        entry = self._entries().get(entry_id)
        if entry is None:
            return None
        damaged = KeyringEntryUnreadableError(
            _(
                "SupportNet's key in the portal keyring {path} is damaged, so it can't be opened."
            ).format(path=self.path)
        )
        try:
            nonce = base64.b64decode(entry["nonce"], validate=True)
            sealed = base64.b64decode(entry["value"], validate=True)
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise damaged from exc
        try:
            value = AESGCM(self._key()).decrypt(nonce, sealed, entry_id.encode())
        except (InvalidTag, ValueError) as exc:
            if hmac.compare_digest(str(entry.get("check", "")), self._check()):
                raise damaged from exc  # sealed with this very key: the value was changed
            raise KeyringEntryUnreadableError(_(SECRET_CHANGED)) from exc
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise damaged from exc

    def set_password(self, service: str, username: str, password: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        entry_id = self._entry_id(service, username)
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(self._key()).encrypt(nonce, password.encode("utf-8"), entry_id.encode())
        with self._changing() as entries:
            entries[entry_id] = {
                "nonce": base64.b64encode(nonce).decode("ascii"),
                "value": base64.b64encode(sealed).decode("ascii"),
                "check": self._check(),
            }
            self._save(entries)

    def delete_password(self, service: str, username: str) -> None:
        if not self.path.exists():
            return  # nothing kept: no folder or lock file made for nothing
        with self._changing() as entries:
            if entries.pop(self._entry_id(service, username), None) is not None:
                self._save(entries)
            with contextlib.suppress(OSError):
                if not entries:
                    self.path.unlink()
