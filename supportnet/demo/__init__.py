"""An example support network for the first run: people, groups, plans and six months of history.

The content is data (network.toml, plans.toml and history.toml in this package, read with
importlib.resources); builder.py turns it into domain objects and loader.py puts them into
a store.

Everything is relative to ``today`` and the user's time zone, which are arguments, and is
deterministic for a given seed (each person draws from their own ``random.Random``, so one
person's history does not depend on another's). The objects carry no database ids: the loader
inserts the people and groups, maps each ``uid`` to an id and sets ``person_id`` or
``group_id`` on every plan and check-in before saving. Uids are fresh each call, so the same
example can be loaded into two stores without clashing.

The files are written in English; the example user's words in them (words.py says which
fields) are in the language in use when the network is built, so load it after the language
is chosen.
"""
