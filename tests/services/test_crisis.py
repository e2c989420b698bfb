"""Crisis help before unlocking: the country (saved, else the locale's) and its lines."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from supportnet.data.open_config import CONFIG_NAME
from supportnet.model.errors import ValidationError
from supportnet.services.crisis import CrisisHelpService
from tests.conftest import cli_env

GB_LOCALE = {"LANG": "en_GB.UTF-8"}


def test_the_locale_decides_until_a_country_is_saved(tmp_path: Path) -> None:
    service = CrisisHelpService(tmp_path, environ=GB_LOCALE)
    assert service.saved_country() is None
    assert service.country() == "GB"
    assert service.help().code == "GB"
    service.set_country("ie")
    assert service.saved_country() == "IE"
    assert service.country() == "IE"
    assert service.help().name == "Ireland"


def test_the_choice_is_kept_for_the_next_start(tmp_path: Path) -> None:
    CrisisHelpService(tmp_path, environ=GB_LOCALE).set_country("NZ")
    assert CrisisHelpService(tmp_path, environ={}).country() == "NZ"
    assert stat.S_IMODE((tmp_path / CONFIG_NAME).stat().st_mode) == 0o600


def test_no_locale_and_no_choice_gives_guidance(tmp_path: Path) -> None:
    service = CrisisHelpService(tmp_path, environ={"LANG": "C.UTF-8"})
    assert service.country() is None
    help = service.help()
    assert not help.known
    assert help.guidance


def test_a_country_not_in_the_file_can_be_chosen(tmp_path: Path) -> None:
    service = CrisisHelpService(tmp_path, environ={})
    service.set_country("JP")
    help = service.help()
    assert help.code == "JP"
    assert not help.known
    assert "emergency number" in help.guidance


@pytest.mark.parametrize("code", ["", "GBR", "1A", "G", "  "])
def test_a_code_that_is_not_two_letters_is_refused(tmp_path: Path, code: str) -> None:
    service = CrisisHelpService(tmp_path, environ={})
    with pytest.raises(ValidationError) as caught:
        service.set_country(code)
    assert caught.value.field == "country"
    assert not (tmp_path / CONFIG_NAME).exists()


def test_without_a_data_folder_only_the_locale_counts(tmp_path: Path) -> None:
    service = CrisisHelpService(None, environ={"LANG": "en_AU.UTF-8"})
    assert service.country() == "AU"
    with pytest.raises(ValidationError):
        service.set_country("GB")


def test_a_damaged_settings_file_falls_back_to_the_locale(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).write_bytes(b"\x00\x01 not json")
    assert CrisisHelpService(tmp_path, environ=GB_LOCALE).country() == "GB"


def test_importing_it_loads_nothing_of_the_store() -> None:
    """The unlock dialog uses it before anything is opened: no database, no keyring."""
    code = (
        "import sys\n"
        "from supportnet.services.crisis import CrisisHelpService\n"
        "CrisisHelpService(None, environ={'LANG': 'en_GB.UTF-8'}).help()\n"
        "heavy = ('sqlalchemy', 'alembic', 'sqlcipher3', 'keyring', 'PySide6')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
        "print('supportnet.safety.crisis_lines' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded, used = result.stdout.splitlines()
    assert loaded == "[]"
    assert used == "True"  # the check can fail: the module really was imported
