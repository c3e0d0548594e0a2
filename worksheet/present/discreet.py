"""The discreet policy: what a copy that can be seen across the table shows, and what it leaves
out. The PDF, the workbook and the printed copy all render `discreet_deal(deal)` with their
discreet switch on, and the window shows `LEFT_OUT` before it exports.

Shown: the title, the counterpart (name and organization), the meeting, our opening, each
concession's "what" and "ask in return", each package's name, ask and what it gives (offers we
say out loud), our questions, and empty boxes for notes. The deal's
kind, side and currency stay too: they are needed to read the opening.

Left out: our walk-away, target, BATNA and every fallback's value, each concession's cost and
value and the package's, our floor or ceiling, the zone status, the chance and the gap, our
estimate of their side and where it came from, our approach, interests and objections, offers,
sign-off and outcome, and every other free-text field.

A shown text that mentions a left-out number ("below $104,000") has the number replaced by
`REDACTED`, in whatever form it is written (104000, 104,000, 104.000, 104 000, $104k, 1.2M).
Whole amounts under 100 are not searched for: they would strike out every small number in a
sentence, and they say little about a price.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from worksheet.domain.deal import (
    Anchors,
    Concession,
    Counterpart,
    Deal,
    Listening,
    Meeting,
    Package,
)
from worksheet.i18n import N_
from worksheet.present.numbers import CURRENCY_SYMBOLS

REDACTED = "[left out]"

#: The policy in a few words, for the print preview's check box and the command line's help.
IN_SHORT = N_("only what we would say at the table; no limits, estimates, costs or notes")

#: What a discreet copy shows, in the words the export dialog uses.
SHOWN: tuple[str, ...] = (
    N_("the title, the counterpart and the meeting"),
    N_("our opening"),
    N_("each concession's “what” and “ask in return”"),
    N_("each package's name, ask and the concessions it gives"),
    N_("our questions, with empty boxes for notes"),
)

#: What a discreet copy leaves out, in the words the export dialog uses.
LEFT_OUT: tuple[str, ...] = (
    N_("our walk-away, target and package floor or ceiling"),
    N_("BATNA and fallback values"),
    N_("what the concessions and the package cost us and are worth to them"),
    N_("the deal-zone status, the chance and the gap"),
    N_("our estimate of their side and its source"),
    N_("our approach, interests and objections"),
    N_("offers, sign-off, outcome and every other free-text field"),
    N_("any left-out number mentioned in a shown text (replaced by “[left out]”)"),
)

_SIGNS = {v for v in CURRENCY_SYMBOLS.values() if not v.isalpha()} | {"US$"}

#: Smallest whole amount searched for in shown texts.
MIN_WATCHED = Decimal(100)


def left_out_summary() -> str:
    """One paragraph for the export dialog: what is shown and what is left out."""
    return (
        "A discreet copy shows only what you would say out loud: "
        + "; ".join(SHOWN)
        + ". It leaves out "
        + "; ".join(LEFT_OUT)
        + "."
    )


def left_out_amounts(deal: Deal) -> list[Decimal]:
    """Every amount a discreet copy leaves out, with the sums and limits worked out from them,
    except any that equals our opening or a package's ask (which the copy shows)."""
    from worksheet.domain.summary import summarize

    s = summarize(deal)
    a, e = deal.anchors, deal.their_estimate
    amounts: list[Decimal | None] = [a.walk_away, a.target]
    amounts += [e.target, e.walk_away_low, e.walk_away_likely, e.walk_away_high]
    amounts += [f.value for f in deal.fallbacks]
    for c in deal.concessions:
        amounts += [c.cost_to_us, c.value_to_them]
    amounts += [o.amount for o in deal.offers]
    amounts += [deal.sign_off.limits.walk_away, deal.sign_off.limits.package_cost]
    o = deal.outcome
    amounts += [o.price, o.their_walk_away_at_least, o.their_walk_away_at_most]
    amounts += [s.package_cost, s.package_value, s.package_walk_away, s.gap]
    amounts += [s.their_low, s.their_likely, s.their_high]
    amounts += [s.their_low_package, s.their_likely_package, s.their_high_package]
    for zone in (s.worst, s.likely, s.best):
        if zone is not None:
            amounts += [zone.low, zone.high]
    # The opening and the packages' asks are said out loud at the table: the copy shows them.
    shown = {abs(x).normalize() for x in (a.opening, *(p.ask for p in deal.packages)) if x}
    seen: dict[Decimal, None] = {}
    for amount in amounts:
        if amount is None or not amount.is_finite() or amount == 0:
            continue
        amount = abs(amount).normalize()
        if amount in shown:
            continue
        seen.setdefault(amount, None)
    return list(seen)


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


