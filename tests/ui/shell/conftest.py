"""Fixtures for the shell's tests: a private D-Bus bus and a notification server on it."""

from tests.ui.shell.notification_bus import (  # noqa: F401 - fixtures for these tests
    notification_server,
    plain_notification_server,
    private_bus,
)
