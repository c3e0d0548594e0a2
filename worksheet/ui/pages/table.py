"""The table of every list page: one line per row; text columns share what numbers leave."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from worksheet.ui.models.base import ListTableModel


class TableView(QTableView):
    """A calm table: one line per row, whole-row selection, edit on typing or double-click."""

    def __init__(self, model: ListTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.table_model = model
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)
        # Delete removes the selected row while the table (not a cell editor) has the focus.
        remove = QAction("Remove Row", self)
        remove.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete)])
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_current)
        self.addAction(remove)  # Tab leaves the table, so the form's tab order still works
        # Room for a header and three rows: three tables still fit one page at 1280×720.
        self.setMinimumHeight((self.fontMetrics().height() + 12) * 4 + 6)
        vertical = self.verticalHeader()
        # Fixed row heights keep 2,000 rows fast: no per-row measuring.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(6 * self.fontMetrics().averageCharWidth())
        self._fixed_widths: dict[int, int] = {}
        metrics = self.fontMetrics()
        chars = metrics.averageCharWidth()
        for i, column in enumerate(model.COLUMNS):
            title = metrics.horizontalAdvance(column.title) + 24
            if column.kind == "money":
                width = max(11 * chars, title)
            elif column.kind in ("bool", "int"):
                width = max(6 * chars, title)
            elif column.kind == "choice":
                width = max(metrics.horizontalAdvance(label) for _, label in column.choices) + 40
            elif column.kind == "datetime":
                width = metrics.horizontalAdvance("2027-01-14 15:30") + 24
            else:
                continue  # text columns share what is left, see resizeEvent
            self._fixed_widths[i] = width
            header.resizeSection(i, width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_text_columns()

    def fit_text_columns(self) -> None:
        """Give the text columns the room the number columns leave, by their weights."""
        columns = self.table_model.COLUMNS
        text = [i for i in range(len(columns)) if i not in self._fixed_widths]
        if not text:
            return
        spare = self.viewport().width() - sum(self._fixed_widths.values())
        weights = sum(max(columns[i].width, 1) for i in text)
        minimum = 10 * self.fontMetrics().averageCharWidth()
        for i in text:
            share = spare * max(columns[i].width, 1) // weights
            self.horizontalHeader().resizeSection(i, max(minimum, share))

    def add_after_current(self) -> int:
        current = self.currentIndex()
        row = self.table_model.add_row(current.row() + 1 if current.isValid() else None)
        first_text = next(
            (i for i, c in enumerate(self.table_model.COLUMNS) if c.kind == "text"), 0
        )
        index = self.table_model.index(row, first_text)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus()
        return row

    def remove_current(self) -> None:
        current = self.currentIndex()
        if current.isValid():
            row, column = current.row(), current.column()
            self.table_model.remove_row(row)
            left = self.table_model.rowCount()
            if left:
                self.setCurrentIndex(self.table_model.index(min(row, left - 1), column))

    def move_current(self, delta: int) -> None:
        current = self.currentIndex()
        if current.isValid():
            row = self.table_model.move_row(current.row(), delta)
            self.setCurrentIndex(self.table_model.index(row, current.column()))
