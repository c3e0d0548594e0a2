"""The shared state and the small cell-writing vocabulary of the workbook exporter (openpyxl)."""

from __future__ import annotations

import math
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary
from worksheet.export.xlsx.cells import TextGuard, header_text
from worksheet.export.xlsx.zone import LEFT_OUT
from worksheet.i18n import _

# Colours chosen to print well in grey too: dark headers, pale fills for inputs and results.
INK = "1F2937"
MUTED = "6B7280"
BAND = "1F4E79"
TABLE_HEAD = "DCE6F1"
INPUT_FILL = "FFF2CC"
RESULT_FILL = "E2EFDA"
WARN_FILL = "FCE4D6"
GRID = "BFBFBF"

PROBABILITY_FORMAT = "0.0%"

_thin = Side(style="thin", color=GRID)
BOX = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
UNDERLINE = Border(bottom=Side(style="medium", color=BAND))

TITLE_FONT = Font(size=16, bold=True, color=INK)
SUBTITLE_FONT = Font(size=10, italic=True, color=MUTED)
BAND_FONT = Font(size=12, bold=True, color="FFFFFF")
LABEL_FONT = Font(bold=True, color=INK)
HEAD_FONT = Font(bold=True, color=INK)
NOTE_FONT = Font(size=9, italic=True, color=MUTED)
ALERT_FONT = Font(bold=True, color="9C0006")

BAND_FILL = PatternFill("solid", fgColor=BAND)
HEAD_FILL = PatternFill("solid", fgColor=TABLE_HEAD)
INPUT_CELL = PatternFill("solid", fgColor=INPUT_FILL)
RESULT_CELL = PatternFill("solid", fgColor=RESULT_FILL)

WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTER = Alignment(horizontal="center", vertical="top")
CENTER_WRAP = Alignment(horizontal="center", vertical="top", wrap_text=True)
LEFT_TOP = Alignment(horizontal="left", vertical="top")

#: Points per line of 10–11 pt text, used to size rows whose text wraps (no spreadsheet grows
#: merged cells by itself).
LINE_POINTS = 14.5


