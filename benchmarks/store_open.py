"""Time to open the encrypted store, against a plain SQLite open and query in the same run.

Prints medians over interleaved runs, then ratios. Run: `.venv/bin/python -m benchmarks.store_open`.
The key is held by an in-memory keyring (no Argon2id), so the figure is SQLCipher, the
checks and the ORM setup; the passphrase path adds the Argon2id cost, printed separately.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from keyring.backend import KeyringBackend

from supportnet.data import keys
from supportnet.data.store import open_store
from supportnet.demo.loader import load_demo

ROUNDS = 15


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        backend = MemoryKeyring()
        with open_store(base / "store", keyring_backend=backend) as store:
            load_demo(store, date(2026, 11, 25), "Europe/London")
        plain = base / "plain.db"
        con = sqlite3.connect(plain)
        con.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)")
        con.executemany("INSERT INTO people (name) VALUES (?)", [(f"p{i}",) for i in range(25)])
        con.commit()
        con.close()

        store_times: list[float] = []
        plain_times: list[float] = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            with open_store(base / "store", keyring_backend=backend) as store:
                store.people.list_all()
            store_times.append(time.perf_counter() - start)

            start = time.perf_counter()
            con = sqlite3.connect(plain)
            con.execute("SELECT * FROM people").fetchall()
            con.close()
            plain_times.append(time.perf_counter() - start)

        kdf_times: list[float] = []
        info = keys.wrap_key(keys.new_key(), "benchmark passphrase", "bench", keys.KdfParams())
        for _ in range(3):
            start = time.perf_counter()
            keys.unwrap_key(info, "benchmark passphrase")
            kdf_times.append(time.perf_counter() - start)

    store_ms = _median_ms(store_times)
    plain_ms = _median_ms(plain_times)
    print(f"plain_sqlite_open_ms: {plain_ms:.2f}")
    print(f"store_open_ms: {store_ms:.1f}  (lock, key, checks, revision, ORM, 25 people)")
    print(f"argon2id_unwrap_ms: {_median_ms(kdf_times):.0f}  (added on the passphrase path)")
    print(f"store_open ratio: {store_ms / plain_ms:.1f}")


if __name__ == "__main__":
    main()
