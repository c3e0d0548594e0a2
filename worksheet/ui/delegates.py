"""Table cell editing: amounts (locale parser), choices, dates and whole numbers.

A bad entry never reaches the model: the delegate says why (signal + tooltip at the cell).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from worksheet.domain.deal import TEXT_LIMIT
from worksheet.i18n import _
from worksheet.ui.models.base import KindRole, ListTableModel, ValueRole
from worksheet.ui.widgets.text_limit import limit_characters

_Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """One delegate for every column of a ListTableModel; the column's kind picks the editor."""

    #: A message for people when an edit was refused (shown in the status bar by the window).
    inputRefused = Signal(str)

    # ------------------------------------------------------------------ check boxes, centred

    @staticmethod
    def _check_rect(option: QStyleOptionViewItem) -> QRect:
        """A tick box in the middle of its cell: a narrow column reads as one clear mark."""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        size = style.subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, option.widget
        ).size()
        return QStyle.alignedRect(option.direction, Qt.AlignmentFlag.AlignCenter, size, option.rect)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if index.data(KindRole) != "bool":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        box = QStyleOptionViewItem(opt)
        # The cell (selection, alternate rows, focus) without its own left-aligned box...
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        # ...then the box in the middle.
        box.rect = self._check_rect(box)
        box.state &= ~QStyle.StateFlag.State_HasFocus
        checked = box.checkState == Qt.CheckState.Checked
        box.state |= QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, box, painter, opt.widget
        )

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        kind = event.type()
        mouse = (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        )
        if index.data(KindRole) != "bool" or kind not in mouse:
            return super().editorEvent(event, model, option, index)  # Space still ticks
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        inside = self._check_rect(opt).contains(event.position().toPoint())  # type: ignore[attr-defined]
        if not inside or event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return False
        if kind == QEvent.Type.MouseButtonRelease:
            checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            return model.setData(index, new, Qt.ItemDataRole.CheckStateRole)
        return True  # press and double-click on the box belong to the box

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
        limit_characters(edit, TEXT_LIMIT)
        if column is not None:
            edit.setAccessibleName(column.title)
        if kind == "money":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setPlaceholderText("e.g. 92,000")
        elif kind == "datetime":
            edit.setPlaceholderText("YYYY-MM-DD HH:MM")
        elif kind == "int":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if isinstance(model, ListTableModel) and column is not None:
            self._watch_pending(edit, model, column)
        return edit

    def _watch_pending(self, edit: QLineEdit, model: ListTableModel, column) -> None:
        """Let Save and Export commit an open cell first, or refuse while it does not read."""

        def commit_pending() -> None:
            view = edit.parent()
            while view is not None and not isinstance(view, QAbstractItemView):
                view = view.parent()
            if view is not None and pending_problem() is None:
                view.commitData(edit)  # only the view that owns the editor

        def pending_problem() -> tuple[str, str] | None:
            try:
                model.convert(column, edit.text())
            except ValueError as exc:
                return _(column.title), _("“{text}” is not accepted ({problem})").format(
                    text=edit.text().strip(), problem=exc
                )
            return None

        edit.commitPending = commit_pending  # type: ignore[attr-defined]
        edit.pendingProblem = pending_problem  # type: ignore[attr-defined]

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
