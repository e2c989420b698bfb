"""The support network: people and groups, their circles, life domains and support types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from supportnet.i18n import N_, _
from supportnet.model import field_words as fields
from supportnet.model.errors import Problem, ValidationError
from supportnet.model.text import NAME_MAX, NOTE_MAX, SHORT_MAX, check_text, clean_line, clean_note


def new_uid() -> str:
    """A fresh stable identifier; stored once and reused (calendar UIDs depend on it)."""
    import uuid  # here: it loads `platform`, and reading the store makes no new uid

    return str(uuid.uuid4())


class Circle(StrEnum):
    """Closeness, after Kahn & Antonucci's convoy model."""

    INNER = "inner"
    MIDDLE = "middle"
    OUTER = "outer"

    @property
    def label(self) -> str:
        return _(_CIRCLE_LABELS[self])

    @property
    def description(self) -> str:
        return _(_CIRCLE_DESCRIPTIONS[self])


_CIRCLE_LABELS = {
    Circle.INNER: N_("Inner circle"),
    Circle.MIDDLE: N_("Middle circle"),
    Circle.OUTER: N_("Outer circle"),
}
_CIRCLE_DESCRIPTIONS = {
    Circle.INNER: N_("The ones who feel closest to you, whoever they are"),
    Circle.MIDDLE: N_("Not quite that close, but still very important"),
    Circle.OUTER: N_("Close and important enough to be in your network"),
}


class LifeDomain(StrEnum):
    """Where in life someone belongs, after Tracy & Whittaker's Social Network Map."""

    HOUSEHOLD = "household"
    FAMILY = "family"
    FRIENDS = "friends"
    WORK_SCHOOL = "work_school"
    GROUPS_COMMUNITY = "groups_community"
    NEIGHBOURS = "neighbours"
    PROFESSIONALS = "professionals"
    ONLINE = "online"

    @property
    def label(self) -> str:
        return _(_DOMAIN_LABELS[self])


_DOMAIN_LABELS = {
    LifeDomain.HOUSEHOLD: N_("Household"),
    LifeDomain.FAMILY: N_("Family"),
    LifeDomain.FRIENDS: N_("Friends"),
    LifeDomain.WORK_SCHOOL: N_("Work or school"),
    LifeDomain.GROUPS_COMMUNITY: N_("Groups and community"),
    LifeDomain.NEIGHBOURS: N_("Neighbours"),
    LifeDomain.PROFESSIONALS: N_("Professionals and services"),
    LifeDomain.ONLINE: N_("Online communities"),
}


class SupportType(StrEnum):
    """Kinds of support someone gives."""

    EMOTIONAL = "emotional"
    PRACTICAL = "practical"
    INFORMATIONAL = "informational"
    COMPANIONSHIP = "companionship"
    CRISIS = "crisis"

    @property
    def label(self) -> str:
        return _(_SUPPORT_LABELS[self][0])

    @property
    def description(self) -> str:
        return _(_SUPPORT_LABELS[self][1])


_SUPPORT_LABELS = {
    SupportType.EMOTIONAL: (N_("Emotional"), N_("Listening and empathy")),
    SupportType.PRACTICAL: (N_("Practical"), N_("Rides, meals, errands")),
    SupportType.INFORMATIONAL: (N_("Advice"), N_("Information and advice")),
    SupportType.COMPANIONSHIP: (N_("Company"), N_("Doing things together, distraction")),
    SupportType.CRISIS: (N_("Crisis"), N_("Okay to contact in a crisis")),
}


class HelpDirection(StrEnum):
    """Who mostly helps whom."""

    BOTH = "both"
    I_HELP_THEM = "i_help_them"
    THEY_HELP_ME = "they_help_me"

    @property
    def label(self) -> str:
        return _(_DIRECTION_LABELS[self])


_DIRECTION_LABELS = {
    HelpDirection.BOTH: N_("Both ways"),
    HelpDirection.I_HELP_THEM: N_("Mostly I help them"),
    HelpDirection.THEY_HELP_ME: N_("Mostly they help me"),
}


class ChannelKind(StrEnum):
    """How to reach someone."""

    CALL = "call"
    TEXT = "text"
    VIDEO = "video"
    MESSAGING = "messaging"
    EMAIL = "email"
    IN_PERSON = "in_person"
    LETTER = "letter"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(_CHANNEL_LABELS[self])


