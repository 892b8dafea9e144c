"""Keeping the database: opening a workspace, digest and check, backups, history, the demo."""
