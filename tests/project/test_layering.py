"""The import rules between SupportNet's packages (docs/architecture.md), read from the source.

Every module under supportnet/ is parsed and every import in it is found, at any depth:
module level, inside functions and classes, in try blocks, under ``if TYPE_CHECKING:``, and
``importlib.import_module("…")`` / ``__import__("…")`` with a literal name. The rules:

- nothing outside ui/ imports Qt;
- ui/ imports no ``supportnet.data`` nor the libraries under it (SQLAlchemy, Alembic,
  sqlcipher3, keyring), but for ui/app.py (the composition root, which opens the store);
- model/ imports nothing from SupportNet but model/ itself and i18n/ (its words);
- no package imports one in its own layer or above (:data:`LAYERS`, :data:`NEVER`);
- the modules' import graph has no cycles.

Then fresh interpreters check what really loads: no Qt with every Qt-free module, and
nothing heavy on the command line's and the store's import paths.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.project.import_graph import (
    Import,
    all_sources,
    find_imports,
    import_cycles,
    import_graph,
    import_map,
    layer_of,
)

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "supportnet"
QT_ROOTS = {"PySide6", "shiboken6"}
#: The storage libraries under data/: the ORM, migrations, the SQLCipher driver, the keyring.
STORAGE_ROOTS = {"sqlalchemy", "alembic", "sqlcipher3", "keyring"}
# Alembic runs env.py itself, on a connection it was handed; importing it alone fails.
NOT_IMPORTABLE_ALONE = {"supportnet.data.migrations.env"}

#: The layers, lowest first. A package may import any package in a layer below its own,
#: none in its own layer (siblings stay independent) and none above:
#:
#:     __main__                         runs the command line, handing it ui.app to open
#:     ui.app                           supportnet/ui/app.py, the GUI's composition root
#:     ui, cli                          windows, pages, dialogs; the command line (no GUI)
#:     runtime, services, demo          startup helpers; use cases; the example network
#:     data                             the encrypted store: keys, repositories, backups
#:     calendar, insights               plans as .ics; the history added up for charts
#:     scheduling, circle_map, safety   pure logic over the model (safety: hard days)
#:     model, folders                   the domain's words; the per-user folders
#:     supportnet, i18n                 the package's own constants; the translation layer
#:
#: A package missing here fails the test until it is given its place.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("supportnet", "i18n"),
    ("model", "folders"),
    ("scheduling", "circle_map", "safety"),
    ("calendar", "insights"),
    ("data",),
    ("runtime", "services", "demo", "charts"),
    ("ui", "cli"),
    ("ui.app",),
    ("__main__",),
)
#: Imports the layer order allows but a rule forbids.
NEVER: dict[str, frozenset[str]] = {
    # The model stands alone: not even the package's constants.
    "model": frozenset({"supportnet"}),
    # Pages and dialogs reach the store through services; only ui.app opens it.
    "ui": frozenset({"data"}),
}


def _may_import() -> dict[str, frozenset[str]]:
    allowed = {}
    for rank, layer in enumerate(LAYERS):
        below = frozenset(name for lower in LAYERS[:rank] for name in lower)
        for package in layer:
            allowed[package] = below - NEVER.get(package, frozenset())
    return allowed


#: Which other packages of SupportNet each package may import, from the table above.
MAY_IMPORT = _may_import()

#: Known breaches in code being moved elsewhere right now; each entry goes when its move
#: lands (the test fails on an entry that no longer breaks the rule, so the list shrinks).
#: (importing module, imported module) for the ui rule and the layer table.
_PENDING: dict[tuple[str, str], str] = {}
#: Known import cycles, as the set of modules in each; same rule: remove once broken.
_PENDING_CYCLES: dict[frozenset[str], str] = {}


# --- The rules -----------------------------------------------------------------------------


def qt_imports(source: str) -> list[str]:
    """Every import of Qt in ``source``, at any depth (functions, classes, try blocks)."""
    return [i.target for i in find_imports(source) if i.target.split(".")[0] in QT_ROOTS]


def qt_breaches(imports: dict[str, list[Import]]) -> list[tuple[str, str]]:
    """(module, Qt module) for every import of Qt outside ui/."""
    return [
        (name, i.target)
        for name, found in imports.items()
        if layer_of(name) not in {"ui", "ui.app"}
        for i in found
        if i.target.split(".")[0] in QT_ROOTS
    ]


def ui_storage_breaches(imports: dict[str, list[Import]]) -> list[tuple[str, str]]:
    """(module, import) for every import of supportnet.data or a storage library in ui/ but
    for the composition root."""
    return [
        (name, i.target)
        for name, found in imports.items()
        if layer_of(name) == "ui"
        for i in found
        if layer_of(i.target) == "data" or i.target.split(".")[0] in STORAGE_ROOTS
    ]


def model_breaches(imports: dict[str, list[Import]]) -> list[tuple[str, str]]:
    """(module, import) for every import in model/ of SupportNet outside model/ and i18n/."""
    return [
        (name, i.target)
        for name, found in imports.items()
        if layer_of(name) == "model"
        for i in found
        if layer_of(i.target) not in {None, "model", "i18n"}
    ]


def layer_breaches(imports: dict[str, list[Import]]) -> list[tuple[str, str]]:
    """(module, import) for every import of a package that :data:`MAY_IMPORT` doesn't allow
    (a package missing from the table allows nothing)."""
    breaches = []
    for name, found in imports.items():
        home = layer_of(name)
        for i in found:
            there = layer_of(i.target)
            if there is None or there == home:
                continue
            if home is None or there not in MAY_IMPORT.get(home, frozenset()):
                breaches.append((name, i.target))
    return breaches


def _unexpected(found: list[tuple[str, str]]) -> list[str]:
    """The breaches in ``found`` not on the :data:`_PENDING` list, as sentences."""
    return sorted(
        f"{name} imports {target}" for name, target in found if (name, target) not in _PENDING
    )


def _real_imports() -> dict[str, list[Import]]:
    imports = import_map(all_sources(PACKAGE))
    assert len(imports) >= 100, "the walk found too few modules to mean anything"
    assert "supportnet.data.store" in imports
    assert "supportnet.ui.app" in imports
    return imports


def _imports_of(**modules: str) -> dict[str, list[Import]]:
    """A made-up project: keyword ``data__x`` is the module supportnet.data.x."""
    sources = {
        "supportnet." + key.replace("__", "."): (text, False) for key, text in modules.items()
    }
    return import_map(sources)


# --- No Qt outside ui/ ---------------------------------------------------------------------


def test_the_checker_finds_qt_imports_wherever_they_hide() -> None:
    source = """
