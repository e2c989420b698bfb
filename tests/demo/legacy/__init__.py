"""The example network as Python code, kept only to prove the data files build the same."""
