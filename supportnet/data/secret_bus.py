"""One secret read from the Secret Service over D-Bus, with jeepney and nothing more.

``secretstorage`` (what keyring uses on Linux) costs about 45 ms of the start to import,
most of it ``cryptography``'s OpenSSL backend, loaded for its Diffie-Hellman session. The
read here speaks the same protocol (org.freedesktop.Secret, the spec's "dh-ietf1024-sha256-
aes128-cbc-pkcs7" session, so the key crosses the bus encrypted, as it does for keyring)
with jeepney, which keyring's backend already depends on, and takes from ``cryptography``
only its AES cipher, HKDF and padding.

It only reads: it never unlocks, creates or prompts. :func:`read_secret` answers None for
a locked collection or item, a missing entry or any trouble on the bus; the caller then
asks keyring, which explains.
"""

from __future__ import annotations

import contextlib
from typing import Any

BUS_NAME = "org.freedesktop.secrets"
SERVICE_PATH = "/org/freedesktop/secrets"
#: Where keyring keeps its entries by default (the login keyring on GNOME).
DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default"
#: The Secret Service's Diffie-Hellman session: the second Oakley group (RFC 2409, 1024
#: bits, generator 2), the shared secret through HKDF-SHA256, secrets in AES-128-CBC.
ALGORITHM = "dh-ietf1024-sha256-aes128-cbc-pkcs7"
DH_PRIME = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879"
    "8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B"
    "0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF",
    16,
)
_PRIME_BYTES = 128
#: The private exponent's length: twice the group's strength (about 80 bits) and more, as
#: OpenSSL does for such groups; a full-length one would cost four times the work.
PRIVATE_BITS = 256
SERVICE = "org.freedesktop.Secret.Service"
COLLECTION = "org.freedesktop.Secret.Collection"
ITEM = "org.freedesktop.Secret.Item"
SESSION = "org.freedesktop.Secret.Session"
#: One call that takes longer than this is a hung service: the read gives up.
CALL_TIMEOUT_S = 10.0
#: The helper process's exit codes (:func:`main`): the secret is on its stdout; there is no
#: secret to read this way. Any other (Python's own 1 for an error among them): it failed.
FOUND, NOT_THERE = 0, 10


class _Session:
    """This side of one Diffie-Hellman session with the Secret Service."""

    def __init__(self) -> None:
        import os

        # The system's randomness, as the secrets module reads it (~5 ms less to load:
        # secrets brings random, hmac and hashlib).
        self._private = int.from_bytes(os.urandom(PRIVATE_BITS // 8), "big")
        self.public = pow(2, self._private, DH_PRIME).to_bytes(_PRIME_BYTES, "big")
        self._aes_key = b""

    def agree(self, server_public: bytes) -> None:
        """Derive the session's AES key from the service's half of the exchange."""
        from cryptography.hazmat.primitives.hashes import SHA256
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        theirs = int.from_bytes(server_public, "big")
        if not 1 < theirs < DH_PRIME - 1:
            raise ValueError("the Secret Service sent an unusable public key")
        shared = pow(theirs, self._private, DH_PRIME).to_bytes(_PRIME_BYTES, "big")
        # The spec: no salt (HKDF then uses a hash-length of zero bytes), no info, 128 bits.
        self._aes_key = HKDF(algorithm=SHA256(), length=16, salt=None, info=b"").derive(shared)

    def decrypt(self, iv: bytes, value: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
        from cryptography.hazmat.primitives.padding import PKCS7

        decryptor = Cipher(algorithms.AES(self._aes_key), modes.CBC(iv)).decryptor()
        padded = decryptor.update(value) + decryptor.finalize()
        unpadder = PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()


def read_secret(attributes: dict[str, str]) -> bytes | None:
    """The secret of the first unlocked item in the default collection whose attributes
    include ``attributes``, or None (locked, missing, no bus, or anything unexpected)."""
    try:
        from jeepney.io.blocking import open_dbus_connection

        connection = open_dbus_connection(bus="SESSION")
    except Exception:  # no jeepney, no session bus: keyring says what is wrong
        return None
    try:
        return _read(connection, attributes)
    except Exception:  # D-Bus errors, an odd reply, a timeout: keyring explains
        return None
    finally:
        connection.close()


def _read(connection: Any, attributes: dict[str, str]) -> bytes | None:
    from jeepney import DBusAddress, Properties, new_method_call

    def call(address: DBusAddress, method: str, signature: str | None = None, *body: Any) -> Any:
        message = new_method_call(address, method, signature, tuple(body))
        return connection.send_and_get_reply(message, timeout=CALL_TIMEOUT_S).body

    def locked(path: str, interface: str) -> bool:
        address = DBusAddress(path, bus_name=BUS_NAME, interface=interface)
        reply = connection.send_and_get_reply(
            Properties(address).get("Locked"), timeout=CALL_TIMEOUT_S
        )
        _signature, value = reply.body[0]
        return bool(value)

    collection = DBusAddress(DEFAULT_COLLECTION, bus_name=BUS_NAME, interface=COLLECTION)
    # The default collection as it is: where there is none, asking about it fails here and
    # keyring, which creates one (with a prompt), takes over.
    if locked(DEFAULT_COLLECTION, COLLECTION):
        return None  # unlocking may prompt: keyring does that, and says if it fails
    (items,) = call(collection, "SearchItems", "a{ss}", attributes)
    if not items:
        return None
    if locked(items[0], ITEM):
        return None
    session = _Session()
    service = DBusAddress(SERVICE_PATH, bus_name=BUS_NAME, interface=SERVICE)
    (_kind, server_public), session_path = call(
        service, "OpenSession", "sv", ALGORITHM, ("ay", session.public)
    )
    try:
        session.agree(bytes(server_public))
        item = DBusAddress(items[0], bus_name=BUS_NAME, interface=ITEM)
        ((_session, iv, value, _content_type),) = call(item, "GetSecret", "o", session_path)
        return session.decrypt(bytes(iv), bytes(value))
    finally:
        # The service ends the session when the connection closes anyway: a failed Close
        # doesn't undo the read.
        with contextlib.suppress(Exception):
            call(DBusAddress(session_path, bus_name=BUS_NAME, interface=SESSION), "Close")


def main() -> int:
    """The helper process of :func:`supportnet.data.secret_service.begin_read`: the
    attributes (JSON) on stdin, the secret on stdout; exit :data:`FOUND` or
    :data:`NOT_THERE`."""
    import json
    import sys

    secret = read_secret(json.load(sys.stdin))
    if secret is None:
        return NOT_THERE
    sys.stdout.buffer.write(secret)
    return FOUND


if __name__ == "__main__":
    raise SystemExit(main())
