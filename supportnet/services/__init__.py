"""Qt-free use cases: each user action is one function or method.

Each runs one transaction and returns what undoing it needs.
"""
