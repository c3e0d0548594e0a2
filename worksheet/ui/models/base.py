"""A thin table model over one list in the deal; edits become undo commands on the document."""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from worksheet.domain.deal import LIST_LIMIT, TEXT_LIMIT
from worksheet.i18n import _
from worksheet.io.document import parse_datetime
from worksheet.present.forms import edit_step
from worksheet.present.numbers import format_money
from worksheet.ui.document import DealDocument, FieldPath
from worksheet.ui.undo import InsertItem, RemoveItem, SetValue, SwapItems

_Index = QModelIndex | QPersistentModelIndex

#: Custom role: the raw domain value of a cell (Decimal, bool, str, int or None).
ValueRole = Qt.ItemDataRole.UserRole + 1
#: Custom role: the column's kind ("text", "money", "bool", "choice", "int", "datetime").
KindRole = Qt.ItemDataRole.UserRole + 2


def read_amount(text: str, *, allow_negative: bool = False) -> Decimal | None:
    """Parse an amount as typed in the user's locale (MoneyField's parser); ValueError if bad."""
    from PySide6.QtCore import QLocale

    from worksheet.ui.widgets.money_field import parse_amount

    locale = QLocale()
    return parse_amount(
        text, locale.decimalPoint(), locale.groupSeparator(), allow_negative=allow_negative
    )


@dataclass(frozen=True)
class Column:
    key: str | None  # attribute of the item; None when the item is the value (questions)
    title: str
    kind: str = "text"
    #: For "choice": (stored value, label) pairs.
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    allow_negative: bool = False
    #: For text columns: their share of the free width, relative to the other text columns.
    width: int = 1


