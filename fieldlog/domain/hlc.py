"""Hybrid logical clock stamps, packed into one integer that sorts like the clock.

A stamp is ``wall_ms << 16 | counter``: the physical time in milliseconds since the epoch with a
16-bit counter for events in the same millisecond. It never goes backwards, even when the laptop's
clock does, and moves past any stamp received from another laptop (SPEC §6).
"""

from __future__ import annotations

from datetime import UTC, datetime

COUNTER_BITS = 16


def pack(wall_ms: int, counter: int = 0) -> int:
    """The stamp of a wall time (ms) and counter."""
    return (wall_ms << COUNTER_BITS) | counter


def wall_ms(stamp: int) -> int:
    """The physical part of a stamp, in milliseconds since the epoch."""
    return stamp >> COUNTER_BITS


def to_datetime(stamp: int) -> datetime:
    """The physical part of a stamp as an aware UTC datetime."""
    return datetime.fromtimestamp(wall_ms(stamp) / 1000, tz=UTC)


def tick(last: int, now_ms: int) -> int:
    """The stamp for a local change: later than `last` and not behind the wall clock."""
    return max(last + 1, pack(now_ms))


def receive(last: int, remote: int, now_ms: int) -> int:
    """The clock after seeing `remote` from another laptop: later than both and the wall clock."""
    return max(last + 1, remote + 1, pack(now_ms))
