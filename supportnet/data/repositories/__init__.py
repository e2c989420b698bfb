"""Repositories: one per aggregate, taking and returning domain objects."""
