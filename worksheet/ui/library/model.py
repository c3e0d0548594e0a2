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

from worksheet.i18n import _
from worksheet.library import OK, Entry
from worksheet.present import library as words

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
#: The value a column sorts by (numbers as numbers, texts folded), and the entry's path.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3

KEYS = tuple(key for key, _title in words.COLUMNS)
_ROLES = frozenset({DISPLAY, SORT_ROLE, PATH_ROLE, STATE_ROLE, Qt.ItemDataRole.ToolTipRole})


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        self.haystacks: list[str] = []
        #: What each cell says, worked out once per entry: painting only looks it up.
        self.texts: list[tuple[str, ...]] = []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self._derive()
        if self.sort_column >= 0:
            self._reorder(self._sorted_rows(self.sort_column, self.sort_order))
        self.endResetModel()

    def _derive(self) -> None:
        self.haystacks = [e.search_text() for e in self.entries]
        self.texts = [tuple(self._text(e, k) for k in KEYS) for e in self.entries]

    def replace_entry(self, row: int, entry: Entry) -> None:
        self.entries[row] = entry
        self.haystacks[row] = entry.search_text()
        self.texts[row] = tuple(self._text(entry, k) for k in KEYS)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(KEYS) - 1))

    # Sorting lives here, in one Python sort, rather than in the proxy: the proxy would ask
    # for the sort value of a row through Python for every comparison, on every search.
    def sort_key(self, row: int, column: int):
        e = self.entries[row]
        if KEYS[column] == "readiness":
            return -1 if e.state != OK else e.readiness_done
        return self.texts[row][column].casefold()

    def _sorted_rows(self, column: int, order: Qt.SortOrder) -> list[int]:
        rows = sorted(range(len(self.entries)), key=lambda r: self.sort_key(r, column))
        if order == Qt.SortOrder.DescendingOrder:
            # Stable either way: equal keys keep their order, as an ascending sort has them.
            rows = sorted(
                range(len(self.entries)), key=lambda r: self.sort_key(r, column), reverse=True
            )
        return rows

    def _reorder(self, rows: list[int]) -> None:
        self.entries = [self.entries[r] for r in rows]
        self.haystacks = [self.haystacks[r] for r in rows]
        self.texts = [self.texts[r] for r in rows]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        if not 0 <= column < len(KEYS):
            return
        self.layoutAboutToBeChanged.emit()
        rows = self._sorted_rows(column, order)
        new_row = {old: new for new, old in enumerate(rows)}
        persistent = self.persistentIndexList()
        self._reorder(rows)
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) for i in persistent]
        )
        self.layoutChanged.emit()

    def row_of(self, path: str) -> int:
        return next((i for i, e in enumerate(self.entries) if e.path == path), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(KEYS)

    def headerData(self, section: int, orientation, role=DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return _(words.COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # The view asks for about ten roles per cell on every paint: answer the ones this
        # model never sets before touching the index at all.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if role == DISPLAY:
            return self.texts[row][index.column()]
        e = self.entries[row]
        if role == SORT_ROLE:
            return self.sort_key(row, index.column())
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
                return _("{state}: {problem}").format(
                    state=words.STATE_WORDS.get(e.state, e.state), problem=e.problem
                )
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
        return _("{done} of {total}").format(done=e.readiness_done, total=e.readiness_total)


class LibraryFilter(QSortFilterProxyModel):
    """Search as you type: every word must appear in the entry's text. Sorting is handed to
    the library model (one Python sort), so a search never re-sorts through Python calls."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

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
