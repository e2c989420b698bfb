"""circle_map."""
