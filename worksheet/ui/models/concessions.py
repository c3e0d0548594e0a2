"""Concessions: what we can give besides price, its cost, its value to them, and the trade."""

from __future__ import annotations

from typing import Any

from worksheet.domain.deal import Concession
from worksheet.present.forms import ITEM_NAMES, column
from worksheet.ui.document import DealDocument, FieldPath
from worksheet.ui.models.base import Column, ListTableModel

#: Its column titles, help and item name are in `worksheet/present/forms.py`.
LIST = ("concessions",)


class ConcessionsModel(ListTableModel):
    WHAT, COST, VALUE, ASK, IN_PACKAGE, ORDER, NOTES = range(7)
    COLUMNS = (
        Column("what", **column(LIST, "what"), width=3),
        Column("cost_to_us", **column(LIST, "cost_to_us"), kind="money"),
        Column("value_to_them", **column(LIST, "value_to_them"), kind="money"),
        Column("ask_in_return", **column(LIST, "ask_in_return"), width=2),
        # not an attribute: membership of the active package
        Column("in_package", **column(LIST, "in_package"), kind="bool"),
        Column("order", **column(LIST, "order"), kind="int"),
        Column("notes", **column(LIST, "notes"), width=2),
    )
    LIST_PATH = LIST
    ITEM_NAME = ITEM_NAMES[LIST]
    KEEP_FIELD = "order"

    def __init__(self, doc: DealDocument, parent=None):
        super().__init__(doc, parent)
        # The tick column shows the active package: follow it and its list.
        doc.valueSet.connect(self._on_package_value)
        doc.listChanged.connect(lambda path, *_: self._on_package_value(path))

    def new_item(self) -> Concession:
        return Concession(id=self.doc.deal.new_concession_id())

    def value(self, row: int, column: int) -> Any:
        if column == self.IN_PACKAGE:
            return self.doc.deal.in_active(self.items[row])
        return super().value(row, column)

    def push_value(self, row: int, column: int, value: Any, *, label: str, merge: bool) -> None:
        if column == self.IN_PACKAGE:
            from worksheet.ui.package_edits import set_in_active

            set_in_active(self.doc, self.items[row].id, bool(value))
            return
        super().push_value(row, column, value, label=label, merge=merge)

    def remove_row(self, row: int) -> None:
        from worksheet.ui.package_edits import remove_concession

        remove_concession(self.doc, row, label=f"Remove {self.ITEM_NAME}")

    def _on_package_value(self, path: FieldPath) -> None:
        if path[:1] not in (("packages",), ("active_package",)) or not self.rowCount():
            return
        col = self.IN_PACKAGE
        self.dataChanged.emit(self.index(0, col), self.index(self.rowCount() - 1, col))
