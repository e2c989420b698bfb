"""The desktop-integration files in resources/ are well formed and agree with the app."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_desktop_entry_launches_supportnet() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(RESOURCES / "supportnet.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "supportnet"
    assert entry["Icon"] == "supportnet"
    assert entry["Categories"].endswith(";")


def test_metainfo_names_the_desktop_file() -> None:
    root = ET.parse(RESOURCES / "supportnet.metainfo.xml").getroot()
    assert root.tag == "component"
    assert root.findtext("launchable") == "supportnet.desktop"
    assert root.findtext("name") == "SupportNet"


def test_icon_is_a_square_svg() -> None:
    root = ET.parse(RESOURCES / "icons" / "supportnet.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == root.get("height")
