"""The People page and the person and group editors."""
