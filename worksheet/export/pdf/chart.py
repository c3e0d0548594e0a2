"""The ZOPA diagram of the PDF prep sheet, drawn as vector graphics on a reportlab canvas.

It tells the window chart's story in the same words and colours: their estimated walk-away as
a triangle (dashed before the package, solid with it), the best/likely/worst zones, our row
(walk-away → package floor, target, opening), offers on the price axis, and the gap.
"""

from __future__ import annotations

from decimal import Decimal

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary, Zone
from worksheet.export.pdf.chart_parts import (
    CHART_HEIGHT,
    GAP,
    LABEL_COLUMN,
    LABEL_SIZE,
    LEGEND_PITCH,
    MUTED,
    OURS,
    OURS_ASKS,
    RULE,
    THEIRS,
    THEIRS_FILL,
    ZONE_FILL,
    Label,
    Scale,
    ask_mark,
    draw_axis,
    draw_offers,
    legend_lines,
    legend_of,
    place_labels,
)
from worksheet.export.pdf.text import BOLD, REGULAR, draw_text, text_width
from worksheet.i18n import _, language
from worksheet.present.chart import package_asks, price_marks, short_name
from worksheet.present.numbers import format_money, language_separators
from worksheet.present.sentences import estimate_text, package_moves_estimate
from worksheet.present.words import ZONES as ZONE_WORDS


def _values(deal: Deal, summary: Summary, discreet: bool) -> list[Decimal]:
    """Every amount the diagram places; hidden amounts stay out so the range cannot hint at them."""
    values = [
        v
        for v in (
            summary.their_low,
            summary.their_high,
            summary.their_low_package,
            summary.their_high_package,
            deal.anchors.target,
            deal.anchors.opening,
        )
        if v is not None
    ]
    if not discreet:
        values += [v for v in (deal.anchors.walk_away, summary.package_walk_away) if v is not None]
    values += [o.amount for o in deal.offers if o.amount is not None]
    if values:  # the other packages' asks join a diagram that has something to show
        values += [ask for _unused, _unused, ask in package_asks(deal)]
    return values


def draw_zopa_chart(
    canvas, x: float, y: float, width: float, deal: Deal, summary: Summary, *, discreet: bool
) -> float:
    """Draw the diagram with its top-left corner at (x, y); returns the height used."""
    height = CHART_HEIGHT
    seps = language_separators(language())
    money = lambda a: format_money(a, deal.currency, seps=seps)  # noqa: E731
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
            _("The diagram appears once your walk-away and your estimate of theirs are set."),
            REGULAR,
            7.5,
            align="center",
        )
        canvas.restoreState()
        return height

    low, high = min(values), max(values)
    pad = (high - low) * Decimal("0.06") if high > low else max(abs(high) / 10, Decimal(1))
    plot_x0, plot_x1 = x + LABEL_COLUMN, x + width - 10
    scale = Scale(low - pad, high + pad, plot_x0, plot_x1)
    line = LABEL_SIZE + 2.2
    legend = legend_lines(
        legend_of(
            deal,
            zones=not discreet,
            package_moves=package_moves_estimate(summary),
            asks=bool(package_asks(deal)),
        ),
        plot_x1 - (x + 6),
    )
    # A legend on two lines takes its second line from their distribution's height.
    lift = LEGEND_PITCH * (len(legend[1]) - 1)

    # Rows from the top, in the order of the window's chart.
    their_labels_top = y - 5
    band_top = their_labels_top - 2 * line - 2
    band_h = 22.0 - lift
    zone_top = band_top - band_h - 3
    zone_h, zone_gap = 7.0, 2.0
    ours_y = zone_top - 3 * (zone_h + zone_gap) - 5
    axis_y = y - height + 22 + lift

    _draw_theirs(
        canvas, summary, scale, money, their_labels_top, band_top, band_h, line, x, lift * 0.6
    )
    if not discreet:
        _draw_zones(canvas, summary, scale, x, zone_top, zone_h, zone_gap)
    else:
        canvas.setFillColorRGB(*MUTED)
        draw_text(
            canvas,
            (plot_x0 + plot_x1) / 2,
            zone_top - 12,
            _("Our side of the zone is left out of this copy."),
            REGULAR,
            LABEL_SIZE,
            align="center",
        )
    _draw_ours(canvas, deal, summary, scale, money, ours_y, line, discreet=discreet)
    draw_axis(canvas, scale, axis_y, money, x, x + width)
    draw_offers(
        canvas,
        deal,
        scale,
        axis_y,
        y - height + 4,
        legend=legend,
    )
    canvas.restoreState()
    return height


