"""The example network's inner and middle circles."""

from __future__ import annotations

from tests.demo.legacy.common import (
    _COMP,
    _CRISIS,
    _EMO,
    _INFO,
    _PRAC,
    _Rhythm,
)
from tests.demo.legacy.people_outer import _OuterCircleMixin
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    HelpDirection,
    LifeDomain,
    Person,
)


class _PeopleMixin(_OuterCircleMixin):
    def add_people(self) -> None:
        self.add_inner_circle()
        self.add_middle_circle()
        self.add_outer_circle()

    def add_inner_circle(self) -> None:
        city = self.friend_zone.rsplit("/", 1)[-1].replace("_", " ")
        evening = (17 * 60 + 30, 21 * 60)
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

    def add_middle_circle(self) -> None:
        evening = (17 * 60 + 30, 21 * 60)
        daytime = (9 * 60, 17 * 60)
        ch = ContactChannel

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
