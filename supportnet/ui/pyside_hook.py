"""PySide6's import hook, spared reading the sources of modules whose answer is known.

Once PySide6 is loaded, every ``import`` runs through its hook for ``from __feature__
import …`` (snake_case, true_property). For each module imported that it hasn't seen, the
hook notes whether the module uses PySide6 by reading its whole source
(``inspect.getsource``: the file read, its encoding found, split into lines), and it asks
even for a module loaded long before, at its first ``import`` after PySide6: the first
window's ``from typing import …``, ``from datetime import …``, ``import enum``… had it read
the standard library's longest files. With the first window's ~40 modules of our own, that
came to about 20 ms of every start.

The answers are known in advance: a module loaded before PySide6 can't be using it (PySide6's
own are in the table already), ``supportnet.ui`` is Qt's side and the rest of SupportNet
never uses Qt (tests/project/test_layering.py). :func:`spare_source_reads` writes them into
the hook's table (0: uses PySide6, with no feature chosen; -1: leave alone). The hook would
give the few ui modules that never name PySide6 a -1; as SupportNet chooses no feature
anywhere, the two behave alike. Should PySide6 keep its table elsewhere one day, this does
nothing and the hook reads as before.
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
    """Tell PySide6's import hook which modules use it: SupportNet's, and every one loaded
    so far. Load this module before PySide6, and call this after (the hook would read
    this module's source too)."""
    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # supportnet/
    try:
        ours = _modules(package, "supportnet")
    except OSError:  # not a folder (a zipped install): the hook reads ours as before
        ours = []
    for module in ours:
        uses = module == "supportnet.ui" or module.startswith("supportnet.ui.")
        table.setdefault(module, USES_PYSIDE if uses else IGNORED)
    # Every module loaded so far: those from before PySide6 can't use it, and those the
    # hook has seen since (PySide6's own among them) keep the answer it wrote.
    for module in list(sys.modules):
        table.setdefault(module, IGNORED)
