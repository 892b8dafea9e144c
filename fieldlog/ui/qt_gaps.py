"""Translations Qt's own Chinese catalog lacks, filed under Qt's contexts in ours.

Qt 6.11 renamed two labels of its file dialog ("Look in:" gained a shortcut, "Files of type:"
too) and `qtbase_zh_CN` has only the old texts, so a Chinese window showed them in English. Our
catalog is installed after Qt's and is asked first; lupdate collects these entries into it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

#: (context, source text) of each Qt string translated in fieldlog_zh_CN.ts.
QT_GAPS = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
)
