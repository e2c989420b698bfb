"""Process-wide helpers: crash text with user data left out, the garbage collector's pace,
the dataclasses' compiled code, and the app's key helper process."""
