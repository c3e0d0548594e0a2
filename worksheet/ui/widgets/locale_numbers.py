"""The window's locale as the presentation layer's separators, so every amount the window
shows (fields, summary panel, chart) is written the same way."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from worksheet.present.numbers import Separators


def separators(locale: QLocale) -> Separators:
    """`1.234,50` for German, `1,234.50` for English, `١٬٢٣٤٫٥٠` in Egypt: the style the
    amount fields write (money_field.format_amount_for_locale), so the screen never disagrees
    with itself. Whether four-digit numbers are grouped and where the currency symbol goes
    are read from how Qt writes the locale's own numbers."""
    zero = locale.zeroDigit()
    digits = "" if zero == "0" else "".join(chr(ord(zero) + i) for i in range(10))
    four = locale.toString(1234)
    return Separators(
        group=locale.groupSeparator(),
        decimal=locale.decimalPoint(),
        digits=digits,
        min_group=1 if locale.groupSeparator() in four else 2,
        # The C locale has no currency style of its own; it writes numbers as English does.
        symbol_after=locale.language() != QLocale.Language.C
        and not locale.toCurrencyString(1.0, "¤").startswith("¤"),
    )
