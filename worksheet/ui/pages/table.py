"""The table of every list page: one line per row; text columns share what numbers leave."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from worksheet.ui.models.base import ListTableModel


class TableView(QTableView):
    """A calm table: one line per row, whole-row selection, edit on typing or double-click."""

    #: A message for the status bar (e.g. the list is full).
    message = Signal(str)

    def __init__(self, model: ListTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.table_model = model
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows can be selected so Delete can clear them in one undoable step.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)
        #: Painted in the empty table, so a new list says what belongs in it.
        self.placeholder_text = ""
        # Keys work while the table (not a cell editor) has the focus: Insert adds a row,
        # Delete removes the selected rows, Ctrl+Up/Down moves one in an ordered list.
        self._add_shortcut("Add Row", [QKeySequence(Qt.Key.Key_Insert)], self._add_by_key)
        self._add_shortcut(
            "Remove Rows", [QKeySequence(QKeySequence.StandardKey.Delete)], self.remove_current
        )
        if model.KEEP_FIELD is not None:
            up = QKeySequence(Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Up)
            down = QKeySequence(Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Down)
            self._add_shortcut("Move Up", [up], lambda: self.move_current(-1))
            self._add_shortcut("Move Down", [down], lambda: self.move_current(1))
        # Room for a header and three rows: three tables still fit one page at 1280×720.
        self.setMinimumHeight((self.fontMetrics().height() + 12) * 4 + 6)
        vertical = self.verticalHeader()
        # Fixed row heights keep 2,000 rows fast: no per-row measuring.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(4 * self.fontMetrics().averageCharWidth())
        # A title wider than its column ends in "…" (its tooltip says it whole), never clipped.
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        #: Number columns: the width their title asks for, and the least their values need.
        self._fixed_widths: dict[int, int] = {}
        self._least_widths: dict[int, int] = {}
        metrics = self.fontMetrics()
        chars = metrics.averageCharWidth()
        for i, column in enumerate(model.COLUMNS):
            title = metrics.horizontalAdvance(column.title) + 24
            if column.kind == "money":
                least = 9 * chars
            elif column.kind in ("bool", "int"):
                least = 5 * chars
            elif column.kind == "choice":
                least = max(metrics.horizontalAdvance(label) for _, label in column.choices) + 40
            elif column.kind == "datetime":
                least = metrics.horizontalAdvance("2027-01-14 15:30") + 24
            else:
                continue  # text columns share what is left, see resizeEvent
            self._fixed_widths[i] = max(least, title)
            self._least_widths[i] = least
            header.resizeSection(i, self._fixed_widths[i])

    def _add_shortcut(self, name: str, keys: list[QKeySequence], slot) -> None:
        action = QAction(name, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.addAction(action)  # Tab leaves the table, so the form's tab order still works

    def _add_by_key(self) -> None:
        try:
            self.add_after_current()
        except ValueError as exc:
            self.message.emit(str(exc))

    def set_placeholder_text(self, text: str) -> None:
        self.placeholder_text = text
        self.setProperty("placeholderText", text)
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.placeholder_text and self.table_model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(16, 16, -16, -16)
            # Near the top, where the first row will appear; wrapped on a narrow table.
            painter.drawText(
                QRect(area),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                self.placeholder_text,
            )
            painter.end()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_text_columns()

    def fit_text_columns(self) -> None:
        """Give the text columns the room the number columns leave, by their weights."""
        columns = self.table_model.COLUMNS
        text = [i for i in range(len(columns)) if i not in self._fixed_widths]
        if not text:
            return
        header = self.horizontalHeader()
        minimum = 6 * self.fontMetrics().averageCharWidth()
        room = self.viewport().width()
        fixed = dict(self._fixed_widths)
        # On a narrow screen the number columns give up their titles' room first (down to what
        # their values need), so the text columns keep a readable width and nothing scrolls.
        over = sum(fixed.values()) + minimum * len(text) - room
        if over > 0:
            slack = {i: fixed[i] - self._least_widths[i] for i in fixed}
            total = sum(slack.values())
            if total > 0:
                for i in fixed:
                    fixed[i] -= min(slack[i], -(-over * slack[i] // total))
        for i, width in fixed.items():
            if header.sectionSize(i) != width:
                header.resizeSection(i, width)
        # Each text column gets its minimum, and what is left goes by the columns' weights.
        spare = max(room - sum(fixed.values()) - minimum * len(text), 0)
        weights = sum(max(columns[i].width, 1) for i in text)
        for i in text:
            header.resizeSection(i, minimum + spare * max(columns[i].width, 1) // weights)

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

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.selectionModel().selectedRows()}
        current = self.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return sorted(rows)

    def remove_current(self) -> None:
        """Remove the selected rows (or the current one) as one undoable step."""
        rows = self.selected_rows()
        if not rows:
            return
        column = max(self.currentIndex().column(), 0)
        stack = self.table_model.doc.undo_stack
        name = self.table_model.ITEM_NAME
        if len(rows) > 1:
            stack.beginMacro(f"Remove {len(rows)} {name}s")
        try:
            # From the bottom up, so the rows still to remove keep their numbers.
            for row in reversed(rows):
                self.table_model.remove_row(row)
        finally:
            if len(rows) > 1:
                stack.endMacro()
        left = self.table_model.rowCount()
        if left:
            self.setCurrentIndex(self.table_model.index(min(rows[0], left - 1), column))

    def move_current(self, delta: int) -> None:
        current = self.currentIndex()
        if current.isValid():
            row = self.table_model.move_row(current.row(), delta)
            self.setCurrentIndex(self.table_model.index(row, current.column()))
