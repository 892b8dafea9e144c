"""The one error type services raise for input a person must correct."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Bad input; the message is one sentence the user can act on. Nothing was changed."""
