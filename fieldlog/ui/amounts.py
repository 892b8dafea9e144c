"""Amounts in the window: the number as domain/money.py writes it, the unit in the window's words.

The Chinese window reads "36,000 万元" and "29.14 亿元"; the English one "36,000 × 10k yuan" and
"29.14 × 100M yuan". An unknown amount is "—" alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldlog.domain.money import wan_with_unit, yi_with_unit

__all__ = ["wan", "wan_unit", "yi", "yi_unit"]


def wan_unit() -> str:
    """The unit of an amount in 万元, as it follows a number."""
    return QCoreApplication.translate("Amounts", "× 10k yuan")


def yi_unit() -> str:
    """The unit of an amount in 亿元, as it follows a number."""
    return QCoreApplication.translate("Amounts", "× 100M yuan")


def wan(yuan: int | None) -> str:
    """36,000 万元, or "—" when the amount is unknown."""
    return wan_with_unit(yuan, wan_unit())


def yi(yuan: int | None) -> str:
    """29.14 亿元, or "—" when the amount is unknown."""
    return yi_with_unit(yuan, yi_unit())
