"""Dialogs for your data as a whole: export, import, and deleting everything."""
