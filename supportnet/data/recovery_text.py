"""The recovery key as text: 32 Crockford base32 characters in groups of four, the last
group a check that catches one wrong character or two swapped; typed-in text read back.

:mod:`supportnet.data.recovery` wraps the database key with it and names all of this too.
"""

from __future__ import annotations

import secrets

from supportnet.i18n import _
from supportnet.model.errors import ValidationError
from supportnet.model.text import has_lone_surrogate

SECRET_BYTES = 20  # 160 random bits: 32 Crockford base32 characters, 8 groups of four
GROUP = 4
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O or U
_CHECK_CHARS = 4
#: The largest prime below 32**4. The check group is the key, read as a number, modulo it:
#: one changed character changes the number by d·32^i, and no prime above 31 divides that;
#: two neighbours swapped change it by (a-b)·31·32^i, which it can't divide either.
_CHECK_PRIME = 1_048_573
_KEY_CHARS = SECRET_BYTES * 8 // 5
LENGTH = _KEY_CHARS + _CHECK_CHARS

_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})
_SEPARATORS = str.maketrans("", "", " -\t\n\r_.")


class RecoveryKeyError(ValidationError):
    """Typed-in text that isn't a recovery key (wrong length, letters, or a typo)."""

    def __init__(self, message: str) -> None:
        super().__init__("recovery_key", message)


def _encode_number(value: int, length: int) -> str:
    chars = []
    for _i in range(length):
        value, digit = divmod(value, 32)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def _check(body: str) -> str:
    value = 0
    for char in body:
        value = value * 32 + ALPHABET.index(char)
    return _encode_number(value % _CHECK_PRIME, _CHECK_CHARS)


def format_key(secret: bytes) -> str:
    """``secret`` as nine groups of four (the last one a check group), dash-separated."""
    if len(secret) != SECRET_BYTES:
        raise ValueError("a recovery secret is 20 bytes")
    body = _encode_number(int.from_bytes(secret, "big"), _KEY_CHARS)
    text = body + _check(body)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def looks_like_key(text: str) -> bool:
    """Whether ``text`` has a recovery key's shape (length and letters), typo or not."""
    compact = text.upper().translate(_SEPARATORS).translate(_LOOKALIKES)
    return len(compact) == LENGTH and all(c in ALPHABET for c in compact)


def parse_key(text: str) -> bytes:
    """The secret in a typed recovery key; any case, spaces or dashes, I/L for 1, O for 0.

    A typo is caught by the check group, before any decryption is tried.
    """
    if has_lone_surrogate(text):
        # Bytes in another encoding: never echo them, they are part of a secret.
        raise RecoveryKeyError(
            _(
                "That recovery key holds something that isn't plain text (perhaps it came in "
                "another encoding). Please type it again."
            )
        )
    compact = text.upper().translate(_SEPARATORS).translate(_LOOKALIKES)
    strange = sorted({c for c in compact if c not in ALPHABET})
    if strange:
        raise RecoveryKeyError(
            _(
                "A recovery key uses only digits and the letters A to Z (no U); this one has "
                "“{strange}”."
            ).format(strange="".join(strange)[:10])
        )
    if len(compact) != LENGTH:
        raise RecoveryKeyError(
            _(
                "A recovery key has {length} letters and digits, in {groups} groups of four; "
                "this one has {count}."
            ).format(length=LENGTH, groups=LENGTH // GROUP, count=len(compact))
        )
    body, check = compact[:_KEY_CHARS], compact[_KEY_CHARS:]
    if _check(body) != check:
        raise RecoveryKeyError(
            _(
                "That recovery key has a typo somewhere (its last group doesn't match the "
                "rest). Please check each group again."
            )
        )
    value = 0
    for char in body:
        value = value * 32 + ALPHABET.index(char)
    return value.to_bytes(SECRET_BYTES, "big")


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)
