"""Everything Qt: windows, dialogs and item models.

Loading this package loads PySide6, its enums made the quick way
(:mod:`supportnet.ui.fast_enums`), then spares its import hook reading the sources of
SupportNet's modules (:mod:`supportnet.ui.pyside_hook`, loaded before PySide6 for that).
"""

from supportnet.ui import fast_enums  # isort: skip
from supportnet.ui.pyside_hook import spare_source_reads  # isort: skip

fast_enums.install()

import PySide6  # isort: skip  # noqa: E402

spare_source_reads()
del PySide6
