"""The map's exports go through the one atomic writer: synced to disk before the rename.

The map once had its own writer that renamed an unsynced file into place, so a power cut
just after saving could leave an empty picture where the old one was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from supportnet.circle_map.geometry import MapNode
from supportnet.model.network import Circle, LifeDomain, SupportType
from supportnet.ui.network.map_view import CircleMapView

NODES = [
    MapNode(
        key=("person", 1),
        label="Sam",
        circle=Circle.INNER,
        domain=LifeDomain.FAMILY,
        support_types=frozenset({SupportType.EMOTIONAL}),
    )
]


@pytest.fixture
def view(qtbot: Any) -> CircleMapView:
    widget = CircleMapView()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.set_nodes(NODES)
    return widget


def _events(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        events.append(("replace", str(src)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return events


@pytest.mark.parametrize("kind", ["png", "svg", "pdf"])
def test_each_export_is_on_disk_before_it_replaces_the_old_file(
    view: CircleMapView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name the synced files")
    exports: dict[str, Callable[[Path], None]] = {
        "png": view.export_png,
        "svg": view.export_svg,
        "pdf": view.export_pdf,
    }
    target = tmp_path / f"map.{kind}"
    target.write_bytes(b"old")
    events = _events(monkeypatch)
    exports[kind](target)
    renamed = [i for i, (what, _path) in enumerate(events) if what == "replace"]
    assert len(renamed) == 1
    temp = events[renamed[0]][1]
    assert ("fsync", temp) in events[: renamed[0]], "the new file is synced before the rename"
    assert ("fsync", str(tmp_path)) in events[renamed[0] + 1 :], "and the folder after it"
    assert [p.name for p in tmp_path.iterdir()] == [f"map.{kind}"]
