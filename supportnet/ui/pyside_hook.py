"""PySide6's import hook, spared reading SupportNet's own sources.

Once PySide6 is loaded, every module imported after it passes through its hook for
``from __feature__ import …`` (snake_case, true_property). The hook notes, for each new
module, whether it uses PySide6, by reading the module's whole source with
``inspect.getsource``, whose search for the module's file looks at every module loaded so
far. For the ~40 modules of the first window that came to about 20 ms of every start.

SupportNet's own modules are known in advance: ``supportnet.ui`` is Qt's side, the others
never use it (tests/project/test_layering.py). :func:`spare_source_reads` writes their
entries into the hook's table (0: uses PySide6, with no feature chosen; -1: leave alone),
so it reads none of our sources. The hook would give the few ui modules that never name
PySide6 a -1; as SupportNet chooses no feature anywhere, the two behave alike. Should
PySide6 keep its table elsewhere one day, this does nothing and the hook reads as before.
"""

from __future__ import annotations

import os
import sys

#: The hook's values: a module that uses PySide6 with no feature chosen, and one to ignore.
USES_PYSIDE, IGNORED = 0, -1


def _modules(folder: str, name: str) -> list[str]:
    """The dotted names of the package in ``folder`` and of every module under it."""
    found = [name]
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".py") and entry.name != "__init__.py":
                found.append(f"{name}.{entry.name[:-3]}")
            elif entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
                found.extend(_modules(entry.path, f"{name}.{entry.name}"))
    return found


def spare_source_reads() -> None:
    """Tell PySide6's import hook which of SupportNet's modules use it. Load this module
    before PySide6, and call this after: the hook would read this module's source too."""
    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # supportnet/
    for module in _modules(package, "supportnet"):
        uses = module == "supportnet.ui" or module.startswith("supportnet.ui.")
        table.setdefault(module, USES_PYSIDE if uses else IGNORED)
