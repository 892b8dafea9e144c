"""Offline sync between laptops: packages, merge. Qt-free."""
