"""The Zone workings sheet (named helper formulas, explained) and the range chart on the Summary."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.line import LineProperties

from worksheet.export.xlsx.book import (
    BOX,
    NOTE_FONT,
    PROBABILITY_FORMAT,
    TITLE_FONT,
    WRAP_TOP,
    Book,
    fit_row,
    merge,
    page_setup,
    set_widths,
)
from worksheet.export.xlsx.zone import HELPERS
from worksheet.i18n import N_, _

CHART_WIDTH_CM = 24.0
CHART_HEIGHT_CM = 8.0
#: Rows of 15 points the chart covers on the Summary (8 cm ≈ 227 pt).
CHART_ROWS = 15

#: The bars of the chart, top to bottom: (label, low name, high name, colour).
BARS = (
    (N_("Our walk-away with the package"), "PackageWalkAway", None, "C00000"),
    (N_("Their walk-away (our estimate)"), "PackageLow", "PackageHigh", "8EA9C1"),
    (N_("Worst-case zone"), "WorstLow", "WorstHigh", "A9D08E"),
    (N_("Likely zone"), "LikelyLow", "LikelyHigh", "70AD47"),
    (N_("Best-case zone"), "BestLow", "BestHigh", "375623"),
)


def workings_sheet(book: Book, ws: Any) -> int:
    """Write the helper cells; returns the first row of the chart's data block."""
    widths = {1: 40, 2: max(18, book.money_width), 3: 20, 4: 70}
    set_widths(ws, widths)
    book.fixed(ws, "A1", _("Zone workings"), font=TITLE_FONT)
    book.fixed(
        ws,
        "A2",
        _(
            "How the zone on the Summary is computed, step by step (the app's docs/format.md). "
            "Change the yellow cells on the Summary, not these."
        ),
        font=NOTE_FONT,
    )
    merge(ws, "A2:D2")
    book.table_head(ws, 4, [_("Step"), _("Value"), _("Name"), _("Why")])
    row = 4
    for step in HELPERS:
        row += 1
        book.fixed(ws, f"A{row}", _(step.label))
        fmt = {"money": book.money_format, "probability": PROBABILITY_FORMAT}.get(step.kind)
        book.formula(ws, f"B{row}", step.formula, fmt, border=BOX)
        book.name(step.name, ws, f"B{row}")
        book.fixed(ws, f"C{row}", step.name, font=NOTE_FONT)
        why = _(step.why)
        book.fixed(ws, f"D{row}", why, alignment=WRAP_TOP)
        fit_row(ws, row, why, widths[4])
    row += 2
    book.fixed(
        ws, f"A{row}", _("Chart data (offset is invisible, width is the bar)"), font=NOTE_FONT
    )
    row += 1
    book.table_head(ws, row, [_("Bar"), _("Offset"), _("Width")])
    first = row + 1
    span = _span(book)
    # Bar charts draw their first category at the bottom; write the rows bottom-up.
    for label, low, high, _colour in reversed(BARS):
        row += 1
        book.fixed(ws, f"A{row}", _(label))
        book.formula(ws, f"B{row}", f'=IF(ISNUMBER({low}),{low},"")', book.money_format)
        if high is None:  # a thin marker for a single price
            width = f'=IF(ISNUMBER({low}),{_marker(span)},"")'
        else:
            width = f'=IF(AND(ISNUMBER({low}),ISNUMBER({high})),{high}-{low},"")'
        book.formula(ws, f"C{row}", width, book.money_format)
    page_setup(book, ws, landscape=True, title_rows="4:4")
    return first


def _amounts(book: Book) -> list[Decimal]:
    s = book.summary
    values = [
        s.package_walk_away,
        s.their_low_package,
        s.their_likely_package,
        s.their_high_package,
    ]
    return [v for v in values if v is not None]


def _span(book: Book) -> tuple[float, float] | None:
    """The value axis range at export, with a margin; None lets the chart pick (nothing to show)."""
    values = [float(v) for v in _amounts(book)]
    if not values:
        return None
    low, high = min(values), max(values)
    margin = (high - low) * 0.15 or max(abs(high) * 0.05, 1.0)
    return _nice_floor(low - margin), _nice_ceil(high + margin)


def _marker(span: tuple[float, float] | None) -> str:
    if span is None:
        return "0"
    return repr(round((span[1] - span[0]) / 150, 4) or 0.01)


def _step(value_range: float) -> float:
    import math

    magnitude = 10 ** math.floor(math.log10(value_range)) if value_range > 0 else 1
    return magnitude / 2


def _nice_floor(x: float) -> float:
    import math

    step = _step(abs(x) / 10 or 1)
    return math.floor(x / step) * step


def _nice_ceil(x: float) -> float:
    import math

    step = _step(abs(x) / 10 or 1)
    return math.ceil(x / step) * step


def add_chart(book: Book, workings: Any, summary_ws: Any, data_row: int, anchor_row: int) -> None:
    """A stacked horizontal bar chart: an invisible offset bar places each visible range bar."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = None
    chart.legend = None
    chart.style = 2
    last = data_row + len(BARS) - 1
    data = Reference(workings, min_col=2, max_col=3, min_row=data_row, max_row=last)
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(Reference(workings, min_col=1, min_row=data_row, max_row=last))
    offset, width = chart.series
    offset.graphicalProperties = GraphicalProperties(noFill=True)
    offset.graphicalProperties.line = LineProperties(noFill=True)
    width.graphicalProperties = GraphicalProperties(solidFill="70AD47")
    width.graphicalProperties.line = LineProperties(noFill=True)
    from openpyxl.chart.marker import DataPoint

    for idx, (_label, _low, _high, colour) in enumerate(reversed(BARS)):
        point = DataPoint(idx=idx)
        point.graphicalProperties = GraphicalProperties(solidFill=colour)
        point.graphicalProperties.line = LineProperties(noFill=True)
        width.dPt.append(point)
    span = _span(book)
    if span is not None:
        chart.y_axis.scaling.min = span[0]
        chart.y_axis.scaling.max = span[1]
    chart.y_axis.number_format = book.axis_format
    chart.y_axis.majorGridlines = chart.y_axis.majorGridlines  # keep the gridlines: read prices
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    # The currency is the only deal text in the chart; a code that is not 3 capitals stays out.
    currency = book.deal.currency if re.fullmatch("[A-Z]{3}", book.deal.currency or "") else ""
    chart.y_axis.title = (
        _("Price ({currency})").format(currency=currency) if currency else _("Price")
    )
    chart.width = CHART_WIDTH_CM
    chart.height = CHART_HEIGHT_CM
    summary_ws.add_chart(chart, f"A{anchor_row}")
