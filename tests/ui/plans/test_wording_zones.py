"""A plan's times name their zone whenever its clocks ever differ from the person's own.

The plans' wording once compared two zones on two days only (mid-January, mid-July), so
Cairo and Kyiv, which agree then but not in April, read as one zone: an 18:00 Cairo plan
showed as plain "18:00" to someone in Kyiv. The one check now looks at every week.
"""

from __future__ import annotations

from datetime import date, time

from supportnet.ui.plans.wording import describe_plan, new_plan


def test_zones_that_agree_only_in_winter_and_summer_are_still_told_apart() -> None:
    plan = new_plan("person", 1, date(2025, 4, 10), "Africa/Cairo")
    plan.window_start = time(18, 0)
    assert describe_plan(plan, "Europe/Kyiv").endswith("18:00 Cairo time")


def test_the_same_clocks_under_another_name_need_no_zone() -> None:
    plan = new_plan("person", 1, date(2025, 4, 10), "Europe/Kiev")  # Kyiv's older name
    plan.window_start = time(18, 0)
    assert describe_plan(plan, "Europe/Kyiv").endswith(", 18:00")