_CHANNEL_LABELS = {
    ChannelKind.CALL: N_("Phone call"),
    ChannelKind.TEXT: N_("Text message"),
    ChannelKind.VIDEO: N_("Video call"),
    ChannelKind.MESSAGING: N_("Chat app"),
    ChannelKind.EMAIL: N_("Email"),
    ChannelKind.IN_PERSON: N_("In person"),
    ChannelKind.LETTER: N_("Letter or card"),
    ChannelKind.OTHER: N_("Other"),
}


class GroupKind(StrEnum):
    """What sort of group or community it is."""

    SUPPORT_GROUP = "support_group"
    CLUB = "club"
    SERVICE = "service"
    ONLINE_COMMUNITY = "online_community"

    @property
    def label(self) -> str:
        return _(_GROUP_LABELS[self])

    @property
    def default_domain(self) -> LifeDomain:
        if self is GroupKind.ONLINE_COMMUNITY:
            return LifeDomain.ONLINE
        if self is GroupKind.SERVICE:
            return LifeDomain.PROFESSIONALS
        return LifeDomain.GROUPS_COMMUNITY


_GROUP_LABELS = {
    GroupKind.SUPPORT_GROUP: N_("Support group"),
    GroupKind.CLUB: N_("Club or activity"),
    GroupKind.SERVICE: N_("Community service"),
    GroupKind.ONLINE_COMMUNITY: N_("Online community"),
}


@dataclass(slots=True)
class ContactChannel:
    """One way to reach a person: a phone number, an address, a handle."""

    kind: ChannelKind
    value: str = ""
    preferred: bool = False


