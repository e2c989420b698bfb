"""The plan for hard days: its page, its editing dialogs and its printed page."""
