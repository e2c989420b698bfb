"""PySide6's import hook reads none of SupportNet's sources: their entries are written
into its table in advance (supportnet.ui.pyside_hook)."""

from __future__ import annotations

import ast
import textwrap

from tests.conftest import fresh_python


def test_the_hook_reads_no_source_of_ours_and_knows_every_module() -> None:
    result = fresh_python(
        textwrap.dedent(
            """
            import linecache, sys
            import typing, datetime  # loaded before PySide6 ...
            import supportnet.ui
            import supportnet.ui.today.page, supportnet.scheduling.rota
            import typing, datetime  # ... and imported again after it
            import json  # a module of Python's own, new after PySide6: the hook reads it
            table = sys.modules["__feature__"].pyside_feature_dict
            print(sorted(linecache.cache))
            print({k: v for k, v in table.items() if k.startswith(("supportnet", "typing"))})
            """
        ),
        QT_QPA_PLATFORM="offscreen",
    )
    assert result.returncode == 0, result.stderr
    read_line, table_line = result.stdout.splitlines()[-2:]
    read = ast.literal_eval(read_line)
    table = ast.literal_eval(table_line)
    assert any(path.endswith("json/__init__.py") for path in read)  # the check can fail
    assert [path for path in read if "/supportnet/" in path] == []
    assert [path for path in read if path.endswith(("/typing.py", "/datetime.py"))] == []
    assert table["supportnet.ui.today.page"] == 0
    assert table["supportnet.ui"] == 0
    assert table["supportnet.scheduling.rota"] == -1
    assert table["supportnet"] == -1
    assert table["typing"] == -1
    # Every module of the package has its entry, so none is ever read.
    assert {"supportnet.ui.insights.page", "supportnet.data.store", "supportnet.__main__"} <= set(
        table
    )
