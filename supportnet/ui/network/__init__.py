"""The Network page: the circle map (theme, items, view, card) and its image export."""
