"""Qt's enum classes, made the quick way the standard library makes its own simple enums.

PySide6 makes a Python enum class for each C++ enum of a Qt class when that class is first
used: the first window's take some 1,500 members (the ``Qt`` namespace alone 93 classes
with 1,195). It asks through the enum module's functional API
(``IntFlag("AlignmentFlag", [("AlignLeft", 1), …], boundary=KEEP)``), whose general path
checks and sets up each member one by one: ~13 ms of the start for the ``Qt`` namespace.

The standard library makes its own simple enums (``re.RegexFlag``, ``http.HTTPStatus``)
with ``enum._simple_enum``, which builds the same class without those steps. While
:func:`install` is in force, the functional API's simplest calls go that way: a base that
is Enum, IntEnum, Flag or IntFlag itself, a list of (name, int) pairs with distinct names
that don't begin with "_" and aren't the base's attributes, and no module, qualname or type
given. Every other call goes the
usual way. ``tests/ui/test_fast_enums.py`` makes every enum of the Qt modules the app uses
(some 1,500 classes and 24,000 members) both ways and finds them alike in every respect it
can see: members, values, aliases, reprs, operators, flags' masks, pickling, attributes.

Only on Python 3.11, where that is checked (``_simple_enum`` is not public API); elsewhere
nothing changes.
"""

from __future__ import annotations

import builtins
import enum
import sys
from typing import Any

_BASES = frozenset({enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag})
#: Each base's own names and its bases' (the usual way treats a member of one of those
#: names specially).
_TAKEN = {base: frozenset().union(*(vars(k) for k in base.__mro__)) for base in _BASES}
_USUAL_CALL = enum.EnumType.__call__


def _call(
    cls: Any,
    value: Any,
    names: Any = None,
    *,
    module: str | None = None,
    qualname: str | None = None,
    type: Any = None,  # the functional API's own name for it
    start: int = 1,
    boundary: Any = None,
) -> Any:
    """``EnumType.__call__``: a simple functional call made as ``_simple_enum`` makes it."""
    if names is None:  # a member looked up by value (``Flag.__or__`` does it): as usual
        return cls.__new__(cls, value)
    caller = sys._getframe(1).f_globals.get("__name__")  # where the usual way looks too
    if (
        module is not None
        or qualname is not None
        or type is not None
        or cls not in _BASES
        or caller is None
        or not _simple(cls, names)
    ):
        return _USUAL_CALL(
            cls,
            value,
            names,
            module=module,
            qualname=qualname,
            type=type,
            start=start,
            boundary=boundary,
        )
    namespace = builtins.type(value, (), {"__module__": caller, **dict(names)})
    made = enum._simple_enum(cls, boundary=boundary)(namespace)  # type: ignore[attr-defined]
    made.__doc__ = None  # as the functional API leaves it
    # Each name holds its member itself, as the usual way leaves it (``_simple_enum`` puts a
    # descriptor there, which makes every use of a member twice as slow).
    for name, member in made._member_map_.items():
        builtins.type.__setattr__(made, name, member)
    return made


def _simple(cls: Any, names: Any) -> bool:
    """Whether ``names`` is a list of (name, int) pairs, the names distinct, public and
    none already an attribute of ``cls`` (the usual way treats those specially)."""
    if builtins.type(names) is not list:
        return False
    taken = _TAKEN[cls]
    seen: set[str] = set()
    for item in names:
        if builtins.type(item) is not tuple or len(item) != 2:
            return False
        name, number = item
        if builtins.type(name) is not str or name.startswith("_") or name in seen:
            return False
        if name in taken:
            return False
        if builtins.type(number) is not int:
            return False
        seen.add(name)
    return True


def install() -> bool:
    """Make simple functional enums the quick way from now on (where that is checked);
    whether it is in force."""
    if sys.version_info[:2] != (3, 11) or not hasattr(enum, "_simple_enum"):
        return False
    enum.EnumType.__call__ = _call  # type: ignore[method-assign]
    return True
