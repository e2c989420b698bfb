"""The Agenda page: the next four weeks of plans."""
