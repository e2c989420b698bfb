"""The first window in German: Qt's own buttons translated, and Babel kept off the path to
the first paint (the GUI's dates come from QLocale)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from supportnet import i18n
from supportnet.i18n import calendar_words
from supportnet.model.days import long_date
from supportnet.ui.language import install_language
from tests.conftest import REPO_ROOT, cli_env


def test_german_reaches_qts_own_buttons_and_the_dates(qapp: Any) -> None:
    try:
        assert install_language(qapp, "de") == "de"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.buttons()[0].text() == "Abbrechen"  # qtbase_de, shipped with PySide6
        assert long_date(date(2026, 12, 3)) == "Donnerstag, 3. Dezember"
        assert calendar_words.words().number(1200) == "1.200"
    finally:
        install_language(qapp, i18n.ENGLISH)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Cancel"
    assert long_date(date(2026, 12, 3)) == "Thursday 3 December"


def test_the_system_language_is_taken_unless_overridden(qapp: Any, monkeypatch: Any) -> None:
    monkeypatch.delenv("SUPPORTNET_LANGUAGE")
    monkeypatch.setenv("SUPPORTNET_PSEUDO_LOCALE", "1")
    try:
        assert install_language(qapp) == i18n.PSEUDO
    finally:
        install_language(qapp, i18n.ENGLISH)


def test_the_first_paint_in_german_loads_no_babel(tmp_path: Path) -> None:
    from benchmarks import filekeyring
    from supportnet.data.store import open_store
    from supportnet.demo.loader import load_demo

    keyring_file = tmp_path / "keyring.json"
    os.environ[filekeyring.ENV] = str(keyring_file)
    try:
        with open_store(tmp_path / "data", keyring_backend=filekeyring.FileKeyring()) as store:
            load_demo(store, date(2026, 11, 25), "Europe/London")
            settings = store.settings.load()
            settings.onboarded = True
            store.settings.save(settings)
    finally:
        del os.environ[filekeyring.ENV]
    env = cli_env(
        PYTHON_KEYRING_BACKEND="benchmarks.filekeyring.FileKeyring",
        BENCH_SHOW_MODULES="1",
        SUPPORTNET_LANGUAGE="de",
        **{filekeyring.ENV: str(keyring_file)},
    )
    child = REPO_ROOT / "benchmarks" / "_startup_child.py"
    result = subprocess.run(
        [sys.executable, str(child), "app", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "painted" in result.stdout, result.stderr[-2000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("loaded:"))
    loaded = set(ast.literal_eval(line.removeprefix("loaded:").strip()))
    assert {"supportnet.ui.today.page", "supportnet.i18n", "supportnet.ui.language"} <= loaded
    assert sorted(m for m in loaded if m.split(".")[0] == "babel") == []


def test_the_country_list_is_in_german_and_sorted_so(qapp: Any, tmp_path: Path) -> None:
    from supportnet.ui.hard_day.lines import country_combo

    try:
        install_language(qapp, "de")
        combo = country_combo("Wo du bist")
        names = [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]
        assert "Deutschland" in names
        assert "Germany" not in names
        assert names[-1] == "Woanders"
        countries = names[:-1]
        assert countries == sorted(countries, key=str.casefold)
    finally:
        install_language(qapp, i18n.ENGLISH)


def test_english_leaves_qts_default_locale_as_the_system_had_it(qapp: Any) -> None:
    from PySide6.QtCore import QLocale

    before = QLocale().name()
    install_language(qapp, "de")
    assert QLocale().name() == "de_DE"
    install_language(qapp, i18n.ENGLISH)
    assert QLocale().name() == before
