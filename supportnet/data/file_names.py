"""The names SupportNet gives the files and folders in its data folder.

Kept apart from the modules that read and write them, so checking a folder given with
``--data-dir`` (:mod:`supportnet.data.data_folder`, before Qt loads) loads none of those:
the store's modules load when the store opens.
"""

from __future__ import annotations

#: The encrypted database.
DB_NAME = "supportnet.db"
#: How the database's key is kept (:mod:`supportnet.data.keys`).
KEYINFO_NAME = "key.json"
#: The recovery record (:mod:`supportnet.data.recovery`).
RECOVERY_NAME = "recovery.json"
#: The lock held while the store is open (:mod:`supportnet.data.lock`).
LOCK_NAME = "supportnet.lock"
#: Read before the store opens (:mod:`supportnet.data.open_config`).
CONFIG_NAME = "supportnet-config.json"
#: The automatic backups (:mod:`supportnet.data.backup`).
BACKUP_DIR_NAME = "backups"
#: Damaged databases are kept here, apart from backups/: automatic backups are thinned to
#: the newest few, and a damaged file must never be thinned away.
DAMAGED_DIR_NAME = "damaged"
