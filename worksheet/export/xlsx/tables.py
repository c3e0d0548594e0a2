"""The list sheets: Concessions (with the live package), Fallbacks, Listening, Offers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from openpyxl.worksheet.datavalidation import DataValidation

from worksheet.export.xlsx.book import (
    BOX,
    CENTER,
    HEAD_FONT,
    INPUT_CELL,
    LABEL_FONT,
    LEFT_TOP,
    NOTE_FONT,
    RESULT_CELL,
    TITLE_FONT,
    UNDERLINE,
    Book,
    fit_row,
    merge,
    page_setup,
    set_widths,
)
from worksheet.export.xlsx.names import CONCESSION_ID
from worksheet.i18n import N_, _
from worksheet.present.words import FALLBACK_KINDS, fallback_word, offer_by_word, party_word

BATNA_WORDS = FALLBACK_KINDS["batna"]

DATE_TIME = "yyyy-mm-dd hh:mm"
HEAD_ROW = 3  # title, hint, then the table header


def _title(book: Book, ws: Any, title: str, hint: str, last_col: int) -> None:
    """The sheet's title and hint, given in English and written in the current language."""
    book.fixed(ws, "A1", _(title), font=TITLE_FONT)
    book.fixed(ws, "A2", _(hint), font=NOTE_FONT)
    ws.row_dimensions[1].height = 26
    last = ws.cell(row=1, column=last_col).column_letter
    merge(ws, f"A2:{last}2")


def _row_height(ws: Any, row: int, texts: list[tuple[str, float]]) -> None:
    for text, width in texts:
        fit_row(ws, row, text, width)


def concessions_sheet(book: Book, ws: Any) -> None:
    """One row per concession in planned order; the TRUE/FALSE cells drive the package sums."""
    deal, discreet = book.deal, book.discreet
    money = max(14, book.money_width)
    widths = {1: 7, 2: 40, 3: money, 4: money, 5: 34, 6: 11, 7: 34}
    set_widths(ws, widths)
    _title(
        book,
        ws,
        "Concessions",
        N_(
            "What we can give besides price. Flip “In package” between TRUE and FALSE and the "
            "zone on the Summary recomputes. Costs to us are left out of this discreet copy."
        )
        if discreet
        else N_(
            "What we can give besides price. Flip “In package” between TRUE and FALSE and the "
            "zone on the Summary recomputes."
        ),
        7,
    )
    book.table_head(
        ws,
        HEAD_ROW,
        [
            _("Order"),
            _("What we give"),
            _("Cost to us"),
            _("Value to them"),
            _("What we ask in return"),
            _("In package"),
            _("Notes"),
        ],
    )
    ordered = deal.concessions_in_order()
    index = {id(c): i for i, c in enumerate(deal.concessions)}
    first = HEAD_ROW + 1
    row = first - 1
    for c in ordered:
        row += 1
        where = f"concessions[{index[id(c)]}]"
        book.style(ws.cell(row=row, column=1), alignment=CENTER, border=BOX).value = c.order
        what = book.text(ws, f"B{row}", c.what, f"{where}.what", border=BOX).value
        book.money(ws, f"C{row}", c.cost_to_us, left_out=discreet, border=BOX)
        book.money(ws, f"D{row}", c.value_to_them, border=BOX)
        ask = book.text(ws, f"E{row}", c.ask_in_return, f"{where}.ask_in_return", border=BOX)
        flag = book.style(ws.cell(row=row, column=6), alignment=CENTER, fill=INPUT_CELL, border=BOX)
        flag.value = deal.in_active(c)
        notes = book.text(ws, f"G{row}", c.notes, f"{where}.notes", border=BOX).value
        # Which concession the row is, for reading the workbook back (hidden column).
        book.fixed(ws, f"H{row}", c.id or f"#{index[id(c)]}")
        _row_height(ws, row, [(what, widths[2]), (ask.value, widths[5]), (notes, widths[7])])
    if not ordered:
        row += 1  # one empty row keeps the named ranges valid and shows where rows go
        book.fixed(ws, f"B{row}", "(no concessions yet)", font=NOTE_FONT)
        _box(book, ws, row, 7)
    last = row
    book.name("ConcessionCost", ws, f"C{first}:C{last}")
    book.name("ConcessionValue", ws, f"D{first}:D{last}")
    book.name("ConcessionInPackage", ws, f"F{first}:F{last}")
    book.name(CONCESSION_ID, ws, f"H{first}:H{last}")
    ws.column_dimensions["H"].hidden = True
    rule = DataValidation(type="list", formula1='"TRUE,FALSE"', allow_blank=True)
    rule.error = _("Type TRUE (in the package) or FALSE.")
    ws.add_data_validation(rule)
    rule.add(f"F{first}:F{last}")

    row = last + 2
    book.fixed(ws, f"B{row}", _("All concessions"), font=LABEL_FONT)
    book.formula(
        ws,
        f"C{row}",
        "=SUM(ConcessionCost)" if not discreet else '=""',
        book.money_format,
        border=UNDERLINE,
    )
    book.formula(ws, f"D{row}", "=SUM(ConcessionValue)", book.money_format, border=UNDERLINE)
    row += 1
    book.fixed(ws, f"B{row}", _("In the package (TRUE rows)"), font=LABEL_FONT)
    book.formula(
        ws,
        f"C{row}",
        "=PackageCost",
        book.money_format,
        fill=RESULT_CELL,
        border=BOX,
        font=HEAD_FONT,
    )
    book.formula(
        ws,
        f"D{row}",
        "=PackageValue",
        book.money_format,
        fill=RESULT_CELL,
        border=BOX,
        font=HEAD_FONT,
    )
    ws.freeze_panes = f"A{HEAD_ROW + 1}"
    page_setup(book, ws, landscape=True, title_rows=f"{HEAD_ROW}:{HEAD_ROW}")


