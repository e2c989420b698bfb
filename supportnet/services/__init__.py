"""Qt-free use cases: each user action, and its undo, is one call and one transaction."""

from supportnet.services.registry import Services

__all__ = ["Services"]
