"""The window's locale as the presentation layer's separators, so every amount the window
shows (fields, summary panel, chart) is written the same way."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from worksheet.present.numbers import Separators


def separators(locale: QLocale) -> Separators:
    """`1.234,50` for German, `1,234.50` for English: the separators the amount fields write
    (money_field.format_amount_for_locale), so the screen never disagrees with itself."""
    return Separators(group=locale.groupSeparator(), decimal=locale.decimalPoint())
