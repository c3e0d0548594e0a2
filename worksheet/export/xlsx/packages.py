"""The Packages sheet: every package side by side, its figures live formulas (spec §2.5).

Each package is one column. Its ask and its TRUE/FALSE ticks (one row per concession, in the
Concessions sheet's order) are inputs; cost, value, net, chance of acceptance, expected value
and best ask are formulas over those, the Concessions sheet's costs and values, the filled-in
estimate of the Zone workings and our walk-away, so a manager who edits a cost or an ask sees
every package follow. A discreet copy shows names, asks and contents only.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from worksheet.export.xlsx.book import (
    BOX,
    CENTER,
    HEAD_FILL,
    HEAD_FONT,
    INPUT_CELL,
    LABEL_FONT,
    NOTE_FONT,
    RESULT_CELL,
    TITLE_FONT,
    WRAP_TOP,
    Book,
    fit_row,
    merge,
    page_setup,
    set_widths,
)
from worksheet.export.xlsx.cells import money_format
from worksheet.export.xlsx.names import PACKAGE_ASK, PACKAGE_ID, PACKAGE_TICK_ID, PACKAGE_TICKS
from worksheet.i18n import _
from worksheet.present.packages import LABELS, MESO_NOTE, package_name

#: A tick reads TRUE/FALSE even where a spreadsheet keeps it as 1/0 (LibreOffice may).
TICK_FORMAT = '"TRUE";"TRUE";"FALSE"'
#: Decimal places of the reported figures (spec §2.4): chances to 4, money to cents.
CHANCE_FORMAT = "0.0%"

FIRST_COL = 2  # column B holds the first package
ID_ROW = 3  # hidden: the package ids, for the read-back
NAME_ROW, ASK_ROW, ACTIVE_ROW = 5, 6, 7
#: Working rows, then the reported figures.
COST_ROW, VALUE_ROW, LO_ROW, MID_ROW, HI_ROW, OWN_ROW = 9, 10, 11, 12, 13, 14
NET_ROW, CHANCE_ROW, EXPECTED_ROW, BEST_ROW = 15, 16, 17, 18
GIVES_HEAD_ROW = 20


def _f(template: str, **cells: str) -> str:
    return "=" + template.format(**cells)


def round_even(expr: str, places: int) -> str:
    """`expr` rounded half to even, as the app reports (spreadsheets' ROUND goes half up)."""
    scale = f"1E{places}"
    scaled = f"({expr})*{scale}"
    return (
        f"IF(ABS(MOD({scaled},1)-0.5)<1E-9,(INT({scaled})+ISODD(INT({scaled})))/{scale},"
        f"ROUND({expr},{places}))"
    )


def column_formulas(col: str, flags: str) -> dict[int, str]:
    """The formulas of one package column; `flags` is its TRUE/FALSE range."""
    c = {
        "ask": f"{col}{ASK_ROW}",
        "cost": f"{col}{COST_ROW}",
        "value": f"{col}{VALUE_ROW}",
        "lo": f"{col}{LO_ROW}",
        "mid": f"{col}{MID_ROW}",
        "hi": f"{col}{HI_ROW}",
        "own": f"{col}{OWN_ROW}",
        "net": f"{col}{NET_ROW}",
        "chance": f"{col}{CHANCE_ROW}",
        "flags": flags,
    }
    # F(x) of the triangular lo/mid/hi for x = the ask (lo < hi).
    cdf = (
        "IF({ask}<={lo},0,IF({ask}>={hi},1,IF({ask}<={mid},"
        "({ask}-{lo})^2/(({hi}-{lo})*({mid}-{lo})),"
        "1-({hi}-{ask})^2/(({hi}-{lo})*({hi}-{mid})))))"
    )
    seller_best = (
        "IF({lo}={hi},{lo},IF(({hi}+2*{own})/3>={mid},({hi}+2*{own})/3,"
        "MIN(MAX({lo}+(({own}-{lo})+SQRT(({own}-{lo})^2+3*({hi}-{lo})*({mid}-{lo})))/3,"
        "{lo},{own}),{mid})))"
    )
    buyer_best = (
        "IF({lo}={hi},{lo},IF(({lo}+2*{own})/3<={mid},({lo}+2*{own})/3,"
        "MAX(MIN({hi}-(({hi}-{own})+SQRT(({hi}-{own})^2+3*({hi}-{lo})*({hi}-{mid})))/3,"
        "{hi},{own}),{mid})))"
    )
    # The exact chance: the expected value weighs the net with it, not the rounded one (§2.5).
    exact = (
        "IF({lo}={hi},IF(IsSeller,IF({ask}<={lo},1,0),IF({lo}<={ask},1,0)),"
        "IF(IsSeller,1-" + cdf + "," + cdf + "))"
    ).format(**c)
    return {
        COST_ROW: _f("ROUND(SUMIFS(ConcessionCost,{flags},TRUE),5)", **c),
        VALUE_ROW: _f("ROUND(SUMIFS(ConcessionValue,{flags},TRUE),5)", **c),
        LO_ROW: _f('IF(EstimateInOrder,EstimateLow+IF(IsSeller,{value},-{value}),"")', **c),
        MID_ROW: _f('IF(EstimateInOrder,EstimateLikely+IF(IsSeller,{value},-{value}),"")', **c),
        HI_ROW: _f('IF(EstimateInOrder,EstimateHigh+IF(IsSeller,{value},-{value}),"")', **c),
        OWN_ROW: _f('IF(ISNUMBER(WalkAway),IF(IsSeller,WalkAway+{cost},WalkAway-{cost}),"")', **c),
        NET_ROW: _f(
            'IF(AND(ISNUMBER({ask}),EstimateInOrder),IF(IsSeller,{ask}-{cost},{ask}+{cost}),"")',
            **c,
        ),
        CHANCE_ROW: '=IF(ISNUMBER({net}),{rounded},"")'.format(
            net=c["net"], rounded=round_even(exact, 4)
        ),
        # The exact chance, not the rounded one, weighs the net (spec §2.5).
        EXPECTED_ROW: '=IF(AND(ISNUMBER({net}),COUNT(BatnaValues)>0),{rounded},"")'.format(
            net=c["net"],
            rounded=round_even(
                f"{exact}*{c['net']}+(1-{exact})*IF(IsSeller,MAX(BatnaValues),MIN(BatnaValues))",
                2,
            ),
        ),
        BEST_ROW: _f(
            'IF(AND(ISNUMBER({own}),EstimateInOrder),IF(IsSeller,IF({own}>={hi},"",'
            + round_even(seller_best, 2)
            + '),IF({own}<={lo},"",'
            + round_even(buyer_best, 2)
            + ')),"")',
            **c,
        ),
    }


def packages_sheet(book: Book, ws: Any, concession_rows: int) -> None:
    """Write the sheet; `concession_rows` is the height of the Concessions sheet's ranges."""
    deal, discreet = book.deal, book.discreet
    packages = deal.packages
    money_width = max(16, book.money_width)
    count = max(len(packages), 3)  # columns B–D get a width even before there are packages
    widths = {1: 38, **{FIRST_COL + i: max(22, money_width) for i in range(count)}}
    set_widths(ws, widths)
    last_col = max(FIRST_COL + len(packages) - 1, 4)
    book.fixed(ws, "A1", _("Packages"), font=TITLE_FONT)
    note = _(
        "Each column is one offer: an ask with the concessions ticked TRUE below. Change a "
        "yellow ask or tick, or a cost or value on the Concessions sheet, and every package's "
        "figures follow."
    )
    if discreet:
        note = _("Each column is one offer: its ask and what it gives (discreet copy: no figures).")
    book.fixed(ws, "A2", note, font=NOTE_FONT, alignment=WRAP_TOP)
    merge(ws, f"A2:{get_column_letter(last_col)}2")
    ws.row_dimensions[2].height = 30
    page_setup(book, ws, landscape=True)
    if not packages:
        book.fixed(ws, "A4", _("(no packages yet)"), font=NOTE_FONT)
        return
    ws.freeze_panes = f"B{ASK_ROW + 1}"  # names and asks stay in view

    ordered = deal.concessions_in_order()
    first_flag = GIVES_HEAD_ROW + 1
    last_flag = first_flag + max(concession_rows, 1) - 1
    labels = [
        (NAME_ROW, LABELS["name"]),
        (ASK_ROW, LABELS["ask"]),
        (ACTIVE_ROW, LABELS["active"]),
    ]
    if not discreet:
        labels += [
            (COST_ROW, LABELS["cost_to_us"]),
            (VALUE_ROW, LABELS["value_to_them"]),
            (LO_ROW, _("Their walk-away with it, lowest")),
            (MID_ROW, _("Their walk-away with it, most likely")),
            (HI_ROW, _("Their walk-away with it, highest")),
            (OWN_ROW, _("Our walk-away with it (floor or ceiling)")),
            (NET_ROW, LABELS["net"]),
            (CHANCE_ROW, LABELS["acceptance"]),
            (EXPECTED_ROW, LABELS["expected_value"]),
            (BEST_ROW, LABELS["best_ask"]),
        ]
    for row, text in labels:
        book.fixed(ws, f"A{row}", text, font=LABEL_FONT)
    book.fixed(ws, f"A{GIVES_HEAD_ROW}", _("What each gives (TRUE = in it)"), font=HEAD_FONT)
    book.style(ws[f"A{GIVES_HEAD_ROW}"], fill=HEAD_FILL)

    for r, c in enumerate(ordered):
        where = f"concessions[{deal.concessions.index(c)}].what"
        book.text(ws, f"A{first_flag + r}", c.what or _("(not described)"), where, border=BOX)

    # Expected value and best ask are reported to the cent (spec §2.4), whatever the deal's
    # other amounts need.
    cents = money_format(deal.currency, 2)
    names = [package_name(p) for p in packages]
    fit_row(ws, NAME_ROW, max(names, key=len), widths[FIRST_COL])
    rule = DataValidation(type="list", formula1='"TRUE,FALSE"', allow_blank=True)
    rule.error = _("Type TRUE (in this package) or FALSE.")
    ws.add_data_validation(rule)
    for i, package in enumerate(packages):
        col = get_column_letter(FIRST_COL + i)
        where = f"packages[{i}]"
        book.text(ws, f"{col}{NAME_ROW}", names[i], f"{where}.name", font=HEAD_FONT)
        book.style(ws[f"{col}{NAME_ROW}"], fill=HEAD_FILL, border=BOX)
        book.money(ws, f"{col}{ASK_ROW}", package.ask, fill=INPUT_CELL, border=BOX)
        active = "active" if package.id == deal.active_package else ""
        book.fixed(ws, f"{col}{ACTIVE_ROW}", active, alignment=CENTER)
        members = set(package.concessions)
        for r, c in enumerate(ordered):
            cell = book.style(
                ws[f"{col}{first_flag + r}"],
                alignment=CENTER,
                fill=INPUT_CELL,
                border=BOX,
                number_format=TICK_FORMAT,
            )
            cell.value = c.id in members
        flags = f"${col}${first_flag}:${col}${last_flag}"
        rule.add(f"{col}{first_flag}:{col}{last_flag}")
        if discreet:
            continue
        for row, formula in column_formulas(col, flags).items():
            fmt = {CHANCE_ROW: CHANCE_FORMAT, EXPECTED_ROW: cents, BEST_ROW: cents}.get(
                row, book.money_format
            )
            reported = row in (NET_ROW, CHANCE_ROW, EXPECTED_ROW, BEST_ROW)
            style = {"fill": RESULT_CELL, "border": BOX} if reported else {"font": NOTE_FONT}
            book.formula(ws, f"{col}{row}", formula, fmt, **style)
    # For reading a manager's asks back: which package each column is (a hidden row), and the
    # asks by name (see xlsx/names.py).
    last = get_column_letter(FIRST_COL + len(packages) - 1)
    for i, package in enumerate(packages):
        book.fixed(ws, f"{get_column_letter(FIRST_COL + i)}{ID_ROW}", package.id)
    ws.row_dimensions[ID_ROW].hidden = True
    book.name(PACKAGE_ID, ws, f"B{ID_ROW}:{last}{ID_ROW}")
    book.name(PACKAGE_ASK, ws, f"B{ASK_ROW}:{last}{ASK_ROW}")
    # Every package's ticks, and which concession each row is (a hidden column beside them),
    # so a manager's ticks in any package are read back, not only the active one's.
    id_col = get_column_letter(FIRST_COL + len(packages))
    for r, c in enumerate(ordered):
        book.fixed(ws, f"{id_col}{first_flag + r}", c.id)
    ws.column_dimensions[id_col].hidden = True
    book.name(PACKAGE_TICKS, ws, f"B{first_flag}:{last}{last_flag}")
    book.name(PACKAGE_TICK_ID, ws, f"{id_col}{first_flag}:{id_col}{last_flag}")
    if not discreet:
        book.fixed(
            ws, f"A{BEST_ROW + 1}", _(MESO_NOTE) if book.summary.meso else "", font=NOTE_FONT
        )
