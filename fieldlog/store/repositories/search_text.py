"""Search fragments no stored text can contain, answered as "nothing" before SQL sees them.

Whatever a user pastes into a search box must give an answer, never an exception. Two kinds of
character cannot be in any text FieldLog stores (cleaning drops control characters and lone
surrogates from everything saved, `fieldlog.domain.text.clean_text`), and both would mislead
SQLite: a lone surrogate (half of an emoji) is not UTF-8, so the driver cannot even send it
(UnicodeEncodeError); a NUL ends SQLite's reading of a LIKE pattern, so "%\\0…%" would act as
"%" and match everything. A fragment holding either matches nothing. Dropping those characters
instead would widen the search to text the user did not type (a lone surrogate alone would list
the whole log).
"""

from __future__ import annotations

import re

_NEVER_STORED = re.compile("[\x00\ud800-\udfff]")


def unmatchable(fragment: str) -> bool:
    """Whether `fragment` holds a character no stored text can (a NUL, a lone surrogate)."""
    return _NEVER_STORED.search(fragment) is not None
