"""Parts of the PDF diagram: colours, the price scale, label placement, axis, offers, legend."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from worksheet.domain.deal import Deal
from worksheet.export.pdf.text import BOLD, REGULAR, draw_text, text_width
from worksheet.present.chart import LEGEND, ROLE_COLOURS, legend_items, pick_ticks, rgb
from worksheet.present.chart import place_labels as place_label_rows

# Colours of the sheet: the window's light-palette accents, calm enough for grey printing.
INK = (0.13, 0.15, 0.18)
MUTED = (0.42, 0.45, 0.50)
RULE = (0.78, 0.80, 0.83)
OURS = rgb(ROLE_COLOURS["ours"])
OURS_ASKS = rgb(ROLE_COLOURS["ours_asks"])
THEIRS = rgb(ROLE_COLOURS["theirs"])
THEIRS_FILL = (0.98, 0.89, 0.80)
GAP = rgb(ROLE_COLOURS["gap"])
#: Zone shades, darkest for the zone that holds even in the worst case.
ZONE_FILL = {
    "worst": (0.239, 0.604, 0.416),
    "likely": (0.561, 0.800, 0.663),
    "best": (0.765, 0.894, 0.816),
}

LABEL_SIZE = 6.6
LABEL_GAP = 5.0
#: How far a label may stray from its mark before another row is used.
LABEL_SHIFT = 80.0
LABEL_COLUMN = 46.0
#: The distance between the legend's two lines when it needs two.
LEGEND_PITCH = 7.2
#: The legend shrinks to this size, not below, to keep every entry on its one line.
LEGEND_MIN_SIZE = 5.4
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


def place_labels(labels: list[Label], x0: float, x1: float, size: float, rows: int) -> bool:
    """Place labels near their anchors without overlap, in up to `rows` rows, by the chart
    rules of worksheet.present.chart (the window's chart uses the same); False if they cannot
    be placed even with their short wording."""

    def width(lb: Label, text: str) -> float:
        return text_width(text, BOLD if lb.bold else REGULAR, size)

    variants = [[width(lb, lb.long) for lb in labels], [width(lb, lb.short) for lb in labels]]
    placed = place_label_rows(
        variants, [lb.anchor for lb in labels], x0, x1, LABEL_GAP, rows, LABEL_SHIFT
    )
    if placed is None:  # keep the short words where they are, as before
        for lb in labels:
            lb.text, lb.row, lb.left = lb.short, 0, min(max(lb.anchor, x0), x1)
        return False
    index, where = placed
    for lb, (row, left) in zip(labels, where, strict=True):
        lb.text = lb.long if index == 0 else lb.short
        lb.row, lb.left = row, left
    return True


def draw_axis(
    canvas, scale: Scale, axis_y: float, money, box_left: float, box_right: float
) -> None:
    """The price axis with ticks the window's chart would pick (worksheet.present.chart)."""
    canvas.setStrokeColorRGB(*MUTED)
    canvas.setLineWidth(0.6)
    canvas.line(scale.x0, axis_y, scale.x1, axis_y)
    ticks = pick_ticks(
        float(scale.low),
        float(scale.high),
        scale.x0,
        scale.x1,
        lambda v: text_width(money(v), REGULAR, LABEL_SIZE),
        (box_left + 2, box_right - 2),
    )
    canvas.setFillColorRGB(*MUTED)
    for value, px, left in ticks:
        canvas.line(px, axis_y, px, axis_y - 3)
        draw_text(canvas, left, axis_y - 10, money(value), REGULAR, LABEL_SIZE)


def draw_offers(
    canvas,
    deal: Deal,
    scale: Scale,
    axis_y: float,
    legend_y: float,
    *,
    legend: tuple[float, list[list[tuple[str, str]]]],
) -> None:
    """Offers as small marks on the axis (ours ○, theirs ▲) and the legend (`legend_lines`)."""
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
    size, lines = legend
    for n, line_items in enumerate(lines):
        y = legend_y + (len(lines) - 1 - n) * LEGEND_PITCH
        _draw_legend_line(canvas, line_items, scale.x1, y, size)


def legend_of(deal: Deal, *, zones: bool, package_moves: bool, asks: bool) -> list[tuple[str, str]]:
    """The legend's entries (key, words) for the marks the diagram draws."""
    offers = [o for o in deal.offers if o.amount is not None]
    keys = legend_items(
        package_moves=package_moves,
        zones=zones,
        ours=any(o.by == "us" for o in offers),
        theirs=any(o.by != "us" for o in offers),
        asks=asks,
    )
    return [(key, LEGEND[key]) for key in keys]


def legend_lines(
    items: list[tuple[str, str]], room: float
) -> tuple[float, list[list[tuple[str, str]]]]:
    """The legend's size and lines: one line, a little smaller if need be, else two lines
    (the diagram makes room for the second) so no entry is cut or dropped."""
    size = LABEL_SIZE - 0.4
    while size > LEGEND_MIN_SIZE and _legend_width(items, size) > room:
        size = round(size - 0.2, 1)
    if _legend_width(items, size) <= room:
        return size, [items]
    size = LABEL_SIZE - 0.4
    split = len(items)
    while split > 1 and _legend_width(items[:split], size) > room:
        split -= 1
    return size, [items[:split], items[split:]]


def _draw_legend_line(canvas, items, right: float, legend_y: float, size: float) -> None:
    for kind, words in reversed(items):
        canvas.setFillColorRGB(*MUTED)
        right -= draw_text(canvas, right, legend_y, words, REGULAR, size, align="right") + 8
        if kind == "theirs_bare":
            canvas.setStrokeColorRGB(*THEIRS)
            canvas.setLineWidth(0.6)
            canvas.setDash(1.5, 1.5)
            path = canvas.beginPath()
            path.moveTo(right - 4, legend_y)
            path.lineTo(right + 4, legend_y)
            path.lineTo(right, legend_y + 5)
            path.close()
            canvas.drawPath(path, stroke=1, fill=0)
            canvas.setDash()
        elif kind in ("theirs", "theirs_package"):
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
        elif kind == "asks":
            canvas.setStrokeColorRGB(*OURS_ASKS)
            canvas.setLineWidth(1.0)
            ask_mark(canvas, right, legend_y + 2)
        else:
            offer_mark(canvas, kind, right, legend_y + 2)
        right -= 12


def _legend_width(items: list[tuple[str, str]], size: float) -> float:
    """The width of the one-line legend at this size: each entry's words, mark and spacing."""
    return sum(text_width(words, REGULAR, size) + 20 for _, words in items)


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


def ask_mark(canvas, cx: float, cy: float) -> None:
    """An other package's ask: an open square (the window draws the same)."""
    canvas.rect(cx - 2.4, cy - 2.4, 4.8, 4.8, stroke=1, fill=0)
