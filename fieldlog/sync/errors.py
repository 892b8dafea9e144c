"""The one error sync raises for a package it refuses."""

from __future__ import annotations


class PackageError(ValueError):
    """A package that cannot be imported; the message is one sentence for the user.

    Raised before the database is touched (or inside the import's transaction, which is then
    rolled back), so the data is always as it was.
    """
