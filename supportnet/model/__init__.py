"""The domain's words: people and groups, plans, check-ins, settings, ideas, text, errors.

Pure Python; imports nothing else from SupportNet.
"""