def number_forms(amount: Decimal) -> list[str]:
    """The ways people write `amount`: 104000, 104,000, 104.000, 104 000, 104k, 99.95, 99,95."""
    amount = abs(amount).normalize()
    plain = f"{amount:f}"
    whole, _, fraction = plain.partition(".")
    forms: list[str] = []
    for sep, point in ((",", "."), (".", ","), (" ", ","), (" ", "."), ("\u00a0", ","), ("", ".")):
        for grouping in (sep, "\u202f", "\u2009") if sep == " " else (sep,):
            text = _group(whole, grouping)
            if fraction:
                text += point + fraction
                # the same with the cents written out, e.g. 99.5 -> 99.50
                if len(fraction) == 1:
                    forms.append(text + "0")
            forms.append(text)
    if fraction:
        # rounded to cents, as the app prints it (60.6549 -> 60.65)
        cents = f"{amount.quantize(Decimal('0.01')):f}"
        w, _, f = cents.partition(".")
        forms += [f"{_group(w, ',')}.{f}", f"{_group(w, '.')},{f}", f"{w}.{f}"]
    else:
        n = int(whole)
        if n >= 1000 and n % 100 == 0:
            k = Decimal(n) / 1000
            for text in {f"{k.normalize():f}", f"{k.normalize():f}".replace(".", ",")}:
                forms += [f"{text}k", f"{text}K", f"{text} k", f"{text} K"]
        if n >= 1_000_000 and n % 100_000 == 0:
            m = Decimal(n) / 1_000_000
            for text in {f"{m.normalize():f}", f"{m.normalize():f}".replace(".", ",")}:
                forms += [f"{text}M", f"{text}m", f"{text} M", f"{text}mn"]
    return list(dict.fromkeys(forms))


def watched(amount: Decimal) -> bool:
    amount = abs(amount)
    return amount >= MIN_WATCHED or amount != amount.to_integral_value()


def amounts_pattern(amounts: Iterable[Decimal]) -> re.Pattern[str] | None:
    """One pattern for every form of every amount, never matching inside a longer number."""
    forms: list[str] = []
    for amount in amounts:
        if watched(amount):
            forms += number_forms(amount)
    if not forms:
        return None
    forms.sort(key=len, reverse=True)  # longest first, so 104,000 wins over 104
    body = "|".join(re.escape(f) for f in dict.fromkeys(forms))
    # A currency sign just before goes with the number ("$104,000" -> "[left out]").
    signs = "|".join(re.escape(x) for x in sorted(_SIGNS, key=len, reverse=True))
    return re.compile(rf"(?:{signs})?(?<![\d])(?<!\d[.,])(?:{body})(?![\d]|[.,]\d)")


class Redactor:
    """Replaces every mention of a left-out amount in a shown text with `REDACTED`."""

    def __init__(self, amounts: Iterable[Decimal]) -> None:
        self.pattern = amounts_pattern(amounts)
        self.count = 0

    def __call__(self, text: str) -> str:
        if self.pattern is None or not text:
            return text
        out, n = self.pattern.subn(REDACTED, text)
        self.count += n
        return out


def discreet_deal(deal: Deal) -> Deal:
    """The deal as a discreet copy shows it: only the fields of `SHOWN`, with any mention of a
    left-out number in them replaced. Exports render this with their discreet switch on."""
    r = Redactor(left_out_amounts(deal))
    return Deal(
        title=r(deal.title),
        kind=deal.kind,
        role=deal.role,
        currency=deal.currency,
        price_unit=r(deal.price_unit),
        counterpart=Counterpart(
            name=r(deal.counterpart.name), organization=r(deal.counterpart.organization)
        ),
        meeting=Meeting(
            date=deal.meeting.date, place=r(deal.meeting.place), attendees=r(deal.meeting.attendees)
        ),
        anchors=Anchors(opening=deal.anchors.opening),
        concessions=[
            Concession(id=c.id, what=r(c.what), ask_in_return=r(c.ask_in_return), order=c.order)
            for c in deal.concessions
        ],
        packages=[
            Package(id=p.id, name=r(p.name), ask=p.ask, concessions=list(p.concessions))
            for p in deal.packages
        ],
        listening=Listening(questions=[r(q) for q in deal.listening.questions]),
    )


def redactions(deal: Deal) -> int:
    """How many mentions of left-out numbers the discreet copy strikes out (for a note)."""
    r = Redactor(left_out_amounts(deal))
    for text in (
        deal.title,
        deal.price_unit,
        deal.counterpart.name,
        deal.counterpart.organization,
        deal.meeting.place,
        deal.meeting.attendees,
        *(c.what for c in deal.concessions),
        *(c.ask_in_return for c in deal.concessions),
        *(p.name for p in deal.packages),
        *deal.listening.questions,
    ):
        r(text)
    return r.count
