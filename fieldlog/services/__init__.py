"""Use cases. Each owns its transaction and returns what changed. Qt-free."""
