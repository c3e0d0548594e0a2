"""The calibration chart: for each agreed deal, the estimated range of their walk-away and
where the price landed, all on one scale relative to the likely estimate (painted with
QPainter)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from worksheet.domain.calibration import Calibration, Point
from worksheet.i18n import _
from worksheet.ui.widgets.colors import accents, muted_text

#: The chart shows the latest deals; older ones still count in the numbers.
MAX_ROWS = 24


def _rel(value, point: Point) -> float:
    return 0.0 if point.likely == 0 else float((value - point.likely) / point.likely)


class CalibrationChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calibration-chart")
        self.setAccessibleName(_("Calibration chart: agreed prices against estimated ranges"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.points: tuple[Point, ...] = ()

    def sizeHint(self) -> QSize:
        return QSize(360, 260)

    def set_calibration(self, cal: Calibration) -> None:
        self.points = cal.points[-MAX_ROWS:]
        self.update()

    def scale(self) -> float:
        """Half the width of the axis, as a share of the likely estimate (at least ±10%)."""
        extent = 0.1
        for p in self.points:
            for v in (p.low, p.high, p.price):
                extent = max(extent, abs(_rel(v, p)))
        # One wild deal must not squash the rest: beyond ±50% a dot waits at the edge.
        return min(extent * 1.1, 0.5)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        acc = accents(pal)
        muted = muted_text(pal)
        fm = self.fontMetrics()
        rect = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        if not self.points:
            p.setPen(muted)
            p.drawText(
                rect,
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                _("No agreed deal with an estimate yet"),
            )
            return
        label_w = min(rect.width() * 0.32, fm.horizontalAdvance("M") * 12)
        end = fm.horizontalAdvance("+50%") / 2 + 4  # room for the axis labels at both ends
        plot = QRectF(
            rect.left() + label_w + 8 + end,
            rect.top() + fm.height() + 4,
            rect.width() - label_w - 8 - 2 * end,
            rect.height() - 2 * fm.height() - 10,
        )
        extent = self.scale()

        def x_of(rel: float) -> float:
            rel = max(-extent, min(extent, rel))
            return plot.center().x() + rel / extent * plot.width() / 2

        # The likely estimate: the middle line every deal is measured from.
        p.setPen(QPen(muted, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x_of(0), plot.top()), QPointF(x_of(0), plot.bottom()))
        p.setPen(muted)
        p.drawText(
            QRectF(plot.left(), rect.top(), plot.width(), fm.height()),
            Qt.AlignmentFlag.AlignCenter,
            _("likely estimate"),
        )
        for rel in (-extent, extent):
            text = f"{rel * 100:+.0f}%"
            p.drawText(
                QRectF(x_of(rel) - 40, plot.bottom() + 2, 80, fm.height()),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )

        n = len(self.points)
        row_h = plot.height() / n
        bar_h = max(3.0, min(row_h * 0.45, fm.height() * 0.6))
        for i, point in enumerate(self.points):
            cy = plot.top() + row_h * (i + 0.5)
            if row_h >= fm.height() * 0.9:
                p.setPen(pal.color(QPalette.ColorRole.WindowText))
                name = fm.elidedText(point.name, Qt.TextElideMode.ElideRight, int(label_w))
                p.drawText(
                    QRectF(rect.left(), cy - fm.height() / 2, label_w, fm.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    name,
                )
            left, right = x_of(_rel(point.low, point)), x_of(_rel(point.high, point))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(acc.theirs_fill_strong)
            p.drawRoundedRect(QRectF(left, cy - bar_h / 2, max(right - left, 2), bar_h), 2, 2)
            colour = acc.ok if point.inside else acc.warning
            p.setBrush(colour)
            r = max(3.0, bar_h * 0.55)
            p.drawEllipse(QPointF(x_of(_rel(point.price, point)), cy), r, r)
