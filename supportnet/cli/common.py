"""What every command shares: the one-line-error parser and the passphrase prompts."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from supportnet import i18n
from supportnet.cli.lines import PROG, one_line
from supportnet.i18n import N_, _
from supportnet.model.errors import UsageError
from supportnet.model.text import has_lone_surrogate

if TYPE_CHECKING:
    from supportnet.data.keys import PassphraseProvider, PassphrasePurpose


#: A command's handler: the parsed arguments, the resolved data folder, where to print.
Handler = Callable[[argparse.Namespace, Path, TextIO], int]


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        # argparse quotes some of what was typed as is ("unrecognized arguments: …").
        raise UsageError(
            _("{message} (see `{prog} --help`)").format(
                message=shown(message, limit=300), prog=PROG
            )
        )


def shown(text: str, *, limit: int = 40) -> str:
    """What someone typed, fit to quote in a one-line message: escaped, and cut short."""
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return one_line(cut)


#: What ``valid_text`` refuses, one whole sentence for each thing typed.
NOT_VALID_TEXT = {
    "The name": N_(
        "The name holds characters that aren't valid text (the terminal may not be "
        "using UTF-8); please type it again."
    ),
    "The note": N_(
        "The note holds characters that aren't valid text (the terminal may not be "
        "using UTF-8); please type it again."
    ),
    "The time": N_(
        "The time holds characters that aren't valid text (the terminal may not be "
        "using UTF-8); please type it again."
    ),
    "The date": N_(
        "The date holds characters that aren't valid text (the terminal may not be "
        "using UTF-8); please type it again."
    ),
    "The address": N_(
        "The address holds characters that aren't valid text (the terminal may not be "
        "using UTF-8); please type it again."
    ),
    "The user name": N_(
        "The user name holds characters that aren't valid text (the terminal may not be "
        "using UTF-8); please type it again."
    ),
    "The supporter's name": N_(
        "The supporter's name holds characters that aren't valid text (the terminal may "
        "not be using UTF-8); please type it again."
    ),
    "The team's name": N_(
        "The team's name holds characters that aren't valid text (the terminal may not be "
        "using UTF-8); please type it again."
    ),
}


def in_sentence(label: str) -> str:
    """A label ("Phone call") as it reads inside a sentence: lower-cased in English; German
    nouns keep their capital letter."""
    return label if i18n.language() == "de" else label.lower()


def valid_text(what: str) -> Callable[[str], str]:
    """An argparse type that refuses text holding bytes that aren't UTF-8.

    Python hands such command-line bytes over as lone surrogates, which can't be stored.
    ``what`` is one of :data:`NOT_VALID_TEXT`'s keys.
    """
    sentence = NOT_VALID_TEXT[what]

    def parse(text: str) -> str:
        if has_lone_surrogate(text):
            raise UsageError(_(sentence))
        return text

    return parse


def common_options() -> Parser:
    """The options every command takes (``--data-dir``)."""
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_(
            "keep data in DIR instead of the per-user data folder. DIR is made private to "
            "you (mode 0700), so it must be new, empty, or already hold SupportNet's data; a "
            "folder holding other files is refused (use a folder inside it, e.g. DIR/SupportNet)"
        ),
    )
    return common


def whole_number(option: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise UsageError(
                _("{option} takes a whole number, not “{text}”.").format(
                    option=option, text=shown(text)
                )
            ) from None

    return parse


NEW_PASSPHRASE_INTRO = N_("No usable keyring was found, so a passphrase will protect your data.")
NEW_PASSPHRASE_NOTE = N_("If you forget it, your recovery key opens your data again.")


def terminal_passphrase_provider(
    stdin: TextIO | None = None, new_intro: str = NEW_PASSPHRASE_INTRO
) -> PassphraseProvider:
    """Ask on the terminal (twice for a new passphrase), or None if there is no terminal."""
    from supportnet.data.keys import PassphrasePurpose, check_new_passphrase

    stream = stdin or sys.stdin

    def provide(purpose: PassphrasePurpose) -> str | None:
        if not stream.isatty():
            return None
        if purpose is PassphrasePurpose.NEW:
            print(f"{_(new_intro)}\n{_(NEW_PASSPHRASE_NOTE)}", file=sys.stderr)
            first = getpass.getpass(_("New passphrase: "))
            again = getpass.getpass(_("The same passphrase again: "))
            check_new_passphrase(first, again)
            return first
        return getpass.getpass(_("SupportNet passphrase: "))

    return provide


def passphrase_provider(new_intro: str = NEW_PASSPHRASE_INTRO) -> PassphraseProvider:
    from supportnet.data.keys import env_passphrase_provider

    return env_passphrase_provider() or terminal_passphrase_provider(new_intro=new_intro)


def backup_secret_provider(stdin: TextIO | None = None) -> Callable[[bool], str | None]:
    """The recovery key (or passphrase) of a backup from elsewhere: from the environment
    (``SUPPORTNET_RECOVERY_KEY``, then ``SUPPORTNET_PASSPHRASE``), else asked on the terminal.
    """
    import os

    stream = stdin or sys.stdin

    def provide(has_passphrase: bool) -> str | None:
        key = os.environ.get("SUPPORTNET_RECOVERY_KEY")
        if key:
            return key
        phrase = os.environ.get("SUPPORTNET_PASSPHRASE")
        if has_passphrase and phrase:
            return phrase
        if not stream.isatty():
            return None
        print(
            _(
                "This backup comes from another computer or store. It opens with its "
                "recovery key or its passphrase."
            )
            if has_passphrase
            else _(
                "This backup comes from another computer or store. It opens with its recovery key."
            ),
            file=sys.stderr,
        )
        prompt = _("Recovery key or passphrase: ") if has_passphrase else _("Recovery key: ")
        return getpass.getpass(prompt)

    return provide
