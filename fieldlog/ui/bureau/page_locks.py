"""The editing buttons of the pages, switched off on a bureau's window: its pages show read-only
views, and an edit made at the bureau would never reach the team that owns the record."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldlog.ui.main_actions import bureau_read_only
from fieldlog.ui.navigator import Page

#: Buttons that stay as they are set: disabled, with the reason as their tooltip.
DISABLED = {
    Page.VISITS: ("new_button",),
    Page.CHAIN_MAP: ("edit_button",),
}
#: Buttons their page enables again as the selection or the data changes: hidden instead.
HIDDEN = {
    Page.SYNC: ("send_button", "passphrase_button"),
}
#: Actions of a page (their buttons follow them) that only change records: hidden buttons.
HIDDEN_ACTION_BUTTONS = {
    Page.ORGS: ("buttonNewOrg", "buttonMergeOrg", "buttonDeleteOrg"),
}


def lock_page(page: Page, widget: QWidget) -> None:
    """Switch off the editing buttons of `widget`, the page `page` of a bureau's window."""
    for name in DISABLED.get(page, ()):
        button = getattr(widget, name, None)
        if isinstance(button, QWidget):
            button.setEnabled(False)
            button.setToolTip(bureau_read_only())
    for name in HIDDEN.get(page, ()):
        button = getattr(widget, name, None)
        if isinstance(button, QWidget):
            button.hide()
    for name in HIDDEN_ACTION_BUTTONS.get(page, ()):
        found = widget.findChild(QWidget, name)
        if found is not None:
            found.hide()
