"""Thin models for the meeting view: the offer log with each offer's score, and the
concessions with their status at the table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from worksheet.domain.deal import CONCESSION_STATUSES
from worksheet.domain.meeting import OfferScore
from worksheet.i18n import N_, _
from worksheet.present import meeting as words
from worksheet.present.numbers import format_money
from worksheet.ui.document import DealDocument
from worksheet.ui.undo import SetValue

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole


MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def _time_of(at: str, today: str) -> str:
    """The clock time of an ISO date-time (`14:05`); with the day when it is not `today`."""
    if "T" not in at:
        return at[:16]
    day, clock = at.split("T", 1)
    if day == today or len(day) != 10:
        return clock[:5]
    try:
        month = _(MONTHS[int(day[5:7]) - 1])
    except (ValueError, IndexError):
        return at[:16]
    return f"{int(day[8:10])} {month} {clock[:5]}"


class OfferLogModel(QAbstractTableModel):
    """The offers, newest first, with their scores. Scores come from the view's one pass."""

    COLUMNS = (N_("When"), N_("Who"), N_("Amount"), N_("Score"))

    def __init__(self, doc: DealDocument, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.scores: tuple[OfferScore, ...] = ()

    def set_scores(self, scores: tuple[OfferScore, ...]) -> None:
        old = len(self.scores)
        new = len(scores)
        self.scores = scores
        if new == old + 1:
            # One offer logged: the newest is the first row; only it needs painting.
            self.beginInsertRows(QModelIndex(), 0, 0)
            self.endInsertRows()
        elif new == old - 1:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.scores)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section])
        return None

    def score_at(self, row: int) -> OfferScore:
        return self.scores[len(self.scores) - 1 - row]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        score = self.score_at(index.row())
        col = index.column()
        if role == DISPLAY:
            offers = self.doc.deal.offers
            offer = offers[score.index] if score.index < len(offers) else None
            if col == 0:
                newest = offers[-1].at.split("T", 1)[0] if offers else ""
                return _time_of(offer.at, newest) if offer else ""
            if col == 1:
                return words.BY_WORDS.get(score.by, score.by)
            if col == 2:
                return format_money(score.amount, self.doc.deal.currency)
            return " · ".join(words.score_words(score, self.doc.deal.currency))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ConcessionStatusModel(QAbstractTableModel):
    """Every concession with its status; changing a status is one undoable edit."""

    COLUMNS = (N_("Concession"), N_("Status"), N_("Asked in return"), words.IN_PACKAGE_HEADER)
    STATUS_COLUMN = 1
    PACKAGE_COLUMN = 3

    def __init__(self, doc: DealDocument, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        doc.valueSet.connect(self._on_value_set)
        doc.listChanged.connect(self._on_list_changed)
        doc.dealReplaced.connect(self._reset)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_list_changed(self, path, *_args) -> None:
        path = tuple(path)
        if path == ("concessions",):
            self._reset()
        elif path[:1] == ("packages",):
            self._package_column_changed()

    def _on_value_set(self, path) -> None:
        if len(path) >= 3 and path[0] == "concessions" and isinstance(path[1], int):
            row = path[1]
            if row < self.rowCount():
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        elif tuple(path[:1]) in (("packages",), ("active_package",)):
            self._package_column_changed()

    def _package_column_changed(self) -> None:
        """Another package chosen, or the active one's contents changed: mark rows anew."""
        if self.rowCount():
            column = self.PACKAGE_COLUMN
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.doc.deal.concessions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() == self.STATUS_COLUMN:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        c = self.doc.deal.concessions[index.row()]
        col = index.column()
        if col == self.PACKAGE_COLUMN:
            return self._package_data(c, role)
        if role == DISPLAY:
            if col == 0:
                return c.what or _("(unnamed)")
            if col == 1:
                return words.STATUS_LABELS.get(c.status, c.status)
            return c.ask_in_return
        if role == Qt.ItemDataRole.EditRole and col == 1:
            return c.status
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return words.STATUS_HELP.get(c.status, "")
        return None

    def _package_data(self, c, role: int) -> Any:
        """The In package cell: a tick and words for the active package's concessions."""
        inside = self.doc.deal.in_active(c)
        if role == DISPLAY:
            return words.IN_PACKAGE_YES if inside else words.IN_PACKAGE_NO
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            active = self.doc.deal.active()
            return words.in_package_help(inside, None if active is None else active.name)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 1 or value not in CONCESSION_STATUSES:
            return False
        row = index.row()
        if self.doc.deal.concessions[row].status == value:
            return False
        what = self.doc.deal.concessions[row].what or _("concession")
        self.doc.push(
            SetValue(
                self.doc,
                ("concessions", row, "status"),
                value,
                label=_("Mark “{what}” as {status}").format(
                    what=what, status=words.STATUS_LABELS[value]
                ),
                merge=False,
            )
        )
        return True

    def set_status(self, row: int, status: str) -> bool:
        return self.setData(self.index(row, 1), status)


class StatusDelegate(QStyledItemDelegate):
    """A choice of the five statuses, committed as soon as one is picked."""

    def createEditor(self, parent: QWidget, _option, _index) -> QWidget:
        combo = QComboBox(parent)
        for status in CONCESSION_STATUSES:
            combo.addItem(words.STATUS_LABELS[status], status)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData())