class ListTableModel(QAbstractTableModel):
    """Rows are the items of `doc.get(list_path)`; columns come from `COLUMNS`."""

    COLUMNS: tuple[Column, ...] = ()
    LIST_PATH: FieldPath = ()
    ITEM_NAME = "row"

    def __init__(self, doc: DealDocument, parent=None):
        super().__init__(parent)
        self.doc = doc
        doc.dealReplaced.connect(self._on_replaced)
        doc.valueSet.connect(self._on_value_set)
        doc.listAboutToChange.connect(self._on_list_about)
        doc.listChanged.connect(self._on_list_changed)

    # ------------------------------------------------------------------ factory hooks

    def new_item(self) -> Any:
        raise NotImplementedError

    # ------------------------------------------------------------------ reading

    @property
    def items(self) -> list:
        return self.doc.get(self.LIST_PATH)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def column_of(self, key: str | None) -> int:
        for i, col in enumerate(self.COLUMNS):
            if col.key == key:
                return i
        raise KeyError(key)

    def value(self, row: int, column: int) -> Any:
        item = self.items[row]
        key = self.COLUMNS[column].key
        return item if key is None else getattr(item, key)

    def cell_path(self, row: int, column: int) -> FieldPath:
        key = self.COLUMNS[column].key
        return (*self.LIST_PATH, row) if key is None else (*self.LIST_PATH, row, key)

    def display(self, column: Column, value: Any) -> str:
        if column.kind == "money":
            return "" if value is None else format_money(value, self.doc.deal.currency)
        if column.kind == "choice":
            return dict(column.choices).get(value, str(value))
        if column.kind == "int":
            return "" if value is None else str(value)
        if column.kind == "bool":
            return ""
        if column.kind == "datetime":
            return str(value).replace("T", " ")
        # One line in a cell; the tooltip shows the whole text.
        return str(value).replace("\n", " ⏎ ")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        column = self.COLUMNS[index.column()]
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(column, value)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind == "money":
                return "" if value is None else format(value, "f")
            if column.kind == "int":
                return "" if value is None else str(value)
            return value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("money", "int"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "text" and value:
            text = str(value)
            text = text if len(text) <= 2000 else text[:2000] + "…"
            # Tooltips guess at HTML; escaping keeps "<b>" in a concession as the user typed it.
            return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _("{column}: {value}").format(
                column=_(column.title), value=self.display(column, value) or _("empty")
            )
        if role == ValueRole:
            return value
        if role == KindRole:
            return column.kind
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            column = self.COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _(column.title)
            if role == Qt.ItemDataRole.ToolTipRole:
                title = _(column.title)
                about = _(column.help)
                if column.kind == "money":
                    about = _("{help} In {currency}.").format(
                        help=about, currency=self.doc.deal.currency
                    )
                about = about.strip()
                # The whole title first: a narrow column shows it cut short.
                return _("{column}: {value}").format(column=title, value=about) if about else title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.COLUMNS[index.column()].kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    # ------------------------------------------------------------------ writing

    def convert(self, column: Column, value: Any) -> Any:
        """Turn an edited value into the domain value; raise ValueError with a message if bad."""
        if column.kind == "money":
            if value is None or isinstance(value, Decimal):
                amount = value
            else:
                amount = read_amount(str(value), allow_negative=column.allow_negative)
            if amount is not None and amount < 0 and not column.allow_negative:
                raise ValueError(_("{column} cannot be negative.").format(column=_(column.title)))
            return amount
        if column.kind == "bool":
            if isinstance(value, Qt.CheckState):
                return value == Qt.CheckState.Checked
            if isinstance(value, int) and not isinstance(value, bool):
                return value == Qt.CheckState.Checked.value
            return bool(value)
        if column.kind == "choice":
            allowed = [v for v, _unused in column.choices]
            if value not in allowed:
                raise ValueError(
                    _("{column}: choose one of the listed options.").format(column=_(column.title))
                )
            return value
        if column.kind == "int":
            text = str(value or "").strip()
            if not text:
                return None
            if not text.lstrip("-").isdigit() or len(text) > 9:
                raise ValueError(
                    _("{column} must be a whole number, or empty.").format(column=_(column.title))
                )
            return int(text)
        text = "" if value is None else str(value)
        if column.kind == "datetime" and text.strip() and parse_datetime(text.strip()) is None:
            raise ValueError(
                _("{column}: write a date like 2027-01-14 or 2027-01-14 15:30.").format(
                    column=_(column.title)
                )
            )
        if column.kind == "datetime":
            text = text.strip()
        if len(text) > TEXT_LIMIT:
            raise ValueError(
                _("{column} can hold at most {limit} characters.").format(
                    column=_(column.title), limit=f"{TEXT_LIMIT:,}"
                )
            )
        return text

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind != "bool":
            return False
        if role not in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.CheckStateRole):
            return False
        try:
            new = self.convert(column, value)
        except ValueError:
            return False  # the delegate has already told the user why
        if new == self.value(index.row(), index.column()):
            return True
        self.push_value(
            index.row(), index.column(), new, label=edit_step(column.title), merge=False
        )
        return True

    def push_value(self, row: int, column: int, value: Any, *, label: str, merge: bool) -> None:
        """Make one cell hold `value`, as an undo step (a model may route a column elsewhere)."""
        self.doc.push(
            SetValue(self.doc, self.cell_path(row, column), value, label=label, merge=merge)
        )

    def can_add(self) -> bool:
        return len(self.items) < LIST_LIMIT

    def add_row(self, row: int | None = None) -> int:
        """Add a new item (after `row`, or at the end); returns its row. Undoable."""
        if not self.can_add():
            raise ValueError(f"A list can hold at most {LIST_LIMIT:,} rows.")
        at = len(self.items) if row is None else max(0, min(row, len(self.items)))
        self.doc.push(
            InsertItem(self.doc, self.LIST_PATH, at, self.new_item(), label=f"Add {self.ITEM_NAME}")
        )
        return at

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.doc.push(
                RemoveItem(self.doc, self.LIST_PATH, row, label=f"Remove {self.ITEM_NAME}")
            )

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns its new row, or the same if it cannot move."""
        if delta not in (-1, 1):
            raise ValueError("rows move one step at a time")
        other = row + delta
        if not (0 <= row < len(self.items) and 0 <= other < len(self.items)):
            return row
        self.doc.push(
            SwapItems(
                self.doc,
                self.LIST_PATH,
                row,
                other,
                keep_field=self.KEEP_FIELD,
                label=f"Move {self.ITEM_NAME}",
            )
        )
        return other

    #: A field that stays with the row position when rows are moved (see SwapItems).
    KEEP_FIELD: str | None = None

    # ------------------------------------------------------------------ document signals

    def _mine(self, path: FieldPath) -> bool:
        n = len(self.LIST_PATH)
        return tuple(path[:n]) == self.LIST_PATH

    def _on_replaced(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_value_set(self, path: FieldPath) -> None:
        n = len(self.LIST_PATH)
        if path == ("currency",):
            # Money cells and headers show the currency.
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
            if self.rowCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, len(self.COLUMNS) - 1)
                )
            return
        if not self._mine(path) or len(path) <= n or not isinstance(path[n], int):
            return
        row = path[n]
        key = path[n + 1] if len(path) > n + 1 else None
        try:
            col = self.column_of(key)
        except KeyError:
            return
        index = self.index(row, col)
        self.dataChanged.emit(index, index)

    def _on_list_about(self, path: FieldPath, op: str, first: int, second: int) -> None:
        if tuple(path) != self.LIST_PATH:
            return
        if op == "insert":
            self.beginInsertRows(QModelIndex(), first, first)
        elif op == "remove":
            self.beginRemoveRows(QModelIndex(), first, first)
        elif op == "swap":
            # Moving the upper row below the lower: Qt wants the row to insert before.
            self.beginMoveRows(QModelIndex(), first, first, QModelIndex(), second + 1)

    def _on_list_changed(self, path: FieldPath, op: str, first: int, second: int) -> None:
        if tuple(path) != self.LIST_PATH:
            return
        if op == "insert":
            self.endInsertRows()
        elif op == "remove":
            self.endRemoveRows()
        elif op == "swap":
            self.endMoveRows()
            if self.KEEP_FIELD is not None:
                col = self.column_of(self.KEEP_FIELD)
                self.dataChanged.emit(self.index(first, col), self.index(second, col))
