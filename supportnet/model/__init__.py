"""The domain's words: people and groups, plans, check-ins, settings, message ideas, text rules, errors, zones. Pure Python; imports nothing else from SupportNet."""