import os
from typing import TYPE_CHECKING
def later():
    from PySide6.QtCore import QObject
class C:
    def m(self):
        import shiboken6
try:
    import PySide6.QtWidgets as w
except ImportError:
    pass
if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
import importlib
importlib.import_module("PySide6.QtGui")
"""
    assert sorted(qt_imports(source)) == [
        "PySide6.QtCore",
        "PySide6.QtGui",
        "PySide6.QtPrintSupport",
        "PySide6.QtWidgets",
        "shiboken6",
    ]
    assert qt_imports("import os\nfrom supportnet.ui_text import x\n") == []
    imports = _imports_of(
        services__a="def f():\n    import PySide6\n",
        ui__page="from PySide6.QtWidgets import QLabel\n",
        ui__app="import PySide6.QtCore\n",
    )
    assert qt_breaches(imports) == [("supportnet.services.a", "PySide6")]


def test_nothing_outside_ui_imports_qt() -> None:
    imports = _real_imports()
    outside = [name for name in imports if layer_of(name) not in {"ui", "ui.app"}]
    for package in ("model", "scheduling", "calendar", "circle_map", "services", "data"):
        assert any(layer_of(name) == package for name in outside), package
    for package in ("demo", "runtime", "cli"):
        assert any(layer_of(name) == package for name in outside), package
    breaches = qt_breaches(imports)
    assert breaches == [], "Qt outside ui/:\n" + "\n".join(map(" imports ".join, breaches))


# --- ui/ reaches the store only through services -------------------------------------------


def test_the_checker_finds_storage_imports_in_ui_wherever_they_hide() -> None:
    imports = _imports_of(
        ui__page="""
from typing import TYPE_CHECKING
from supportnet.services import unlocking
if TYPE_CHECKING:
    from supportnet.data.store import Store
def later():
    import sqlalchemy.orm
    from ..data import reads
