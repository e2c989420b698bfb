"""Typed errors that carry a message fit for a person to read."""

from __future__ import annotations


class SupportNetError(Exception):
    """Something SupportNet understands and can explain plainly.

    These are "the environment failed" or "the input was wrong" errors, never bugs.
    Their message is shown to people as it is.
    """

    #: Exit code the command line uses for this error.
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(SupportNetError):
    """The command line was used wrongly."""

    exit_code = 2


class ValidationError(SupportNetError):
    """A value does not fit; ``field`` names where the message belongs."""

    def __init__(self, field: str, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.problems = problems or [Problem(field, message)]


class Problem:
    """One field's validation message."""

    __slots__ = ("field", "message")

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message

    def __repr__(self) -> str:
        return f"Problem({self.field!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Problem)
            and other.field == self.field
            and other.message == self.message
        )

    def __hash__(self) -> int:
        return hash((self.field, self.message))


class NotFoundError(SupportNetError):
    """Something asked for by id or name is not in the store."""


class StoreError(SupportNetError):
    """The store cannot be opened or used."""


class StoreLockedError(StoreError):
    """Another SupportNet is using this data directory."""


class KeyUnavailableError(StoreError):
    """The database key cannot be found or reached."""


class WrongPassphraseError(KeyUnavailableError):
    """The passphrase does not unlock the database key."""


class PassphraseRequiredError(KeyUnavailableError):
    """No keyring is usable and no passphrase was given."""


class KeyringEntryMissingError(KeyUnavailableError):
    """The keyring works, but no longer holds this store's key (a reset or new keyring)."""


class KeyringEntryUnreadableError(KeyringEntryMissingError):
    """The keyring still has an entry for this store's key, but it can't be opened any more:
    the secret it was sealed with has changed (a reset or new keyring), or it is damaged."""


class CorruptStoreError(StoreError):
    """The database file is damaged or not a SupportNet database."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer SupportNet."""


class DiskFullError(StoreError):
    """The disk (or the person's quota) is full; the step that needed space was undone."""


class StoreBusyError(StoreError):
    """Another program kept the database busy for longer than SupportNet waits."""


class StoreReadOnlyError(StoreError):
    """The database or its folder can't be written: a read-only disk, or permissions."""


class StoreIOError(StoreError):
    """The disk reported a read or write error, or the database file can't be opened."""


class BackupError(StoreError):
    """A backup could not be written or restored."""


class ExportError(SupportNetError):
    """A calendar file could not be written; nothing was left half-written."""


class NothingToExportError(ExportError):
    """The chosen plans give no events to write."""


class PublishError(SupportNetError):
    """Publishing to a calendar server didn't finish; the store is as it was."""


class ServerPasswordError(SupportNetError):
    """The calendar server's password can't be read from, or kept in, the keyring."""


class ChartsUnavailableError(SupportNetError):
    """The Insights charts can't be drawn here (their folder can't be made); the numbers
    are still there in words and tables."""
