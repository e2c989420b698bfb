"""A large care team for benchmarks: 20 supporters and 200 slots over four weeks.

`rota_ms` is expanding the team's rota over four weeks and working out its coverage, as
the Care team page and `supportnet rota` do: the median of several runs of the same team
(occurrences are cached by timing, as in the app), and `rota_cold_ms` with a fresh team
each run (nothing cached). Goal: rota_ms <= 50.

Run alone: `.venv/bin/python -m benchmarks.rota_team` (scale.py prints it with the rest).
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta
from datetime import time as clock

from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.network import ChannelKind
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence
from supportnet.scheduling.rota import coverage, expand

SUPPORTERS = 20
SLOTS = 200
SWAPS = 12
DAYS = 28
ROUNDS = 7
ZONES = ("Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata")
START = date(2026, 3, 16)  # four weeks across London's and Sydney's clock changes


def care_team(seed: int = 12) -> CareTeam:
    """A team of 20 supporters (the user among them) and 200 mixed slots, a few swapped."""
    rng = random.Random(seed)
    supporters = [ME] + [f"person-{n}" for n in range(1, SUPPORTERS)]
    slots = [RotaSlot(_plan(rng, n), rng.choice([*supporters, None])) for n in range(SLOTS)]
    swaps = []
    # One date of a flexible check-in can't be swapped (its days move): the app refuses it.
    fixed = [slot for slot in slots if slot.plan.kind is not PlanKind.FLEXIBLE]
    for slot in rng.sample(fixed, SWAPS):
        on = START + timedelta(days=rng.randrange(DAYS))
        swaps.append(SlotSwap(slot.uid, on, rng.choice([*supporters, None])))
    team = CareTeam(name="Dan's team", focus="dan", supporters=supporters, slots=slots, swaps=swaps)
    assert not team.problems(), team.problems()[:3]  # a team the app could hold
    return team


def _plan(rng: random.Random, n: int) -> Plan:
    start = START - timedelta(days=rng.randrange(120))
    plan = Plan(
        kind=PlanKind.FIXED,
        start_date=start,
        timezone=rng.choice(ZONES),
        channel=rng.choice([*ChannelKind, None]),
        window_start=None if n % 9 == 0 else clock(rng.randrange(8, 22), rng.choice((0, 30))),
    )
    kind = n % 10
    if kind < 5:  # half weekly, some fortnightly
        plan.recurrence = Recurrence(
            Frequency.WEEKLY,
            interval=rng.choice((1, 1, 2)),
            weekdays=set(rng.sample(range(7), rng.randint(1, 3))),
        )
    elif kind < 7:
        plan.recurrence = Recurrence(Frequency.MONTHLY, month_day=rng.randint(1, 31))
        if kind == 6:
            plan.recurrence = Recurrence(
                Frequency.MONTHLY,
                monthly_mode=MonthlyMode.BY_WEEKDAY,
                nth=rng.choice((1, 2, 3, 4, -1)),
                nth_weekday=rng.randrange(7),
            )
    elif kind < 9:
        plan.kind = PlanKind.FLEXIBLE
        plan.cadence = Cadence(ideal_days=rng.randint(2, 10), too_long_days=30)
    else:
        plan.kind = PlanKind.ONE_OFF
        plan.start_date = START + timedelta(days=rng.randrange(-3, DAYS + 3))
    return plan


def _run(team: CareTeam) -> None:
    checkins = expand(team, START, DAYS, "Europe/London", last_contact=START - timedelta(days=2))
    coverage(checkins, START, DAYS, team.comfortable_gap_days)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def rota_figures(rounds: int = ROUNDS) -> tuple[float, float]:
    """(rota_ms, rota_cold_ms): medians of ``rounds`` runs, same team and fresh teams."""
    team = care_team()
    _run(team)
    warm: list[float] = []
    for _ in range(rounds):
        begin = time.perf_counter()
        _run(team)
        warm.append(time.perf_counter() - begin)
    cold: list[float] = []
    for seed in range(rounds):
        fresh = care_team(seed)  # new slot uids: nothing of them is cached
        begin = time.perf_counter()
        _run(fresh)
        cold.append(time.perf_counter() - begin)
    return _median_ms(warm), _median_ms(cold)


def main() -> None:
    rota_ms, rota_cold_ms = rota_figures()
    print(f"rota: {SUPPORTERS} supporters, {SLOTS} slots, {DAYS} days")
    print(f"rota_ms: {rota_ms:.1f}")
    print(f"rota_cold_ms: {rota_cold_ms:.1f}  (a fresh team each run, nothing cached)")


if __name__ == "__main__":
    main()