def fallbacks_sheet(book: Book, ws: Any) -> None:
    deal, discreet = book.deal, book.discreet
    widths = {1: 26, 2: 46, 3: max(15, book.money_width), 4: 46, 5: 12}
    set_widths(ws, widths)
    _title(
        book,
        ws,
        "Fallbacks",
        N_(
            "Our best alternative to a deal, narrower offers, and when we walk away. "
            "BATNA values are left out of this discreet copy."
        )
        if discreet
        else N_("Our best alternative to a deal, narrower offers, and when we walk away."),
        4,
    )
    book.table_head(ws, HEAD_ROW, [_("Kind"), _("What"), _("Worth to us"), _("When we use it")])
    first = HEAD_ROW + 1
    row = first - 1
    for i, f in enumerate(deal.fallbacks):
        row += 1
        where = f"fallbacks[{i}]"
        kind = fallback_word(f.kind)
        book.text(ws, f"A{row}", kind, f"{where}.kind", border=BOX)
        what = book.text(ws, f"B{row}", f.what, f"{where}.what", border=BOX).value
        book.money(ws, f"C{row}", f.value, left_out=discreet and f.kind == "batna", border=BOX)
        trigger = book.text(ws, f"D{row}", f.trigger, f"{where}.trigger", border=BOX).value
        _row_height(ws, row, [(what, widths[2]), (trigger, widths[4])])
    if not deal.fallbacks:
        row += 1
        book.fixed(ws, f"B{row}", "(no fallbacks yet)", font=NOTE_FONT)
    last = row
    # A hidden helper column picks out the BATNA values for the walk-away check on the Summary.
    for r in range(first, last + 1):
        book.formula(
            ws, f"E{r}", f'=IF(AND(A{r}="{BATNA_WORDS}",ISNUMBER(C{r})),C{r},"")', book.money_format
        )
    ws.column_dimensions["E"].hidden = True
    book.name("BatnaValues", ws, f"E{first}:E{last}")
    ws.freeze_panes = f"A{HEAD_ROW + 1}"
    page_setup(book, ws, landscape=True, title_rows=f"{HEAD_ROW}:{HEAD_ROW}")


