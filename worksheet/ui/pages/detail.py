"""The detail editor under a table: the selected row's fields at full width, long texts whole.

Cells show one line each; this panel is where people read and edit what they wrote. It edits
through the same undo commands as the table (one SetValue per field, typing merges into one
step) and follows the document's change signals, so table and panel never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from worksheet.domain.deal import TEXT_LIMIT
from worksheet.i18n import _
from worksheet.ui.models.base import Column, ListTableModel
from worksheet.ui.pages.table import TableView
from worksheet.ui.widgets.money_field import MoneyField
from worksheet.ui.widgets.text_limit import limit_characters

_Index = QModelIndex | QPersistentModelIndex


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _RowForm(QWidget):
    """The fields of one model's row. Built once per table, then re-pointed at rows."""

    def __init__(
        self,
        view: TableView,
        report: Callable[[str], None],
        *,
        side_by_side: bool,
        lines: int,
    ):
        super().__init__()
        self.view = view
        self.model: ListTableModel = view.table_model
        self.doc = self.model.doc
        self.report = report
        self.row = -1
        #: The column the user is typing into: the document's echo must not rewrite it.
        self._echo: int | None = None
        self._loading = False
        self.fields: dict[int, QWidget] = {}
        self._refreshers: dict[int, Callable[[Any], None]] = {}

        columns = self.model.COLUMNS
        if side_by_side:
            grid = QGridLayout(self)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(3)
            for i, column in enumerate(columns):
                field = self._make_field(i, column, lines)
                caption = _caption(_(column.title))
                caption.setBuddy(field.focusProxy() or field)
                grid.addWidget(caption, 0, i)
                grid.addWidget(field, 1, i, Qt.AlignmentFlag.AlignTop)
                grid.setColumnStretch(i, max(column.width, 1) if column.kind == "text" else 0)
        else:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.setHorizontalSpacing(12)
            form.setVerticalSpacing(6)
            # Long texts get a full-width row each; the short fields between them share a line.
            i = 0
            while i < len(columns):
                column = columns[i]
                if column.kind == "text":
                    field = self._make_field(i, column, lines)
                    caption = _caption(_(column.title))
                    caption.setBuddy(field)
                    form.addRow(caption, field)
                    i += 1
                    continue
                line = QHBoxLayout()
                line.setSpacing(8)
                first: QLabel | None = None
                # Two short fields to a line at most (an amount, being wide, has its own), so
                # the panel fits the narrow page of a laptop with the summary beside it.
                room = 2
                while i < len(columns) and columns[i].kind != "text":
                    column = columns[i]
                    need = 2 if column.kind == "money" else 1
                    if need > room:
                        break
                    room -= need
                    field = self._make_field(i, column, lines)
                    if column.kind == "bool":
                        line.addWidget(field)  # a checkbox carries its own words
                    else:
                        caption = _caption(_(column.title))
                        caption.setBuddy(field.focusProxy() or field)
                        if first is None and line.count() == 0:
                            first = caption  # the row's caption, in the label column
                        else:
                            line.addSpacing(10)
                            line.addWidget(caption)
                        line.addWidget(field)
                    i += 1
                line.addStretch(1)
                form.addRow(first or QLabel(""), line)
        self.setEnabled(False)

    # ------------------------------------------------------------------ fields

    def _make_field(self, i: int, column: Column, lines: int) -> QWidget:
        widget: QWidget
        if column.kind == "text":
            widget = self._text_field(i, column, lines)
        elif column.kind == "money":
            widget = self._money_field(i, column)
        elif column.kind == "bool":
            widget = self._check_field(i, column)
        elif column.kind == "choice":
            widget = self._choice_field(i, column)
        else:
            widget = self._line_field(i, column)
        widget.setToolTip(column.help)
        self.fields[i] = widget
        return widget

    def _text_field(self, i: int, column: Column, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setUndoRedoEnabled(False)  # the window's undo stack owns undo
        edit.setAccessibleName(column.title)
        edit.setAccessibleDescription(column.help)
        edit.setPlaceholderText(column.help)
        margins = edit.contentsMargins()
        frame = 2 * edit.frameWidth() + margins.top() + margins.bottom() + 8
        # A few lines in view; longer text scrolls inside the box.
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + frame)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        edit.setMinimumWidth(12 * edit.fontMetrics().averageCharWidth())

        def on_change() -> None:
            if self._loading:
                return
            text = edit.toPlainText()
            if len(text) > TEXT_LIMIT:
                text = text[:TEXT_LIMIT]
                self.report(
                    f"{column.title} was cut to {TEXT_LIMIT:,} characters, the most a field holds."
                )
                self._set_quietly(lambda: edit.setPlainText(text))
            self._push(i, text)

        def refresh(value: Any) -> None:
            text = "" if value is None else str(value)
            if edit.toPlainText() != text:
                self._set_quietly(lambda: edit.setPlainText(text))

        edit.textChanged.connect(on_change)
        self._refreshers[i] = refresh
        return edit

    def _money_field(self, i: int, column: Column) -> MoneyField:
        field = MoneyField(column.title)
        field.setAllowNegative(column.allow_negative)
        field.setPlaceholderText("not set")
        field.setMaximumWidth(field.fontMetrics().horizontalAdvance("0") * 14 + 50)
        field.lineEdit().setMinimumWidth(field.fontMetrics().horizontalAdvance("0,000,000") + 12)
        field.setAccessibleDescription(column.help)
        field.amountEdited.connect(lambda amount: self._push(i, amount))

        def refresh(value: Any) -> None:
            field.setCurrency(self.doc.deal.currency)
            if field.lineEdit().hasFocus() and field.isValid() and field.amount() == value:
                return  # says this amount already, perhaps in the user's own spelling
            field.setAmount(value)

        self._refreshers[i] = refresh
        return field

    def _check_field(self, i: int, column: Column) -> QCheckBox:
        box = QCheckBox(column.title)
        box.setAccessibleDescription(column.help)
        box.toggled.connect(lambda on: None if self._loading else self._push(i, bool(on)))

        def refresh(value: Any) -> None:
            if box.isChecked() != bool(value):
                self._set_quietly(lambda: box.setChecked(bool(value)))

        self._refreshers[i] = refresh
        return box

    def _choice_field(self, i: int, column: Column) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(column.title)
        for value, label in column.choices:
            combo.addItem(label, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.activated.connect(lambda n: self._push(i, combo.itemData(n)))

        def refresh(value: Any) -> None:
            found = combo.findData(value)
            if found >= 0 and combo.currentIndex() != found:
                self._set_quietly(lambda: combo.setCurrentIndex(found))

        self._refreshers[i] = refresh
        return combo

    def _line_field(self, i: int, column: Column) -> QLineEdit:
        """Whole numbers and dates: checked as typed, kept only when they read right."""
        edit = QLineEdit()
        edit.setAccessibleName(column.title)
        limit_characters(edit, 40)
        chars = 10 if column.kind == "int" else 20
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0") * chars + 16)
        # Never narrower than what it holds: a cut-off date or number would mislead.
        shown = "0000000" if column.kind == "int" else "2027-01-14 15:30"
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(shown) + 16)
        if column.kind == "int":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        else:
            edit.setPlaceholderText("YYYY-MM-DD HH:MM")

        # What the row held when this edit began: half-typed text puts it back, so a valid
        # prefix typed on the way ("12" of "12a") is never what the deal keeps.
        baseline: list = []

        def on_edit(text: str) -> None:
            if not baseline and 0 <= self.row < self.model.rowCount():
                baseline.append(self.model.value(self.row, i))
            try:
                value = self.model.convert(column, text)
            except ValueError as exc:
                edit.setToolTip(str(exc))
                if baseline:
                    self._push(i, baseline[0])
                return
            edit.setToolTip(column.help)
            self._push(i, value)

        def on_finished() -> None:
            try:
                self.model.convert(column, edit.text())
            except ValueError as exc:
                if 0 <= self.row < self.model.rowCount():
                    self.report(f"{exc} It keeps its previous value.")
                    refresh(self.model.value(self.row, i))
            baseline.clear()

        def refresh(value: Any) -> None:
            baseline.clear()
            text = "" if value is None else str(value).replace("T", " ")
            if edit.text() != text:
                edit.setText(text)

        def pending_problem() -> tuple[str, str] | None:
            if not (0 <= self.row < self.model.rowCount()):
                return None
            try:
                self.model.convert(column, edit.text())
            except ValueError as exc:
                return _(column.title), _("“{text}” is not accepted ({problem})").format(
                    text=edit.text().strip(), problem=exc
                )
            return None

        edit.pendingProblem = pending_problem  # type: ignore[attr-defined]

        edit.textEdited.connect(on_edit)
        edit.editingFinished.connect(on_finished)
        self._refreshers[i] = refresh
        return edit

    # ------------------------------------------------------------------ binding

    def _set_quietly(self, change: Callable[[], None]) -> None:
        self._loading = True
        try:
            change()
        finally:
            self._loading = False

    def _push(self, column: int, value: Any) -> None:
        if self._loading or not (0 <= self.row < self.model.rowCount()):
            return
        if self.model.value(self.row, column) == value:
            return
        title = self.model.COLUMNS[column].title
        self._echo = column
        try:
            self.model.push_value(
                self.row, column, value, label=f"Edit {title.lower()}", merge=True
            )
        finally:
            self._echo = None

    def show_row(self, row: int) -> None:
        """Show `row` (or nothing, for -1) in the fields."""
        if not (0 <= row < self.model.rowCount()):
            row = -1
        self.row = row
        self.setEnabled(row >= 0)
        for i, refresh in self._refreshers.items():
            refresh(None if row < 0 else self.model.value(row, i))

    def refresh_columns(self, first: int, last: int) -> None:
        if not (0 <= self.row < self.model.rowCount()):
            return
        for i in range(first, last + 1):
            if i != self._echo and i in self._refreshers:
                self._refreshers[i](self.model.value(self.row, i))


