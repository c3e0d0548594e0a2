"""The ZOPA diagram of the PDF prep sheet, drawn as vector graphics on a reportlab canvas."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary, Zone
from worksheet.domain.text import format_money
from worksheet.export.pdf_text import BOLD, REGULAR, draw_text, text_width

# Colours of the sheet, kept calm so it prints well in black and white too.
INK = (0.13, 0.15, 0.18)
MUTED = (0.42, 0.45, 0.50)
RULE = (0.78, 0.80, 0.83)
THEM = (0.27, 0.47, 0.72)
THEM_FILL = (0.84, 0.89, 0.96)
OURS = (0.75, 0.20, 0.17)
US_OFFER = (0.13, 0.15, 0.18)
THEM_OFFER = (0.85, 0.47, 0.10)
#: Zone shades, darkest for the zone that holds even in the worst case.
ZONE_FILL = {
    "worst": (0.18, 0.55, 0.34),
    "likely": (0.45, 0.72, 0.52),
    "best": (0.76, 0.89, 0.78),
}
ZONE_LABEL = {"worst": "worst case", "likely": "likely", "best": "best case"}

LABEL_SIZE = 6.8
LABEL_COLUMN = 50.0
CHART_HEIGHT = 118.0


@dataclass
class _Scale:
    low: Decimal
    high: Decimal
    x0: float
    x1: float

    def x(self, value: Decimal) -> float:
        span = self.high - self.low
        return self.x0 + float((value - self.low) / span) * (self.x1 - self.x0)


def _nice_step(span: Decimal, ticks: int) -> Decimal:
    """The finest 1-2-2.5-5 step that puts no more than `ticks` labels on the axis."""
    raw = span / ticks
    exponent = raw.adjusted()
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        step = Decimal(factor).scaleb(exponent)
        if step >= raw:
            return step
    return Decimal(10).scaleb(exponent)


def _values(deal: Deal, summary: Summary, discreet: bool) -> list[Decimal]:
    """Every amount the diagram places; hidden amounts stay out so the range cannot hint at them."""
    values = [
        v
        for v in (
            summary.their_low_package,
            summary.their_likely_package,
            summary.their_high_package,
        )
        if v is not None
    ]
    if not discreet:
        values += [v for v in (deal.anchors.walk_away, summary.package_walk_away) if v is not None]
    values += [o.amount for o in deal.offers if o.amount is not None]
    return values


def draw_zopa_chart(
    canvas, x: float, y: float, width: float, deal: Deal, summary: Summary, *, discreet: bool
) -> float:
    """Draw the diagram with its top-left corner at (x, y); returns the height used."""
    height = CHART_HEIGHT
    money = lambda a: format_money(a, deal.currency)  # noqa: E731
    canvas.saveState()
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.6)
    canvas.roundRect(x, y - height, width, height, 4, stroke=1, fill=0)
    values = _values(deal, summary, discreet)
    if not values:
        canvas.setFillColorRGB(*MUTED)
        draw_text(
            canvas,
            x + width / 2,
            y - height / 2,
            "The diagram appears once your walk-away and their estimate are set.",
            REGULAR,
            8,
            align="center",
        )
        canvas.restoreState()
        return height

    low, high = min(values), max(values)
    pad = (high - low) * Decimal("0.08") if high > low else max(abs(high) / 10, Decimal(1))
    plot_x0, plot_x1 = x + LABEL_COLUMN, x + width - 14
    scale = _Scale(low - pad, high + pad, plot_x0, plot_x1)

    # Rows from the top: labels of our lines, their band, three zones, offers, axis.
    top = y - 16
    band_top, band_h = top - 2, 26.0
    zone_top, zone_h, zone_gap = band_top - band_h - 6, 8.0, 3.0
    axis_y = y - height + 22

    canvas.setFont(REGULAR, LABEL_SIZE)
    canvas.setFillColorRGB(*MUTED)
    draw_text(canvas, x + 6, band_top - band_h / 2 - 2, "their limit", REGULAR, LABEL_SIZE)
    lo, mid, hi = (
        summary.their_low_package,
        summary.their_likely_package,
        summary.their_high_package,
    )
    if lo is not None and mid is not None and hi is not None:
        _draw_their_band(canvas, scale, lo, mid, hi, band_top, band_h)
        if summary.package_value:
            canvas.setFillColorRGB(*MUTED)
            draw_text(
                canvas, x + 6, band_top - band_h / 2 - 10, "with package", REGULAR, LABEL_SIZE - 0.8
            )
    else:
        draw_text(
            canvas,
            (plot_x0 + plot_x1) / 2,
            band_top - band_h / 2 - 2,
            "not estimated yet",
            REGULAR,
            LABEL_SIZE,
            align="center",
        )

    if not discreet:
        zones: list[tuple[str, Zone | None]] = [
            ("best", summary.best),
            ("likely", summary.likely),
            ("worst", summary.worst),
        ]
        for i, (name, zone) in enumerate(zones):
            row_top = zone_top - i * (zone_h + zone_gap)
            canvas.setFillColorRGB(*MUTED)
            draw_text(canvas, x + 6, row_top - zone_h + 1.5, ZONE_LABEL[name], REGULAR, LABEL_SIZE)
            if zone is None:
                canvas.setStrokeColorRGB(*RULE)
                canvas.setDash(1, 2)
                canvas.line(plot_x0, row_top - zone_h / 2, plot_x1, row_top - zone_h / 2)
                canvas.setDash()
                continue
            x_low, x_high = scale.x(zone.low), scale.x(zone.high)
            canvas.setFillColorRGB(*ZONE_FILL[name])
            canvas.rect(x_low, row_top - zone_h, max(x_high - x_low, 1.0), zone_h, stroke=0, fill=1)
        _draw_our_lines(canvas, deal, summary, scale, y - 4, axis_y)
    else:
        canvas.setFillColorRGB(*MUTED)
        draw_text(
            canvas,
            (plot_x0 + plot_x1) / 2,
            zone_top - 14,
            "Our side of the zone is left out of this copy.",
            REGULAR,
            LABEL_SIZE,
            align="center",
        )

    _draw_axis(canvas, scale, axis_y, money)
    _draw_offers(canvas, deal, scale, axis_y)
    canvas.restoreState()
    return height


def _draw_their_band(
    canvas, scale: _Scale, lo: Decimal, mid: Decimal, hi: Decimal, top: float, height: float
) -> None:
    """Their walk-away as a triangle: widest belief at `mid`, fading to `lo` and `hi`."""
    base = top - height
    x_lo, x_mid, x_hi = scale.x(lo), scale.x(mid), scale.x(hi)
    canvas.setFillColorRGB(*THEM_FILL)
    canvas.setStrokeColorRGB(*THEM)
    canvas.setLineWidth(0.8)
    if x_hi - x_lo < 1:
        canvas.line(x_mid, base, x_mid, top)
    else:
        path = canvas.beginPath()
        path.moveTo(x_lo, base)
        path.lineTo(x_mid, top)
        path.lineTo(x_hi, base)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)
    canvas.line(x_lo, base, x_hi, base)
    canvas.setFillColorRGB(*THEM)
    for value, label, align in (
        (lo, "low", "right"),
        (mid, "likely", "center"),
        (hi, "high", "left"),
    ):
        px = scale.x(value)
        canvas.line(px, base - 2, px, base + 2)
        if label == "likely":
            draw_text(canvas, px, top + 2, label, REGULAR, LABEL_SIZE - 0.8, align="center")
        else:
            shift = -3 if align == "right" else 3
            draw_text(canvas, px + shift, base + 2, label, REGULAR, LABEL_SIZE - 0.8, align=align)


def _draw_our_lines(
    canvas, deal: Deal, summary: Summary, scale: _Scale, top: float, bottom: float
) -> None:
    """Our walk-away (dashed) and the package floor (solid), labelled so the labels do not meet."""
    walk_away, floor = deal.anchors.walk_away, summary.package_walk_away
    if walk_away is None or floor is None:
        return
    canvas.setStrokeColorRGB(*OURS)
    canvas.setFillColorRGB(*OURS)
    canvas.setLineWidth(0.9)
    x_walk, x_floor = scale.x(walk_away), scale.x(floor)
    if walk_away == floor:
        canvas.line(x_floor, bottom, x_floor, top - 8)
        draw_text(canvas, x_floor, top - 6, "our walk-away", BOLD, LABEL_SIZE, align="center")
        return
    canvas.setDash(2, 2)
    canvas.line(x_walk, bottom, x_walk, top - 8)
    canvas.setDash()
    canvas.line(x_floor, bottom, x_floor, top - 8)
    # The floor sits above the walk-away for a seller and below it for a buyer.
    walk_left = x_walk < x_floor
    draw_text(
        canvas,
        x_walk + (-2 if walk_left else 2),
        top - 6,
        "walk-away",
        REGULAR,
        LABEL_SIZE,
        align="right" if walk_left else "left",
    )
    draw_text(
        canvas,
        x_floor + (2 if walk_left else -2),
        top - 6,
        "floor with package",
        BOLD,
        LABEL_SIZE,
        align="left" if walk_left else "right",
    )


def _draw_axis(canvas, scale: _Scale, axis_y: float, money) -> None:
    canvas.setStrokeColorRGB(*MUTED)
    canvas.setLineWidth(0.6)
    canvas.line(scale.x0, axis_y, scale.x1, axis_y)
    span = scale.high - scale.low
    widest = max(text_width(money(v), REGULAR, LABEL_SIZE) for v in (scale.low, scale.high))
    most = max(2, min(7, int((scale.x1 - scale.x0) / (widest + 14))))
    step = _nice_step(span, most)
    value = (scale.low / step).to_integral_value(rounding="ROUND_CEILING") * step
    canvas.setFillColorRGB(*MUTED)
    while value <= scale.high:
        px = scale.x(value)
        canvas.line(px, axis_y, px, axis_y - 3)
        draw_text(canvas, px, axis_y - 11, money(value), REGULAR, LABEL_SIZE, align="center")
        value += step


def _draw_offers(canvas, deal: Deal, scale: _Scale, axis_y: float) -> None:
    """Offers as small triangles on the axis: ours point down from above, theirs point up."""
    offers = [o for o in deal.offers if o.amount is not None]
    if not offers:
        return
    canvas.setLineWidth(0.6)
    for offer in offers:
        px = scale.x(offer.amount)  # type: ignore[arg-type]
        path = canvas.beginPath()
        if offer.by == "us":
            canvas.setFillColorRGB(*US_OFFER)
            path.moveTo(px - 3.5, axis_y + 9)
            path.lineTo(px + 3.5, axis_y + 9)
            path.lineTo(px, axis_y + 2)
        else:
            canvas.setFillColorRGB(*THEM_OFFER)
            path.moveTo(px - 3.5, axis_y + 2)
            path.lineTo(px + 3.5, axis_y + 2)
            path.lineTo(px, axis_y + 9)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    # A one-line legend, bottom right, so the markers explain themselves.
    legend_y = axis_y - 20
    right = scale.x1
    canvas.setFillColorRGB(*MUTED)
    w = draw_text(canvas, right, legend_y, "their offers", REGULAR, LABEL_SIZE - 0.5, align="right")
    canvas.setFillColorRGB(*THEM_OFFER)
    _triangle(canvas, right - w - 6, legend_y + 2, up=True)
    canvas.setFillColorRGB(*MUTED)
    w2 = draw_text(
        canvas, right - w - 14, legend_y, "our offers", REGULAR, LABEL_SIZE - 0.5, align="right"
    )
    canvas.setFillColorRGB(*US_OFFER)
    _triangle(canvas, right - w - 14 - w2 - 6, legend_y + 2, up=False)


def _triangle(canvas, cx: float, cy: float, *, up: bool) -> None:
    path = canvas.beginPath()
    if up:
        path.moveTo(cx - 3, cy - 2.5)
        path.lineTo(cx + 3, cy - 2.5)
        path.lineTo(cx, cy + 3)
    else:
        path.moveTo(cx - 3, cy + 3)
        path.lineTo(cx + 3, cy + 3)
        path.lineTo(cx, cy - 2.5)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
