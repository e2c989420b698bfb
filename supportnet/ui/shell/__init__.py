"""The main window: pages, sidebar, menus, editing, status line, reminders, preferences.

Pages are built lazily after the first paint; see sidebar.LATER_PAGES.
"""
