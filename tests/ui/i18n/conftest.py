"""The languages the GUI tests choose, each before anything is built (as at start), and
English again afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from supportnet import i18n
from supportnet.ui.language import install_language


@pytest.fixture
def pseudo(qapp: Any) -> Iterator[None]:
    """The pseudo-locale: every routed string shows as ``[!! … !!]``, a third longer."""
    install_language(qapp, i18n.PSEUDO)
    yield
    install_language(qapp, i18n.ENGLISH)


@pytest.fixture
def german(qapp: Any) -> Iterator[None]:
    install_language(qapp, "de")
    yield
    install_language(qapp, i18n.ENGLISH)
