"""What the backup dialogs say: where a backup is, what opens it, what a restore does."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from supportnet.model.days import clock_time, day_month_year
from supportnet.services.backups import BackupWritten, Restored
from supportnet.services.your_data import counts_text

BACKUP_TITLE = "Back up now"
BACKUP_DONE_TITLE = "Backup saved"
BACKUP_FAILED_TITLE = "The backup wasn't saved"
BACKING_UP = "Backing up…"
RESTORE_TITLE = "Restore from backup"
RESTORE_DONE_TITLE = "Backup restored"
RESTORE_FAILED_TITLE = "The backup wasn't restored"
RESTORING = "Restoring the backup…"
RESTORE_BUTTON = "Restore"
FILE_FILTER = "SupportNet backups (*.db);;All files (*)"


def backup_done_text(written: BackupWritten) -> str:
    """Where the backup is and what opens it, in plain words."""
    saved = f"Your backup is saved in {written.path}. It is encrypted"
    if written.new_key_unseen:
        return (
            f"{saved}: it opens on this computer, and elsewhere only with your new recovery "
            "key (the record of the one before was damaged). File ▸ Recovery key… shows it."
        )
    phrase = " or your passphrase" if written.passphrase_too else ""
    return (
        f"{saved}, and opens only with this computer's key, or with your recovery key"
        f"{phrase} on another computer."
    )


def restore_question(backups_folder: Path) -> str:
    """What a restore does, asked before anything is changed."""
    return (
        "Your network now will be replaced by the one in this backup. A backup of it is "
        f"taken first, in {backups_folder}, so you can go back to it."
    )


def restored_text(restored: Restored) -> str:
    """What came back, where the replaced data is kept, and the key it now has."""
    counts = {
        "people": restored.people,
        "groups": restored.groups,
        "plans": restored.plans,
        "checkins": restored.checkins,
    }
    lines = [f"Restored {counts_text(counts)}."]
    if restored.safety_backup is not None:
        lines.append(f"What you had before is kept in {restored.safety_backup}.")
    if restored.new_recovery_key:
        lines.append(
            "The backup's recovery key couldn't be read, so your data has a new one: File ▸ "
            "Recovery key… shows it, to keep somewhere safe."
        )
    elif restored.from_elsewhere:
        lines.append(
            "It now opens with this computer's key, and its recovery key is the one the "
            "backup came with."
        )
    return " ".join(lines)


def last_backup_text(when: datetime | None, now: datetime) -> str:
    """ "Last backup: today 14:02" (local time), or that none is taken yet."""
    if when is None:
        return "Last backup: none yet; one is taken each day you use SupportNet."
    local, today = when.astimezone(), now.astimezone().date()
    days = (today - local.date()).days
    if days == 0:
        day = "today"
    elif days == 1:
        day = "yesterday"
    else:
        day = day_month_year(local.date(), short=True)
    return f"Last backup: {day} {clock_time(local)}"
