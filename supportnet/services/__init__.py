"""Qt-free use cases: each user action, and its undo, is one call and one transaction.

Each returns what undoing it needs; :class:`Services` gathers them for the window.
"""

from supportnet.services.registry import Services

__all__ = ["Services"]
