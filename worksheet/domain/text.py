"""Words and numbers for people: money formatting and the ZOPA status in a sentence.

Shared by the window, the PDF and the command line so they all say the same thing.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from worksheet.domain.summary import Summary

CURRENCY_SYMBOLS: dict[str, str] = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "CN¥",
    "INR": "₹",
    "KRW": "₩",
    "PLN": "zł",
    "CHF": "CHF",
    "CAD": "CA$",
    "AUD": "A$",
    "BRL": "R$",
    "RUB": "₽",
    "UAH": "₴",
    "ILS": "₪",
    "TRY": "₺",
    "SEK": "kr",
    "NOK": "kr",
    "DKK": "kr",
}

#: Symbols written after the number in everyday use.
_SUFFIX_SYMBOLS = {"PLN", "SEK", "NOK", "DKK", "CHF"}


def format_amount(amount: Decimal, places: int | None = None) -> str:
    """`1234567.5` → `1,234,567.50`; whole amounts get no decimals unless `places` says so."""
    if places is None:
        places = 0 if amount == amount.to_integral_value() else 2
        if places == 2 and amount.as_tuple().exponent < -2:  # keep up to 4 places when given
            places = min(4, -int(amount.as_tuple().exponent))
    quant = Decimal(1).scaleb(-places)
    rounded = amount.quantize(quant, rounding=ROUND_HALF_EVEN)
    return f"{rounded:,.{places}f}"


def format_money(amount: Decimal | None, currency: str = "USD", *, blank: str = "—") -> str:
    """An amount with the deal's currency, e.g. `$92,000`, `92,000 zł`, `SEK 1,200`."""
    if amount is None:
        return blank
    number = format_amount(abs(amount))
    sign = "−" if amount < 0 else ""
    symbol = CURRENCY_SYMBOLS.get(currency)
    if symbol is None:
        return f"{sign}{currency} {number}"
    if currency in _SUFFIX_SYMBOLS:
        return f"{sign}{number} {symbol}"
    return f"{sign}{symbol}{number}"


def format_probability(probability: float | None) -> str:
    if probability is None:
        return "—"
    return f"{probability * 100:.0f}%"


STATUS_TITLES: dict[str, str] = {
    "certain": "Deal zone: certain",
    "possible": "Deal zone: possible",
    "none": "No deal zone",
    "unknown": "Deal zone unknown",
}


def status_sentence(summary: Summary, currency: str) -> str:
    """The ZOPA status in one plain sentence: status, probability and gap in words."""
    money = lambda a: format_money(a, currency)  # noqa: E731
    s = summary
    if s.status == "unknown":
        if s.has_warning("estimate_out_of_order"):
            return "Their walk-away estimate is out of order, so the zone cannot be computed."
        if s.package_walk_away is None:
            return "Set your walk-away price to see where a deal can happen."
        return "Estimate their walk-away to see where a deal can happen."
    chance = format_probability(s.probability)
    if s.status == "certain":
        assert s.likely is not None
        return (
            f"A deal is possible even if their walk-away is at our lowest guess; "
            f"about {chance} likely. Likely zone {money(s.likely.low)} – {money(s.likely.high)}."
        )
    if s.status == "possible":
        assert s.best is not None
        zone = s.likely or s.best
        side = "higher" if s.role == "seller" else "lower"
        return (
            f"A deal is possible if their walk-away is near our {side} "
            f"guesses; about {chance} likely. Zone {money(zone.low)} – {money(zone.high)}."
        )
    return (
        f"No deal zone: even at our best guess of their walk-away we are {money(s.gap)} apart. "
        f"Move the package or the walk-away, or prepare the fallbacks."
    )
