"""The dataclasses' compiled methods kept between starts: the same classes, made without
compiling again; a file that can't be trusted or read is ignored, never fatal."""

from __future__ import annotations

import dataclasses
import os
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportnet.runtime import code_cache
from tests.conftest import fresh_python


@pytest.fixture(autouse=True)
def _handed_back() -> Iterator[None]:
    yield
    code_cache.keep()  # a test failing half-way leaves dataclasses as it found them
    assert "exec" not in vars(dataclasses)


def _make() -> type:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Visit:
        who: str
        minutes: int = 10
        notes: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    return Visit


#: Made by dataclasses alone.
_PLAIN = _make()


def _same_behaviour(cls: type) -> None:
    one = cls("Sam", 5)
    assert one == cls("Sam", 5)
    assert one != cls("Sam", 6)
    assert hash(one) == hash(cls("Sam", 5))
    assert repr(one).endswith("Visit(who='Sam', minutes=5, notes=())")
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.who = "Alex"  # type: ignore[misc]
    assert cls("Sam").minutes == 10
    # As dataclasses itself makes them: compiled without the cache's own futures (under
    # postponed annotations they would read "_type_minutes", not the field's type).
    assert cls.__init__.__annotations__ == _PLAIN.__init__.__annotations__
    assert cls.__init__.__annotations__["minutes"] == "int"


def test_classes_made_through_the_cache_behave_as_dataclasses_make_them(tmp_path: Path) -> None:
    code_cache.remember(tmp_path)
    first = _make()
    code_cache.keep()
    _same_behaviour(first)
    assert (tmp_path / code_cache.FILE_NAME).stat().st_size > 0

    code_cache.remember(tmp_path)
    again = _make()  # from the file this time
    code_cache.keep()
    _same_behaviour(again)
    _same_behaviour(_make())  # and with dataclasses on its own again


def test_the_file_is_private_and_written_only_when_something_was_new(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    code_cache.remember(folder)
    _make()
    code_cache.keep()
    path = folder / code_cache.FILE_NAME
    assert path.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    written = path.stat().st_mtime_ns
    os.utime(path, ns=(written - 10**9, written - 10**9))

    code_cache.remember(folder)
    _make()
    code_cache.keep()
    assert path.stat().st_mtime_ns == written - 10**9  # nothing new: not rewritten
    assert [p.name for p in folder.iterdir()] == [code_cache.FILE_NAME]  # no spare left


def _second_start_compiles(folder: Path) -> int:
    """How many of its dataclass texts a fresh process compiles when the cache is in force."""
    result = fresh_python(
        textwrap.dedent(
            f"""
            import sys
            from pathlib import Path
            from supportnet.runtime import code_cache
            texts = []
            sys.addaudithook(
                lambda event, args: texts.append(args[0])
                if event == "compile" and (args[0] or b"").startswith(b"def __create_fn__")
                else None
            )
            code_cache.remember(Path({str(folder)!r}))
            import tests.runtime.test_code_cache as here
            here._make()
            code_cache.keep()
            print(len(texts))
            """
        )
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[-1])


def test_a_later_start_compiles_none_of_them_again(tmp_path: Path) -> None:
    first = _second_start_compiles(tmp_path)
    assert first > 0  # the methods of the class, compiled once
    assert _second_start_compiles(tmp_path) == 0


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[:-40], id="cut short"),
        pytest.param(lambda data: data.replace(b"supportnet", b"elsewhere", 1), id="not ours"),
        pytest.param(
            lambda data: data.replace(str(sys.hexversion).encode(), b"1", 1), id="another Python"
        ),
        pytest.param(lambda data: data.split(b"\n", 1)[0] + b"\n" + b"\x00garbage", id="garbage"),
    ],
)
def test_a_damaged_or_foreign_file_is_ignored_then_replaced(tmp_path: Path, damage) -> None:
    code_cache.remember(tmp_path)
    _make()
    code_cache.keep()
    path = tmp_path / code_cache.FILE_NAME
    good = path.read_bytes()
    path.write_bytes(damage(good))

    code_cache.remember(tmp_path)
    _same_behaviour(_make())  # compiled afresh
    code_cache.keep()
    assert path.read_bytes() == good


def test_a_file_others_could_write_is_not_run(tmp_path: Path) -> None:
    code_cache.remember(tmp_path)
    _make()
    code_cache.keep()
    path = tmp_path / code_cache.FILE_NAME
    path.chmod(0o620)

    code_cache.remember(tmp_path)
    _make()
    start = code_cache._Current.start
    assert start is not None
    assert start.codes == {}  # not read at all
    code_cache.keep()
    assert path.stat().st_mode & 0o777 == 0o600  # replaced by a private one


def test_a_cache_that_cant_be_written_costs_nothing_but_the_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    code_cache.remember(blocked)
    _same_behaviour(_make())
    code_cache.keep()  # no error
    assert blocked.read_text() == "not a folder"
