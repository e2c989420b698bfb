"""The calendar export dialog: choices, privacy cards, preview and writing the .ics file."""
