"""The hostile-input corpus (see make_corpus.py)."""
