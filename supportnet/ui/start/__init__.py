"""Before the main window: welcome, unlocking, the recovery key, and the crash dialog."""

__all__ = ["RecoveryKeyRequested"]


class RecoveryKeyRequested(Exception):
    """Raised from the passphrase prompt: the person would rather use their recovery key.

    Not an error: it carries the choice out through the store's opening (which releases its
    lock on the way) to the code that shows the recovery-key dialog.
    """
