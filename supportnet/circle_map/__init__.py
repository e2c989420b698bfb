"""Where each person and group sits on the circle map: rings, sectors, cells, labels.

Pure geometry, no Qt.
"""
