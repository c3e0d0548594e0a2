"""Painting of the ZOPA chart from its computed geometry (see chart_layout and chart_geometry)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from worksheet.present.words import ZONES as ZONE_WORDS
from worksheet.ui.widgets.chart_data import (
    PAD,
    ChartFonts,
    ChartInput,
)
from worksheet.ui.widgets.chart_geometry import ChartModel
from worksheet.ui.widgets.colors import accents, blend


def paint_chart(
    painter: QPainter,
    model: ChartModel,
    data: ChartInput | None,
    palette: QPalette,
    fonts: ChartFonts,
) -> None:
    """Draw the chart laid out in `model` with an active painter; draws, computes nothing."""
    colors = accents(palette)
    text = palette.color(QPalette.ColorRole.WindowText)
    background = palette.color(QPalette.ColorRole.Window)
    muted = blend(text, background, 0.62)
    faint = blend(text, background, 0.22)
    base, small, bold = fonts.base, fonts.small, fonts.bold
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(QRectF(0, 0, model.width, model.height), background)

    if "status" in model.rows:
        _paint_status(painter, model, bold, base, text, muted)
    if model.message is not None:
        top = model.rows.get("message", PAD)
        box = QRectF(PAD, top, model.width - 2 * PAD, model.height - top - PAD)
        painter.setPen(QPen(faint, 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setPen(muted)
        painter.setFont(base)
        painter.drawText(
            box.adjusted(16, 8, -16, -8),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            model.message,
        )
        return

    assert data is not None  # a laid-out chart without a message always has data
    _paint_their(painter, model, data, colors)
    _paint_zones(painter, model, data, colors, small, text, background)
    _paint_ours(painter, model, data, colors, background)
    _paint_axis(painter, model, small, text, muted, faint)
    _paint_labels(painter, model, small, text, muted)
    _paint_legend(painter, model, small, muted, colors)


def _paint_status(painter, model, bold, base, text, muted) -> None:
    top = model.rows["status"]
    painter.setFont(bold)
    painter.setPen(text)
    fm = QFontMetricsF(bold)
    painter.drawText(QPointF(PAD, top + fm.ascent()), model.status_text)
    if model.status_detail:
        x = PAD + fm.horizontalAdvance(model.status_text) + 10
        painter.setFont(base)
        painter.setPen(muted)
        painter.drawText(QPointF(x, top + fm.ascent()), model.status_detail)


def _paint_their(painter: QPainter, model: ChartModel, data: ChartInput, colors) -> None:
    top, base = model.rows["their_top"], model.rows["their_base"]
    m = model.markers
    before = [m.get(f"{n}_before") for n in ("their_low", "their_likely", "their_high")]
    if all(v is not None for v in before):
        # Their estimate before the package, dashed; an arrow shows where the package moves it.
        painter.setPen(QPen(_alpha(colors.theirs, 140), 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(_triangle(before[0], before[1], before[2], top, base))  # type: ignore[arg-type]
        _arrow(painter, before[1], m["their_likely"], top - 1, colors.theirs)  # type: ignore[arg-type]
    shape = _triangle(m["their_low"], m["their_likely"], m["their_high"], top, base)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.theirs_fill)
    painter.drawPolygon(shape)
    # The part of their range on our side of the floor is the chance of a deal: shade it darker.
    floor = m["floor"]
    if data.seller:
        side = QRectF(floor, top - 2, model.width - floor, base - top + 4)
    else:
        side = QRectF(0, top - 2, floor, base - top + 4)
    path = QPainterPath()
    path.addPolygon(shape)
    clip = QPainterPath()
    clip.addRect(side)
    painter.setBrush(colors.theirs_fill_strong)
    painter.drawPath(path.intersected(clip))
    painter.setPen(QPen(colors.theirs, 1.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolygon(shape)
    painter.drawLine(QPointF(m["their_likely"], top), QPointF(m["their_likely"], base))
    # Their offers sit on their base line.
    painter.setPen(QPen(colors.theirs.darker(130) if not colors.dark else colors.theirs, 1.0))
    painter.setBrush(colors.theirs)
    for x, by in model.offers:
        if by == "them":
            painter.drawPolygon(_diamond(x, base, 4.0))


def _paint_zones(painter, model, data, colors, small, text, background) -> None:
    fills = {"best": colors.zone_best, "likely": colors.zone_likely, "worst": colors.zone_worst}
    painter.setFont(small)
    for name, bar in model.zone_bars.items():
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fills[name])
        painter.drawRoundedRect(bar, 2.5, 2.5)
        where, inside = model.zone_labels[name]
        painter.setPen(_readable_on(fills[name], text, background) if inside else text)
        painter.drawText(where, int(Qt.AlignmentFlag.AlignCenter), ZONE_WORDS[name])
    if model.gap is not None and model.gap_label is not None:
        x1, x2 = min(model.gap), max(model.gap)
        zones_h = model.rows["zones_bottom"] - model.rows["zones"]
        rect = QRectF(x1, model.rows["zones"], max(x2 - x1, 2.0), zones_h)
        painter.setPen(QPen(colors.gap, 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(_alpha(colors.gap, 70), Qt.BrushStyle.BDiagPattern))
        painter.drawRect(rect)
        word, box = model.gap_label
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)  # a plain backing keeps the words clear of the hatching
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(colors.gap)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), word)


def _paint_ours(painter, model, data, colors, background) -> None:
    y = model.rows["ours"]
    m = model.markers
    xs = [m[k] for k in ("walk_away", "floor", "target", "opening") if k in m]
    # The floor runs up through the zones to their distribution: deals close on one side of it.
    painter.setPen(QPen(colors.ours, 1.2, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(m["floor"], model.rows["their_top"] - 2), QPointF(m["floor"], y))
    painter.setPen(QPen(_alpha(colors.ours, 150), 2.0))
    painter.drawLine(QPointF(min(xs), y), QPointF(max(xs), y))
    if abs(m["walk_away"] - m["floor"]) >= 1:
        _arrow(painter, m["walk_away"], m["floor"], y - 7, colors.ours)
        painter.setPen(QPen(colors.ours, 1.6))
        painter.setBrush(background)
        painter.drawEllipse(QPointF(m["walk_away"], y), 4.0, 4.0)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.ours)
    painter.drawPolygon(_up_triangle(m["floor"], y, 5.5))
    if "target" in m:
        painter.drawPolygon(_diamond(m["target"], y, 4.5))
    if "opening" in m:
        painter.drawEllipse(QPointF(m["opening"], y), 3.5, 3.5)
    painter.setPen(QPen(colors.ours, 1.0))
    painter.setBrush(background)
    for x, by in model.offers:
        if by == "us":
            painter.drawEllipse(QPointF(x, y + 8), 2.5, 2.5)
    # The other packages' asks: hollow squares in a lighter blue, on our row.
    painter.setPen(QPen(colors.ours_asks, 1.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)  # open: an active mark beneath still shows
    for key, x in m.items():
        if key.startswith("ask:"):
            painter.drawRect(_ask_square(x, y))


def _paint_axis(painter, model, small, text, muted, faint) -> None:
    y = model.rows["axis"]
    left, right = model.plot
    painter.setPen(QPen(faint, 1.0))
    painter.drawLine(QPointF(left, y + 0.5), QPointF(right, y + 0.5))
    painter.setFont(small)
    for _, x, rect, label in model.ticks:
        painter.setPen(QPen(faint, 1.0))
        painter.drawLine(QPointF(round(x) + 0.5, y), QPointF(round(x) + 0.5, y + 4))
        painter.setPen(muted)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)


def _paint_labels(painter, model, small, text, muted) -> None:
    fm = QFontMetricsF(small)
    painter.setFont(small)
    space = fm.horizontalAdvance(" ")
    for label in model.labels:
        rect = label.rect
        if not rect.left() + 4 <= label.anchor.x() <= rect.right() - 4:
            # Leader line when the label had to move away from its mark.
            y_label = rect.top() if rect.top() > label.anchor.y() else rect.bottom()
            painter.setPen(QPen(_alpha(label.color, 120), 1.0))
            painter.drawLine(
                QPointF(label.anchor.x(), label.anchor.y()),
                QPointF(min(max(label.anchor.x(), rect.left()), rect.right()), y_label),
            )
        x = rect.left()
        baseline = rect.top() + fm.ascent()
        if label.name:
            painter.setPen(label.color)
            painter.drawText(QPointF(x, baseline), label.name)
            x += fm.horizontalAdvance(label.name) + space
        painter.setPen(text)
        painter.drawText(QPointF(x, baseline), label.value)


def _paint_legend(painter, model, small, muted, colors) -> None:
    fm = QFontMetricsF(small)
    painter.setFont(small)
    for key, word, rect in model.legend:
        cy = rect.center().y()
        x = rect.left()
        painter.setPen(Qt.PenStyle.NoPen)
        if key == "their":
            painter.setBrush(colors.theirs_fill_strong)
            painter.drawPolygon(_triangle(x, x + 7, x + 14, cy - 5, cy + 5))
        elif key == "zone":
            for i, fill in enumerate((colors.zone_best, colors.zone_likely, colors.zone_worst)):
                painter.setBrush(fill)
                painter.drawRect(QRectF(x + i * 4.7, cy - 4, 4.7, 8))
        elif key == "their_before":
            painter.setPen(QPen(_alpha(colors.theirs, 140), 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(_triangle(x, x + 7, x + 14, cy - 5, cy + 5))
        elif key == "asks":
            painter.setPen(QPen(colors.ours_asks, 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(_ask_square(x + 7, cy))
        elif key == "offer_us":
            painter.setPen(QPen(colors.ours, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x + 7, cy), 2.5, 2.5)
        else:
            painter.setBrush(colors.theirs)
            painter.drawPolygon(_diamond(x + 7, cy, 4.0))
        painter.setPen(muted)
        painter.drawText(QPointF(x + 18, rect.top() + fm.ascent()), word)


def _alpha(color: QColor, alpha: int) -> QColor:
    out = QColor(color)
    out.setAlpha(alpha)
    return out


def _readable_on(fill: QColor, text: QColor, background: QColor) -> QColor:
    """Whichever of the text and background colours contrasts more with a fill."""
    light = fill.lightnessF()
    return (
        text
        if abs(text.lightnessF() - light) >= abs(background.lightnessF() - light)
        else background
    )


def _triangle(x1: float, x2: float, x3: float, top: float, base: float) -> QPolygonF:
    if x3 - x1 < 4:  # a point estimate: draw a narrow spike so it stays visible
        x1, x3 = x2 - 3, x2 + 3
    return QPolygonF([QPointF(x1, base), QPointF(x2, top), QPointF(x3, base)])


def _ask_square(x: float, y: float) -> QRectF:
    return QRectF(x - 3.5, y - 3.5, 7.0, 7.0)


def _diamond(x: float, y: float, r: float) -> QPolygonF:
    return QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])


def _up_triangle(x: float, y: float, r: float) -> QPolygonF:
    return QPolygonF([QPointF(x - r, y + r * 0.8), QPointF(x, y - r), QPointF(x + r, y + r * 0.8)])


def _arrow(painter: QPainter, x_from: float, x_to: float, y: float, color: QColor) -> None:
    """A horizontal arrow showing how far the package moves a walk-away."""
    if abs(x_to - x_from) < 6:
        return
    painter.setPen(QPen(color, 1.3))
    painter.drawLine(QPointF(x_from, y), QPointF(x_to, y))
    head = 4.5 if x_to > x_from else -4.5
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(
        QPolygonF([QPointF(x_to, y), QPointF(x_to - head, y - 3), QPointF(x_to - head, y + 3)])
    )
