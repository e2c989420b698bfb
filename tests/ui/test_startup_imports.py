"""The real entry point paints its first window without the heavy modules.

Runs `supportnet --data-dir DIR` in a fresh process (the startup benchmark's child) on a
store holding the example network, and reads which heavy modules were loaded when the
main window first painted.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.conftest import REPO_ROOT, cli_env, fresh_python

HEAVY = ("sqlalchemy", "alembic", "matplotlib", "icalendar", "caldav", "niquests")
#: The standard library's slower modules the first frame has no use for: `uuid` (it loads
#: `platform`) makes new uids, `getpass` asks on a terminal.
LATER_STDLIB = ("uuid", "getpass")
#: The pages other than Today are built after the first paint, their modules loaded then.
LATER_PAGES = (
    "supportnet.ui.network.page",
    "supportnet.ui.network.map_view",
    "supportnet.ui.agenda.page",
    "supportnet.ui.people.page",
    "supportnet.ui.plans.panel",
    "supportnet.ui.safety.page",
    "supportnet.ui.safety.printing",
    "supportnet.ui.care.page",
    "supportnet.ui.care.printing",
)
#: Loaded when first opened, never for the first frame: the dialogs and editors Today and
#: the window open, the start's dialogs for a crash and the recovery key (after the first
#: paint), and the command line's commands (opening the app reads its own short way in).
ON_DEMAND = (
    "supportnet.ui.today.log_dialog",
    "supportnet.ui.today.dialogs",
    "supportnet.ui.today.ideas",
    "supportnet.ui.people.person_editor",
    "supportnet.ui.people.group_editor",
    "supportnet.ui.start.crash_dialog",
    "supportnet.ui.start.recovery_dialog",
    "supportnet.cli.store_commands",
    "supportnet.cli.caldav_commands",
    "supportnet.cli.care_commands",
    "supportnet.cli.reachout_commands",
    # Services are made when first asked for; Today's first frame asks for none of these.
    "supportnet.services.plans",
    "supportnet.services.checkins",
    "supportnet.services.postponements",
    "supportnet.services.safety_plan",
    # Deleting all data: its service is made when "Delete all my data…" is first chosen.
    "supportnet.services.your_data",
    # Today's care card reads the rota, whose supporters' ways to be reached come from
    # safety.ways: the plan for hard days (its model, words and naming) stays unloaded.
    "supportnet.safety.resolve",
    "supportnet.safety.wording",
    "supportnet.model.safety_plan",
    # After the first paint: the reminders (and their tray icon or desktop notifications),
    # the automatic backups; the crisis lines' file when the Hard day panel first wants it.
    "supportnet.ui.shell.reminders",
    "supportnet.ui.shell.desktop_notifications",
    "supportnet.ui.shell.auto_backups",
    "supportnet.safety.crisis_lines",
    # Opening with the key in the keyring shows none of the start's dialogs, nor a message
    # box; the window's menus are there, the code behind them loads on first use.
    "supportnet.ui.start.unlock_dialog",
    "supportnet.ui.start.recovery_unlock",
    "supportnet.ui.start.welcome",
    "supportnet.services.unlocking",
    "supportnet.ui.widgets.dialogs",
    "supportnet.ui.widgets.editor_form",
    "supportnet.ui.widgets.field_message",
    "supportnet.ui.backups",
    "supportnet.services.backups",
    "supportnet.model.ideas",
    # The status bar's counts are read without the people's and groups' repositories.
    "supportnet.services.network",
    "supportnet.data.repositories.people",
    "supportnet.data.repositories.groups",
    "supportnet.data.bundles",
    # Opening an up-to-date store writes no backup and checks no recovery record (the
    # record waits for the first paint): the backups' code and the record's load when used.
    "supportnet.data.auto_backup",
    "supportnet.data.backup",
    "supportnet.data.backup_format",
    "supportnet.model.retention",
    "supportnet.data.recovery",
    "supportnet.data.recovery_record",
    "supportnet.data.recovery_text",
    # The app's own short command line needs nothing the commands share.
    "supportnet.cli.common",
)
#: What Today's first frame never shows: Insights and its charts, the calendar export, the
#: circle map's layout.
NOT_TODAY = (
    "supportnet.insights",
    "supportnet.charts",
    "supportnet.calendar",
    "supportnet.circle_map",
    "supportnet.services.insights",
    "supportnet.services.calendar_export",
    "supportnet.data.insight_reads",
    "supportnet.ui.insights",
    "supportnet.ui.calendar",
)
#: Qt classes whose first use costs milliseconds, made only when first needed.
LAZY_QT = ("QAccessible", "QMessageBox", "QFileDialog", "QStyle", "QProxyStyle")


def _example_store(tmp_path: Path) -> tuple[Path, Path]:
    """A store holding the example network, onboarded, its key in a file-backed keyring:
    its folder, and the keyring's file."""
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
    return tmp_path / "data", keyring_file


