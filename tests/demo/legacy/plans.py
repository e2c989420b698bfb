"""The example network's groups and plans."""

from __future__ import annotations

from datetime import time, timedelta

from tests.demo.legacy.builder_base import _BuilderBase
from tests.demo.legacy.common import (
    _COMP,
    _EMO,
    _INFO,
    _SAT,
    _SUN,
    _THU,
    _TUE,
    _WED,
    _add_months,
    _nth_weekday_of,
    _on_or_after,
    _on_or_before,
)
from supportnet.model.network import (
    ChannelKind,
    Circle,
    Group,
    GroupKind,
)
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence


class _PlansMixin(_BuilderBase):
    # -- groups ----------------------------------------------------------------------------

    def add_groups(self) -> None:
        self.groups["circle"] = Group(
            name="Thursday peer support circle",
            kind=GroupKind.SUPPORT_GROUP,
            circle=Circle.MIDDLE,
            support_types={_EMO, _INFO},
            meeting_schedule="Thursdays 19:00",
            place="Community centre, Room 2 (side door)",
            notes="Run by peers. Tea, biscuits, and no pressure to speak.",
            tags=["peer support", "weekly"],
        )
        self.groups["walkers"] = Group(
            name="Riverside walking club",
            kind=GroupKind.CLUB,
            circle=Circle.OUTER,
            support_types={_COMP},
            meeting_schedule="3rd Saturday of the month, 10:00",
            place="Meet at the park café",
            notes="A gentle 5 km loop. Nobody minds if you turn back early.",
            tags=["walks", "outdoors"],
        )
        self.groups["forum"] = Group(
            name="Quiet Harbour forum",
            kind=GroupKind.ONLINE_COMMUNITY,
            circle=Circle.OUTER,
            support_types={_EMO, _INFO},
            link="https://forum.example.org/quiet-harbour",
            notes="Moderated and kind. The Sunday check-in thread is a good place to start.",
            tags=["forum", "evenings"],
        )

    # -- plans -----------------------------------------------------------------------------

    def add_plans(self) -> None:
        today, zone = self.today, self.user_zone

        self.add_plan(
            self.uid("mum"),
            Plan(
                kind=PlanKind.FIXED,
                title="Sunday call with Mum",
                channel=ChannelKind.CALL,
                start_date=_on_or_before(today - timedelta(days=56), _SUN),
                timezone=zone,
                window_start=time(18, 0),
                window_end=time(19, 0),
                duration_minutes=30,
                recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={_SUN}),
                message_idea="Hi Mum, how was your week?",
            ),
        )
        self.add_plan(
            self.uid("circle"),
            Plan(
                kind=PlanKind.FIXED,
                title="Thursday peer support circle",
                channel=ChannelKind.IN_PERSON,
                start_date=_on_or_before(today - timedelta(days=70), _THU),
                timezone=zone,
                window_start=time(19, 0),
                window_end=time(20, 30),
                duration_minutes=90,
                recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={_THU}),
                notes="You don't have to speak. Turning up counts.",
            ),
        )
        club_start = _nth_weekday_of(_add_months(today, -3), 3, _SAT)
        self.add_plan(
            self.uid("walkers"),
            Plan(
                kind=PlanKind.FIXED,
                title="Walking club",
                channel=ChannelKind.IN_PERSON,
                start_date=club_start,
                timezone=zone,
                window_start=time(10, 0),
                window_end=time(12, 0),
                duration_minutes=120,
                recurrence=Recurrence(
                    frequency=Frequency.MONTHLY,
                    monthly_mode=MonthlyMode.BY_WEEKDAY,
                    nth=3,
                    nth_weekday=_SAT,
                ),
                message_idea="Anyone up for the short loop this time?",
                notes="Comfy shoes, a flask, and it's fine to leave early.",
            ),
        )

        # Weekly lunch walks until the project ends, except one week Tom is away.
        walk_start = _on_or_before(today - timedelta(days=42), _WED)
        walk_until = _on_or_before(today + timedelta(days=100), _WED)
        walk_skip = _on_or_after(today + timedelta(days=1), _WED) + timedelta(weeks=2)
        self.add_plan(
            self.uid("tom"),
            Plan(
                kind=PlanKind.FIXED,
                title="Lunch walk with Tom",
                channel=ChannelKind.IN_PERSON,
                start_date=walk_start,
                timezone=zone,
                window_start=time(12, 30),
                window_end=time(13, 30),
                duration_minutes=30,
                recurrence=Recurrence(
                    frequency=Frequency.WEEKLY, weekdays={_WED}, until=walk_until, skips={walk_skip}
                ),
                message_idea="Walk at lunch? Even a short one.",
                notes="Until the project wraps up. Tom's on leave one week.",
            ),
        )

        hour = self.video_hour()
        self.add_plan(
            self.uid("jamie"),
            Plan(
                kind=PlanKind.FIXED,
                title="Video call with Jamie",
                channel=ChannelKind.VIDEO,
                start_date=_on_or_before(today - timedelta(days=28), _SAT),
                timezone=self.friend_zone,
                window_start=time(hour, 0),
                window_end=time(hour + 1, 0),
                duration_minutes=45,
                recurrence=Recurrence(frequency=Frequency.WEEKLY, interval=2, weekdays={_SAT}),
                message_idea="Thinking of you — how was the week over there?",
                notes="The time is in Jamie's zone, so it moves when their clocks change.",
            ),
        )
        self.add_plan(
            self.uid("ruth"),
            Plan(
                kind=PlanKind.FIXED,
                title="Counselling with Ruth",
                channel=ChannelKind.IN_PERSON,
                start_date=self.ruth_anchor(),
                timezone=zone,
                window_start=time(10, 0),
                window_end=time(10, 50),
                duration_minutes=50,
                recurrence=Recurrence(frequency=Frequency.WEEKLY, interval=2, weekdays={_TUE}),
                notes="Bring the mood notes if I feel like it. It's fine to cancel and rebook.",
            ),
        )

        # (target, title, channel, ideal days, too long, window, minutes, message idea)
        flexible = (
            (
                "priya",
                "Check in with Pri",
                ChannelKind.MESSAGING,
                7,
                18,
                (18, 0, 21, 0),
                15,
                "Thinking of you — how was the week?",
            ),
            (
                "grandad",
                "Ring Grandad",
                ChannelKind.CALL,
                10,
                24,
                (10, 30, 12, 0),
                20,
                "Hi Grandad, just ringing to say hello.",
            ),
            (
                "owen",
                "Message Owen",
                ChannelKind.MESSAGING,
                14,
                35,
                (19, 0, 21, 30),
                10,
                "How's uni going? Fancy a call this week?",
            ),
            (
                "lucia",
                "Catch up with Lucía",
                ChannelKind.CALL,
                21,
                50,
                (14, 0, 17, 0),
                45,
                "I've been thinking of you. Could we talk sometime this week?",
            ),
            (
                "forum",
                "Post in the Sunday thread",
                ChannelKind.MESSAGING,
                7,
                21,
                (19, 0, 21, 0),
                15,
                "Checking in: this week was…",
            ),
        )
        for n, (key, title, channel, ideal, too_long, window, minutes, idea) in enumerate(flexible):
            self.add_plan(
                self.uid(key),
                Plan(
                    kind=PlanKind.FLEXIBLE,
                    title=title,
                    channel=channel,
                    start_date=today - timedelta(days=30 + 7 * n),
                    timezone=zone,
                    window_start=time(window[0], window[1]),
                    window_end=time(window[2], window[3]),
                    duration_minutes=minutes,
                    cadence=Cadence(ideal_days=ideal, too_long_days=too_long),
                    message_idea=idea,
                ),
            )

        self.add_plan(
            self.uid("salma"),
            Plan(
                kind=PlanKind.ONE_OFF,
                title="Return Salma's dish and say thank you",
                channel=ChannelKind.IN_PERSON,
                start_date=today + timedelta(days=4),
                timezone=zone,
                window_start=time(10, 0),
                window_end=time(12, 0),
                duration_minutes=15,
                message_idea="Thank you for the soup — it really helped.",
            ),
        )
        self.add_plan(
            self.uid("shiv"),
            Plan(
                kind=PlanKind.ONE_OFF,
                title="Birthday card for Auntie Shiv",
                channel=ChannelKind.LETTER,
                start_date=today + timedelta(days=11),
                timezone=zone,
                message_idea="Happy birthday, Auntie Shiv — thinking of you today.",
                notes="Post it a few days before.",
            ),
        )