def _triangle_path(
    canvas, scale: Scale, lo: Decimal, mid: Decimal, hi: Decimal, base: float, top: float
):
    path = canvas.beginPath()
    path.moveTo(scale.x(lo), base)
    path.lineTo(scale.x(mid), top)
    path.lineTo(scale.x(hi), base)
    path.close()
    return path


def _draw_theirs(
    canvas,
    summary: Summary,
    scale: Scale,
    money,
    labels_top: float,
    band_top: float,
    band_h: float,
    line: float,
    x: float,
    raise_name: float = 0.0,
) -> None:
    """Their walk-away: a triangle, widest belief at the likely value; dashed before the package.
    `raise_name` lifts the two-line name when the band is short."""
    canvas.setFillColorRGB(*MUTED)
    # Translators: the two lines of the label beside their walk-away in the diagram.
    first, _sep, second = _("their\nwalk-away").partition("\n")
    name_y = band_top - LABEL_SIZE - 1 + raise_name
    draw_text(canvas, x + 6, name_y, first, REGULAR, LABEL_SIZE)
    draw_text(canvas, x + 6, name_y - line, second, REGULAR, LABEL_SIZE)
    lo, mid, hi = (
        summary.their_low_package,
        summary.their_likely_package,
        summary.their_high_package,
    )
    base = band_top - band_h
    if lo is None or mid is None or hi is None:
        draw_text(
            canvas,
            (scale.x0 + scale.x1) / 2,
            base + band_h / 2 - 2,
            estimate_text(summary, "USD", package=True),  # says what is missing, no amount
            REGULAR,
            LABEL_SIZE,
            align="center",
        )
        return
    canvas.setStrokeColorRGB(*THEIRS)
    canvas.setLineWidth(0.6)
    raw = (summary.their_low, summary.their_likely, summary.their_high)
    if package_moves_estimate(summary) and None not in raw:
        canvas.setDash(2, 2)
        canvas.drawPath(_triangle_path(canvas, scale, *raw, base, band_top), stroke=1, fill=0)
        canvas.setDash()
    canvas.setFillColorRGB(*THEIRS_FILL)
    canvas.setLineWidth(0.9)
    if scale.x(hi) - scale.x(lo) < 1:
        canvas.line(scale.x(mid), base, scale.x(mid), band_top)
    else:
        canvas.drawPath(
            _triangle_path(canvas, scale, lo, mid, hi, base, band_top), stroke=1, fill=1
        )
    canvas.line(scale.x(mid), base, scale.x(mid), band_top)
    if lo != hi:
        names = [
            (_("low {amount}"), lo),
            (_("their likely {amount}"), mid),
            (_("high {amount}"), hi),
        ]
    else:
        names = [(_("their {amount}"), mid)]
    labels = [Label(scale.x(v), n.format(amount=money(v)), money(v), THEIRS) for n, v in names]
    place_labels(labels, scale.x0 - LABEL_COLUMN + 6, scale.x1, LABEL_SIZE, 2)
    for lb in labels:
        canvas.setFillColorRGB(*lb.colour)
        draw_text(
            canvas, lb.left, labels_top - LABEL_SIZE - lb.row * line, lb.text, REGULAR, LABEL_SIZE
        )


def _draw_zones(
    canvas, summary: Summary, scale: Scale, x: float, top: float, h: float, gap: float
) -> None:
    zones: list[tuple[str, Zone | None]] = [
        ("best", summary.best),
        ("likely", summary.likely),
        ("worst", summary.worst),
    ]
    for i, (name, zone) in enumerate(zones):
        row_top = top - i * (h + gap)
        canvas.setFillColorRGB(*MUTED)
        draw_text(canvas, x + 6, row_top - h + 1, ZONE_WORDS[name], REGULAR, LABEL_SIZE)
        if zone is None:
            canvas.setStrokeColorRGB(*RULE)
            canvas.setLineWidth(0.5)
            canvas.setDash(1, 2)
            canvas.line(scale.x0, row_top - h / 2, scale.x1, row_top - h / 2)
            canvas.setDash()
            continue
        x_low, x_high = scale.x(zone.low), scale.x(zone.high)
        canvas.setFillColorRGB(*ZONE_FILL[name])
        canvas.rect(x_low, row_top - h, max(x_high - x_low, 1.0), h, stroke=0, fill=1)