def _clean_tags(tags: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        cleaned = clean_line(tag)
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            out.append(cleaned)
    return out


def _check_tags(problems: list[Problem], tags: list[str]) -> None:
    for tag in tags:
        check_text(problems, "tags", tag, says=fields.TAG, max_len=NAME_MAX)


@dataclass(slots=True)
class Person:
    """Someone in the network."""

    name: str
    circle: Circle = Circle.MIDDLE
    domain: LifeDomain = LifeDomain.FRIENDS
    nickname: str = ""
    pronouns: str = ""
    support_types: set[SupportType] = field(default_factory=set)
    direction: HelpDirection = HelpDirection.BOTH
    channels: list[ContactChannel] = field(default_factory=list)
    best_times: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    knows_situation: bool = False
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def crisis_ok(self) -> bool:
        """Okay to contact in a crisis (the crisis support type)."""
        return SupportType.CRISIS in self.support_types

    @property
    def display_name(self) -> str:
        return display_name_of(self.name, self.nickname)

    @property
    def first_name(self) -> str:
        """What a discreet note calls them: the nickname, else the name's first word."""
        return first_name_of(self.name, self.nickname)

    @property
    def preferred_channel(self) -> ContactChannel | None:
        for channel in self.channels:
            if channel.preferred:
                return channel
        return self.channels[0] if self.channels else None

    def normalised(self) -> Person:
        """Trim whitespace in place and return self."""
        self.name = clean_line(self.name)
        self.nickname = clean_line(self.nickname)
        self.pronouns = clean_line(self.pronouns)
        self.best_times = clean_line(self.best_times)
        self.notes = clean_note(self.notes)
        self.tags = _clean_tags(self.tags)
        for channel in self.channels:
            channel.value = clean_line(channel.value)
        return self

    def problems(self) -> list[Problem]:
        """Everything wrong with this person, one message per field."""
        problems: list[Problem] = []
        check_text(problems, "name", self.name, says=fields.NAME, max_len=NAME_MAX, required=True)
        check_text(problems, "nickname", self.nickname, says=fields.NICKNAME, max_len=NAME_MAX)
        check_text(problems, "pronouns", self.pronouns, says=fields.PRONOUNS, max_len=NAME_MAX)
        check_text(
            problems, "best_times", self.best_times, says=fields.BEST_TIMES, max_len=SHORT_MAX
        )
        check_text(
            problems, "notes", self.notes, says=fields.NOTES, max_len=NOTE_MAX, multiline=True
        )
        _check_tags(problems, self.tags)
        _check_enum(problems, "circle", self.circle, Circle, N_("Please choose a circle."))
        _check_enum(problems, "domain", self.domain, LifeDomain, N_("Please choose a life domain."))
        _check_enum(
            problems,
            "direction",
            self.direction,
            HelpDirection,
            N_("Please choose a direction of help."),
        )
        for support in self.support_types:
            _check_enum(
                problems,
                "support_types",
                support,
                SupportType,
                N_("Please choose a kind of support."),
            )
        if sum(1 for c in self.channels if c.preferred) > 1:
            problems.append(
                Problem("channels", _("Only one way of reaching them can be preferred."))
            )
        for channel in self.channels:
            _check_enum(
                problems, "channels", channel.kind, ChannelKind, N_("Please choose a channel.")
            )
            check_text(
                problems, "channels", channel.value, says=fields.CONTACT_DETAIL, max_len=SHORT_MAX
            )
        return problems

    def validate(self) -> None:
        """Raise :class:`ValidationError` naming the first problem, carrying all of them."""
        raise_problems(self.problems())


@dataclass(slots=True)
class Group:
    """A group or community: a support group, a club, a service, an online community."""

    name: str
    kind: GroupKind = GroupKind.SUPPORT_GROUP
    circle: Circle = Circle.OUTER
    domain: LifeDomain | None = None
    support_types: set[SupportType] = field(default_factory=set)
    meeting_schedule: str = ""
    place: str = ""
    link: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.domain is None:
            self.domain = GroupKind(self.kind).default_domain

    @property
    def display_name(self) -> str:
        return self.name

    def normalised(self) -> Group:
        """Trim whitespace in place and return self."""
        self.name = clean_line(self.name)
        self.meeting_schedule = clean_line(self.meeting_schedule)
        self.place = clean_line(self.place)
        self.link = clean_line(self.link)
        self.notes = clean_note(self.notes)
        self.tags = _clean_tags(self.tags)
        return self

    def problems(self) -> list[Problem]:
        """Everything wrong with this group, one message per field."""
        problems: list[Problem] = []
        check_text(problems, "name", self.name, says=fields.NAME, max_len=NAME_MAX, required=True)
        check_text(
            problems,
            "meeting_schedule",
            self.meeting_schedule,
            says=fields.MEETING_SCHEDULE,
            max_len=SHORT_MAX,
        )
        check_text(problems, "place", self.place, says=fields.PLACE, max_len=SHORT_MAX)
        check_text(problems, "link", self.link, says=fields.LINK, max_len=SHORT_MAX)
        if self.link and " " in self.link.strip():
            problems.append(Problem("link", _("A link can't contain spaces.")))
        check_text(
            problems, "notes", self.notes, says=fields.NOTES, max_len=NOTE_MAX, multiline=True
        )
        _check_tags(problems, self.tags)
        _check_enum(problems, "kind", self.kind, GroupKind, N_("Please choose a kind of group."))
        _check_enum(problems, "circle", self.circle, Circle, N_("Please choose a circle."))
        _check_enum(problems, "domain", self.domain, LifeDomain, N_("Please choose a life domain."))
        for support in self.support_types:
            _check_enum(
                problems,
                "support_types",
                support,
                SupportType,
                N_("Please choose a kind of support."),
            )
        return problems

    def validate(self) -> None:
        """Raise :class:`ValidationError` naming the first problem, carrying all of them."""
        raise_problems(self.problems())


def _check_enum(
    problems: list[Problem], field_name: str, value: object, enum: type, message: str
) -> None:
    """A problem saying ``message`` (marked with ``N_``, translated only when it is one)."""
    if not isinstance(value, enum):
        problems.append(Problem(field_name, _(message)))


#: Titles that come before a first name; "Dr Farid Rahimi" is "Farid" when a first name is asked.
HONORIFICS = frozenset(
    {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "prof", "prof.", "rev"}
)


def display_name_of(name: str, nickname: str = "") -> str:
    """What the app calls someone (lists, the plan for hard days): the nickname, else the
    name. One rule, so a name written into the plan matches the name shown."""
    return nickname or name


def first_name_of(name: str, nickname: str = "") -> str:
    """The nickname if there is one (it is what they are called), else the first word of the
    name that is not a title: "Dr Farid Rahimi" is "Farid"."""
    if nickname.strip():
        return nickname.strip()
    words = name.split()
    return next((w for w in words if w.casefold() not in HONORIFICS), words[0] if words else "")


def raise_problems(problems: list[Problem]) -> None:
    """Raise a :class:`ValidationError` for the first problem, if there is any."""
    if problems:
        first = problems[0]
        raise ValidationError(first.field, first.message, problems)
