"""Process-wide helpers: crash text with user data left out, and warming up the storage modules."""
