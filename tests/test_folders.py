"""The per-user folders: the XDG base directories on Linux, as platformdirs works them out
(it is no longer loaded for them, to spare the start its import)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from supportnet.folders import user_cache_folder, user_data_folder

pytestmark = pytest.mark.skipif(
    sys.platform == "darwin" or sys.platform.startswith("win"), reason="the XDG rules"
)


@pytest.mark.parametrize(
    ("data_home", "cache_home"),
    [
        (None, None),
        ("/srv/data", "/srv/cache"),
        ("", "   "),  # empty: the default
        ("relative/data", "cache"),  # relative: ignored, as the spec says
    ],
)
def test_the_folders_are_platformdirs_own(
    monkeypatch: pytest.MonkeyPatch, data_home: str | None, cache_home: str | None
) -> None:
    for name, value in (("XDG_DATA_HOME", data_home), ("XDG_CACHE_HOME", cache_home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    data = platformdirs.user_data_dir("SupportNet", appauthor=False, roaming=False)
    cache = platformdirs.user_cache_dir("SupportNet", appauthor=False)
    assert user_data_folder() == Path(data)
    assert user_cache_folder() == Path(cache)
    assert user_data_folder().is_absolute()


def test_the_home_folder_stands_in_for_unset_variables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert user_data_folder() == tmp_path / ".local" / "share" / "SupportNet"
    assert user_cache_folder() == tmp_path / ".cache" / "SupportNet"
