"""The ZOPA chart: our walk-away, their estimated walk-away and the deal zones on a price axis."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary
from worksheet.i18n import _
from worksheet.ui.widgets.chart_data import (
    EMPTY_MESSAGE,
    NEED_BOTH,
    NEED_ORDER,
    NEED_OURS,
    NEED_THEIRS,
    ZONES,
    ChartInput,
    chart_fonts,
    chart_input,
)
from worksheet.ui.widgets.chart_geometry import ChartModel
from worksheet.ui.widgets.chart_layout import layout_chart
from worksheet.ui.widgets.chart_paint import paint_chart
from worksheet.ui.widgets.colors import accents
from worksheet.ui.widgets.locale_numbers import separators

__all__ = [
    "EMPTY_MESSAGE",
    "NEED_BOTH",
    "NEED_ORDER",
    "NEED_OURS",
    "NEED_THEIRS",
    "ZONES",
    "ChartModel",
    "ZopaChart",
]


class ZopaChart(QWidget):
    """Painted chart of the zone of possible agreement; call `setData(deal, summary)` on change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._input: ChartInput | None = None
        self._model: ChartModel | None = None
        self._show_status = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(180)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)  # we fill every pixel
        self.setAccessibleName(_("Deal zone chart"))
        self.setAccessibleDescription(_(EMPTY_MESSAGE))

    # --- public interface -------------------------------------------------------------------

    def setData(self, deal: Deal, summary: Summary) -> None:
        data = chart_input(deal, summary, separators(self.locale()))
        if data == self._input:
            return
        self._input = data
        self._model = None
        self.setAccessibleDescription(data.sentence)
        self.update()

    def setShowStatus(self, show: bool) -> None:
        """Hide the status line when a heading just above already says it (the summary panel)."""
        if show != self._show_status:
            self._show_status = show
            self._model = None
            self.update()

    def chartModel(self) -> ChartModel:
        """The geometry as it would be painted now (computed on demand, then cached)."""
        model = self._model
        # A hidden widget's resize arrives as an event only when shown: compare sizes instead.
        if model is None or (model.width, model.height) != (self.width(), self.height()):
            model = self._model = layout_chart(
                self._input,
                float(self.width()),
                float(self.height()),
                chart_fonts(self.font()),
                accents(self.palette()),
                self._show_status,
            )
        return model

    def sizeHint(self) -> QSize:
        # Room for a legend of up to three lines (both sides' offers, the estimate before the
        # package, the other packages' asks; longer words in some languages)
        # without flattening their walk-away triangle.
        return QSize(560, 256)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 180)

    # --- events ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not painter.isActive():  # nothing to paint on (a zero-sized widget)
            return
        try:
            paint_chart(
                painter, self.chartModel(), self._input, self.palette(), chart_fonts(self.font())
            )
        finally:
            painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.chartModel().tooltip_at(QPointF(event.pos()))  # type: ignore[attr-defined]
            if text:
                QToolTip.showText(event.globalPos(), text, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._model = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._model = None
            self.update()
        super().changeEvent(event)
