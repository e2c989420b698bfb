"""Plans and their history: the plan editor, the plans panel and dialog, the history and the check-in editor."""
