"""A main window over a real store, with the save and open dialogs and the questions
answered in code (they would otherwise wait for a person)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_PASSPHRASE


class Asked(list[dict[str, str]]):
    """The questions asked, in order; each is answered with :attr:`answer`."""

    answer = True


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    """Each question dialogs.confirm was asked (answered yes unless ``answer`` is False)."""
    from supportnet.ui.widgets import dialogs

    seen = Asked()

    def confirm(_parent: Any, title: str, question: str, **kw: Any) -> bool:
        seen.append({"title": title, "question": question, **kw})
        return seen.answer

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return seen


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path | None]:
    """The paths the save and open dialogs "choose" (set ``export``/``import`` first)."""
    from supportnet.ui.data import transfer

    chosen: dict[str, Path | None] = {"export": tmp_path / "all.json", "import": None}
    monkeypatch.setattr(transfer, "ask_export_path", lambda _p, _start: chosen["export"])
    monkeypatch.setattr(transfer, "ask_import_path", lambda _p, _folder: chosen["import"])
    from supportnet.ui.widgets import dialogs

    monkeypatch.setattr(dialogs, "documents_folder", lambda: tmp_path)
    return chosen


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path, clock: Callable[[], datetime]) -> Any:
    """A shown main window on a store; ``**options`` go to the window."""
    from supportnet.services import Services
    from supportnet.ui.shell.main_window import MainWindow

    def make(store: Any, **options: Any) -> Any:
        window = MainWindow(
            Services.of(store),
            data_location=str(store.data_dir),
            key_location="k",
            clock=clock,
            **options,
        )
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def other_store(tmp_path: Path, no_keyring: object) -> Iterator[Callable[[str], Any]]:
    """Open (or create) another passphrase store under ``tmp_path / name``."""
    from supportnet.data.store import open_store

    opened: list[Any] = []

    def _open(name: str) -> Any:
        store = open_store(
            tmp_path / name, passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring
        )
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()
