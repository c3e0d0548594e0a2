"""Numbers for people: the one money formatter and the one chance formatter.

Money: a whole amount shows no decimals; any other amount shows the currency's usual number of
decimals (two for most, none for yen or won), whatever precision it was typed with, so
`60.6500` and `60.65` both read `$60.65`. The result never breaks inside: the only space in it
is a no-break space, and the minus sign is U+2212, which line breaking keeps with its digits.

Separators: exports use the deal's own conventions (`1,234.50`, `DEAL_SEPARATORS`). The window
passes the separators of the user's locale, so its summary panel and chart read the same way
as its amount fields (`1.234,50` in German).

Chance: rounded once, from the exact value, to a whole percent; a real in-between chance never
reads 0% or 100% ("under 1%", "over 99%").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from worksheet.i18n import N_, _

NBSP = "\u00a0"
MINUS = "\u2212"
DASH = "—"

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
SUFFIX_SYMBOLS = frozenset({"PLN", "SEK", "NOK", "DKK", "CHF"})

#: Currencies whose everyday amounts have no minor unit (ISO 4217 exponent 0); others use 2.
NO_DECIMALS = frozenset({"JPY", "KRW", "CLP", "ISK", "VND", "XAF", "XOF", "PYG", "UGX", "HUF"})


@dataclass(frozen=True)
class Separators:
    """How an output writes numbers: group separator, decimal point, and for a language's own
    conventions its digits (Arabic-Indic in Egypt), whether four-digit numbers are grouped
    (not in Spanish) and whether the currency symbol follows the number (`1.234,50 €`)."""

    group: str = ","
    decimal: str = "."
    digits: str = ""  # the ten digits 0–9 in the language's script; "" keeps 0123456789
    min_group: int = 1  # 2: a four-digit whole part stays ungrouped (1234, but 12.345)
    symbol_after: bool = False


#: The deal's own conventions: what files and exports use.
DEAL_SEPARATORS = Separators()

#: Each shipped language's everyday conventions (CLDR's, as Qt's QLocale and Babel have them),
#: for the outputs that have no QLocale: the prep sheet and the command line.
LANGUAGE_SEPARATORS: dict[str, Separators] = {
    "en": DEAL_SEPARATORS,
    "de": Separators(group=".", decimal=",", symbol_after=True),
    "es": Separators(group=".", decimal=",", min_group=2, symbol_after=True),
    "ar": Separators(group="\u066c", decimal="\u066b", digits="٠١٢٣٤٥٦٧٨٩", symbol_after=True),
}


def language_separators(code: str) -> Separators:
    return LANGUAGE_SEPARATORS.get(code, DEAL_SEPARATORS)


def native_digits(text: str, seps: Separators) -> str:
    """`text` with its ASCII digits written in the conventions' own digits."""
    if not seps.digits:
        return text
    return text.translate(str.maketrans("0123456789", seps.digits))


def currency_places(currency: str) -> int:
    """The currency's usual number of decimals."""
    return 0 if currency in NO_DECIMALS else 2


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_amount(
    amount: Decimal,
    currency: str = "USD",
    *,
    seps: Separators = DEAL_SEPARATORS,
    places: int | None = None,
) -> str:
    """`1234567.5` → `1,234,567.50`: grouped, whole amounts without decimals, others with the
    currency's usual decimals (or `places`). No sign: the caller puts it."""
    amount = abs(amount)
    if places is None:
        places = currency_places(currency)
        rounded = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
        if rounded == rounded.to_integral_value():
            places = 0
    rounded = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    text = f"{rounded:f}"
    whole, _point, fraction = text.partition(".")
    group = NBSP if seps.group in (" ", NBSP, "\u202f") else seps.group
    out = whole if len(whole) < 4 + seps.min_group - 1 else _group(whole, group)
    if fraction:
        out += seps.decimal + fraction
    return native_digits(out, seps)


def format_money(
    amount: Decimal | None,
    currency: str = "USD",
    *,
    blank: str = DASH,
    seps: Separators = DEAL_SEPARATORS,
) -> str:
    """An amount with the deal's currency: `$92,000`, `92,000 zł`, `SEK 92,000`, `$60.65`.

    The one money formatter of the app; the text never breaks inside (see the module note).
    """
    if amount is None:
        return blank
    number = format_amount(amount, currency, seps=seps)
    rounded_zero = number.strip("0" + seps.decimal + seps.group + NBSP) == ""
    sign = MINUS if amount < 0 and not rounded_zero else ""
    symbol = CURRENCY_SYMBOLS.get(currency)
    if symbol is None:
        return f"{sign}{currency}{NBSP}{number}"
    if currency in SUFFIX_SYMBOLS or seps.symbol_after:
        return f"{sign}{number}{NBSP}{symbol}"
    return f"{sign}{symbol}{number}"


