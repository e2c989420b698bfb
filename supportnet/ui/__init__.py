"""Everything Qt: windows, dialogs and item models.

Loading this package loads PySide6, then spares its import hook reading the sources of
SupportNet's modules (:mod:`supportnet.ui.pyside_hook`, loaded before PySide6 for that).
"""

from supportnet.ui.pyside_hook import spare_source_reads  # isort: skip

import PySide6  # isort: skip

spare_source_reads()
del PySide6
