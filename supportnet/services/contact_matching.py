"""Is this contact someone already in the network? Emails, phone numbers and names compared."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from supportnet.model.imported_contacts import ImportedContact
from supportnet.model.network import ChannelKind, Group, Person
from supportnet.safety.country import country_from_locale


def phone_region(environ: Mapping[str, str] | None = None) -> str | None:
    """The region numbers without a country code are read in: the country of the user's
    locale (as the crisis lines find it), or None when the locale names none."""
    return country_from_locale(environ)


def email_key(value: str) -> str:
    """An email address as compared: trimmed, a ``mailto:`` dropped, case folded."""
    text = value.strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.casefold()


@lru_cache(maxsize=65536)  # each number is looked up for the match and again when taken
def phone_key(value: str, region: str | None) -> str:
    """A phone number as compared: E.164 when ``phonenumbers`` can read it in ``region``
    (or from its own ``+`` code), else its digits; "" when it holds too few digits."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, region)
        if phonenumbers.is_possible_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        pass
    digits = "".join(ch for ch in value if ch.isdigit() and ch.isascii())
    return digits if len(digits) >= 5 else ""


def name_key(value: str) -> str:
    return " ".join(value.casefold().split())


@dataclass(slots=True)
class NetworkIndex:
    """Who is known by which email, number and name: the network, then each contact taken."""

    region: str | None
    by_detail: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    #: Groups keep no numbers of their own: a service is known again by its name.
    by_group_name: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls, people: Iterable[Person], groups: Iterable[Group], region: str | None
    ) -> NetworkIndex:
        index = cls(region)
        for person in people:
            for channel in person.channels:
                if channel.kind is ChannelKind.EMAIL or "@" in channel.value:
                    key = "e:" + email_key(channel.value)
                else:
                    key = "p:" + phone_key(channel.value, region)
                if len(key) > 2:
                    index.by_detail.setdefault(key, person.display_name)
            for name in (person.name, person.nickname):
                if name.strip():
                    index.by_name.setdefault(name_key(name), person.display_name)
        for group in groups:
            index.by_name.setdefault(name_key(group.name), group.display_name)
            index.by_group_name.setdefault(name_key(group.name), group.display_name)
        return index

    def keys_of(self, contact: ImportedContact) -> list[str]:
        keys = ["e:" + email_key(e.value) for e in contact.emails]
        keys += ["p:" + phone_key(p.value, self.region) for p in contact.phones]
        return [k for k in keys if len(k) > 2]

    def same_details(self, contact: ImportedContact) -> str | None:
        """Who in the network shares an email or a number with ``contact``, if anyone."""
        for key in self.keys_of(contact):
            if key in self.by_detail:
                return self.by_detail[key]
        if contact.is_organisation:
            return self.by_group_name.get(name_key(contact.organisation))
        return None

    def same_name(self, contact: ImportedContact) -> str | None:
        """Who in the network has ``contact``'s name, if anyone."""
        for name in (contact.name, contact.organisation if contact.is_organisation else ""):
            if name.strip() and name_key(name) in self.by_name:
                return self.by_name[name_key(name)]
        return None

    def take(self, contact: ImportedContact, shown: str) -> None:
        """Count ``contact`` as in the network from now on (a later file may hold it too)."""
        for key in self.keys_of(contact):
            self.by_detail.setdefault(key, shown)
        if contact.title.strip():
            self.by_name.setdefault(name_key(contact.title), shown)
        if contact.is_organisation:
            self.by_group_name.setdefault(name_key(contact.organisation), shown)
