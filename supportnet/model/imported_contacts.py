"""A contact read from a phone's or webmail's export, before it becomes someone in the network."""

from __future__ import annotations

from dataclasses import dataclass, field

from supportnet.i18n import _
from supportnet.model.days import month_name


@dataclass(frozen=True, slots=True)
class Birthday:
    """A birthday; ``year`` is None when the card gives only the day and month."""

    month: int
    day: int
    year: int | None = None

    @property
    def text(self) -> str:
        month = month_name(self.month)
        if self.year:
            return _("{day} {month} {year}").format(day=self.day, month=month, year=self.year)
        # Translators: a birthday without its year; German "{day}. {month}".
        return _("{day} {month}").format(day=self.day, month=month)


@dataclass(frozen=True, slots=True)
class Labelled:
    """A phone number or an email address, with the label the phone gave it ("mobile")."""

    value: str
    label: str = ""


@dataclass(slots=True)
class ImportedContact:
    """One card or row, as read: nothing here is checked against the network yet."""

    name: str = ""
    nickname: str = ""
    organisation: str = ""
    phones: list[Labelled] = field(default_factory=list)
    emails: list[Labelled] = field(default_factory=list)
    birthday: Birthday | None = None
    note: str = ""
    categories: list[str] = field(default_factory=list)
    #: Where it was read: "card 3" or "row 7", for the report.
    where: str = ""
    #: A birthday was written, but whether day or month comes first could not be told.
    birthday_unclear: bool = False

    @property
    def is_organisation(self) -> bool:
        """A card with an organisation and no person's name: a surgery, a service."""
        return not self.name and bool(self.organisation)

    @property
    def title(self) -> str:
        """What the preview calls it."""
        return self.name or self.organisation or self.nickname


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A card or row that could not be read, and why, in plain words (no contact data)."""

    where: str
    reason: str


@dataclass(slots=True)
class ReadFile:
    """What one file gave: the contacts read and the ones that could not be."""

    contacts: list[ImportedContact] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)


def birthday_of(text: str, *, omit_year: bool = False) -> Birthday | None:
    """A birthday from the forms phones write: ``1980-04-03``, ``19800403``, ``--0403``,
    ``--04-03``, iOS ``1604-04-03`` (with ``X-APPLE-OMIT-YEAR``) or an ISO date-time;
    None when it is none of them."""
    raw = text.strip().split("T", 1)[0].strip()
    if not raw:
        return None
    year: int | None
    if raw.startswith("--"):
        digits = raw[2:].replace("-", "")
        year = None
    else:
        digits = raw.replace("-", "")
        if len(digits) != 8 or not digits.isdigit():
            return None
        year = int(digits[:4])
        digits = digits[4:]
    if len(digits) != 4 or not digits.isdigit():
        return None
    month, day = int(digits[:2]), int(digits[2:])
    if not (1 <= month <= 12 and 1 <= day <= _days_in(month)):
        return None
    if omit_year or (year is not None and year <= 1604):
        year = None
    return Birthday(month, day, year)


def _days_in(month: int) -> int:
    return 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
