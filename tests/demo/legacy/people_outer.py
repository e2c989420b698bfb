"""The example network's outer circle."""

from __future__ import annotations

from tests.demo.legacy.builder_base import _BuilderBase
from tests.demo.legacy.common import (
    _COMP,
    _EMO,
    _INFO,
    _PRAC,
    _Rhythm,
)
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    HelpDirection,
    LifeDomain,
    Person,
)


class _OuterCircleMixin(_BuilderBase):
    def add_outer_circle(self) -> None:
        evening = (17 * 60 + 30, 21 * 60)
        ch = ContactChannel

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
