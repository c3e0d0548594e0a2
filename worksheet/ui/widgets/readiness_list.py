"""The seven readiness checks, done or missing, each one a way to jump to the field it needs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from worksheet.domain.summary import READINESS_CODES, READINESS_LABELS, Check, Summary
from worksheet.i18n import _
from worksheet.present.words import readiness_word
from worksheet.ui.widgets.colors import accents, muted_text

CODE_ROLE = Qt.ItemDataRole.UserRole
DONE_ROLE = Qt.ItemDataRole.UserRole + 1
_ICON_SIZE = 14


class _CheckList(QListWidget):
    """A list that also treats Enter and Space on the current row as "go there"."""

    activatedByKey = Signal(QListWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            item = self.currentItem()
            if item is not None:
                self.activatedByKey.emit(item)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        item = self.currentItem() or self.item(0)
        if item is not None:
            self.setCurrentItem(item)  # show where Enter or Space will take the user
            item.setSelected(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # A highlighted row left behind would read as a state of the check; it is not.
        self.clearSelection()
        super().focusOutEvent(event)

    def sizeHint(self) -> QSize:
        rows = sum(self.sizeHintForRow(i) for i in range(self.count()))
        return QSize(super().sizeHint().width(), rows + 2 * self.frameWidth() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())


class ReadinessList(QWidget):
    """ "5 of 7 ready" and one row per check; `checkActivated(code)` when a row is chosen."""

    checkActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checks: tuple[Check, ...] = ()
        self._header = QLabel(self)
        self._header.setTextFormat(Qt.TextFormat.PlainText)
        header_font = QFont(self._header.font())
        header_font.setBold(True)
        self._header.setFont(header_font)

        self._list = _CheckList(self)
        self._list.setFrameShape(QFrame.Shape.NoFrame)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setWordWrap(True)
        self._list.setIconSize(QSize(_ICON_SIZE, _ICON_SIZE))
        self._list.setUniformItemSizes(True)
        self._list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._list.setAccessibleName(_("Readiness checks"))
        self._list.setAccessibleDescription(_("Choose a check to go to the field it needs."))
        # The viewport by name: `viewport()` hands PySide an object it has not wrapped yet, and
        # finding its Python type makes PySide build the enums of dozens of widget classes.
        viewport = self._list.findChild(
            QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly
        )
        (viewport or self._list.viewport()).setAutoFillBackground(False)
        self._list.setAutoFillBackground(False)
        self._list.itemClicked.connect(self._activate)
        self._list.activatedByKey.connect(self._activate)
        self._header.setBuddy(self._list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._header)
        layout.addWidget(self._list)
        self.setFocusProxy(self._list)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        # Start with every check missing, so the list has its full height before any summary.
        self._set_checks(tuple(Check(c, READINESS_LABELS[c], False) for c in READINESS_CODES))

    # --- public interface -------------------------------------------------------------------

    def setSummary(self, summary: Summary) -> None:
        if summary.readiness != self._checks:
            self._set_checks(summary.readiness)

    def listWidget(self) -> QListWidget:
        return self._list

    def headerText(self) -> str:
        return self._header.text()

    # --- internals ------------------------------------------------------------------------

    def _set_checks(self, checks: tuple[Check, ...]) -> None:
        self._checks = checks
        done = sum(1 for c in checks if c.done)
        header = _("{done} of {total} ready").format(done=done, total=len(checks))
        if self._header.text() != header:
            self._header.setText(header)
            self._header.setAccessibleName(_("Readiness: {header}").format(header=header))
        icons = self._icons()
        while self._list.count() < len(checks):
            self._list.addItem(QListWidgetItem())
        while self._list.count() > len(checks):
            self._list.takeItem(self._list.count() - 1)
        for row, check in enumerate(checks):
            item = self._list.item(row)
            if item.data(CODE_ROLE) == check.code and item.data(DONE_ROLE) == check.done:
                continue
            label = readiness_word(check.code)
            state = _("done") if check.done else _("missing")
            item.setText(label)
            item.setIcon(icons[check.done])
            item.setData(CODE_ROLE, check.code)
            item.setData(DONE_ROLE, check.done)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                _("{check}: {state}").format(check=label, state=state),
            )
            item.setToolTip(
                _("Done. Click to review it.") if check.done else _("Missing. Click to fill it in.")
            )
        self._list.updateGeometry()

    def _activate(self, item: QListWidgetItem) -> None:
        code = item.data(CODE_ROLE)
        if code:
            self.checkActivated.emit(str(code))

    def _icons(self) -> dict[bool, QIcon]:
        ratio = self.devicePixelRatioF()
        palette = self.palette()
        on_highlight = palette.color(QPalette.ColorRole.HighlightedText)
        icons = {True: QIcon(), False: QIcon()}
        # Normal rows, then the highlighted row, where the ring must stand out from the highlight.
        for mode, ok, ring in (
            (QIcon.Mode.Normal, accents(palette).ok, muted_text(palette)),
            (QIcon.Mode.Selected, accents(palette).ok, on_highlight),
        ):
            icons[True].addPixmap(_check_pixmap(ok, ratio), mode)
            icons[False].addPixmap(_ring_pixmap(ring, ratio), mode)
        return icons

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._checks:
            checks, self._checks = self._checks, ()
            for row in range(self._list.count()):
                self._list.item(row).setData(CODE_ROLE, None)  # force new icons
            self._set_checks(checks)
        super().changeEvent(event)


def _pixmap(ratio: float) -> tuple[QPixmap, QPainter]:
    size = round(_ICON_SIZE * max(ratio, 1.0))
    pixmap = QPixmap(size, size)
    pixmap.setDevicePixelRatio(max(ratio, 1.0))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    return pixmap, painter


def _check_pixmap(color: QColor, ratio: float) -> QPixmap:
    """A filled disc with a tick, in the "done" colour."""
    pixmap, painter = _pixmap(ratio)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(QRectF(1, 1, _ICON_SIZE - 2, _ICON_SIZE - 2))
    pen = QPen(QColor("white"), 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPolyline([QPointF(4.2, 7.3), QPointF(6.2, 9.4), QPointF(10.0, 4.8)])
    painter.end()
    return pixmap


def _ring_pixmap(color: QColor, ratio: float) -> QPixmap:
    """An empty ring for a missing check."""
    pixmap, painter = _pixmap(ratio)
    painter.setPen(QPen(color, 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QRectF(2, 2, _ICON_SIZE - 4, _ICON_SIZE - 4))
    painter.end()
    return pixmap
