"""Organizations and contacts: saving, the directory, search, merging, undoable edits."""
