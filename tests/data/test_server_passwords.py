"""Calendar servers' passwords live in the keyring: a real Secret Service (gnome-keyring on
the test run's private D-Bus), never a plaintext or failing backend."""

from __future__ import annotations

import pytest

from supportnet.data import server_passwords
from supportnet.model.errors import ServerPasswordError

URL = "https://cloud.example.org/dav/calendars/sam/check-ins/"


@pytest.mark.secret_service
def test_a_kept_password_comes_back(secret_service: object) -> None:
    assert server_passwords.saved_password(URL, "sam", secret_service) is None
    server_passwords.keep_password(URL, "sam", "s3cret words", secret_service)
    assert server_passwords.saved_password(URL, "sam", secret_service) == "s3cret words"
    assert server_passwords.saved_password(URL, "someone else", secret_service) is None
    entry = server_passwords.entry_name(URL, "sam")
    stored = secret_service.get_password(server_passwords.SERVICE, entry)  # type: ignore[attr-defined]
    assert stored == "s3cret words"


def test_no_usable_keyring_keeps_nothing_and_reads_nothing(no_keyring: object) -> None:
    assert server_passwords.saved_password(URL, "sam", no_keyring) is None
    with pytest.raises(ServerPasswordError, match="can't be kept in the keyring"):
        server_passwords.keep_password(URL, "sam", "s3cret words", no_keyring)