import importlib
importlib.import_module("alembic.command")
class Page:
    def keep(self):
        import keyring
""",
        ui__app="from supportnet.data.store import open_store\nimport sqlalchemy\n",
        services__unlocking="from supportnet.data import keys\n",
        data__reads="",
        data__store="",
    )
    assert sorted(ui_storage_breaches(imports)) == [
        ("supportnet.ui.page", "alembic.command"),
        ("supportnet.ui.page", "keyring"),
        ("supportnet.ui.page", "sqlalchemy.orm"),
        ("supportnet.ui.page", "supportnet.data.reads"),
        ("supportnet.ui.page", "supportnet.data.store"),
    ]


def test_ui_imports_no_data_or_sqlalchemy_but_the_composition_root() -> None:
    imports = _real_imports()
    assert any(layer_of(i.target) == "data" for i in imports["supportnet.ui.app"]), (
        "the composition root is where the store is opened; the check must skip it"
    )
    unexpected = _unexpected(ui_storage_breaches(imports))
    assert unexpected == [], "ui/ reaching the store:\n" + "\n".join(unexpected)


#: Shared ui/ parts that every page builds on, so they import no page or dialog family:
#: the widgets, the undo commands and the app-wide change signals.
SHARED_UI = ("supportnet.ui.widgets", "supportnet.ui.undo", "supportnet.ui.shell.signals")


def shared_ui_breaches(imports: dict[str, list[Import]]) -> list[tuple[str, str]]:
    """(module, import) for every import of a non-shared ui/ module in a shared one."""

    def home(module: str) -> str | None:
        return next((p for p in SHARED_UI if module == p or module.startswith(p + ".")), None)

    return [
        (name, i.target)
        for name, found in imports.items()
        if home(name) is not None
        for i in found
        if i.target.startswith("supportnet.ui") and home(i.target) is None
    ]


def test_the_checker_finds_a_shared_ui_package_importing_a_page() -> None:
    imports = _imports_of(
        ui__widgets__form="""
from supportnet.ui.widgets.labels import title_label
def later():
    from supportnet.ui.start.unlock_dialog import FieldMessage
""",
        ui__widgets__labels="",
    )
    assert shared_ui_breaches(imports) == [
        ("supportnet.ui.widgets.form", "supportnet.ui.start.unlock_dialog")
    ]


def test_shared_ui_packages_import_no_page() -> None:
    imports = _real_imports()
    assert any(name.startswith("supportnet.ui.widgets.") for name in imports)
    breaches = shared_ui_breaches(imports)
    assert breaches == [], "widgets/ or undo/ importing a page:\n" + "\n".join(
        map(" imports ".join, breaches)
    )


# --- model/ stands alone --------------------------------------------------------------------


def test_the_checker_finds_model_imports_of_other_packages() -> None:
    imports = _imports_of(
        model__plans="""
import supportnet
from supportnet.model.errors import ValidationError
from . import text
def later():
    from supportnet.scheduling import occurrences
