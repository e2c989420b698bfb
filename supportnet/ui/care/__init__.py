"""The care team's views: for now, its rota on one printed page."""
