"""Undoable commands over domain edits: set one value, insert, remove or swap list items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from worksheet.i18n import _

if TYPE_CHECKING:
    from worksheet.ui.document import DealDocument, FieldPath

#: Command ids for QUndoStack merging; only value edits merge.
SET_VALUE_ID = 1001


class SetValue(QUndoCommand):
    """Set the value at `path`. Consecutive edits of the same field merge into one undo step."""

    def __init__(
        self, doc: DealDocument, path: FieldPath, value: Any, *, label: str = "", merge: bool = True
    ):
        super().__init__(_(label) if label else _("Edit"))
        self.doc = doc
        self.path = tuple(path)
        self.old = doc.get(self.path)
        self.new = value
        self.merge = merge

    def id(self) -> int:
        # Table cells commit a whole value at once: each commit is its own step.
        return SET_VALUE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValue) or not other.merge or other.path != self.path:
            return False
        self.new = other.new
        # Typed away and back (an amount reverted to its value before the edit): no step at all.
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.doc.set(self.path, self.new)

    def undo(self) -> None:
        self.doc.set(self.path, self.old)


class InsertItem(QUndoCommand):
    def __init__(
        self, doc: DealDocument, list_path: FieldPath, index: int, item: Any, *, label: str = ""
    ):
        super().__init__(_(label) if label else _("Add row"))
        self.doc = doc
        self.list_path = tuple(list_path)
        self.index = index
        self.item = item

    def redo(self) -> None:
        self.doc.insert(self.list_path, self.index, self.item)

    def undo(self) -> None:
        self.item = self.doc.remove(self.list_path, self.index)


class RemoveItem(QUndoCommand):
    def __init__(self, doc: DealDocument, list_path: FieldPath, index: int, *, label: str = ""):
        super().__init__(_(label) if label else _("Remove row"))
        self.doc = doc
        self.list_path = tuple(list_path)
        self.index = index
        self.item: Any = None

    def redo(self) -> None:
        self.item = self.doc.remove(self.list_path, self.index)

    def undo(self) -> None:
        self.doc.insert(self.list_path, self.index, self.item)


class SwapItems(QUndoCommand):
    """Swap two neighbouring rows. With `keep_field`, that field stays with the position
    (e.g. a concession's planned `order`), so moving a row also moves it in the plan."""

    def __init__(
        self,
        doc: DealDocument,
        list_path: FieldPath,
        first: int,
        second: int,
        *,
        keep_field: str | None = None,
        label: str = "",
    ):
        super().__init__(_(label) if label else _("Move row"))
        self.doc = doc
        self.list_path = tuple(list_path)
        self.first, self.second = sorted((first, second))
        self.keep_field = keep_field

    def _swap(self) -> None:
        self.doc.swap(self.list_path, self.first, self.second, keep_field=self.keep_field)

    def redo(self) -> None:
        self._swap()

    def undo(self) -> None:
        self._swap()


class SetExtra(QUndoCommand):
    """Set (or with `None`, remove) one of the deal's own top-level keys kept in `deal.extra`."""

    def __init__(self, doc: DealDocument, key: str, value: Any, *, label: str = ""):
        super().__init__(_(label) if label else _("Edit"))
        self.doc = doc
        self.key = key
        self.old = doc.deal.extra.get(key)
        self.new = value

    def _put(self, value: Any) -> None:
        if value is None:
            self.doc.deal.extra.pop(self.key, None)
        else:
            self.doc.deal.extra[self.key] = value
        self.doc.valueSet.emit(("extra", self.key))
        self.doc._touch()  # an edit like any other: views and the summary follow

    def redo(self) -> None:
        self._put(self.new)

    def undo(self) -> None:
        self._put(self.old)


class Batch(QUndoCommand):
    """Several edits as one undo step (e.g. the accepted changes of a manager's workbook)."""

    def __init__(self, commands: list[QUndoCommand], *, label: str = ""):
        super().__init__(_(label) if label else _("Edit"))
        self.commands = list(commands)

    def redo(self) -> None:
        for command in self.commands:
            command.redo()

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()
