"""Sync between laptops: the passphrase, sending and receiving packages, the leader's review."""
