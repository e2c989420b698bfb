"""The language the domain and service tests choose (no Qt here), and English again after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from supportnet import i18n


@pytest.fixture
def german() -> Iterator[None]:
    i18n.set_language("de")
    try:
        yield
    finally:
        i18n.set_language(i18n.ENGLISH)


@pytest.fixture
def pseudo() -> Iterator[None]:
    i18n.set_language(i18n.PSEUDO)
    try:
        yield
    finally:
        i18n.set_language(i18n.ENGLISH)
