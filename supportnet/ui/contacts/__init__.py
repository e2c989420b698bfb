"""Bringing people in from a phone's or webmail's contacts: the preview and its import."""
