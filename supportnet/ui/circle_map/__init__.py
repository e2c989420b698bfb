"""The circle map: the network drawn as rings around "me", by closeness and part of life."""
