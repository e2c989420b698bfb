"""The command line's name and its one-line messages: all the app's start needs of what the
commands share (:mod:`supportnet.cli.common`, with argparse, loads for a command)."""

from __future__ import annotations

PROG = "supportnet"


def _escaped(ch: str) -> str:
    return ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode()


def one_line(message: str) -> str:
    """``message`` as one printable line: line breaks, other control characters and
    undecodable bytes (lone surrogates) escaped, as ``\\n`` or ``\\udcff``."""
    if message.isprintable():
        return message
    return "".join(_escaped(ch) for ch in message)