class DetailEditor(QFrame):
    """A panel that shows the current row of one (or several) tables in full."""

    def __init__(
        self,
        report: Callable[[str], None],
        *,
        side_by_side: bool = False,
        lines: int = 2,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("detail-editor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.report = report
        self.side_by_side = side_by_side
        self.lines = lines
        self.forms: dict[int, _RowForm] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 10)
        outer.setSpacing(6)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self.stack = QStackedLayout()
        outer.addLayout(self.stack)
        self.current: _RowForm | None = None

    def attach(self, view: TableView) -> _RowForm:
        """Follow `view`'s current row. With several tables the panel shows the last one used."""
        form = _RowForm(view, self.report, side_by_side=self.side_by_side, lines=self.lines)
        self.forms[id(view)] = form
        self.stack.addWidget(form)
        model = form.model
        view.detail = self  # type: ignore[attr-defined]

        def follow(current: _Index, _previous: object = None) -> None:
            self._show(form, current.row() if current.isValid() else -1)

        def reload(*_args: object) -> None:
            # Rows came or went: the form follows its table's current row even while another
            # table's form is on show, so it never points past the end of its list.
            index = view.currentIndex()
            form.show_row(index.row() if index.isValid() else -1)
            if self.current is form:
                self._update_title()

        def changed(top: _Index, bottom: _Index, _roles: object = None) -> None:
            if top.row() <= form.row <= bottom.row():
                form.refresh_columns(top.column(), bottom.column())

        view.selectionModel().currentChanged.connect(follow)
        model.dataChanged.connect(changed)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(reload)
        if self.current is None:
            self._show(form, -1)
        return form

    def form_for(self, view: TableView) -> _RowForm:
        return self.forms[id(view)]

    def _show(self, form: _RowForm, row: int) -> None:
        self.current = form
        self.stack.setCurrentWidget(form)
        form.show_row(row)
        self._update_title()

    def _update_title(self) -> None:
        form = self.current
        if form is None:
            return
        name = form.model.ITEM_NAME
        if form.row < 0:
            article = "an" if name[:1] in "aeiou" else "a"
            self.title.setText(f"Select {article} {name} to read and edit it in full here.")
            self.title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        else:
            self.title.setText(f"{name.capitalize()} {form.row + 1}")
            self.title.setForegroundRole(QPalette.ColorRole.WindowText)
