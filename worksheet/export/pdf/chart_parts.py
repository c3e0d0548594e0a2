"""Parts of the PDF diagram: colours, the price scale, label placement, axis, offers, legend."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from worksheet.domain.deal import Deal
from worksheet.export.pdf.text import BOLD, REGULAR, draw_text, text_width

# Colours of the sheet: the window's light-palette accents, calm enough for grey printing.
INK = (0.13, 0.15, 0.18)
MUTED = (0.42, 0.45, 0.50)
RULE = (0.78, 0.80, 0.83)
OURS = (0.102, 0.373, 0.706)  # #1a5fb4
THEIRS = (0.706, 0.325, 0.035)  # #b45309
THEIRS_FILL = (0.98, 0.89, 0.80)
GAP = (0.72, 0.20, 0.15)
#: Zone shades, darkest for the zone that holds even in the worst case.
ZONE_FILL = {
    "worst": (0.239, 0.604, 0.416),
    "likely": (0.561, 0.800, 0.663),
    "best": (0.765, 0.894, 0.816),
}

LABEL_SIZE = 6.6
LABEL_COLUMN = 46.0
CHART_HEIGHT = 132.0


@dataclass
class Scale:
    low: Decimal
    high: Decimal
    x0: float
    x1: float

    def x(self, value: Decimal) -> float:
        return self.x0 + float((value - self.low) / (self.high - self.low)) * (self.x1 - self.x0)


@dataclass
class Label:
    anchor: float
    long: str
    short: str
    colour: tuple[float, float, float]
    bold: bool = False
    left: float = 0.0
    text: str = ""
    row: int = 0


def nice_step(span: Decimal, ticks: int) -> Decimal:
    """The finest 1-2-2.5-5 step that puts no more than `ticks` labels on the axis."""
    raw = span / ticks
    exponent = raw.adjusted()
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        step = Decimal(factor).scaleb(exponent)
        if step >= raw:
            return step
    return Decimal(10).scaleb(exponent)


def place_labels(labels: list[Label], x0: float, x1: float, size: float, rows: int) -> bool:
    """Place labels near their anchors without overlap, in up to `rows` rows; False if they
    cannot be placed even with their short wording."""
    gap = 5.0
    for wording in ("long", "short"):
        for count in range(1, rows + 1):
            ok = True
            ordered = sorted(labels, key=lambda lb: lb.anchor)
            for row in range(count):
                members = ordered[row::count]
                for lb in members:
                    lb.text = getattr(lb, wording)
                    lb.row = row
                    width = text_width(lb.text, BOLD if lb.bold else REGULAR, size)
                    lb.left = min(max(lb.anchor - width / 2, x0), x1 - width)
                # Push right past the previous label, then back left from the edge if needed.
                widths = [text_width(lb.text, BOLD if lb.bold else REGULAR, size) for lb in members]
                for i in range(1, len(members)):
                    members[i].left = max(
                        members[i].left, members[i - 1].left + widths[i - 1] + gap
                    )
                if members and members[-1].left + widths[-1] > x1:
                    members[-1].left = x1 - widths[-1]
                    for i in range(len(members) - 2, -1, -1):
                        members[i].left = min(
                            members[i].left, members[i + 1].left - widths[i] - gap
                        )
                if members and members[0].left < x0 - 0.01:
                    ok = False
            if ok:
                return True
    return False


def draw_axis(
    canvas, scale: Scale, axis_y: float, money, box_left: float, box_right: float
) -> None:
    canvas.setStrokeColorRGB(*MUTED)
    canvas.setLineWidth(0.6)
    canvas.line(scale.x0, axis_y, scale.x1, axis_y)
    span = scale.high - scale.low
    widest = max(text_width(money(v), REGULAR, LABEL_SIZE) for v in (scale.low, scale.high))
    most = max(2, min(7, int((scale.x1 - scale.x0) / (widest + 14))))
    step = nice_step(span, most)
    value = (scale.low / step).to_integral_value(rounding="ROUND_CEILING") * step
    canvas.setFillColorRGB(*MUTED)
    while value <= scale.high:
        px = scale.x(value)
        label = money(value)
        half = text_width(label, REGULAR, LABEL_SIZE) / 2
        # A tick whose label would stick out of the diagram's box is left out.
        if px - half >= box_left + 2 and px + half <= box_right - 2:
            canvas.line(px, axis_y, px, axis_y - 3)
            draw_text(canvas, px, axis_y - 10, label, REGULAR, LABEL_SIZE, align="center")
        value += step


def draw_offers(
    canvas, deal: Deal, scale: Scale, axis_y: float, legend_y: float, *, zones: bool
) -> None:
    """Offers as small marks on the axis (ours ○ blue, theirs ▲ orange) and a one-line legend."""
    offers = [o for o in deal.offers if o.amount is not None]
    canvas.setLineWidth(0.8)
    seen: set[tuple[int, str]] = set()
    for offer in offers:
        px = scale.x(offer.amount)  # type: ignore[arg-type]
        key = (round(px), offer.by)
        if key in seen:  # thousands of offers collapse to one mark per point
            continue
        seen.add(key)
        offer_mark(canvas, offer.by, px, axis_y + 4)
    items = [("theirs", "their walk-away (estimate)")]
    if zones:
        items.append(("zone", "deal zone"))
    if any(o.by == "us" for o in offers):
        items.append(("us", "our offers"))
    if any(o.by != "us" for o in offers):
        items.append(("them", "their offers"))
    right = scale.x1
    for kind, words in reversed(items):
        canvas.setFillColorRGB(*MUTED)
        right -= (
            draw_text(canvas, right, legend_y, words, REGULAR, LABEL_SIZE - 0.4, align="right") + 8
        )
        if kind == "theirs":
            canvas.setFillColorRGB(*THEIRS_FILL)
            canvas.setStrokeColorRGB(*THEIRS)
            canvas.setLineWidth(0.6)
            path = canvas.beginPath()
            path.moveTo(right - 4, legend_y)
            path.lineTo(right + 4, legend_y)
            path.lineTo(right, legend_y + 5)
            path.close()
            canvas.drawPath(path, stroke=1, fill=1)
        elif kind == "zone":
            canvas.setFillColorRGB(*ZONE_FILL["likely"])
            canvas.rect(right - 4, legend_y, 8, 4.5, stroke=0, fill=1)
        else:
            offer_mark(canvas, kind, right, legend_y + 2)
        right -= 12


def offer_mark(canvas, by: str, cx: float, cy: float) -> None:
    if by == "us":
        canvas.setStrokeColorRGB(*OURS)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.circle(cx, cy, 2.3, stroke=1, fill=1)
    else:
        canvas.setFillColorRGB(*THEIRS)
        path = canvas.beginPath()
        path.moveTo(cx - 2.8, cy - 2.3)
        path.lineTo(cx + 2.8, cy - 2.3)
        path.lineTo(cx, cy + 2.8)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
