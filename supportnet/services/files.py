"""Writing a file whole or not at all, for pages and dialogs (which import no supportnet.data)."""

from __future__ import annotations

from supportnet.data.files import replace_by_writing

__all__ = ["replace_by_writing"]
