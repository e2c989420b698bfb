"""Qt-free use cases: each user action as one function or method that runs one transaction and returns what undoing it needs."""
