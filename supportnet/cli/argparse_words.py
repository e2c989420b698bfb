"""argparse's own words ("usage:", "options", its error messages) in the user's language.

argparse translates them with :mod:`gettext`'s module-global functions, for which no German
is shipped; pointing its ``_``/``ngettext`` at supportnet.i18n gives it ours. The msgids
are argparse's exactly (Python 3.11 to 3.13), marked here once so they reach the catalog;
its ``%``-style placeholders stay as they are.
"""

from __future__ import annotations

import argparse

from supportnet import i18n
from supportnet.i18n import N_

#: The argparse texts a SupportNet user can meet.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def speak_our_language() -> None:
    """Let argparse translate through supportnet.i18n (English stays argparse's own)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
