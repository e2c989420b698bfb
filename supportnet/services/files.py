"""Files for pages and dialogs (which import no supportnet.data): paths the user typed,
and writing a file whole or not at all."""

from __future__ import annotations

from supportnet.data.files import replace_by_writing
from supportnet.data.paths import user_path

__all__ = ["replace_by_writing", "user_path"]
