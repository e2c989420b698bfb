"""Undo commands for the Qt undo stack, and the note that offers to undo."""
