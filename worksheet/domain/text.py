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


def price_marks(
    walk_away: Decimal | None,
    package_walk_away: Decimal | None,
    target: Decimal | None,
    opening: Decimal | None,
    *,
    seller: bool,
    show_walk_away: bool = True,
) -> list[tuple[str, str, Decimal]]:
    """Our prices to mark on a price axis, as (key, word, amount), in the same words in the
    window's chart and on the prep sheet. The walk-away shows twice only when the package moves
    it; `show_walk_away=False` (a discreet copy) leaves both out."""
    marks: list[tuple[str, str, Decimal]] = []
    if show_walk_away and package_walk_away is not None:
        if walk_away is not None and walk_away != package_walk_away:
            marks.append(("walk_away", "walk-away", walk_away))
            limit = "package floor" if seller else "package ceiling"
            marks.append(("floor", limit, package_walk_away))
        else:
            marks.append(("floor", "walk-away", package_walk_away))
    if target is not None:
        marks.append(("target", "target", target))
    if opening is not None:
        marks.append(("opening", "opening", opening))
    return marks


def format_probability(probability: float | None) -> str:
    """`0.7213` → `72%`; never rounds a real chance to 0% or 100%."""
    if probability is None:
        return "—"
    if 0 < probability < 0.005:
        return "under 1%"
    if 0.995 <= probability < 1:
        return "over 99%"
    return f"{probability * 100:.0f}%"


STATUS_TITLES: dict[str, str] = {
    "certain": "Deal zone: certain",
    "possible": "Deal zone: possible",
    "none": "No deal zone",
    "unknown": "Deal zone unknown",
}


def status_sentence(summary: Summary, currency: str) -> str:
    """The ZOPA status in plain words: what it means, the chance, and the zone or the gap.

    Seller and buyer get the same story mirrored: our package floor (seller) or ceiling
    (buyer) against their estimated walk-away.
    """
    money = lambda a: format_money(a, currency)  # noqa: E731
    s = summary
    if s.status == "unknown":
        if s.has_warning("estimate_out_of_order"):
            return (
                "Their walk-away estimate is out of order (lowest, most likely, highest), "
                "so the zone cannot be worked out."
            )
        if s.package_walk_away is None:
            return "Set your walk-away price to see where a deal can happen."
        return "Estimate their walk-away to see where a deal can happen."
    seller = s.role == "seller"
    limit = f"our package {'floor' if seller else 'ceiling'} of {money(s.package_walk_away)}"
    if s.status == "certain":
        assert s.likely is not None
        return (
            f"Even our most cautious guess of their walk-away leaves room "
            f"{'above' if seller else 'below'} {limit}: a deal is there to be made. "
            f"Likely zone {money(s.likely.low)} – {money(s.likely.high)}."
        )
    if s.status == "possible":
        assert s.best is not None
        chance = format_probability(s.probability)
        chance = f"about {chance}" if chance[0].isdigit() else chance
        where = (
            f"Likely zone {money(s.likely.low)} – {money(s.likely.high)}."
            if s.likely is not None
            else f"Only our most hopeful guess leaves a zone: {money(s.best.low)} – "
            f"{money(s.best.high)}."
        )
        return (
            f"A deal is possible, with a chance of {chance}: it needs their walk-away "
            f"{'above' if seller else 'below'} {limit}. {where}"
        )
    return (
        f"No deal zone: even our most hopeful guess of their walk-away is {money(s.gap)} "
        f"{'short of' if seller else 'beyond'} {limit}. Rethink the package or the walk-away, "
        f"or prepare the fallbacks."
    )
