"""Help on a hard day: the crisis lines, the people okay to contact, the way to the plan.

:mod:`.entry` (the sidebar button, the shortcut, the unlock screens' link) is light and
imported at startup; the panel itself is imported when it is first opened.
"""
