"""A line edit for the unified social credit code: normalized as you type, checked as you type."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from fieldlog.domain.credit_code import (
    ALPHABET,
    CODE_LENGTH,
    check_character,
    is_valid_credit_code,
    normalize_credit_code,
)
from fieldlog.ui.widgets.wrapping_label import WrappingLabel

ERROR_STYLE = "color: #c62828;"


def code_problem(code: str) -> str | None:
    """A translated sentence saying what is wrong with a normalized code; None when valid or
    empty (a code is optional)."""
    if not code or is_valid_credit_code(code):
        return None
    translate = QCoreApplication.translate
    if len(code) != CODE_LENGTH:
        text = translate("CreditCodeEdit", "A credit code has 18 characters; this one has {n}.")
        return text.format(n=len(code))
    # A wrong last character is a check failure; say which character the check expects.
    for position, char in enumerate(code[:-1], start=1):
        if char not in ALPHABET:
            text = translate(
                "CreditCodeEdit",
                "Character {char} at position {pos} is not allowed "
                "(I, O, S, V and Z are never used).",
            )
            return text.format(char=char, pos=position)
    text = translate(
        "CreditCodeEdit",
        "The check character should be {expected}, not {found}: a character was probably mistyped.",
    )
    return text.format(expected=check_character(code[:-1]), found=code[-1])


class CreditCodeEdit(QLineEdit):
    """Folds full-width characters, drops spaces and upper-cases as you type; `message_label`
    (placed under the field by the form) says in red what is wrong."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditCodeEdit")
        self.setAccessibleName(self.tr("Unified social credit code"))
        self.setPlaceholderText(self.tr("18 characters, e.g. 91350100M000100Y43"))
        # Room for pasted codes with spaces or full-width characters before they are folded.
        self.setMaxLength(3 * CODE_LENGTH)
        self.message_label = WrappingLabel(objectName="creditCodeMessage")
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.hide()
        self._valid = True
        self.textChanged.connect(self._on_text_changed)

    def with_message(self) -> QWidget:
        """The edit with its message under it, for a form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self)
        layout.addWidget(self.message_label)
        return box

    def code(self) -> str:
        """The normalized code (empty when none was entered)."""
        return normalize_credit_code(self.text())

    def is_valid(self) -> bool:
        """Empty or a valid code."""
        return self._valid

    def message(self) -> str:
        """What is wrong with the code, or an empty text."""
        return self.message_label.text() if not self._valid else ""

    def _on_text_changed(self, text: str) -> None:
        normalized = normalize_credit_code(text)
        if normalized != text:
            # Keep the cursor after the same characters once the text before it is folded too.
            cursor = len(normalize_credit_code(text[: self.cursorPosition()]))
            self.setText(normalized)  # comes back here with the folded text, which it checks
            self.setCursorPosition(cursor)
            return
        problem = code_problem(normalized)
        self.message_label.setText(problem or "")
        self.message_label.setVisible(problem is not None)
        self.setAccessibleDescription(problem or "")
        if self._valid != (problem is None):
            self._valid = problem is None
            self.validity_changed.emit(self._valid)
