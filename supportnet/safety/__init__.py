"""Hard days: crisis lines kept offline, the safety plan's wording and its plain text."""
