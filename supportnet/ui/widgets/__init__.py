"""Shared widgets: table models, lists, labels, form fields, dialogs and the style."""
