"""The desktop-integration files shipped in supportnet/resources/ are well formed, agree
with the app and each other, pass the desktop's own validators, and the icon's PNGs are
each of their size and drawn from the current SVG."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest

from supportnet import APP_ID, __version__

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "supportnet" / "resources"
DESKTOP = SHIPPED / f"{APP_ID}.desktop"
METAINFO = SHIPPED / f"{APP_ID}.metainfo.xml"
SVG = SHIPPED / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
#: .ci/run sets it: there, a missing validator is a failure, not a skip.
REQUIRE_TOOLS = "SUPPORTNET_REQUIRE_DESKTOP_TOOLS"


def desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def validator(name: str) -> str:
    """The validator's path; skips where it is missing, unless .ci/run requires it."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get(REQUIRE_TOOLS) == "1":
            pytest.fail(f"{name} is required here ({REQUIRE_TOOLS}=1); .ci/run installs it")
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils, appstream)")
    return found


def validate(desktop: Path, metainfo: Path) -> None:
    """Run both validators on the files; fail with what they said."""
    checked = subprocess.run(
        [validator("desktop-file-validate"), str(desktop)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout
    assert not checked.stdout.strip(), checked.stdout  # hints too: none expected
    checked = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", "--explain", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_top_level_resources_folder_is_the_shipped_one() -> None:
    # One source of truth: resources/ is a link to the package's, not a copy to drift.
    assert (REPO / "resources").resolve() == SHIPPED.resolve()


def test_the_files_are_package_data() -> None:
    shipped = resources.files("supportnet").joinpath("resources")
    assert shipped.joinpath(f"{APP_ID}.desktop").is_file()
    assert shipped.joinpath(f"{APP_ID}.metainfo.xml").is_file()


def test_desktop_entry_launches_supportnet() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "supportnet"
    assert entry["Icon"] == APP_ID
    assert entry["Categories"].endswith(";")


def test_metainfo_names_the_desktop_file_the_binary_and_this_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("name") == "SupportNet"
    assert root.findtext("provides/binary") == "supportnet"
    assert root.find("content_rating") is not None
    assert root.findall("screenshots/screenshot")
    releases = [r.get("version") for r in root.findall("releases/release")]
    assert __version__ in releases


def test_the_app_uses_the_desktop_file_name() -> None:
    from supportnet.ui.app import DESKTOP_FILE_NAME

    assert f"{DESKTOP_FILE_NAME}.desktop" == DESKTOP.name


def test_icon_is_a_square_svg() -> None:
    root = ET.parse(SVG).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == root.get("height")


def test_each_png_is_its_size_and_drawn_from_the_current_svg() -> None:
    from PySide6.QtGui import QImage

    from tools.icons import SIZES, SOURCE_KEY, png_path, svg_digest

    current = svg_digest()
    for size in SIZES:
        image = QImage(str(png_path(size)))
        assert (image.width(), image.height()) == (size, size), size
        # tools/icons.py writes the SVG's digest into each PNG: run it after editing the SVG.
        assert image.text(SOURCE_KEY) == current, f"{size}px is stale: run python -m tools.icons"


def test_a_redrawn_png_matches_the_committed_one() -> None:
    from PySide6.QtGui import QImage

    from tools.icons import png_path, render

    committed = QImage(str(png_path(32))).convertToFormat(QImage.Format.Format_ARGB32)
    drawn = render(32)
    assert drawn == committed  # type: ignore[comparison-overlap]


def test_the_app_icon_loads_from_the_package(qapp: object) -> None:
    from supportnet.ui.app_icon import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert icon.pixmap(16, 16).width() == 16
    assert icon.availableSizes()[-1].width() == 512


def test_the_shipped_files_pass_the_desktop_validators() -> None:
    validate(DESKTOP, METAINFO)


def test_the_app_icon_loads_from_a_zipped_package_too(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from supportnet.ui import app_icon as module

    archive = tmp_path / "supportnet.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for png in (SHIPPED / "icons" / "hicolor").rglob("*.png"):
            zipped.write(png, png.relative_to(SHIPPED / "icons").as_posix())
    monkeypatch.setattr(module, "_hicolor", lambda: zipfile.Path(archive, "hicolor/"))
    icon = module.app_icon()
    assert not icon.isNull()
    assert icon.availableSizes()[-1].width() == 512
