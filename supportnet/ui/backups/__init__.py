"""Backups in the window: Back up now…, Restore from backup…, and the Preferences' backup rows."""
