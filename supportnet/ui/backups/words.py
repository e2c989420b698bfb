"""What the backup dialogs say: where a backup is, what opens it, what a restore does."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from supportnet.i18n import N_, _
from supportnet.model.days import clock_time, day_month_year
from supportnet.services.backups import BackupWritten, Restored
from supportnet.services.your_data import counts_text

# Marked here, translated where shown (the language is chosen after import).
BACKUP_TITLE = N_("Back up now")
BACKUP_DONE_TITLE = N_("Backup saved")
BACKUP_FAILED_TITLE = N_("The backup wasn't saved")
BACKING_UP = N_("Backing up…")
RESTORE_TITLE = N_("Restore from backup")
RESTORE_DONE_TITLE = N_("Backup restored")
RESTORE_FAILED_TITLE = N_("The backup wasn't restored")
RESTORING = N_("Restoring the backup…")
RESTORE_BUTTON = N_("Restore")
FILE_FILTER = N_("SupportNet backups (*.db);;All files (*)")


def backup_done_text(written: BackupWritten) -> str:
    """Where the backup is and what opens it, in plain words."""
    if written.new_key_unseen:
        text = _(
            "Your backup is saved in {path}. It is encrypted: it opens on this computer, and "
            "elsewhere only with your new recovery key (the record of the one before was "
            "damaged). File ▸ Recovery key… shows it."
        )
    elif written.passphrase_too:
        text = _(
            "Your backup is saved in {path}. It is encrypted, and opens only with this "
            "computer's key, or with your recovery key or your passphrase on another computer."
        )
    else:
        text = _(
            "Your backup is saved in {path}. It is encrypted, and opens only with this "
            "computer's key, or with your recovery key on another computer."
        )
    return text.format(path=written.path)


def restore_question(backups_folder: Path) -> str:
    """What a restore does, asked before anything is changed."""
    return _(
        "Your network now will be replaced by the one in this backup. A backup of it is "
        "taken first, in {folder}, so you can go back to it."
    ).format(folder=backups_folder)


def restored_text(restored: Restored) -> str:
    """What came back, where the replaced data is kept, and the key it now has."""
    counts = {
        "people": restored.people,
        "groups": restored.groups,
        "plans": restored.plans,
        "checkins": restored.checkins,
    }
    lines = [_("Restored {counts}.").format(counts=counts_text(counts))]
    if restored.safety_backup is not None:
        lines.append(
            _("What you had before is kept in {path}.").format(path=restored.safety_backup)
        )
    if restored.new_recovery_key:
        lines.append(
            _(
                "The backup's recovery key couldn't be read, so your data has a new one: File ▸ "
                "Recovery key… shows it, to keep somewhere safe."
            )
        )
    elif restored.from_elsewhere:
        lines.append(
            _(
                "It now opens with this computer's key, and its recovery key is the one the "
                "backup came with."
            )
        )
    return " ".join(lines)


def last_backup_text(when: datetime | None, now: datetime) -> str:
    """ "Last backup: today 14:02" (local time), or that none is taken yet."""
    if when is None:
        return _("Last backup: none yet; one is taken each day you use SupportNet.")
    local, today = when.astimezone(), now.astimezone().date()
    days = (today - local.date()).days
    at = clock_time(local)
    if days == 0:
        return _("Last backup: today {time}").format(time=at)
    if days == 1:
        return _("Last backup: yesterday {time}").format(time=at)
    day = day_month_year(local.date(), short=True)
    return _("Last backup: {date} {time}").format(date=day, time=at)
