"""Packages side by side: one column per package, one row per figure and per concession.

The figures come from the summary (spec §2.5), computed once per edit and only when a cell is
painted; every edit goes through `ui/package_edits.py`, so it is one undo step.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from worksheet.domain.deal import TEXT_LIMIT
from worksheet.domain.summary import PackageSummary, Summary
from worksheet.i18n import _
from worksheet.present.numbers import format_money
from worksheet.present.packages import FIGURES as WORDS
from worksheet.present.packages import NOT_DESCRIBED, figure_text, package_name
from worksheet.ui import package_edits as edits
from worksheet.ui.document import DealDocument, FieldPath
from worksheet.ui.models.base import KindRole, ValueRole, read_amount

_Index = QModelIndex | QPersistentModelIndex

#: The fixed rows above the concessions: (key, label, kind, help); words from present.
_KINDS = {"active": "bool", "name": "text", "ask": "money"}
FIGURES: tuple[tuple[str, str, str, str], ...] = tuple(
    (key, label, _KINDS.get(key, "figure"), help_text) for key, label, help_text in WORDS
)
ACTIVE, NAME, ASK = 0, 1, 2
FIRST_CONCESSION = len(FIGURES)


class PackagesModel(QAbstractTableModel):
    """Columns are `deal.packages`; rows are FIGURES, then one tick row per concession."""

    #: A refused edit, in words for the status bar.
    message = Signal(str)

    def __init__(self, doc: DealDocument, parent=None):
        super().__init__(parent)
        self.doc = doc
        #: Each package's concession ids as a set, for the tick rows; rebuilt after an edit.
        self._members: list[set[str]] | None = None
        doc.dealReplaced.connect(self._reset)
        doc.edited.connect(self._on_edited)
        doc.valueSet.connect(self._on_value)
        doc.listAboutToChange.connect(self._on_list_about)
        doc.listChanged.connect(self._on_list_changed)

    # ------------------------------------------------------------------ reading

    @property
    def summary(self) -> Summary:
        return self.doc.summary()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_CONCESSION + len(self.doc.deal.concessions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.doc.deal.packages)

    def kind(self, row: int) -> str:
        return FIGURES[row][2] if row < FIRST_CONCESSION else "bool"

    def figure(self, column: int) -> PackageSummary:
        return self.summary.packages[column]

    def value(self, row: int, column: int) -> Any:
        deal = self.doc.deal
        package = deal.packages[column]
        if row == ACTIVE:
            return package.id == deal.active_package
        if row == NAME:
            return package.name
        if row == ASK:
            return package.ask
        if row < FIRST_CONCESSION:
            return getattr(self.figure(column), FIGURES[row][0])
        if self._members is None:
            self._members = [set(p.concessions) for p in deal.packages]
        return deal.concessions[row - FIRST_CONCESSION].id in self._members[column]

    def display(self, row: int, column: int) -> str:
        value = self.value(row, column)
        key = FIGURES[row][0] if row < FIRST_CONCESSION else ""
        currency = self.doc.deal.currency
        if key in ("active",) or row >= FIRST_CONCESSION:
            return ""
        if key == "name":
            return package_name(self.doc.deal.packages[column])
        if key == "ask":
            return "" if value is None else format_money(value, currency)
        return figure_text(key, self.figure(column), currency)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= self.columnCount():
            return None
        row, column = index.row(), index.column()
        if row >= self.rowCount():
            return None
        kind = self.kind(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            value = self.value(row, column)
            if kind == "money":
                return "" if value is None else format(value, "f")
            return value
        if role == Qt.ItemDataRole.CheckStateRole and kind == "bool":
            return Qt.CheckState.Checked if self.value(row, column) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("money", "figure"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            name = self.doc.deal.packages[column].name or self.doc.deal.packages[column].id
            label = self.row_label(row)
            if kind == "bool":
                state = _("yes") if self.value(row, column) else _("no")
                return _("{package}, {row}: {state}").format(package=name, row=label, state=state)
            return _("{package}, {row}: {state}").format(
                package=name, row=label, state=self.display(row, column) or _("empty")
            )
        if role == ValueRole:
            return self.value(row, column)
        if role == KindRole:
            return "money" if kind == "money" else "bool" if kind == "bool" else "text"
        return None

    def row_label(self, row: int) -> str:
        if row < FIRST_CONCESSION:
            return _(FIGURES[row][1])
        c = self.doc.deal.concessions[row - FIRST_CONCESSION]
        text = (c.what.strip() or _(NOT_DESCRIBED)).replace("\n", " ")
        return text if len(text) <= 60 else text[:59] + "…"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        deal = self.doc.deal
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(deal.packages):
            package = deal.packages[section]
            if role == Qt.ItemDataRole.DisplayRole:
                name = package_name(package)
                return f"● {name}" if package.id == deal.active_package else name
            if role == Qt.ItemDataRole.ToolTipRole:
                if package.id == deal.active_package:
                    return _("{package} (active): click to make it the active package").format(
                        package=package.name or package.id
                    )
                return _("{package}: click to make it the active package").format(
                    package=package.name or package.id
                )
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount():
            if role == Qt.ItemDataRole.DisplayRole:
                return self.row_label(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                if section < FIRST_CONCESSION:
                    return _(FIGURES[section][3])
                what = self.doc.deal.concessions[section - FIRST_CONCESSION].what
                return html.escape(what[:2000]) or None  # tooltips read HTML: keep it text
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.kind(index.row())
        if kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if kind in ("text", "money"):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # ------------------------------------------------------------------ writing

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        package = self.doc.deal.packages[column]
        kind = self.kind(row)
        if role == Qt.ItemDataRole.CheckStateRole and kind == "bool":
            on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True)
            if row == ACTIVE:
                edits.make_active(self.doc, package.id if on else None)
            else:
                concession = self.doc.deal.concessions[row - FIRST_CONCESSION]
                edits.set_member(self.doc, package.id, concession.id, on)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if row == NAME:
            text = "" if value is None else str(value)
            if len(text) > TEXT_LIMIT:
                self.message.emit(
                    _("A name can hold at most {limit} characters.").format(limit=f"{TEXT_LIMIT:,}")
                )
                return False
            edits.rename_package(self.doc, package.id, text)
            return True
        if row == ASK:
            try:
                amount = (
                    value
                    if value is None or isinstance(value, Decimal)
                    else read_amount(str(value))
                )
            except ValueError as exc:
                self.message.emit(
                    _("Ask: {error} The cell keeps its previous value.").format(error=exc)
                )
                return False
            if amount is not None and amount < 0:
                self.message.emit(_("Ask: an ask cannot be negative. The cell keeps its value."))
                return False
            edits.set_ask(self.doc, package.id, amount)
            return True
        return False

    # ------------------------------------------------------------------ document signals

    def _reset(self) -> None:
        self.beginResetModel()
        self._members = None
        self.endResetModel()

    def _on_edited(self) -> None:
        # Any edit may move a figure: forget the summary, repaint the figure rows only.
        self._members = None
        columns = self.columnCount()
        if columns:
            self.dataChanged.emit(self.index(3, 0), self.index(FIRST_CONCESSION - 1, columns - 1))

    def _on_value(self, path: FieldPath) -> None:
        columns = self.columnCount()
        if not columns:
            return
        if path == ("active_package",):
            self.dataChanged.emit(self.index(ACTIVE, 0), self.index(ACTIVE, columns - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        elif path[:1] == ("packages",) and len(path) >= 3:
            column = path[1]
            if path[2] == "name":
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
            # Only a change of contents touches the tick rows; name and ask are one cell each.
            first = {"name": NAME, "ask": ASK}.get(path[2], 0)
            last = first if path[2] in ("name", "ask") else self.rowCount() - 1
            self.dataChanged.emit(self.index(first, column), self.index(last, column))
        elif path[:1] == ("concessions",) and len(path) >= 3 and path[2] == "what":
            row = FIRST_CONCESSION + path[1]
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

    def _on_list_about(self, path: FieldPath, op: str, first: int, second: int) -> None:
        if tuple(path) == ("packages",):
            if op == "insert":
                self.beginInsertColumns(QModelIndex(), first, first)
            elif op == "remove":
                self.beginRemoveColumns(QModelIndex(), first, first)
            elif op == "swap":
                self.beginMoveColumns(QModelIndex(), first, first, QModelIndex(), second + 1)
        elif tuple(path) == ("concessions",):
            row = FIRST_CONCESSION + first
            if op == "insert":
                self.beginInsertRows(QModelIndex(), row, row)
            elif op == "remove":
                self.beginRemoveRows(QModelIndex(), row, row)
            elif op == "swap":
                self.beginMoveRows(
                    QModelIndex(), row, row, QModelIndex(), FIRST_CONCESSION + second + 1
                )

    def _on_list_changed(self, path: FieldPath, op: str, first: int, second: int) -> None:
        if tuple(path) == ("packages",):
            self._members = None
            if op == "insert":
                self.endInsertColumns()
            elif op == "remove":
                self.endRemoveColumns()
            elif op == "swap":
                self.endMoveColumns()
        elif tuple(path) == ("concessions",):
            self._members = None
            if op == "insert":
                self.endInsertRows()
            elif op == "remove":
                self.endRemoveRows()
            elif op == "swap":
                self.endMoveRows()