def _start(data: Path, keyring_file: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The app's real start on ``data`` in a fresh process (the startup benchmark's child),
    reporting what it had loaded and made at its first paint."""
    from benchmarks import filekeyring

    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "benchmarks" / "_startup_child.py"), "app", str(data)],
        capture_output=True,
        text=True,
        env=cli_env(
            PYTHON_KEYRING_BACKEND="benchmarks.filekeyring.FileKeyring",
            BENCH_SHOW_MODULES="1",
            **{filekeyring.ENV: str(keyring_file)},
            **env,
        ),
        timeout=120,
        check=False,
    )
    assert "painted" in result.stdout, result.stderr[-2000:]
    return result


def test_first_paint_loads_no_heavy_module(tmp_path: Path) -> None:
    result = _start(*_example_store(tmp_path))
    loaded_line = next(line for line in result.stdout.splitlines() if line.startswith("loaded:"))
    loaded = set(ast.literal_eval(loaded_line.removeprefix("loaded:").strip()))
    # The list is every module the child had, so the check below can fail: Today is there.
    assert {"supportnet.ui.today.page", "supportnet.ui.shell.main_window"} <= loaded
    if os.path.islink("/etc/localtime") and not os.environ.get("TZ"):
        # The system's zone is read from where the link points, not by tzlocal (~20 ms).
        assert "tzlocal" not in loaded
    # The first frame's Qt-free modules load before Qt's (__main__._load_before_qt): after
    # PySide6, its import hook reads every new module's source.
    after_line = next(line for line in result.stdout.splitlines() if line.startswith("after_qt:"))
    after_qt = set(ast.literal_eval(after_line.removeprefix("after_qt:").strip()))
    assert "supportnet.ui.shell.main_window" in after_qt
    # (This start reads its key through keyring, whose way to a backend a key in the
    # Secret Service doesn't take: that module loads only here.)
    keyring_path = {"supportnet.data.portal_keyring"}
    late = sorted(
        m
        for m in after_qt - keyring_path
        if m.startswith("supportnet.") and not m.startswith("supportnet.ui")
    )
    assert late == [], f"load these in supportnet.__main__._load_before_qt: {late}"
    for module in (*HEAVY, *LATER_STDLIB, *LATER_PAGES, *ON_DEMAND, *NOT_TODAY):
        # A renamed page would slip past the check unseen; it must still be a module.
        assert importlib.util.find_spec(module) is not None, module
        assert module not in loaded, sorted(m for m in loaded if m.startswith(module))
    # PySide6's import hook reads no source of ours (ui.pyside_hook): the tests have no
    # bytecode, so each module's source is read once to compile it, never into linecache.
    lines = result.stdout.splitlines()
    read_line = next(line for line in lines if line.startswith("sources_read:"))
    read = ast.literal_eval(read_line.removeprefix("sources_read:").strip())
    assert read, "the hook read some source: else this check could not fail"
    assert [path for path in read if f"{os.sep}supportnet{os.sep}" in path] == []
    # Nor those of modules loaded before PySide6 (the standard library's longest files).
    assert not [p for p in read if p.endswith(("typing.py", "datetime.py", "pathlib.py"))]
    qt_line = next(line for line in result.stdout.splitlines() if line.startswith("qt:"))
    made = set(ast.literal_eval(qt_line.removeprefix("qt:").strip()))
    assert {"QMainWindow", "QLabel"} <= made
    assert not made & set(LAZY_QT), sorted(made & set(LAZY_QT))


def test_a_later_start_compiles_no_dataclass_code_for_its_first_frame(tmp_path: Path) -> None:
    from benchmarks._startup_child import WARM_UP

    store = _example_store(tmp_path)
    cache = tmp_path / "cache"

    def compiled(**env: str) -> int:
        out = _start(*store, XDG_CACHE_HOME=str(cache), **env).stdout.splitlines()
        line = next(line for line in out if line.startswith("compiled_while_cached:"))
        return int(line.split()[-1])

    # The first start compiles its dataclasses' methods, and keeps them once it has painted.
    assert compiled(**{WARM_UP: "1"}) > 50
    assert (cache / "SupportNet" / "dataclass-code.bin").is_file()
    assert compiled() == 0


def _modules_after(code: str) -> set[str]:
    """Every module a fresh interpreter has after running ``code``."""
    result = fresh_python(f"{code}\nimport sys\nprint(sorted(sys.modules))")
    assert result.returncode == 0, result.stderr
    return set(ast.literal_eval(result.stdout.strip()))


def test_the_command_line_opens_the_app_without_argparse() -> None:
    # Before Qt loads, on the GUI thread: only the short read of `[gui] [--data-dir DIR]`.
    loaded = _modules_after("import supportnet.cli")
    assert not loaded & {"argparse", "getpass", "supportnet.cli.common"}


def test_the_modules_loaded_before_qt_are_qt_free_and_all_needed() -> None:
    # `__main__` loads the first frame's Qt-free modules before Qt's: none of Qt, nothing
    # the first frame leaves for later.
    loaded = _modules_after("import supportnet.__main__ as entry; entry._load_before_qt()")
    assert {"supportnet.data.store", "supportnet.services.today_cards"} <= loaded
    assert not [m for m in loaded if m.split(".")[0] in ("PySide6", "shiboken6")]
    for module in (*HEAVY, *LATER_STDLIB, *ON_DEMAND, *NOT_TODAY):
        assert module not in loaded, module


def test_checking_the_data_folder_loads_no_store_module() -> None:
    # `--data-dir` is checked before Qt loads: the store's modules (keys, backups,
    # recovery, lock…) load when the store opens, not for the check.
    loaded = _modules_after("import supportnet.data.data_folder")
    assert sorted(m for m in loaded if m.startswith("supportnet.data.")) == [
        "supportnet.data.data_folder",
        "supportnet.data.file_names",
        "supportnet.data.path_checks",
    ]
