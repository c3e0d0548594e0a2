"""The library's thin table model over the listing, and the proxy that searches and sorts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from worksheet.library import OK, Entry
from worksheet.present import library as words

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
#: The value a column sorts by (numbers as numbers, texts folded), and the entry's path.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3

KEYS = tuple(key for key, _title in words.COLUMNS)


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        self.haystacks: list[str] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.haystacks = [e.search_text() for e in self.entries]
        self.endResetModel()

    def replace_entry(self, row: int, entry: Entry) -> None:
        self.entries[row] = entry
        self.haystacks[row] = entry.search_text()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(KEYS) - 1))

    def row_of(self, path: str) -> int:
        return next((i for i, e in enumerate(self.entries) if e.path == path), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(KEYS)

    def headerData(self, section: int, orientation, role=DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return words.COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        key = KEYS[index.column()]
        if role == DISPLAY:
            return self._text(e, key)
        if role == SORT_ROLE:
            if key == "readiness":
                return -1 if e.state != OK else e.readiness_done
            return self._text(e, key).casefold()
        if role == PATH_ROLE:
            return e.path
        if role == STATE_ROLE:
            return e.state
        if role == Qt.ItemDataRole.ToolTipRole:
            return e.problem if e.state != OK else e.path
        return None

    @staticmethod
    def _text(e: Entry, key: str) -> str:
        if e.state != OK:
            if key == "title":
                return e.name
            if key == "counterpart":
                return f"{words.STATE_WORDS.get(e.state, e.state)}: {e.problem}"
            return ""
        if key == "title":
            return e.display_title
        if key == "counterpart":
            return e.counterpart
        if key == "kind":
            return words.KIND_WORDS.get(e.kind, e.kind)
        if key == "meeting_date":
            return e.meeting_date
        if key == "outcome":
            return words.OUTCOME_WORDS.get(e.outcome, e.outcome)
        return f"{e.readiness_done} of {e.readiness_total}"


class LibraryFilter(QSortFilterProxyModel):
    """Search as you type: every word must appear in the entry's text; sorts by SORT_ROLE."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def set_search(self, text: str) -> None:
        words_now = text.casefold().split()
        if words_now == self._words:
            return
        self.beginFilterChange()
        self._words = words_now
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, _parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        hay = model.haystacks[source_row]  # type: ignore[attr-defined]
        return all(w in hay for w in self._words)
