"""The open data format alone: records to JSON and back, and files that are refused."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportnet.model import data_document as dd
from supportnet.model.data_document import DataDocument, DataFileError, Field

_TEXT = st.text(max_size=12)
_MOMENT = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)


def _value(f: Field) -> st.SearchStrategy[Any]:
    kind = f.kind
    if isinstance(kind, tuple):
        one: st.SearchStrategy[Any] = st.lists(_record(kind), max_size=2)
    elif kind == "strs":
        one = st.lists(st.sampled_from(f.choices) if f.choices else _TEXT, max_size=3)
    elif kind == "dates":
        one = st.lists(st.dates(), max_size=3, unique=True).map(sorted)
    elif f.choices:
        one = st.sampled_from(f.choices)
    else:
        one = {
            "str": _TEXT,
            "int": st.integers(-(2**53), 2**53),
            "bool": st.booleans(),
            "date": st.dates(),
            "time": st.times(),
            "datetime": _MOMENT,
        }[kind]
    return st.none() | one if f.null else one


def _record(fields: tuple[Field, ...]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({f.name: _value(f) for f in fields})


def _section(name: str) -> st.SearchStrategy[list[dict[str, Any]]]:
    fields, keys = dd.SECTIONS[name]
    unique = (lambda r: r["uid"]) if keys == ("uid",) else id
    return st.lists(_record(fields), max_size=3, unique_by=unique)


_DOCUMENTS = st.builds(
    DataDocument,
    sections=st.fixed_dictionaries({name: _section(name) for name in dd.SECTIONS}),
    settings=st.dictionaries(st.text(max_size=8), st.integers() | _TEXT, max_size=3),
    exported_at=_MOMENT,
)


@settings(max_examples=60, deadline=None)
@given(_DOCUMENTS)
def test_any_document_reads_back_as_written(document: DataDocument) -> None:
    raw = dd.dumps(document)
    back = dd.parse(raw)
    assert dd.dumps(back) == raw
    assert back.exported_at == document.exported_at


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_arbitrary_bytes_are_refused_plainly(raw: bytes) -> None:
    message = ""
    try:
        dd.parse(raw)
    except DataFileError as exc:
        message = exc.message
    assert "\n" not in message


def _minimal(**extra: Any) -> bytes:
    return json.dumps({"format": dd.FORMAT, "version": 1, **extra}).encode()


def test_an_empty_document_is_an_empty_store() -> None:
    document = dd.parse(_minimal())
    assert all(not records for records in document.sections.values())


@pytest.mark.parametrize(
    ("people", "words"),
    [
        ([{"uid": "a"}], "people[0].name is missing"),
        ("everyone", "people is not a list"),
        ([{"uid": 5}], "people[0].uid is not a text"),
        ([{"uid": "\ud800"}], "people[0].uid holds characters that aren't valid text"),
    ],
)
def test_broken_documents_say_where(people: Any, words: str) -> None:
    with pytest.raises(DataFileError, match=words.replace("[", r"\[").replace("]", r"\]")):
        dd.parse(_minimal(people=people))


def test_newer_versions_and_other_formats_are_refused() -> None:
    with pytest.raises(DataFileError, match="newer SupportNet"):
        dd.parse(json.dumps({"format": dd.FORMAT, "version": 99}).encode())
    with pytest.raises(DataFileError, match="not a SupportNet data export"):
        dd.parse(b'{"format": "other", "version": 1}')


def test_dates_times_and_moments_are_iso_8601_in_utc() -> None:
    checkin: dict[str, Any] = {f.name: None for f in dd.CHECKIN_FIELDS}
    checkin.update(uid="u", at=datetime(2026, 3, 1, 9, 30, tzinfo=UTC), initiator="me", note="")
    plan = dd.encode_record(
        {"start_date": date(2026, 3, 1), "window_start": time(9, 0), "skips": []},
        dd.TIMING_FIELDS,
    )
    assert plan["start_date"] == "2026-03-01"
    assert plan["window_start"] == "09:00:00"
    assert dd.encode_record(checkin, dd.CHECKIN_FIELDS)["at"] == "2026-03-01T09:30:00Z"
