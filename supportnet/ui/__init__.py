"""Everything Qt: windows, dialogs and item models."""