def _marker(canvas, kind: str, cx: float, cy: float) -> None:
    """Our row's marks, as in the window: ○ walk-away, ▲ package floor, ◆ target, ● opening."""
    path = canvas.beginPath()
    if kind == "walk_away":
        canvas.setFillColorRGB(1, 1, 1)
        canvas.circle(cx, cy, 2.6, stroke=1, fill=1)
        return
    if kind == "opening":
        canvas.circle(cx, cy, 2.4, stroke=0, fill=1)
        return
    if kind == "floor":
        path.moveTo(cx - 3.2, cy - 2.6)
        path.lineTo(cx + 3.2, cy - 2.6)
        path.lineTo(cx, cy + 3.2)
    else:  # target
        path.moveTo(cx, cy + 3)
        path.lineTo(cx + 3, cy)
        path.lineTo(cx, cy - 3)
        path.lineTo(cx - 3, cy)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_ours(
    canvas,
    deal: Deal,
    summary: Summary,
    scale: Scale,
    money,
    row_y: float,
    line: float,
    *,
    discreet: bool,
) -> None:
    a = deal.anchors
    marks = price_marks(
        a.walk_away,
        summary.package_walk_away,
        a.target,
        a.opening,
        seller=deal.is_seller,
        show_walk_away=not discreet,
    )
    if not marks:
        return
    canvas.setStrokeColorRGB(*OURS)
    canvas.setFillColorRGB(*OURS)
    canvas.setLineWidth(0.8)
    xs = [scale.x(v) for _kind, _word, v in marks]
    canvas.line(min(xs), row_y, max(xs), row_y)
    floor = next((m for m in marks if m[0] == "floor"), None)
    if floor is not None and not discreet and summary.package_walk_away != a.walk_away:
        # The package moves our floor: a dashed guide from it up through the zones.
        canvas.setDash(2, 2)
        canvas.line(scale.x(floor[2]), row_y, scale.x(floor[2]), row_y + 36)
        canvas.setDash()
    asks = package_asks(deal)
    # The other packages' asks: open squares in a lighter blue, drawn under our own marks.
    canvas.setStrokeColorRGB(*OURS_ASKS)
    canvas.setLineWidth(1.0)
    for _id, _name, ask in asks:
        ask_mark(canvas, scale.x(ask), row_y)
    canvas.setLineWidth(0.8)
    for kind, _word, value in marks:
        canvas.setStrokeColorRGB(*OURS)
        canvas.setFillColorRGB(*OURS)
        _marker(canvas, kind, scale.x(value), row_y)
    ours = [
        Label(scale.x(v), f"{name} {money(v)}", name, OURS, bold=kind == "floor")
        for kind, name, v in marks
    ]
    others = [
        Label(scale.x(ask), f"{name} {money(ask)}", short_name(name), OURS_ASKS)
        for _unused, name, ask in asks
    ]
    left = scale.x0 - LABEL_COLUMN + 6
    labels = ours
    # Ours come first: they keep the wording they have alone, and the other packages' asks
    # are named beside them only where that leaves room (their marks show either way).
    if place_labels(ours, left, scale.x1, LABEL_SIZE, 2) and others:
        kept = [Label(lb.anchor, lb.text, lb.text, lb.colour, bold=lb.bold) for lb in ours]
        if place_labels(kept + others, left, scale.x1, LABEL_SIZE, 2):
            labels = kept + others
    for lb in labels:
        canvas.setFillColorRGB(*lb.colour)
        draw_text(
            canvas,
            lb.left,
            row_y - 4 - LABEL_SIZE - lb.row * line,
            lb.text,
            BOLD if lb.bold else REGULAR,
            LABEL_SIZE,
        )
    if summary.status == "none" and summary.gap is not None and not discreet:
        their_edge = summary.their_high_package if deal.is_seller else summary.their_low_package
        if their_edge is not None and summary.package_walk_away is not None:
            x_a, x_b = sorted((scale.x(their_edge), scale.x(summary.package_walk_away)))
            canvas.setStrokeColorRGB(*GAP)
            canvas.setFillColorRGB(*GAP)
            canvas.line(x_a, row_y + 7, x_b, row_y + 7)
            canvas.line(x_a, row_y + 5, x_a, row_y + 9)
            canvas.line(x_b, row_y + 5, x_b, row_y + 9)
            words = _("gap {amount}").format(amount=money(summary.gap))
            half = text_width(words, BOLD, LABEL_SIZE) / 2
            centre = min(max((x_a + x_b) / 2, scale.x0 + half), scale.x1 - half)
            draw_text(canvas, centre, row_y + 10, words, BOLD, LABEL_SIZE, align="center")
