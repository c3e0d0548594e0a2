"""Table cell editing: amounts (locale parser), choices, dates and whole numbers.

A bad entry never reaches the model: the delegate says why (signal + tooltip at the cell).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from worksheet.domain.deal import TEXT_LIMIT
from worksheet.ui.models.base import KindRole, ListTableModel, ValueRole

_Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """One delegate for every column of a ListTableModel; the column's kind picks the editor."""

    #: A message for people when an edit was refused (shown in the status bar by the window).
    inputRefused = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        model = index.model()
        kind = index.data(KindRole)
        column = model.COLUMNS[index.column()] if isinstance(model, ListTableModel) else None
        if kind == "choice" and column is not None:
            combo = QComboBox(parent)
            for value, label in column.choices:
                combo.addItem(label, value)
            combo.setAccessibleName(column.title)
            return combo
        edit = QLineEdit(parent)
        edit.setFrame(False)
        edit.setMaxLength(TEXT_LIMIT)
        if column is not None:
            edit.setAccessibleName(column.title)
        if kind == "money":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setPlaceholderText("e.g. 92,000")
        elif kind == "datetime":
            edit.setPlaceholderText("YYYY-MM-DD HH:MM")
        elif kind == "int":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return edit

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(ValueRole)
        kind = index.data(KindRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
            return
        if isinstance(editor, QLineEdit):
            if kind == "money":
                from worksheet.ui.widgets.money_field import format_amount_for_locale

                text = (
                    ""
                    if value is None
                    else format_amount_for_locale(Decimal(value), editor.locale())
                )
            elif kind == "datetime":
                text = str(value or "").replace("T", " ")
            else:
                text = index.data(Qt.ItemDataRole.EditRole) or ""
            editor.setText(str(text))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QLineEdit) and isinstance(model, ListTableModel):
            column = model.COLUMNS[index.column()]
            text = editor.text()
            try:
                model.convert(column, text)
            except ValueError as exc:
                message = str(exc)
                if not message.startswith(column.title):
                    message = f"{column.title}: {message}"
                self.refuse(editor, f"{message} The cell keeps its previous value.")
                return
            model.setData(index, text, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def refuse(self, editor: QWidget, message: str) -> None:
        """Tell the user why the cell kept its old value."""
        view = editor.parent()
        while view is not None and not isinstance(view, QAbstractItemView):
            view = view.parent()
        anchor = editor.mapToGlobal(editor.rect().bottomLeft())
        QToolTip.showText(anchor, message, view if isinstance(view, QWidget) else editor)
        self.inputRefused.emit(message)
