"""The Help menu's windows: the keyboard shortcuts and Getting started."""