def format_range(
    low: Decimal | None,
    high: Decimal | None,
    currency: str = "USD",
    *,
    seps: Separators = DEAL_SEPARATORS,
) -> str:
    """`$96,500 – $112,000`; one amount when both ends read the same."""
    a = format_money(low, currency, seps=seps)
    b = format_money(high, currency, seps=seps)
    return a if a == b else f"{a}{NBSP}– {b}"  # a line may break after the dash, not before


def _percent(probability: float | Decimal) -> Decimal:
    p = probability if isinstance(probability, Decimal) else Decimal(repr(float(probability)))
    return p * 100


def format_chance(probability: float | Decimal | None) -> str:
    """`0.7213` → `72%`, rounded once from the value given; a chance strictly between 0 and 1
    never reads `0%` or `100%` (`under 1%`, `over 99%`)."""
    if probability is None:
        return DASH
    pct = _percent(probability)
    if pct <= 0:
        return _("{percent}%").format(percent=0)
    if pct >= 100:
        return _("{percent}%").format(percent=100)
    whole = pct.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    if whole < 1:
        return _(UNDER_ONE)
    if whole >= 100:
        return _(OVER_99)
    return _("{percent}%").format(percent=f"{whole:f}")


#: The chance's words, also written (in the reader's language) into the workbook's live
#: chance formula.
UNDER_ONE = N_("under 1%")
OVER_99 = N_("over 99%")
NO_CHANCE = N_("no chance")
CERTAINTY = N_("certainty")
ABOUT = N_("about {percent}%")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def chance_words_expression(chance: str) -> str:
    """A spreadsheet expression that words the chance `chance` (an expression of the exact,
    unrounded chance) as `chance_phrase` does (its ROUND halves away from zero, so a chance of
    exactly x.5 % may read one point higher than in the app)."""
    p = f"({chance})"
    before, _sep, after = _(ABOUT).partition("{percent}")
    no, certain = _quoted(_(NO_CHANCE)), _quoted(_(CERTAINTY))
    under, over = _quoted(_(UNDER_ONE)), _quoted(_(OVER_99))
    about = f"{_quoted(before)}&ROUND({p}*100,0)&{_quoted(after)}"
    return (
        f"IF({p}<=0,{no},IF({p}>=1,{certain},"
        f"IF({p}*100<0.5,{under},IF({p}*100>=99.5,{over},{about}))))"
    )


def chance_formula(chance: str, ready: str) -> str:
    """The chance's words as a formula, blank until `ready` is true."""
    return f'=IF({ready},{chance_words_expression(chance)},"")'


def chance_phrase(probability: float | Decimal | None) -> str:
    """The chance inside a sentence: `about 49%`, `under 1%`, `over 99%`, `no chance`."""
    if probability is not None:
        pct = _percent(probability)
        if pct <= 0:
            return _(NO_CHANCE)
        if pct >= 100:
            return _(CERTAINTY)
        whole = pct.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
        if 1 <= whole < 100:
            return _(ABOUT).format(percent=f"{whole:f}")
    return format_chance(probability)


def is_no_chance(probability: float | Decimal | None) -> bool:
    return probability is not None and _percent(probability) <= 0


def short_money(amount: Decimal, currency: str = "USD") -> str:
    """A compact form for chart ticks: `$104k`, `$1.2M`; exact below a thousand."""
    a = abs(amount)
    for size, suffix in ((Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "M"), (Decimal(1000), "k")):
        if a >= size:
            scaled = (a / size).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN).normalize()
            text = f"{scaled:f}{suffix}"
            break
    else:
        text = format_amount(a, currency)
    sign = MINUS if amount < 0 else ""
    symbol = CURRENCY_SYMBOLS.get(currency)
    if symbol is None:
        return f"{sign}{currency}{NBSP}{text}"
    if currency in SUFFIX_SYMBOLS:
        return f"{sign}{text}{NBSP}{symbol}"
    return f"{sign}{symbol}{text}"
