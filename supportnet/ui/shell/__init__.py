"""The main window: pages and sidebar, menus and actions, editing, status line, reminders, preferences."""
