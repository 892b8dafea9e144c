"""Pages that recount only while shown: a change announced while a page is hidden marks it stale,
and it recounts once when it is shown again (as the Sync page does). Every save announces its
change to every page; a hidden dashboard, pipeline or chain map recounting each time would make
every save wait for queries nobody looks at, the more so on a bureau's server."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent


class RefreshWhenShown:
    """Mixed into a page (before its Qt class) that has a `refresh()`."""

    _stale = False

    def refresh_when_shown(self) -> None:
        """Recount now if the page is shown, else when it is shown next. A page standing on
        its own (not in the window's stack of pages) recounts at once, shown or not."""
        if self.isVisible() or self.isWindow():  # type: ignore[attr-defined]
            self._stale = False
            self.refresh()  # type: ignore[attr-defined]
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()  # type: ignore[attr-defined]
        super().showEvent(event)  # type: ignore[misc]
