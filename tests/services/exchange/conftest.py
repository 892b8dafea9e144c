"""Password stores set up in the test: one in memory, and a computer without one."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from tests.keyring_backend import MemoryKeyring


@pytest.fixture
def store() -> Iterator[MemoryKeyring]:
    """This computer has a password store (in memory, this test's own)."""
    before = keyring.get_keyring()
    own = MemoryKeyring()
    keyring.set_keyring(own)
    yield own
    keyring.set_keyring(before)


@pytest.fixture
def no_store() -> Iterator[None]:
    """This computer has no password store (a headless Linux)."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
