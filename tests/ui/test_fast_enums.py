"""Qt's enums made the quick way (ui.fast_enums) are the enums Python makes the usual way."""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Iterator

import pytest

from supportnet.ui import fast_enums
from tests.conftest import fresh_python

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="in force on 3.11 only")

#: Every enum of the Qt modules the app uses, each described by all it shows: members,
#: values and aliases, reprs, operators, flags' masks, pickling, attributes.
_DESCRIBE = """
import enum, json, os, pickle, sys
if os.environ["MADE"] == "quick":
    import supportnet.ui  # loads PySide6 with the quick way in force
    from supportnet.ui import fast_enums
    assert enum.EnumType.__call__ is fast_enums._call
from PySide6 import QtCore, QtGui, QtPrintSupport, QtSvg, QtWidgets

def enums():
    found = {}
    for module in (QtCore, QtGui, QtWidgets, QtPrintSupport, QtSvg):
        for name in dir(module):
            thing = getattr(module, name)
            if isinstance(thing, enum.EnumType):
                found[f"{module.__name__}.{name}"] = thing
            elif isinstance(thing, type):
                for inner in dir(thing):
                    try:
                        value = getattr(thing, inner)
                    except Exception:
                        continue
                    if isinstance(value, enum.EnumType):
                        found[f"{module.__name__}.{name}.{inner}"] = value
    return found

def tried(make):
    try:
        return make()
    except Exception as exc:
        return f"raised {type(exc).__name__}"

def named(thing):
    inner = getattr(thing, "func", None)  # a partial's function
    return getattr(thing, "__qualname__", None) or getattr(inner, "__name__", "?")

def described(E):
    members = list(E.__members__.items())
    seen = {
        "class": [E.__name__, E.__qualname__, E.__module__, E.__doc__, len(E), bool(E)],
        "mro": [c.__qualname__ for c in E.__mro__],
        "members": [
            [n, m.name, m.value, repr(m), str(m), format(m, ""), tried(lambda: int(m)), hash(m)]
            for n, m in members
        ],
        "iterated": [m.name for m in E],
        "names": list(E._member_names_),
        "by value": sorted((repr(k), v.name) for k, v in E._value2member_map_.items()),
        "state": [repr(getattr(E, a, None)) for a in (
            "_boundary_", "_flag_mask_", "_singles_mask_", "_all_bits_", "_use_args_",
            "_member_type_", "_value_repr_")],
        "methods": [named(getattr(E, a, None)) for a in (
            "_iter_member_", "_missing_", "_new_member_", "_generate_next_value_", "__repr__",
            "__str__", "__format__", "__reduce_ex__", "__or__", "__and__", "__xor__",
            "__invert__", "__new__", "__init__", "__contains__", "__iter__", "__len__")],
        "dir": sorted(dir(E)),
        "vars": sorted((k, type(v).__qualname__) for k, v in vars(E).items()),
        "held": [vars(E).get(n) is m for n, m in members],
    }
    if members:
        first, last = members[0][1], members[-1][1]
        seen["used"] = [tried(use) for use in (
            lambda: repr(E(first.value)), lambda: repr(first | last), lambda: repr(~first),
            lambda: repr(first & last), lambda: repr(E(0)), lambda: repr(E(1 << 40)),
            lambda: [repr(m) for m in first | last], lambda: first in E,
            lambda: repr(pickle.loads(pickle.dumps(first))), lambda: repr(E[first.name]),
            lambda: first == first.value, lambda: first < last)]
    return seen

print(json.dumps({key: described(E) for key, E in sorted(enums().items())}, default=repr))
"""


def _described(made: str) -> dict[str, object]:
    # The same hash seed in both: a plain Enum member's hash is its name's.
    result = fresh_python(_DESCRIBE, MADE=made, PYTHONHASHSEED="0", QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr[-2000:]
    described: dict[str, object] = json.loads(result.stdout)
    return described


def test_every_qt_enum_made_the_quick_way_is_the_one_python_makes() -> None:
    usual, quick = _described("usual"), _described("quick")
    assert len(usual) > 1000  # all of them, not a few
    assert sum(len(e["members"]) for e in usual.values()) > 20000  # type: ignore[index,arg-type]
    differing = [key for key in usual if usual[key] != quick.get(key)]
    assert differing == [], differing[:10]
    assert quick.keys() == usual.keys()


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The quick way in force; the names of the classes it made."""
    was = enum.EnumType.__call__
    made: list[str] = []
    simple_enum = enum._simple_enum  # type: ignore[attr-defined]

    def counted(*args: object, **kwargs: object) -> object:
        convert = simple_enum(*args, **kwargs)

        def converted(namespace: type) -> object:
            made.append(namespace.__name__)
            return convert(namespace)

        return converted

    monkeypatch.setattr(enum, "_simple_enum", counted, raising=False)
    assert fast_enums.install()
    yield made
    enum.EnumType.__call__ = was  # type: ignore[method-assign]


def test_a_simple_call_is_made_quickly_where_it_was_asked(quick: list[str]) -> None:
    made = enum.IntFlag("Made", [("ONE", 1), ("TWO", 2), ("BOTH", 3)])
    assert quick == ["Made"]
    assert made.__module__ == __name__  # as the usual way finds it
    assert made.__doc__ is None
    assert list(made) == [made.ONE, made.TWO]  # BOTH is an alias of two bits
    assert made(3) is made.BOTH


@pytest.mark.parametrize(
    ("call", "raised"),
    [
        (lambda: enum.IntEnum("Twice", [("A", 1), ("A", 2)]), TypeError),
        (lambda: enum.Enum("Sunder", [("_a_", 1)]), ValueError),
    ],
    ids=["a name twice", "a reserved name"],
)
def test_anything_but_a_simple_call_goes_the_usual_way(
    call: object, raised: type, quick: list[str]
) -> None:
    with pytest.raises(raised):
        call()  # type: ignore[operator]
    assert quick == []


def test_what_the_caller_gives_is_kept_the_usual_way(quick: list[str]) -> None:
    spelled = enum.Enum("Spelled", "RED GREEN")  # names only: numbered from 1
    assert [m.value for m in spelled] == [1, 2]
    placed = enum.IntEnum("Placed", [("A", 1)], module="somewhere", qualname="Outer.Placed")
    assert (placed.__module__, placed.__qualname__) == ("somewhere", "Outer.Placed")
    assert placed(1) is placed.A  # a value looked up, not a class made
    assert quick == []


def test_loading_the_ui_puts_it_in_force() -> None:
    import supportnet.ui  # noqa: F401 -- loaded by now in any case

    assert enum.EnumType.__call__ is fast_enums._call
