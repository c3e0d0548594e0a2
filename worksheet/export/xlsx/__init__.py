"""The manager workbook: an Excel file whose zone of possible agreement recomputes live (issue 5).

`export_xlsx(deal, path, discreet=False)` writes Summary, Concessions, Packages, Fallbacks,
Listening, Offers and Zone workings sheets. The ZOPA results are formulas over named input
cells (see `xlsx.zone`), so a manager can change a price or flip a concession in or out of the
package in Excel or LibreOffice and read the new zone; the Packages sheet follows too.
User text is always written as text.
See docs/xlsx/README.md for the layout, the names and what a discreet copy leaves out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from worksheet.domain.deal import Deal
from worksheet.domain.summary import summarize
from worksheet.io.atomic import write_atomic
from worksheet.present.discreet import LEFT_OUT, discreet_deal

#: The workbook-scope names whose values equal the deal summary (spec §2), for tests and docs.
RESULT_NAMES = (
    "WalkAway",
    "Target",
    "TheirLow",
    "TheirLikely",
    "TheirHigh",
    "PackageCost",
    "PackageValue",
    "ZopaStatus",
    "ZopaLow",
    "ZopaHigh",
    "ZopaProbability",
)


@dataclass
class ExportReport:
    """What the export had to change in the user's text, in sentences the command line prints."""

    path: Path
    notes: list[str] = field(default_factory=list)
    #: Defined name -> "Sheet!$B$7": where each named cell or range went.
    names: dict[str, str] = field(default_factory=dict)


def discreet_copy(deal: Deal) -> Deal:
    """The deal as a discreet copy shows it (the one policy, worksheet.present.discreet)."""
    return discreet_deal(deal)


def build_workbook(deal: Deal, *, discreet: bool = False):
    """The workbook in memory and the book state (names, notes); `export_xlsx` saves it."""
    from openpyxl import Workbook

    from worksheet.export.xlsx.book import Book
    from worksheet.export.xlsx.cells import TextGuard, money_format, money_places, money_width
    from worksheet.export.xlsx.packages import packages_sheet
    from worksheet.export.xlsx.summary import SummarySheet
    from worksheet.export.xlsx.tables import (
        concessions_sheet,
        fallbacks_sheet,
        listening_sheet,
        offers_sheet,
    )
    from worksheet.export.xlsx.workings import add_chart, workings_sheet

    # The one discreet policy (worksheet.present.discreet): the workbook only ever sees what a
    # discreet copy may show.
    shown = discreet_deal(deal) if discreet else deal
    summary = summarize(shown)

    places = money_places(_all_amounts(shown, summary), deal.currency)
    guard = TextGuard()
    wb = Workbook()
    book = Book(
        guard=guard,
        wb=wb,
        deal=shown,
        summary=summary,
        discreet=discreet,
        money_format=money_format(deal.currency, places),
        axis_format=money_format(deal.currency, 0),
        money_width=money_width(deal.currency, places, _all_amounts(shown, summary)),
    )
    ws_summary = wb.active
    ws_summary.title = "Summary"
    sheets = {
        name: wb.create_sheet(name)
        for name in (
            "Concessions",
            "Packages",
            "Fallbacks",
            "Listening",
            "Offers",
            "Zone workings",
        )
    }
    summary_sheet = SummarySheet(book, ws_summary)
    summary_sheet.build()
    concessions_sheet(book, sheets["Concessions"])
    packages_sheet(book, sheets["Packages"], max(1, len(shown.concessions)))
    fallbacks_sheet(book, sheets["Fallbacks"])
    listening_sheet(book, sheets["Listening"])
    offers_sheet(book, sheets["Offers"])
    data_row = workings_sheet(book, sheets["Zone workings"])
    add_chart(book, sheets["Zone workings"], ws_summary, data_row, summary_sheet.chart_row)

    props = wb.properties
    props.title = " ".join(book.title.split()) or "Untitled deal"
    props.subject = "Negotiation preparation" + (" (discreet copy)" if discreet else "")
    props.creator = "Deal Worksheet"
    props.description = (
        "Discreet copy: " + "; ".join(LEFT_OUT) + " are left out."
        if discreet
        else "Manager workbook with a live zone of possible agreement."
    )
    _mark(wb, deal, discreet=discreet)
    # Recalculate on open: openpyxl stores formulas without cached results.
    wb.calculation.fullCalcOnLoad = True
    return wb, book


def _mark(wb, deal: Deal, *, discreet: bool = False) -> None:
    """Say in the file's custom properties that we made it, and for which deal (for import)."""
    from openpyxl.packaging.custom import StringProperty

    from worksheet.domain.signoff import deal_id
    from worksheet.export.xlsx.names import (
        DEAL_ID_PROPERTY,
        DISCREET_PROPERTY,
        MARK_PROPERTY,
        MARK_VERSION,
    )

    wb.custom_doc_props.append(StringProperty(name=MARK_PROPERTY, value=MARK_VERSION))
    wb.custom_doc_props.append(StringProperty(name=DEAL_ID_PROPERTY, value=deal_id(deal)))
    if discreet:
        wb.custom_doc_props.append(StringProperty(name=DISCREET_PROPERTY, value="1"))


def export_xlsx(deal: Deal, path: str | os.PathLike, *, discreet: bool = False) -> ExportReport:
    """Write the manager workbook to `path` atomically; the report's notes list dropped text."""
    wb, book = build_workbook(deal, discreet=discreet)
    target = Path(path)
    _save_atomically(wb, target)
    return ExportReport(path=target, notes=list(book.guard.notes), names=dict(book.names))


def _save_atomically(wb, target: Path) -> None:
    """Save through the one atomic writer: a failed save never leaves half a file."""
    write_atomic(target, wb.save)


def _all_amounts(deal: Deal, summary) -> list:
    amounts = [deal.anchors.target, deal.anchors.opening, deal.anchors.walk_away]
    e = deal.their_estimate
    amounts += [e.target, e.walk_away_low, e.walk_away_likely, e.walk_away_high]
    for c in deal.concessions:
        amounts += [c.cost_to_us, c.value_to_them]
    amounts += [f.value for f in deal.fallbacks] + [o.amount for o in deal.offers]
    amounts += [p.ask for p in deal.packages]
    amounts += [summary.their_likely, summary.their_likely_package]
    # Totals can be larger than any one amount.
    amounts.append(sum((abs(c.cost_to_us or 0) for c in deal.concessions), Decimal(0)))
    amounts.append(sum((abs(c.value_to_them or 0) for c in deal.concessions), Decimal(0)))
    return amounts
