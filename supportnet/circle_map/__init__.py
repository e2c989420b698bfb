"""Where each person and group sits on the circle map: rings, sectors, cells and labels. Pure geometry, no Qt."""
