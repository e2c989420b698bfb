"""The domain and data layers never import Qt, and startup paths stay free of heavy imports."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "supportnet"
QT_ROOTS = {"PySide6", "shiboken6"}
# Alembic runs env.py itself, on a connection it was handed; importing it alone fails.
NOT_IMPORTABLE_ALONE = {"supportnet.data.migrations.env"}


def _is_qt_side(path: Path) -> bool:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] == "ui" or rel == Path("app.py")


def _non_qt_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if not _is_qt_side(p))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def qt_imports(source: str) -> list[str]:
    """Every import of Qt in ``source``, at any depth (functions, classes, try blocks)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call):
            # importlib.import_module("PySide6…") and __import__("PySide6…")
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in {"import_module", "__import__"} and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names = [first.value]
        found += [name for name in names if name.split(".")[0] in QT_ROOTS]
    return found


def test_the_checker_finds_qt_imports_wherever_they_hide() -> None:
    source = """
import os
def later():
    from PySide6.QtCore import QObject
class C:
    def m(self):
        import shiboken6
try:
    import PySide6.QtWidgets as w
except ImportError:
    pass
import importlib
importlib.import_module("PySide6.QtGui")
"""
    assert sorted(qt_imports(source)) == [
        "PySide6.QtCore",
        "PySide6.QtGui",
        "PySide6.QtWidgets",
        "shiboken6",
    ]
    assert qt_imports("import os\nfrom supportnet.ui_text import x\n") == []


def test_no_domain_or_data_module_imports_qt() -> None:
    files = _non_qt_files()
    assert len(files) >= 20, "the walk found too few modules to mean anything"
    assert PACKAGE / "data" / "store.py" in files
    assert not any(_is_qt_side(p) for p in files)
    offenders = {
        str(path.relative_to(REPO)): found
        for path in files
        if (found := qt_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def _import_in_fresh_python(modules: list[str]) -> dict[str, object]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps({'modules': sorted(sys.modules)}))\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("QT_API", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_importing_every_non_qt_module_loads_no_qt() -> None:
    modules = sorted(
        name for name in map(_module_name, _non_qt_files()) if name not in NOT_IMPORTABLE_ALONE
    )
    assert "supportnet.data.store" in modules
    assert "supportnet.cli" in modules
    assert "supportnet.data.migrations.versions.0001_initial_schema" in modules
    loaded = _import_in_fresh_python(modules)["modules"]
    assert isinstance(loaded, list)
    assert set(modules) <= set(loaded), "every module was really imported"
    qt = [name for name in loaded if name.split(".")[0] in QT_ROOTS]
    assert qt == []


def test_cli_and_store_startup_skip_heavy_imports() -> None:
    loaded = _import_in_fresh_python(["supportnet.cli", "supportnet.data.store"])["modules"]
    assert isinstance(loaded, list)
    assert "supportnet.data.store" in loaded
    for heavy in ("matplotlib", "icalendar"):
        assert [name for name in loaded if name.split(".")[0] == heavy] == [], heavy
