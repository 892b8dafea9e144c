"""What the Chinese-language tests share: what counts as Chinese, and a message read in English."""

from __future__ import annotations

import re

from fieldlog.domain.messages import current_language, use_language

#: A CJK ideograph: a sentence holding none is not Chinese to its reader.
CJK = re.compile(r"[\u4e00-\u9fff]")


def in_english(value: BaseException) -> str:
    """An error's sentence rendered in English, the current language kept."""
    kept = current_language()
    try:
        use_language("en")
        return str(value)
    finally:
        use_language(kept)