""",
        model__text="",
        model__errors="",
    )
    assert sorted(model_breaches(imports)) == [
        ("supportnet.model.plans", "supportnet"),
        ("supportnet.model.plans", "supportnet.scheduling"),
    ]


def test_model_imports_nothing_of_supportnet_but_model() -> None:
    imports = _real_imports()
    assert any(layer_of(name) == "model" for name in imports)
    breaches = model_breaches(imports)
    assert breaches == [], "model/ importing:\n" + "\n".join(map(" imports ".join, breaches))


# --- The layer order ------------------------------------------------------------------------


def test_the_layer_table_names_every_package_once() -> None:
    packages = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    modules = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__"}
    listed = [name for layer in LAYERS for name in layer]
    assert sorted(listed) == sorted(packages | modules | {"supportnet", "ui.app"})
    for package, forbidden in NEVER.items():
        assert package in listed
        assert forbidden <= set(listed)
    assert MAY_IMPORT["model"] == frozenset({"i18n"})
    assert "data" not in MAY_IMPORT["ui"]
    assert "data" in MAY_IMPORT["services"]
    assert "services" not in MAY_IMPORT["runtime"], "one layer"
    assert MAY_IMPORT["cli"] >= {"services", "data"}
    assert not MAY_IMPORT["cli"] & {"ui", "ui.app"}, "the entry point hands the app in"


def test_the_checker_finds_imports_against_the_layer_order() -> None:
    imports = _imports_of(
        data__store="def later():\n    from supportnet.services import unlocking\n",
        scheduling__rhythm=(
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from supportnet.calendar.events import Event\n"
        ),
        services__unlocking="from supportnet.data import store\nimport supportnet\n",
        cli__gui="from supportnet.ui.app import run_gui\nfrom supportnet.ui.shell import x\n",
        newcomer__thing="from supportnet.model import errors\n",
        runtime__warmup="def later():\n    import supportnet.services.unlocking\n",
        model__errors="",
        calendar__events="",
    )
    assert sorted(layer_breaches(imports)) == [
        ("supportnet.cli.gui", "supportnet.ui.app"),
        ("supportnet.cli.gui", "supportnet.ui.shell"),
        ("supportnet.data.store", "supportnet.services.unlocking"),
        ("supportnet.newcomer.thing", "supportnet.model.errors"),
        ("supportnet.runtime.warmup", "supportnet.services.unlocking"),
        ("supportnet.scheduling.rhythm", "supportnet.calendar.events"),
    ]


def test_no_package_imports_one_above_it() -> None:
    unexpected = _unexpected(layer_breaches(_real_imports()))
    assert unexpected == [], "against the layer order:\n" + "\n".join(unexpected)


# --- No cycles ------------------------------------------------------------------------------


def test_the_checker_finds_import_cycles_and_shows_the_path() -> None:
    imports = _imports_of(
        a="import supportnet.b\n",
        b="def later():\n    from supportnet import c\n",
        c="from supportnet.a import thing\n",
        d="import supportnet.a\n",
        e=(
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    import supportnet.d\nelse:\n    import supportnet.f\n"
        ),
        f="import supportnet.e\n",
    )
    assert import_cycles(import_graph(imports)) == [
        ["supportnet.a", "supportnet.b", "supportnet.c", "supportnet.a"],
        ["supportnet.e", "supportnet.f", "supportnet.e"],
    ]
    # A loop closed only under TYPE_CHECKING never runs: not a cycle.
    only_types = _imports_of(
        a="import supportnet.b\n",
        b="from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import supportnet.a\n",
    )
    assert import_cycles(import_graph(only_types)) == []


def test_the_import_graph_has_no_cycles() -> None:
    cycles = import_cycles(import_graph(_real_imports()))
    unexpected = [" → ".join(path) for path in cycles if frozenset(path) not in _PENDING_CYCLES]
    assert unexpected == [], "import cycles:\n" + "\n".join(unexpected)


def test_the_pending_lists_hold_only_real_breaches() -> None:
    """An entry whose breach is gone must go too, so the lists only ever shrink."""
    imports = _real_imports()
    breaches = set(ui_storage_breaches(imports)) | set(layer_breaches(imports))
    assert [pair for pair in _PENDING if pair not in breaches] == []
    tangles = {frozenset(path) for path in import_cycles(import_graph(imports))}
    assert [sorted(tangle) for tangle in _PENDING_CYCLES if tangle not in tangles] == []


# --- What really loads ----------------------------------------------------------------------


def _non_qt_modules() -> list[str]:
    return sorted(
        name
        for name in all_sources(PACKAGE)
        if layer_of(name) not in {"ui", "ui.app"} and name not in NOT_IMPORTABLE_ALONE
    )


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
    modules = _non_qt_modules()
    assert "supportnet.data.store" in modules
    assert "supportnet.cli" in modules
    assert "supportnet.services.unlocking" in modules
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
    for heavy in ("matplotlib", "icalendar", "caldav", "niquests"):
        assert [name for name in loaded if name.split(".")[0] == heavy] == [], heavy


def test_the_command_line_starts_without_the_services_or_the_schedule() -> None:
    # `supportnet --version` and the GUI's start both import supportnet.cli first: the
    # use cases and the scheduling load only for the command that needs them.
    loaded = _import_in_fresh_python(["supportnet.cli"])["modules"]
    assert isinstance(loaded, list)
    assert "supportnet.cli" in loaded
    for package in ("supportnet.services", "supportnet.scheduling", "supportnet.safety"):
        assert [name for name in loaded if name.startswith(package)] == [], package