def listening_sheet(book: Book, ws: Any) -> None:
    listening = book.deal.listening
    widths = {1: 10, 2: 40, 3: 40, 4: 40}
    set_widths(ws, widths)
    _title(
        book,
        ws,
        "Listening",
        "Interests and the why behind them, objections we expect, and questions to ask.",
        4,
    )
    row = HEAD_ROW
    book.fixed(ws, f"A{row}", _("Interests"), font=LABEL_FONT)
    row += 1
    book.table_head(ws, row, [_("Whose"), _("What"), _("Why")])
    for i, it in enumerate(listening.interests):
        row += 1
        party = party_word(it.party)
        where = f"listening.interests[{i}]"
        book.text(ws, f"A{row}", party, f"{where}.party", border=BOX)
        what = book.text(ws, f"B{row}", it.what, f"{where}.what", border=BOX).value
        why = book.text(ws, f"C{row}", it.why, f"{where}.why", border=BOX).value
        _row_height(ws, row, [(what, widths[2]), (why, widths[3])])
    row += 2
    book.fixed(ws, f"A{row}", _("Objections we expect"), font=LABEL_FONT)
    row += 1
    book.table_head(ws, row, ["#", _("Objection"), _("Why they raise it"), _("Our response")])
    for i, ob in enumerate(listening.objections):
        row += 1
        book.style(ws.cell(row=row, column=1), alignment=CENTER, border=BOX).value = i + 1
        where = f"listening.objections[{i}]"
        texts = [
            (
                book.text(ws, f"B{row}", ob.objection, f"{where}.objection", border=BOX).value,
                widths[2],
            ),
            (book.text(ws, f"C{row}", ob.why, f"{where}.why", border=BOX).value, widths[3]),
            (
                book.text(ws, f"D{row}", ob.response, f"{where}.response", border=BOX).value,
                widths[4],
            ),
        ]
        _row_height(ws, row, texts)
    row += 2
    book.fixed(ws, f"A{row}", _("Questions to ask"), font=LABEL_FONT)
    row += 1
    book.table_head(ws, row, ["#", _("Question")])
    merge(ws, f"B{row}:D{row}")
    for i, q in enumerate(listening.questions):
        row += 1
        book.style(ws.cell(row=row, column=1), alignment=CENTER, border=BOX).value = i + 1
        text = book.text(ws, f"B{row}", q, f"listening.questions[{i}]", border=BOX).value
        _box(book, ws, row, 4, first_col=3)
        merge(ws, f"B{row}:D{row}")
        fit_row(ws, row, text, widths[2] + widths[3] + widths[4])
    ws.freeze_panes = f"A{HEAD_ROW}"
    page_setup(book, ws, landscape=True, title_rows="1:1")


def offers_sheet(book: Book, ws: Any) -> None:
    widths = {1: 18, 2: 8, 3: max(16, book.money_width), 4: 60}
    set_widths(ws, widths)
    _title(book, ws, "Offers", "Offers and counter-offers so far, oldest first as entered.", 4)
    book.table_head(ws, HEAD_ROW, [_("When"), _("By"), _("Amount"), _("Terms")])
    row = HEAD_ROW
    for i, offer in enumerate(book.deal.offers):
        row += 1
        where = f"offers[{i}]"
        when = _datetime(offer.at)
        if when is not None:
            cell = ws.cell(row=row, column=1)
            book.style(cell, number_format=DATE_TIME, alignment=LEFT_TOP, border=BOX)
            cell.value = when
        else:
            book.text(ws, f"A{row}", offer.at, f"{where}.at", border=BOX)
        by = offer_by_word(offer.by)
        book.text(ws, f"B{row}", by, f"{where}.by", border=BOX)
        book.money(ws, f"C{row}", offer.amount, border=BOX)
        terms = book.text(ws, f"D{row}", offer.terms, f"{where}.terms", border=BOX).value
        fit_row(ws, row, terms, widths[4])
    if not book.deal.offers:
        book.fixed(ws, f"A{HEAD_ROW + 1}", "(no offers yet)", font=NOTE_FONT)
    ws.freeze_panes = f"A{HEAD_ROW + 1}"
    page_setup(book, ws, landscape=False, title_rows=f"{HEAD_ROW}:{HEAD_ROW}")


def _box(book: Book, ws: Any, row: int, last_col: int, first_col: int = 1) -> None:
    """Borders on the cells of a row nothing was written to (so their style is still plain)."""
    for col in range(first_col, last_col + 1):
        book.style(ws.cell(row=row, column=col), border=BOX)


def _datetime(text: str) -> datetime | None:
    """An offer's time as a real date-time when it is plain ISO 8601 without a zone, else None."""
    try:
        value = datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None
    # Spreadsheets have no time zones; keep zoned times as the text the user wrote.
    return value if value.tzinfo is None and 1900 <= value.year <= 9999 else None
