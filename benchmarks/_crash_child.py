"""Write bursts through the data layer, in their own process, for crash_safety to kill.

`checkins DATA_DIR PREFIX`: one check-in per transaction, printing each committed id.
`bulk DATA_DIR COUNT`: COUNT check-ins in one `checkins.add_many` transaction.
Both print `ready` once the store is open and the ORM loaded, and flush every line, so
the parent knows exactly what was committed before its SIGKILL.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from supportnet.data.keys import env_passphrase_provider
from supportnet.data.store import open_store
from supportnet.model.checkins import CheckIn

# A runaway child (its parent gone) stops by itself.
MAX_SECONDS = 60


def main() -> None:
    mode, data_dir = sys.argv[1], Path(sys.argv[2])
    with open_store(data_dir, passphrase=env_passphrase_provider(), create=False) as store:
        person_id = store.people.list_all()[0].id
        start = datetime.now(UTC) - timedelta(days=1)
        if mode == "bulk":
            batch = [
                CheckIn(at=start, person_id=person_id, note=f"bulk-{i}")
                for i in range(int(sys.argv[3]))
            ]
            with store.sessions.begin():
                pass  # loads the ORM (half a second) first: the kills aim at the insert
            print("ready", flush=True)
            store.checkins.add_many(batch)
            print("committed", flush=True)
            return
        prefix = sys.argv[3]
        stop = time.monotonic() + MAX_SECONDS
        i = 0
        while time.monotonic() < stop:
            saved = store.checkins.add(CheckIn(at=start, person_id=person_id, note=f"{prefix}-{i}"))
            if i == 0:
                # The first write loads the ORM (half a second); the kills aim at the rest.
                print("ready", flush=True)
            # Printed only after the commit: every id seen by the parent must survive.
            print(saved.id, flush=True)
            i += 1


if __name__ == "__main__":
    main()
