"""Safe cells for the workbook: user text stays text, money gets the deal's currency format."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from worksheet.present.numbers import currency_places, format_money

#: Characters XML 1.0 (and so the .xlsx file) cannot hold: C0 controls other than tab, LF and CR,
#: lone surrogate halves, and the two non-characters U+FFFE and U+FFFF.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Excel and LibreOffice decode `_xHHHH_` inside cell text as an escaped character; text that
#: happens to contain such a sequence must have its underscore escaped (`_x005F_`) to survive.
_ESCAPE_LOOKALIKE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")

#: A cell whose text starts with one of these is read as a formula when someone re-enters it;
#: the quote prefix keeps it text then too.
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\n")

#: Excel's limit on the characters in one cell.
CELL_TEXT_LIMIT = 32_767

#: Header and footer text together may not pass 255 characters in Excel; the title gets this much.
HEADER_TITLE_LIMIT = 80


class TextGuard:
    """Cleans user text for the file and remembers, per field, what had to be dropped.

    A discreet copy never reaches here with a left-out number in it: the discreet policy
    (worksheet.present.discreet) has already struck such mentions out of the shown texts.
    """

    def __init__(self) -> None:
        self.notes: list[str] = []

    def clean(self, text: Any, where: str) -> str:
        text = "" if text is None else str(text)
        cleaned, dropped = _UNWRITABLE.subn("", text)
        if dropped:
            noun = "character" if dropped == 1 else "characters"
            self.notes.append(
                f"{dropped} {noun} the file format cannot hold were dropped from {where}"
            )
        if len(cleaned) > CELL_TEXT_LIMIT:
            self.notes.append(
                f"{where} was cut to {CELL_TEXT_LIMIT:,} characters, the most one cell can hold"
            )
            cleaned = cleaned[:CELL_TEXT_LIMIT]
        return cleaned

    def put(self, cell: Any, text: Any, where: str) -> str:
        """Write user text into `cell` as a text cell, whatever it looks like; returns the text."""
        cleaned = self.clean(text, where)
        # XML readers turn a raw CR into LF; the file format spells it `_x000D_` instead.
        cell.value = _ESCAPE_LOOKALIKE.sub("_x005F_", cleaned).replace("\r", "_x000D_")
        # openpyxl guesses a type from the value ("=…" formula, "#N/A" error); force text.
        cell.data_type = "s"
        if cleaned.startswith(_FORMULA_LEADS):
            cell.quotePrefix = True
        return cleaned


def header_text(clean_text: str) -> str:
    """Cleaned user text for a page header: one line, short, `&` escaped for the header codes."""
    line = " ".join(clean_text.split())
    if len(line) > HEADER_TITLE_LIMIT:
        line = line[: HEADER_TITLE_LIMIT - 1].rstrip() + "…"
    return line.replace("&", "&&")


def money_format(currency: str, places: int) -> str:
    """An Excel number format with the currency's sign: `"$"#,##0`, `#,##0.00" zł"`, `"XYZ "#,##0`.

    The sign and its side come from `format_money`, so the workbook writes money as the window does.
    """
    number = "#,##0" if places == 0 else "#,##0." + "0" * places
    if not re.fullmatch("[A-Z]{3}", currency or ""):
        return number
    sample = format_money(Decimal(0), currency)  # e.g. "$0", "0 zł", "XYZ 0"
    if sample.startswith("0"):
        return f'{number}"{sample[1:]}"'
    return f'"{sample[:-1]}"{number}'


def money_width(currency: str, places: int, amounts: Iterable[Decimal | None]) -> float:
    """A column width (in characters) that shows the largest amount without Excel's `###`."""
    largest = max((abs(a) for a in amounts if a is not None and a.is_finite()), default=Decimal(0))
    digits = len(f"{largest:,.{places}f}")
    sign = len(format_money(Decimal(0), currency)) - 1 if re.fullmatch("[A-Z]{3}", currency) else 0
    # 1 for a minus sign, and digits are a little wider than the average character.
    return (digits + sign + 1) * 1.1 + 2


def money_places(amounts: Iterable[Decimal | None], currency: str = "USD") -> int:
    """0 when every amount is whole (a manager reads `$118,000` faster), else the currency's
    usual decimals: the same rule as the app's one money formatter (worksheet.present.numbers),
    never the precision an amount was typed with."""
    places = currency_places(currency)
    for amount in amounts:
        if amount is None or not amount.is_finite():
            continue
        if amount.quantize(Decimal(1).scaleb(-places)) != amount.to_integral_value():
            return places
    return 0
