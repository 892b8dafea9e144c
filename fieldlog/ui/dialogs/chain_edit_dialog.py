"""Editing the industry chains and their links; every change is undoable (Edit ▸ Undo)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.team import chains
from fieldlog.services.team.chains import POSITIONS, ChainInfo, LinkInfo, LinkInput, sub_links
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.chain_name_form import NameForm
from fieldlog.ui.operations import Operation, Outcome
from fieldlog.ui.undo import undo_stack
from fieldlog.ui.widgets.chain_link_tile import position_names
from fieldlog.ui.widgets.combo_values import named

ID_ROLE = Qt.ItemDataRole.UserRole + 1

T = TypeVar("T")

#: The chains and links, and how many organizations and projects are filed under each.
SHOWN = (Kind.CATALOG, Kind.ORG, Kind.PROJECT)


class ChainEditDialog(QDialog):
    """Chains on the left, the chosen chain's links on the right, with add, edit and delete."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, chain_id: uuid.UUID | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chainEditDialog")
        self.setWindowTitle(self.tr("Edit industry chains"))
        self.resize(720, 480)
        self.db = db
        self.tree: list[ChainInfo] = []
        self.form: NameForm | None = None
        self.chain_list = QListWidget(objectName="chainEditList")
        self.chain_list.setAccessibleName(self.tr("Chains"))
        self.link_tree = QTreeWidget(objectName="linkEditTree")
        self.link_tree.setAccessibleName(self.tr("Links of the chain"))
        self.link_tree.setHeaderLabels([self.tr("Link"), self.tr("Position")])
        self.buttons: dict[str, QPushButton] = {}
        self._build()
        self.chain_list.currentRowChanged.connect(self._show_links)
        self.chain_list.itemActivated.connect(self.rename_chain)
        self.link_tree.itemActivated.connect(self.edit_link)
        operations.changes().changes_applied.connect(self._on_changes)
        self.refresh(chain_id=chain_id)

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAutoDefault(False)  # Enter in the lists must not press a button
        button.clicked.connect(slot)
        self.buttons[name] = button
        return button

    def _build(self) -> None:
        grid = QGridLayout()
        chains_label = QLabel(self.tr("&Chains"))
        chains_label.setBuddy(self.chain_list)
        links_label = QLabel(self.tr("&Links (upstream, midstream, downstream)"))
        links_label.setBuddy(self.link_tree)
        grid.addWidget(chains_label, 0, 0)
        grid.addWidget(links_label, 0, 1)
        grid.addWidget(self.chain_list, 1, 0)
        grid.addWidget(self.link_tree, 1, 1)
        grid.setColumnStretch(1, 2)
        grid.addLayout(self._chain_buttons(), 2, 0)
        grid.addLayout(self._link_buttons(), 2, 1)
        hint = QLabel(
            self.tr("Enter or F2 edits, Delete deletes, Ctrl+Z undoes (later too: Edit ▸ Undo).")
        )
        hint.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(hint)
        layout.addWidget(close)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self._edit_focused)
        # The window's Edit menu is out of reach while this dialog is open.
        QShortcut(QKeySequence.StandardKey.Undo, self, undo_stack().undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, undo_stack().redo)

    def _chain_buttons(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(self._button("addChain", self.tr("&Add chain…"), self.add_chain))
        column.addWidget(self._button("renameChain", self.tr("&Rename chain…"), self.rename_chain))
        column.addWidget(self._button("deleteChain", self.tr("&Delete chain"), self.delete_chain))
        return column

    def _link_buttons(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(self._button("addLink", self.tr("Add lin&k…"), self.add_link))
        column.addWidget(self._button("editLink", self.tr("&Edit link…"), self.edit_link))
        column.addWidget(self._button("deleteLink", self.tr("Dele&te link"), self.delete_link))
        return column

    # -- showing ---------------------------------------------------------------------------

    def _on_changes(self, made: Changes) -> None:
        if made.touches(*SHOWN):
            self.refresh()

    def refresh(
        self, *_: object, chain_id: uuid.UUID | None = None, link_id: uuid.UUID | None = None
    ) -> None:
        """Reload chains and links, keeping the chosen ones (or choosing those given)."""
        wanted = chain_id or self.current_chain_id()
        link_id = link_id or self.current_link_id()
        self.tree = chains.chain_tree(self.db)
        self.chain_list.blockSignals(True)
        self.chain_list.clear()
        for chain in self.tree:
            item = QListWidgetItem(chain.name)
            item.setData(ID_ROLE, chain.id)
            self.chain_list.addItem(item)
        ids = [chain.id for chain in self.tree]
        self.chain_list.setCurrentRow(ids.index(wanted) if wanted in ids else (0 if ids else -1))
        self.chain_list.blockSignals(False)
        self._show_links(select=link_id)

    def current_chain(self) -> ChainInfo | None:
        """The chosen chain."""
        item = self.chain_list.currentItem()
        chain_id = item.data(ID_ROLE) if item is not None else None
        return next((chain for chain in self.tree if chain.id == chain_id), None)

    def current_chain_id(self) -> uuid.UUID | None:
        """The chosen chain's id."""
        chain = self.current_chain()
        return chain.id if chain else None

    def current_link_id(self) -> uuid.UUID | None:
        """The chosen link's id."""
        item = self.link_tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def _show_links(self, *_: object, select: uuid.UUID | None = None) -> None:
        self.link_tree.clear()
        chain = self.current_chain()
        links = chain.links if chain else ()
        names = position_names()
        # Upstream first, then midstream and downstream; sub-links beneath their parent.
        ordered = sorted(
            links, key=lambda x: POSITIONS.index(x.position) if x.position in POSITIONS else 1
        )
        items: dict[uuid.UUID, QTreeWidgetItem] = {}
        for link in ordered:
            item = QTreeWidgetItem([link.name, named(names, link.position)])
            item.setData(0, ID_ROLE, link.id)
            items[link.id] = item
        for link in ordered:
            parent = items.get(link.parent_id) if link.parent_id else None
            if parent is not None and link.id not in sub_links(links, link.id):
                parent.addChild(items[link.id])
            else:
                self.link_tree.addTopLevelItem(items[link.id])
        self.link_tree.expandAll()
        self.link_tree.resizeColumnToContents(0)
        if select in items:
            self.link_tree.setCurrentItem(items[select])
        for name in ("renameChain", "deleteChain", "addLink"):
            self.buttons[name].setEnabled(chain is not None)

    # -- changes ---------------------------------------------------------------------------

    def _ask(self, title: str, submit: Callable[[NameForm], bool], **fields: Any) -> NameForm:
        self.form = NameForm(title, submit, self, **fields)
        self.form.open()
        return self.form

    def _create(
        self, form: NameForm, text: str, create: Callable[[], uuid.UUID], kind: str
    ) -> bool:
        """Add a chain or link; undo deletes it, redo brings back the same record."""
        made: list[uuid.UUID] = []
        restore = chains.restore_chain if kind == "chain" else chains.restore_link
        delete = chains.delete_chain if kind == "chain" else chains.delete_link

        def do() -> uuid.UUID:
            if made:
                restore(self.db, made[0])
            else:
                made.append(create())
            return made[0]

        outcome = _undoable(form, text, do, lambda: delete(self.db, made[0]))
        if outcome.ok:
            self.refresh(**{f"{kind}_id": outcome.value})
        return outcome.ok

    def add_chain(self) -> NameForm:
        """Ask for a new chain's name."""

        def submit(form: NameForm) -> bool:
            name = form.name_edit.text()
            text = self.tr("Add chain %1").replace("%1", name.strip())
            return self._create(form, text, lambda: chains.add_chain(self.db, name), "chain")

        return self._ask(self.tr("Add a chain"), submit)

    def rename_chain(self, *_: object) -> NameForm | None:
        """Ask for the chosen chain's new name."""
        chain = self.current_chain()
        if chain is None:
            return None

        def submit(form: NameForm) -> bool:
            name = form.name_edit.text()
            if name == chain.name:  # nothing to save, nothing to undo
                return True
            return _undoable(
                form,
                self.tr("Rename chain %1").replace("%1", chain.name),
                lambda: chains.rename_chain(self.db, chain.id, name, chain.name),
                lambda: chains.rename_chain(self.db, chain.id, chain.name, name),
            ).ok

        return self._ask(self.tr("Rename the chain"), submit, link=LinkInput(chain.name))

    def delete_chain(self) -> bool:
        """Delete the chosen chain (refused while records point to it)."""
        chain = self.current_chain()
        if chain is None:
            return False
        links: list[uuid.UUID] = []

        def do() -> None:
            links[:] = chains.delete_chain(self.db, chain.id)

        text = self.tr("Delete chain %1").replace("%1", chain.name)
        return _undoable(
            self, text, do, lambda: chains.restore_chain(self.db, chain.id, list(links))
        ).ok

    def _link_form(
        self, title: str, submit: Callable[[NameForm], bool], link: LinkInfo | None = None
    ) -> NameForm:
        chain = self.current_chain()
        links = chain.links if chain else ()
        hidden = {link.id, *sub_links(links, link.id)} if link else set()
        data = LinkInput(link.name, link.position, link.parent_id) if link else LinkInput("")
        parents = [other for other in links if other.id not in hidden]
        return self._ask(title, submit, link=data, parents=parents)

    def add_link(self) -> NameForm | None:
        """Ask for a new link of the chosen chain: name, position and parent."""
        chain = self.current_chain()
        if chain is None:
            return None

        def submit(form: NameForm) -> bool:
            data = form.link_input()
            text = self.tr("Add link %1").replace("%1", data.name.strip())
            return self._create(
                form, text, lambda: chains.add_link(self.db, chain.id, data), "link"
            )

        return self._link_form(self.tr("Add a link"), submit)

    def edit_link(self, *_: object) -> NameForm | None:
        """Rename or move the chosen link."""
        chain, link_id = self.current_chain(), self.current_link_id()
        link = next((x for x in chain.links if x.id == link_id), None) if chain else None
        if link is None:
            return None
        before = LinkInput(link.name, link.position, link.parent_id)

        def submit(form: NameForm) -> bool:
            after = form.link_input()
            if after == before:  # nothing to save, nothing to undo
                return True
            return _undoable(
                form,
                self.tr("Change link %1").replace("%1", link.name),
                lambda: chains.save_link(self.db, link.id, after, before),
                lambda: chains.save_link(self.db, link.id, before, after),
            ).ok

        return self._link_form(self.tr("Edit the link"), submit, link)

    def delete_link(self) -> bool:
        """Delete the chosen link (refused while records or sub-links point to it)."""
        item = self.link_tree.currentItem()
        if item is None:
            return False
        link_id = item.data(0, ID_ROLE)
        return _undoable(
            self,
            self.tr("Delete link %1").replace("%1", item.text(0)),
            lambda: chains.delete_link(self.db, link_id),
            lambda: chains.restore_link(self.db, link_id),
        ).ok

    def _edit_focused(self) -> None:
        if self.link_tree.hasFocus():
            self.edit_link()
        elif self.chain_list.hasFocus():
            self.rename_chain()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # The lists act on Enter themselves; QDialog would press a default button, even the
            # OK of the form Enter has just opened (it is a child of this dialog).
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete:
            if self.link_tree.hasFocus():
                self.delete_link()
                return
            if self.chain_list.hasFocus():
                self.delete_chain()
                return
        super().keyPressEvent(event)


def _undoable(
    parent: QWidget, text: str, do: Callable[[], T], undo: Callable[[], object]
) -> Outcome[T]:
    """A change of the chains as an undoable operation; a refusal in a message box."""
    return Operation(parent, do, changes=Changes.of(Kind.CATALOG)).undoable(text, undo).run()