@dataclass
class Book:
    """One export in progress: the workbook, the deal, its summary and what was noted on the way."""

    wb: Any
    deal: Deal
    summary: Summary
    discreet: bool
    money_format: str
    #: The same without decimals, for the chart's price axis.
    axis_format: str = "#,##0"
    #: Characters a money column needs for the largest amount of this deal.
    money_width: float = 14.0
    guard: TextGuard = field(default_factory=TextGuard)
    #: Defined name -> "Sheet!$B$7", kept for the tests and the Workings sheet's explanations.
    names: dict[str, str] = field(default_factory=dict)
    #: The deal's title, cleaned once (so a dropped character is noted once, not per sheet).
    title: str = ""
    _styles: dict[tuple, tuple[Any, dict[str, Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.title = self.guard.clean(self.deal.title, "title")

    def name(self, name: str, ws: Any, ref: str) -> None:
        """Give a cell or range a workbook-scope name (absolute reference)."""
        absolute = _absolute(ref)
        target = f"{quote_sheetname(ws.title)}!{absolute}"
        self.wb.defined_names[name] = DefinedName(name, attr_text=target)
        self.names[name] = target

    # ---- writing cells -------------------------------------------------------------------

    def style(self, cell: Any, **attrs: Any) -> Any:
        """Set font, fill, border, alignment, number_format… on a cell, fast.

        openpyxl hashes every style object on each assignment, which dominates the time of a
        workbook with thousands of rows. The first cell with a given combination is styled the
        slow way and its compact style record is reused for the next ones. Keys are object ids;
        the cache keeps the objects alive, so an id cannot be reused by another object. Only
        plain cells use the cache, and text goes in after (the record holds the quote prefix).
        """
        if cell.has_style:  # already styled: a cached record would drop what it has
            for attr, value in attrs.items():
                setattr(cell, attr, value)
            return cell
        key = tuple(sorted((k, id(v)) for k, v in attrs.items()))
        hit = self._styles.get(key)
        if hit is None:
            for attr, value in attrs.items():
                setattr(cell, attr, value)
            self._styles[key] = (copy(cell._style), attrs)
        else:
            cell._style = copy(hit[0])
        return cell

    def text(self, ws: Any, ref: str, value: Any, where: str, **style: Any) -> Any:
        cell = ws[ref]
        style.setdefault("alignment", WRAP_TOP)
        self.style(cell, **style)
        self.guard.put(cell, value, where)
        return cell

    def fixed(self, ws: Any, ref: str, value: str, **style: Any) -> Any:
        """Our own words (labels, headings): still written as text, never parsed."""
        cell = ws[ref]
        style.setdefault("alignment", TOP)
        self.style(cell, **style)
        cell.value = value
        cell.data_type = "s"
        return cell

    def money(
        self, ws: Any, ref: str, amount: Decimal | None, *, left_out: bool = False, **style: Any
    ) -> Any:
        cell = ws[ref]
        style.setdefault("alignment", TOP)
        if left_out:
            style["font"] = NOTE_FONT
        self.style(cell, number_format=self.money_format, **style)
        if left_out:
            cell.value = LEFT_OUT
            cell.data_type = "s"
        else:
            cell.value = amount  # a Decimal is written with its exact digits
        return cell

    def formula(
        self, ws: Any, ref: str, formula: str, number_format: str | None = None, **style: Any
    ) -> Any:
        cell = ws[ref]
        style.setdefault("alignment", TOP)
        if number_format:
            style["number_format"] = number_format
        self.style(cell, **style)
        cell.value = formula
        return cell

    def band(self, ws: Any, row: int, title: str, last_col: int) -> None:
        """A section heading: white on dark blue across the used columns."""
        for col in range(1, last_col + 1):
            self.style(ws.cell(row=row, column=col), fill=BAND_FILL)
        self.fixed(ws, f"A{row}", title, font=BAND_FONT)
        ws.row_dimensions[row].height = 20

    def table_head(self, ws: Any, row: int, headings: list[str], first_col: int = 1) -> None:
        for offset, heading in enumerate(headings):
            cell = ws.cell(row=row, column=first_col + offset)
            self.fixed(
                ws,
                cell.coordinate,
                heading,
                font=HEAD_FONT,
                alignment=WRAP_TOP,
                fill=HEAD_FILL,
                border=BOX,
            )


def _absolute(ref: str) -> str:
    from openpyxl.utils.cell import absolute_coordinate

    return absolute_coordinate(ref)


def rows_for(text: str, width_chars: float) -> int:
    """How many lines `text` takes in a wrapped cell about `width_chars` characters wide."""
    usable = max(8.0, width_chars * 1.15 - 2)
    lines = 0
    for paragraph in (text or "").split("\n"):
        lines += max(1, math.ceil(len(paragraph) / usable))
    return lines


def fit_row(ws: Any, row: int, text: str, width_chars: float, minimum: float = 15.0) -> None:
    """Grow a row so wrapped text shows in full (never shrinks a row another cell already grew)."""
    needed = rows_for(text, width_chars) * LINE_POINTS + 3
    # Excel caps a row at 409 points; longer text stays in the cell, scrollable when edited.
    needed = min(max(needed, minimum), 409.0)
    current = ws.row_dimensions[row].height or 0
    if needed > current:
        ws.row_dimensions[row].height = needed


def merge(ws: Any, ref: str) -> None:
    """Merge a range, keeping each covered cell's own style (borders, fills).

    openpyxl's `merge_cells` scans every earlier merge for overlap and restyles the edges,
    which takes seconds for thousands of rows; the exporter's merges never overlap and its
    cells already carry their borders, so this does only the essential part.
    """
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.merge import MergedCellRange

    merged = MergedCellRange(ws, ref)
    ws.merged_cells.ranges.add(merged)
    cells = iter(merged.cells)
    next(cells)  # the top-left cell keeps its value
    for row, col in cells:
        old = ws._cells.get((row, col))
        covered = MergedCell(ws, row, col)
        if old is not None and old.has_style:
            covered._style = copy(old._style)
        ws._cells[(row, col)] = covered


def set_widths(ws: Any, widths: dict[int, float]) -> None:
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width


def page_setup(book: Book, ws: Any, *, landscape: bool, title_rows: str | None = None) -> None:
    """Fit the width of a page, title in the header, page numbers in the footer."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    if title_rows:
        ws.print_title_rows = title_rows
    title = header_text(book.title or _("Untitled deal"))
    ws.oddHeader.center.text = title
    ws.oddHeader.center.size = 9
    left = _("Deal Worksheet — discreet copy") if book.discreet else "Deal Worksheet"
    ws.oddFooter.left.text = left
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = _("Page &P of &N")
    ws.oddFooter.center.size = 8
    ws.oddFooter.right.text = "&A"
    ws.oddFooter.right.size = 8
