"""The Flatpak manifest (packaging/flatpak/): the app's id, the KDE runtime with the PySide6
BaseApp, no network, and a wheel from PyPI for every dependency on both architectures."""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from supportnet import APP_ID

FLATPAK = Path(__file__).resolve().parents[2] / "packaging" / "flatpak"
MANIFEST = FLATPAK / f"{APP_ID}.yml"


def manifest() -> dict[str, object]:
    loaded: dict[str, object] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return loaded


def pinned() -> dict[str, str]:
    pins = {}
    for line in (FLATPAK / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name] = version
    return pins


def key(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def test_the_manifest_is_the_app_on_the_kde_runtime_with_pyside() -> None:
    found = manifest()
    assert found["id"] == APP_ID
    assert found["runtime"] == "org.kde.Platform"
    assert str(found["runtime-version"]).startswith("6.")
    assert found["base"] == "io.qt.PySide.BaseApp"
    assert found["command"] == "supportnet"


def test_the_sandbox_has_no_network() -> None:
    finish_args = manifest()["finish-args"]
    assert isinstance(finish_args, list)
    assert not [arg for arg in finish_args if "network" in arg]
    # Nor the Secret Service: the key goes through the Secret portal.
    assert "--talk-name=org.freedesktop.secrets" not in finish_args


def test_every_dependency_is_pinned_to_a_version_pyproject_allows() -> None:
    pins = pinned()
    for line in metadata.distribution("supportnet").requires or []:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        if key(requirement.name).startswith("pyside6"):
            assert key(requirement.name) not in pins  # the BaseApp brings PySide6
            continue
        assert key(requirement.name) in pins, requirement.name
        assert requirement.specifier.contains(pins[key(requirement.name)]), requirement


def test_every_pin_has_a_checked_wheel_on_both_architectures() -> None:
    module = json.loads((FLATPAK / "python3-requirements.json").read_text(encoding="utf-8"))
    assert any("--no-index" in command for command in module["build-commands"])
    for arch in ("x86_64", "aarch64"):
        names = set()
        for source in module["sources"]:
            assert source["url"].startswith("https://files.pythonhosted.org/")
            assert len(source["sha256"]) == 64
            if arch in source.get("only-arches", [arch]):
                names.add(key(source["url"].rsplit("/", 1)[1].split("-")[0]))
        assert names == set(pinned()), arch


def test_flatpak_builder_reads_the_manifest(tmp_path: Path) -> None:
    builder = shutil.which("flatpak-builder")
    if builder is None:
        pytest.skip("flatpak-builder is not installed")
    shown = subprocess.run(  # in tmp_path: it leaves a .flatpak-builder folder where it runs
        [builder, "--show-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["id"] == APP_ID
