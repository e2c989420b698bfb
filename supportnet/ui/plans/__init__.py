"""Plans and their history: plan editor, plans panel and dialog, history, check-in editor.

Each plan belongs to a person or group; its history is the check-ins logged with them.
"""
