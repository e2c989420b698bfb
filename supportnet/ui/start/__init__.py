"""Before the main window: welcome, unlocking, the recovery key, and the crash dialog."""
