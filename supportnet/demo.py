"""An example support network for the first run: people, groups, plans and six months of history.

Everything is relative to ``today`` and the user's time zone, which are arguments, and is
deterministic for a given seed (each person draws from their own ``random.Random``, so one
person's history does not depend on another's). The objects carry no database ids: the loader
inserts the people and groups, maps each ``uid`` to an id and sets ``person_id`` or
``group_id`` on every plan and check-in before saving. Uids are fresh each call, so the same
example can be loaded into two stores without clashing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from supportnet.checkins import CheckIn, Initiator
from supportnet.errors import ValidationError
from supportnet.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    GroupKind,
    HelpDirection,
    LifeDomain,
    Person,
    SupportType,
)
from supportnet.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence

__all__ = ["HISTORY_DAYS", "DemoNetwork", "build_demo_network", "friend_zone_for"]

#: How far back the check-in history reaches.
HISTORY_DAYS = 182

# Check-ins happen between these local times (minutes after midnight).
_EARLIEST = 9 * 60
_LATEST = 21 * 60 + 30

# Weekdays, as in :mod:`datetime` and :class:`Recurrence`.
_TUE, _WED, _THU, _SAT, _SUN = 1, 2, 3, 5, 6

_EMO = SupportType.EMOTIONAL
_PRAC = SupportType.PRACTICAL
_INFO = SupportType.INFORMATIONAL
_COMP = SupportType.COMPANIONSHIP
_CRISIS = SupportType.CRISIS

_GENERAL_NOTES = (
    "Quick chat — felt a bit lighter after.",
    "Didn't say much, but it was good to hear from them.",
    "Short one. That still counts.",
    "Talked about nothing in particular. Nice.",
    "They asked how I was and I answered honestly.",
    "Laughed properly for the first time this week.",
)


@dataclass(slots=True)
class DemoNetwork:
    """The example network. Plans and check-ins name their target by its ``uid``."""

    people: list[Person]
    groups: list[Group]
    plans: list[tuple[str, Plan]]
    checkins: list[tuple[str, CheckIn]]


@dataclass(slots=True)
class _Rhythm:
    """How often, when and how the user and one person are usually in touch."""

    every: float | None  # days between contacts; None: only anchored contacts
    hours: tuple[int, int] = (_EARLIEST, 21 * 60)  # local minutes, inclusive
    them_share: float = 0.3
    quiet_days: int = 0  # a gentle gap: no contact in the last this-many days
    channels: dict[ChannelKind, int] = field(default_factory=dict)  # weights; default: theirs
    notes: tuple[str, ...] = ()
    note_share: float = 0.15
    mood_share: float = 0.25


def friend_zone_for(user_zone: str) -> str:
    """The zone of the friend abroad: one whose daylight-saving rules differ from the user's.

    New York for users in Europe, otherwise London; and whichever of the two keeps
    different clocks from the user's zone (so ``America/New_York`` gets London and an alias
    of London, such as ``GB``, gets New York).
    """
    first, second = "America/New_York", "Europe/London"
    if not user_zone.startswith("Europe/"):
        first, second = second, first
    if _same_clocks(user_zone, first):
        return second
    return first


def _same_clocks(zone_a: str, zone_b: str) -> bool:
    a, b = ZoneInfo(zone_a), ZoneInfo(zone_b)
    # Every week of a recent year catches any daylight-saving rule that differs.
    start = datetime(2025, 1, 1, 12)
    moments = [start + timedelta(weeks=w) for w in range(53)]
    return all(m.replace(tzinfo=a).utcoffset() == m.replace(tzinfo=b).utcoffset() for m in moments)


def build_demo_network(today: date, user_zone: str, *, seed: int = 2024) -> DemoNetwork:
    """Build the example network for someone whose day is ``today`` in ``user_zone``.

    Check-ins cover the :data:`HISTORY_DAYS` days before ``today`` and all fall before
    midnight at the start of ``today`` in ``user_zone``; plans start a little before
    ``today`` and one-offs fall in the two weeks after it.
    """
    try:
        tz = ZoneInfo(user_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            "timezone", f"“{user_zone}” isn't a time zone we know; choose one like Europe/London."
        ) from exc
    friend_zone = friend_zone_for(user_zone)
    builder = _Builder(today, user_zone, tz, friend_zone, seed)
    return builder.build()


class _Builder:
    def __init__(
        self, today: date, user_zone: str, tz: ZoneInfo, friend_zone: str, seed: int
    ) -> None:
        self.today = today
        self.user_zone = user_zone
        self.tz = tz
        self.friend_zone = friend_zone
        self.friend_tz = ZoneInfo(friend_zone)
        self.seed = seed
        self.first_day = today - timedelta(days=HISTORY_DAYS)
        self.last_day = today - timedelta(days=1)
        self.people: dict[str, Person] = {}
        self.rhythms: dict[str, _Rhythm] = {}
        self.groups: dict[str, Group] = {}
        self.plans: list[tuple[str, Plan]] = []
        self.checkins: list[tuple[str, CheckIn]] = []

    # -- helpers ---------------------------------------------------------------------------

    def rng(self, key: str) -> random.Random:
        """A generator of its own for each part, seeded from the seed and a name."""
        return random.Random(f"supportnet-demo:{self.seed}:{key}")

    def at(self, day: date, minutes: int) -> datetime:
        return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=self.tz)

    def add_checkin(
        self,
        target: str,
        when: datetime,
        *,
        channel: ChannelKind | None,
        initiator: Initiator = Initiator.ME,
        note: str = "",
        mood: tuple[int | None, int | None] = (None, None),
    ) -> None:
        self.checkins.append(
            (
                target,
                CheckIn(
                    at=when,
                    channel=channel,
                    initiator=initiator,
                    note=note,
                    mood_before=mood[0],
                    mood_after=mood[1],
                ),
            )
        )

    def add_plan(self, target: str, plan: Plan) -> None:
        self.plans.append((target, plan))

    def uid(self, key: str) -> str:
        if key in self.people:
            return self.people[key].uid
        return self.groups[key].uid

    # -- the whole thing -------------------------------------------------------------------

    def build(self) -> DemoNetwork:
        self.add_people()
        self.add_groups()
        self.add_plans()
        self.add_history()
        start = self.at(self.first_day, 0)
        end = datetime.combine(self.today, time(0), tzinfo=self.tz)
        kept = [
            (uid, c)
            for uid, c in self.checkins
            if start <= c.at < end and _EARLIEST <= _local_minutes(c.at, self.tz) <= _LATEST
        ]
        kept.sort(key=lambda pair: pair[1].at)
        return DemoNetwork(
            people=[p.normalised() for p in self.people.values()],
            groups=[g.normalised() for g in self.groups.values()],
            plans=[(uid, p.normalised()) for uid, p in self.plans],
            checkins=[(uid, c.normalised()) for uid, c in kept],
        )

    # -- people ----------------------------------------------------------------------------

    def person(self, key: str, person: Person, rhythm: _Rhythm) -> None:
        self.people[key] = person
        self.rhythms[key] = rhythm

    def add_people(self) -> None:
        city = self.friend_zone.rsplit("/", 1)[-1].replace("_", " ")
        evening = (17 * 60 + 30, 21 * 60)
        daytime = (9 * 60, 17 * 60)
        ch = ContactChannel

        # Inner circle.
        self.person(
            "dan",
            Person(
                name="Daniel Okafor",
                nickname="Dan",
                pronouns="he/him",
                circle=Circle.INNER,
                domain=LifeDomain.HOUSEHOLD,
                support_types={_EMO, _PRAC, _COMP, _CRISIS},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.IN_PERSON, "Home", preferred=True),
                    ch(ChannelKind.TEXT, "07700 900461"),
                    ch(ChannelKind.CALL, "07700 900461"),
                ],
                best_times="Evenings, and slow Sunday mornings",
                notes="Knows the early signs before I do. Happy to just sit together.",
                tags=["partner", "walks"],
                knows_situation=True,
            ),
            _Rhythm(
                every=4,
                hours=evening,
                them_share=0.28,
                channels={ChannelKind.IN_PERSON: 6, ChannelKind.TEXT: 2, ChannelKind.CALL: 1},
                notes=(
                    "Walked to the river together.",
                    "Cooked something simple together.",
                    "Told him it was a grey day; he made tea and didn't push.",
                ),
            ),
        )
        self.person(
            "mum",
            Person(
                name="Margaret Hughes",
                nickname="Mum",
                pronouns="she/her",
                circle=Circle.INNER,
                domain=LifeDomain.FAMILY,
                support_types={_EMO, _PRAC},
                direction=HelpDirection.THEY_HELP_ME,
                channels=[
                    ch(ChannelKind.CALL, "01632 960118", preferred=True),
                    ch(ChannelKind.TEXT, "07700 900733"),
                    ch(ChannelKind.LETTER),
                ],
                best_times="Sunday evenings; not during the quiz on Wednesdays",
                notes="Worries, but listens when I ask her to. Loves hearing about small things.",
                tags=["family", "Sunday call"],
                knows_situation=True,
            ),
            _Rhythm(
                every=None,
                them_share=0.24,
                notes=(
                    "Mum told me all about the garden.",
                    "Talked about Grandad's hip.",
                    "Said I was tired; she said that's allowed.",
                ),
            ),
        )
        self.person(
            "priya",
            Person(
                name="Priya Sharma",
                nickname="Pri",
                pronouns="she/her",
                circle=Circle.INNER,
                domain=LifeDomain.FRIENDS,
                support_types={_EMO, _COMP, _CRISIS},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.MESSAGING, "WhatsApp", preferred=True),
                    ch(ChannelKind.CALL, "07700 900215"),
                    ch(ChannelKind.IN_PERSON),
                ],
                best_times="After 18:00 on weekdays, any time at weekends",
                notes="Friend since we were eleven. Says “you never have to explain” and means it.",
                tags=["school friend", "voice notes"],
                knows_situation=True,
            ),
            _Rhythm(
                every=5,
                hours=evening,
                them_share=0.32,
                channels={ChannelKind.MESSAGING: 5, ChannelKind.CALL: 2, ChannelKind.IN_PERSON: 1},
                notes=(
                    "Pri sent a voice note; I sent one back 🙂",
                    "Coffee and a slow walk round the park.",
                ),
            ),
        )
        self.person(
            "rosie",
            Person(
                name="Rosie Mensah",
                pronouns="she/her",
                circle=Circle.INNER,
                domain=LifeDomain.FAMILY,
                support_types={_EMO, _PRAC, _COMP},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.TEXT, "07700 900388", preferred=True),
                    ch(ChannelKind.VIDEO, "FaceTime"),
                    ch(ChannelKind.IN_PERSON),
                ],
                best_times="After the kids' bedtime, around 20:00",
                notes="My sister. Sends photos of the twins when I go quiet.",
                tags=["sister", "family"],
                knows_situation=True,
            ),
            _Rhythm(
                every=7,
                hours=(19 * 60, 21 * 60 + 15),
                notes=("The twins waved at me on FaceTime.", "Rosie dropped round with leftovers."),
            ),
        )
        self.person(
            "jamie",
            Person(
                name="Jamie Chen",
                pronouns="they/them",
                circle=Circle.INNER,
                domain=LifeDomain.FRIENDS,
                support_types={_EMO, _COMP},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.VIDEO, "Signal video", preferred=True),
                    ch(ChannelKind.MESSAGING, "Signal"),
                    ch(ChannelKind.EMAIL, "jamie.chen@example.org"),
                ],
                best_times="Weekend afternoons, their time",
                notes=f"Moved to {city} for work. We still watch the same terrible films together.",
                tags=["lives abroad", "films"],
                knows_situation=True,
            ),
            _Rhythm(
                every=9,
                hours=evening,
                them_share=0.28,
                channels={ChannelKind.MESSAGING: 1},
                notes=("Sent each other film recommendations.",),
            ),
        )

        # Middle circle.
        self.person(
            "ruth",
            Person(
                name="Ruth Adeyemi",
                pronouns="she/her",
                circle=Circle.MIDDLE,
                domain=LifeDomain.PROFESSIONALS,
                support_types={_EMO, _INFO, _CRISIS},
                direction=HelpDirection.THEY_HELP_ME,
                channels=[
                    ch(ChannelKind.IN_PERSON, "Riverside Wellbeing Centre", preferred=True),
                    ch(ChannelKind.CALL, "01632 960442"),
                    ch(ChannelKind.EMAIL, "counselling@example.org"),
                ],
                best_times="Tuesday mornings (sessions); messages to the centre on weekdays",
                notes="My counsellor. It's fine to email between sessions if things get hard.",
                tags=["counsellor", "Tuesdays"],
                knows_situation=True,
            ),
            _Rhythm(
                every=None,
                them_share=0.0,
                mood_share=0.5,
                notes=(
                    "Talked about the weekend plan. Helpful.",
                    "Hard session, but I'm glad I went.",
                ),
            ),
        )
        self.person(
            "gp",
            Person(
                name="Dr Farid Rahimi",
                pronouns="he/him",
                circle=Circle.MIDDLE,
                domain=LifeDomain.PROFESSIONALS,
                support_types={_INFO, _PRAC},
                direction=HelpDirection.THEY_HELP_ME,
                channels=[
                    ch(ChannelKind.CALL, "01632 960500 (surgery)", preferred=True),
                    ch(ChannelKind.IN_PERSON, "Park Lane Surgery"),
                    ch(ChannelKind.OTHER, "Online booking"),
                ],
                best_times="Ring at 8:00 for same-day appointments",
                notes="GP. Reviews my medication every couple of months; kind and unhurried.",
                tags=["GP", "medication"],
                knows_situation=True,
            ),
            _Rhythm(
                every=42,
                hours=daytime,
                them_share=0.1,
                mood_share=0.0,
                notes=("Medication review — staying on the same dose.",),
            ),
        )
        self.person(
            "noa",
            Person(
                name="נועה לוי",
                nickname="Noa",
                pronouns="she/her",
                circle=Circle.MIDDLE,
                domain=LifeDomain.HOUSEHOLD,
                support_types={_PRAC, _COMP},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.IN_PERSON, preferred=True),
                    ch(ChannelKind.MESSAGING, "House group chat"),
                ],
                best_times="Friday evenings",
                notes="Housemate. Makes the best shakshuka; Friday film nights 🎬",
                tags=["housemate", "films"],
            ),
            _Rhythm(
                every=8,
                hours=evening,
                them_share=0.28,
                notes=("Film night — didn't have to talk much.",),
            ),
        )
        self.person(
            "tom",
            Person(
                name="Tom Whitaker",
                pronouns="he/him",
                circle=Circle.MIDDLE,
                domain=LifeDomain.WORK_SCHOOL,
                support_types={_COMP, _INFO},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.IN_PERSON, "Office, 3rd floor", preferred=True),
                    ch(ChannelKind.MESSAGING, "Teams"),
                    ch(ChannelKind.EMAIL, "tom.whitaker@example.com"),
                ],
                best_times="Lunchtimes, Wednesdays especially",
                notes="Colleague. Our Wednesday lunch walks are the best bit of the week.",
                tags=["colleague", "walks"],
            ),
            _Rhythm(
                every=None,
                them_share=0.21,
                notes=("Lunch walk by the canal.", "Short walk; it was raining."),
            ),
        )
        self.person(
            "owen",
            Person(
                name="Owen Hughes",
                pronouns="he/him",
                circle=Circle.MIDDLE,
                domain=LifeDomain.FAMILY,
                support_types={_COMP},
                direction=HelpDirection.I_HELP_THEM,
                channels=[
                    ch(ChannelKind.MESSAGING, "WhatsApp", preferred=True),
                    ch(ChannelKind.CALL, "07700 900902"),
                ],
                best_times="Late evenings (student hours)",
                notes="Little brother, in his second year at uni. Likes memes more than calls.",
                tags=["brother", "family"],
            ),
            _Rhythm(
                every=14,
                hours=(19 * 60, 21 * 60 + 30),
                them_share=0.17,
                notes=("Swapped memes. He's doing fine.",),
            ),
        )
        self.person(
            "salma",
            Person(
                name="سلمى حداد",
                nickname="Salma",
                pronouns="she/her",
                circle=Circle.MIDDLE,
                domain=LifeDomain.NEIGHBOURS,
                support_types={_PRAC, _COMP},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.IN_PERSON, "Number 14", preferred=True),
                    ch(ChannelKind.TEXT, "07700 900654"),
                ],
                best_times="Mornings, when she walks the dog",
                notes="Next-door neighbour. We swap parcels and sometimes walk her dog together 🐕",
                tags=["neighbour", "walks"],
            ),
            _Rhythm(
                every=10,
                hours=(9 * 60, 12 * 60),
                them_share=0.32,
                notes=("Walked Biscuit round the block with Salma.", "She brought round soup."),
            ),
        )
        self.person(
            "lucia",
            Person(
                name="Lucía Fernández",
                pronouns="she/her",
                circle=Circle.MIDDLE,
                domain=LifeDomain.FRIENDS,
                support_types={_EMO, _COMP},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.CALL, "07700 900127", preferred=True),
                    ch(ChannelKind.MESSAGING, "WhatsApp"),
                ],
                best_times="Sunday afternoons",
                notes="Uni friend. Long calls that leave me feeling understood.",
                tags=["uni friend"],
            ),
            _Rhythm(
                every=16,
                hours=(13 * 60, 18 * 60),
                them_share=0.24,
                quiet_days=80,
                notes=("Two-hour call, felt so much better.",),
            ),
        )
        self.person(
            "marcus",
            Person(
                name="Marcus Bell",
                pronouns="he/him",
                circle=Circle.MIDDLE,
                domain=LifeDomain.GROUPS_COMMUNITY,
                support_types={_EMO, _INFO},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.TEXT, "07700 900846", preferred=True),
                    ch(ChannelKind.IN_PERSON, "Thursday group"),
                ],
                best_times="Thursdays after group, or a text any time",
                notes="From the Thursday circle. Been where I am; gentle and practical.",
                tags=["peer support", "Thursday group"],
                knows_situation=True,
            ),
            _Rhythm(
                every=10,
                hours=evening,
                them_share=0.24,
                notes=("Texted after group to say well done for coming.",),
            ),
        )
        self.person(
            "grandad",
            Person(
                name="Edward Hughes",
                nickname="Grandad",
                pronouns="he/him",
                circle=Circle.MIDDLE,
                domain=LifeDomain.FAMILY,
                support_types={_EMO},
                direction=HelpDirection.I_HELP_THEM,
                channels=[
                    ch(ChannelKind.CALL, "01632 960277", preferred=True),
                    ch(ChannelKind.LETTER, "Flat 2, Elm Court"),
                ],
                best_times="Late mornings; he naps after lunch",
                notes="Ninety next year. Tells the same stories and I don't mind at all.",
                tags=["family", "stories"],
            ),
            _Rhythm(
                every=10,
                hours=(10 * 60, 12 * 60 + 30),
                them_share=0.07,
                channels={ChannelKind.CALL: 5, ChannelKind.LETTER: 1},
                notes=("Grandad told the allotment story again.",),
            ),
        )

        # Outer circle.
        self.person(
            "fern",
            Person(
                name="Kai Nakamura",
                nickname="quietfern 🌿",
                pronouns="they/them",
                circle=Circle.OUTER,
                domain=LifeDomain.ONLINE,
                support_types={_EMO, _INFO},
                direction=HelpDirection.BOTH,
                channels=[ch(ChannelKind.MESSAGING, "@quietfern on the forum", preferred=True)],
                best_times="Evenings",
                notes="Met in the forum's Sunday thread. Always replies kindly.",
                tags=["forum friend"],
            ),
            _Rhythm(every=18, hours=(19 * 60, 21 * 60 + 30), them_share=0.32),
        )
        self.person(
            "ife",
            Person(
                name="Ifeoluwa Adebayo",
                nickname="Ife",
                pronouns="she/her",
                circle=Circle.OUTER,
                domain=LifeDomain.ONLINE,
                support_types={_INFO, _COMP},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.MESSAGING, "Discord", preferred=True),
                    ch(ChannelKind.EMAIL, "ife@example.net"),
                ],
                best_times="Weekends",
                notes="Runs the forum's book swap. Great at finding gentle reads.",
                tags=["forum friend", "books"],
            ),
            _Rhythm(every=35, them_share=0.28),
        )
        self.person(
            "hannah",
            Person(
                name="Hannah Price",
                circle=Circle.OUTER,
                domain=LifeDomain.FRIENDS,
                support_types={_COMP},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.TEXT, "07700 900510", preferred=True),
                    ch(ChannelKind.EMAIL, "hannah.price@example.com"),
                ],
                best_times="Weekends",
                notes="School friend; we catch up a few times a year.",
                tags=["school friend"],
            ),
            _Rhythm(every=48, them_share=0.28),
        )
        self.person(
            "ben",
            Person(
                name="Ben Carter",
                pronouns="he/him",
                circle=Circle.OUTER,
                domain=LifeDomain.FAMILY,
                support_types={_PRAC},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.CALL, "07700 900379", preferred=True),
                    ch(ChannelKind.TEXT, "07700 900379"),
                ],
                best_times="Saturdays",
                notes="Cousin with a van. Helped me move; happy to help again.",
                tags=["cousin", "family"],
            ),
            _Rhythm(every=50, them_share=0.21),
        )
        self.person(
            "shiv",
            Person(
                name="Siobhan Kelly",
                nickname="Auntie Shiv",
                pronouns="she/her",
                circle=Circle.OUTER,
                domain=LifeDomain.FAMILY,
                support_types={_EMO},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.LETTER, "12 Harbour Road", preferred=True),
                    ch(ChannelKind.CALL, "01632 960913"),
                ],
                best_times="Weekday afternoons",
                notes="Mum's sister. Sends postcards; loves getting one back.",
                tags=["family", "postcards"],
            ),
            _Rhythm(every=40, hours=(13 * 60, 17 * 60), them_share=0.35),
        )
        self.person(
            "geoff",
            Person(
                name="Geoff Marsh",
                pronouns="he/him",
                circle=Circle.OUTER,
                domain=LifeDomain.GROUPS_COMMUNITY,
                support_types={_COMP},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.IN_PERSON, "Walking club", preferred=True),
                    ch(ChannelKind.TEXT, "07700 900188"),
                ],
                best_times="Saturday mornings",
                notes="Walking club regular. Talks about his allotment; easy company.",
                tags=["walking club", "walks"],
            ),
            _Rhythm(every=45, hours=(10 * 60, 16 * 60), them_share=0.21),
        )
        self.person(
            "joy",
            Person(
                name="Joy Mwangi",
                pronouns="she/her",
                circle=Circle.OUTER,
                domain=LifeDomain.GROUPS_COMMUNITY,
                support_types={_COMP, _INFO},
                direction=HelpDirection.I_HELP_THEM,
                channels=[
                    ch(ChannelKind.EMAIL, "volunteers@example.org", preferred=True),
                    ch(ChannelKind.CALL, "01632 960654"),
                ],
                best_times="Weekday mornings",
                notes="Coordinates the food bank volunteers. No pressure to do a shift.",
                tags=["volunteering"],
            ),
            _Rhythm(every=30, hours=(9 * 60, 13 * 60), them_share=0.24),
        )
        self.person(
            "sunita",
            Person(
                name="Sunita Patel",
                pronouns="she/her",
                circle=Circle.OUTER,
                domain=LifeDomain.WORK_SCHOOL,
                support_types={_INFO, _PRAC},
                direction=HelpDirection.THEY_HELP_ME,
                channels=[
                    ch(ChannelKind.EMAIL, "sunita.patel@example.com", preferred=True),
                    ch(ChannelKind.VIDEO, "Teams"),
                    ch(ChannelKind.IN_PERSON, "Office"),
                ],
                best_times="Monthly one-to-ones; email any time",
                notes="My manager. Agreed the adjusted hours without fuss.",
                tags=["manager", "work"],
                knows_situation=True,
            ),
            _Rhythm(every=30, hours=(10 * 60, 16 * 60), them_share=0.21, mood_share=0.1),
        )
        self.person(
            "wei",
            Person(
                name="Wei Zhang",
                pronouns="he/him",
                circle=Circle.OUTER,
                domain=LifeDomain.PROFESSIONALS,
                support_types={_INFO},
                direction=HelpDirection.THEY_HELP_ME,
                channels=[
                    ch(ChannelKind.IN_PERSON, "High Street Pharmacy", preferred=True),
                    ch(ChannelKind.CALL, "01632 960730"),
                ],
                best_times="Weekdays 9:00–17:30",
                notes="Pharmacist. Happy to answer questions about side effects.",
                tags=["pharmacy"],
            ),
            _Rhythm(every=56, hours=(9 * 60, 17 * 60), them_share=0.03, mood_share=0.0),
        )
        self.person(
            "piotr",
            Person(
                name="Piotr Kowalski",
                nickname="Mr K",
                pronouns="he/him",
                circle=Circle.OUTER,
                domain=LifeDomain.NEIGHBOURS,
                support_types={_COMP},
                direction=HelpDirection.I_HELP_THEM,
                channels=[ch(ChannelKind.IN_PERSON, "Number 18", preferred=True)],
                best_times="Bin day (Tuesday) mornings",
                notes="Elderly neighbour. I take his bins out; he tells me about Kraków.",
                tags=["neighbour"],
            ),
            _Rhythm(every=21, hours=(9 * 60, 11 * 60), them_share=0.07),
        )
        self.person(
            "mateo",
            Person(
                name="Mateo Rossi",
                pronouns="he/him",
                circle=Circle.OUTER,
                domain=LifeDomain.FRIENDS,
                support_types={_COMP},
                direction=HelpDirection.BOTH,
                channels=[
                    ch(ChannelKind.MESSAGING, "WhatsApp", preferred=True),
                    ch(ChannelKind.IN_PERSON, "Five-a-side"),
                ],
                best_times="Tuesday evenings",
                notes="Five-a-side friend. Never asks why I stopped coming; always says hello.",
                tags=["football"],
            ),
            _Rhythm(every=20, hours=evening, them_share=0.28, quiet_days=100),
        )

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

    def video_hour(self) -> int:
        """An hour in the friend's zone that is a sensible time for both, all year round."""
        saturdays = [_on_or_before(self.today, _SAT) + timedelta(weeks=w) for w in range(-30, 20)]
        best = (float("inf"), 14)
        for hour in range(9, 21):
            minutes = [
                _local_minutes(datetime.combine(d, time(hour), tzinfo=self.friend_tz), self.tz)
                for d in saturdays
            ]
            outside = sum(1 for m in minutes if not _EARLIEST <= m <= 20 * 60 + 30)
            mean = sum(minutes) / len(minutes)
            score = outside * 1000 + abs(mean - 18 * 60) / 60 + abs(hour - 14) / 2
            if score < best[0]:
                best = (score, hour)
        return best[1]

    def ruth_anchor(self) -> date:
        return _on_or_before(self.today - timedelta(days=84), _TUE)

    # -- history ---------------------------------------------------------------------------

    def add_history(self) -> None:
        for key in self.people:
            self.person_history(key)
        self.anchored_history()
        self.group_history()

    def person_history(self, key: str) -> None:
        rhythm = self.rhythms[key]
        if rhythm.every is None:
            return
        rng = self.rng(key)
        last = self.last_day - timedelta(days=rhythm.quiet_days)
        span = (last - self.first_day).days
        offset = rng.uniform(0, min(rhythm.every, span))
        days: list[date] = []
        while offset <= span:
            days.append(self.first_day + timedelta(days=int(offset)))
            offset += rhythm.every * rng.uniform(0.65, 1.35)
        for day in days:
            self.person_checkin(key, rng, day, _minutes(rng, *rhythm.hours))

    def person_checkin(
        self,
        key: str,
        rng: random.Random,
        day: date,
        minutes: int,
        channel: ChannelKind | None = None,
    ) -> None:
        rhythm = self.rhythms[key]
        person = self.people[key]
        if channel is None:
            weights = rhythm.channels or {c.kind: 3 if c.preferred else 1 for c in person.channels}
            kinds = list(weights)
            channel = rng.choices(kinds, weights=[weights[k] for k in kinds])[0]
        initiator = Initiator.THEM if rng.random() < rhythm.them_share else Initiator.ME
        note = ""
        if rng.random() < rhythm.note_share:
            note = rng.choice(rhythm.notes + _GENERAL_NOTES)
        mood = _mood(rng) if rng.random() < rhythm.mood_share else (None, None)
        self.add_checkin(
            person.uid,
            self.at(day, minutes),
            channel=channel,
            initiator=initiator,
            note=note,
            mood=mood,
        )

    def weekly(self, weekday: int, anchor: date, interval: int = 1) -> list[date]:
        """Dates in the history window on ``weekday``, every ``interval`` weeks from anchor."""
        day = _on_or_after(self.first_day, weekday)
        out = []
        while day <= self.last_day:
            if ((day - anchor).days // 7) % interval == 0:
                out.append(day)
            day += timedelta(weeks=1)
        return out

    def anchored_history(self) -> None:
        rng = self.rng("mum:sundays")
        for day in self.weekly(_SUN, self.today):
            if rng.random() < 0.85:
                self.person_checkin(
                    "mum", rng, day, 18 * 60 + 5 * rng.randrange(5), ChannelKind.CALL
                )
        rng = self.rng("ruth:sessions")
        for day in self.weekly(_TUE, self.ruth_anchor(), interval=2):
            if rng.random() < 0.9:
                self.person_checkin("ruth", rng, day, 10 * 60, ChannelKind.IN_PERSON)
        rng = self.rng("tom:walks")
        for day in self.weekly(_WED, self.today):
            if rng.random() < 0.75:
                self.person_checkin(
                    "tom", rng, day, 12 * 60 + 30 + 5 * rng.randrange(4), ChannelKind.IN_PERSON
                )
        rng = self.rng("jamie:video")
        hour = self.video_hour()
        jamie_plan_start = _on_or_before(self.today - timedelta(days=28), _SAT)
        for day in self.weekly(_SAT, jamie_plan_start, interval=2):
            if rng.random() < 0.8:
                there = datetime.combine(
                    day, time(hour, 5 * rng.randrange(3)), tzinfo=self.friend_tz
                )
                here = there.astimezone(self.tz)
                self.person_checkin(
                    "jamie", rng, here.date(), here.hour * 60 + here.minute, ChannelKind.VIDEO
                )

    def group_history(self) -> None:
        rng = self.rng("circle")
        circle = self.groups["circle"].uid
        notes = (
            "Just listened tonight, and that was enough.",
            "Shared a little. People nodded.",
            "Stayed for tea afterwards.",
        )
        for day in self.weekly(_THU, self.today):
            if rng.random() < 0.8:
                note = rng.choice(notes) if rng.random() < 0.3 else ""
                mood = _mood(rng, lift=1) if rng.random() < 0.5 else (None, None)
                self.add_checkin(
                    circle,
                    self.at(day, 19 * 60 + 5 * rng.randrange(3)),
                    channel=ChannelKind.IN_PERSON,
                    note=note,
                    mood=mood,
                )

        rng = self.rng("walkers")
        walkers = self.groups["walkers"].uid
        month = _add_months(self.first_day, 0)
        while month <= self.last_day:
            day = _nth_weekday_of(month, 3, _SAT)
            if self.first_day <= day <= self.last_day and rng.random() < 0.7:
                note = rng.choice(("Did the short loop.", "Geoff brought flapjacks.", ""))
                self.add_checkin(
                    walkers,
                    self.at(day, 10 * 60 + 5 * rng.randrange(2)),
                    channel=ChannelKind.IN_PERSON,
                    note=note,
                    mood=_mood(rng, lift=1) if rng.random() < 0.5 else (None, None),
                )
            month = _add_months(month, 1)

        rng = self.rng("forum")
        forum = self.groups["forum"].uid
        offset = rng.uniform(0, 10)
        span = (self.last_day - self.first_day).days
        while offset <= span:
            day = self.first_day + timedelta(days=int(offset))
            note = rng.choice(
                ("Posted in the Sunday thread.", "Replied to someone having a rough week.", "", "")
            )
            self.add_checkin(
                forum,
                self.at(day, _minutes(rng, 19 * 60, 21 * 60 + 30)),
                channel=ChannelKind.MESSAGING,
                note=note,
            )
            offset += 10 * rng.uniform(0.6, 1.5)


# -- date helpers ----------------------------------------------------------------------------


def _on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _add_months(day: date, months: int) -> date:
    """The first of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _nth_weekday_of(month: date, nth: int, weekday: int) -> date:
    """The ``nth`` (1–4) ``weekday`` in ``month``'s month."""
    return _on_or_after(month.replace(day=1), weekday) + timedelta(weeks=nth - 1)


def _local_minutes(moment: datetime, tz: ZoneInfo) -> int:
    local = moment.astimezone(tz)
    return local.hour * 60 + local.minute


def _minutes(rng: random.Random, earliest: int, latest: int) -> int:
    """A time of day between ``earliest`` and ``latest`` (inclusive) on a five-minute step."""
    return earliest + 5 * rng.randrange((latest - earliest) // 5 + 1)


def _mood(rng: random.Random, lift: int = 0) -> tuple[int | None, int | None]:
    """Mood before and after: usually the same or a little better afterwards."""
    before = rng.choice((1, 2, 2, 3, 3, 3, 4, 4))
    change = rng.choices((-1, 0, 1, 2), weights=(1, 4, 5 + 2 * lift, 2 + lift))[0]
    return before, max(1, min(5, before + change))
