"""Publishing check-ins to a calendar server (CalDAV): the dialog."""
