"""Large synthetic stores for benchmarks, written in bulk (one transaction per table)."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

from supportnet.data.store import Store
from supportnet.model.network import Circle, LifeDomain, SupportType

FIRST = [
    "Ada",
    "Ben",
    "Chloe",
    "Dan",
    "Elif",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jun",
    "Kemi",
    "Lucía",
    "Mateo",
    "Noa",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tomasz",
    "Uma",
    "Victor",
    "Wen",
    "Xavier",
    "Yara",
    "Zoe",
]
LAST = [
    "Okafor",
    "Lee",
    "García",
    "Nguyen",
    "Kowalski",
    "Smith",
    "Haddad",
    "Andersson",
    "O'Neill",
    "Rossi",
    "Mensah",
    "Sharma",
    "Brown",
    "Chen",
    "Müller",
]


def fill(store: Store, people: int, checkins: int, *, seed: int = 5) -> None:
    """Add ``people`` people and ``checkins`` check-ins spread over the last year."""
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(tzinfo=None)
    circles = list(Circle)
    domains = list(LifeDomain)
    supports = list(SupportType)
    conn = store.db.connection()
    conn.execute("BEGIN")
    person_rows = []
    for i in range(people):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        person_rows.append(
            (
                i + 1,
                str(uuid.uuid4()),
                name,
                "",
                "",
                rng.choice(domains).value,
                rng.choices(circles, weights=(1, 3, 10))[0].value,
                "both",
                "",
                "",
                0,
                now.isoformat(" "),
                now.isoformat(" "),
            )
        )
    conn.executemany(
        "INSERT INTO people (id, uid, name, nickname, pronouns, domain, circle, direction, "
        "best_times, notes, knows_situation, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        person_rows,
    )
    conn.executemany(
        "INSERT INTO person_support (person_id, support_type) VALUES (?, ?)",
        [(i + 1, s.value) for i in range(people) for s in rng.sample(supports, 2)],
    )
    conn.executemany(
        "INSERT INTO checkins (uid, person_id, at, channel, initiator, note) "
        "VALUES (?, ?, ?, 'call', ?, '')",
        [
            (
                str(uuid.uuid4()),
                rng.randrange(people) + 1,
                (now - timedelta(minutes=rng.randrange(365 * 24 * 60))).isoformat(" "),
                rng.choice(("me", "them")),
            )
            for _ in range(checkins)
        ],
    )
    conn.execute("COMMIT")


def add_plans(store: Store, plans: int, people: int, *, seed: int = 9) -> None:
    """Add ``plans`` plans over the first ``people`` people: weekly, monthly and flexible."""
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    start = (datetime.now(UTC) - timedelta(days=60)).date().isoformat()
    rows = []
    for i in range(plans):
        kind = ("fixed", "fixed", "flexible")[i % 3]
        person = rng.randrange(people) + 1
        weekly = i % 2 == 0
        rows.append(
            (
                str(uuid.uuid4()),
                person,
                kind,
                "call",
                "Europe/London",
                start,
                "18:00:00.000000",
                30,
                ("weekly" if weekly else "monthly") if kind == "fixed" else None,
                1 if kind == "fixed" else None,
                str(rng.randrange(7)) if kind == "fixed" and weekly else None,
                "by_date" if kind == "fixed" else None,
                rng.randrange(1, 29) if kind == "fixed" and not weekly else None,
                rng.choice((7, 10, 14, 21)) if kind == "flexible" else None,
                60 if kind == "flexible" else None,
                now,
                now,
            )
        )
    conn = store.db.connection()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO plans (uid, person_id, kind, channel, timezone, start_date, window_start, "
        "duration_minutes, frequency, interval, weekdays, monthly_mode, month_day, ideal_days, "
        "too_long_days, created_at, updated_at, title, message_idea, notes, paused, sequence) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'','','',0,0)",
        rows,
    )
    conn.execute("COMMIT")
