"""Sentences built from a deal's summary, the same in the window, the PDF, the workbook and the
command line."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from worksheet.present.numbers import (
    DEAL_SEPARATORS,
    Separators,
    chance_phrase,
    format_money,
    format_range,
)

if TYPE_CHECKING:
    from worksheet.domain.summary import Summary

OUT_OF_ORDER = (
    "Their walk-away estimate is out of order (lowest, most likely, highest), "
    "so the zone cannot be worked out."
)
NEED_WALK_AWAY = "Set your walk-away price to see where a deal can happen."
NEED_ESTIMATE = "Estimate their walk-away to see where a deal can happen."
NOT_ESTIMATED = "not estimated yet"
OUT_OF_ORDER_SHORT = "out of order (lowest ≤ most likely ≤ highest)"


def exact_chance(summary: Summary) -> Decimal | float | None:
    """The chance as exactly as the summary knows it, so it is rounded once, for people."""
    exact = getattr(summary, "chance", None)
    return exact if exact is not None else summary.probability


def limit_phrase(summary: Summary, seps: Separators = DEAL_SEPARATORS, currency: str = "USD"):
    seller = summary.role != "buyer"
    amount = format_money(summary.package_walk_away, currency, seps=seps)
    return f"our package {'floor' if seller else 'ceiling'} of {amount}"


def status_sentence(summary: Summary, currency: str, seps: Separators = DEAL_SEPARATORS) -> str:
    """The zone status in plain words: what it means, the chance, and the zone or the gap.

    Seller and buyer get the same story mirrored: our package floor (seller) or ceiling
    (buyer) against their estimated walk-away.
    """
    s = summary

    def money(a: Decimal | None) -> str:
        return format_money(a, currency, seps=seps)

    def zone(z) -> str:
        return format_range(z.low, z.high, currency, seps=seps)

    if s.status == "unknown":
        if s.has_warning("estimate_out_of_order"):
            return OUT_OF_ORDER
        if s.package_walk_away is None:
            return NEED_WALK_AWAY
        return NEED_ESTIMATE
    seller = s.role != "buyer"
    limit = limit_phrase(s, seps, currency)
    if s.status == "certain":
        assert s.likely is not None
        return (
            f"Even our most cautious guess of their walk-away leaves room "
            f"{'above' if seller else 'below'} {limit}: a deal is there to be made. "
            f"Likely zone {zone(s.likely)}."
        )
    if s.status == "possible":
        assert s.best is not None
        chance = chance_phrase(exact_chance(s))
        if chance == "no chance":
            # Our limit sits exactly on their most hopeful guess: one price, nothing more.
            return (
                f"A deal is only just possible: {limit} meets our most hopeful guess of their "
                f"walk-away, {money(s.best.low if seller else s.best.high)}, and nothing "
                f"{'above' if seller else 'below'} it; the chance is next to none."
            )
        where = (
            f"Likely zone {zone(s.likely)}."
            if s.likely is not None
            else f"Only our most hopeful guess leaves a zone: {zone(s.best)}."
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


def estimate_text(
    summary: Summary, currency: str, *, package: bool, seps: Separators = DEAL_SEPARATORS
) -> str:
    """Their walk-away estimate as a range (`$88,000 – $112,000`), before the package or, with
    `package`, moved by the package's value to them (what the zone is computed against)."""
    if summary.has_warning("estimate_out_of_order"):
        return OUT_OF_ORDER_SHORT
    if package:
        low, high = summary.their_low_package, summary.their_high_package
    else:
        low, high = summary.their_low, summary.their_high
    if low is None or high is None:
        return NOT_ESTIMATED
    return format_range(low, high, currency, seps=seps)


def likely_estimate(
    summary: Summary, currency: str, *, package: bool, seps: Separators = DEAL_SEPARATORS
) -> str:
    value = summary.their_likely_package if package else summary.their_likely
    return format_money(value, currency, seps=seps)


def package_moves_estimate(summary: Summary) -> bool:
    """Whether the package's value to them moves their estimate (so 'before' ≠ 'after')."""
    return bool(summary.package_value) and summary.their_low is not None


def package_sentence(
    summary: Summary,
    currency: str,
    count: int,
    *,
    costs: bool = True,
    seps: Separators = DEAL_SEPARATORS,
) -> str:
    """`The package (2 concessions) costs us $6,500 and is worth $12,000 to them.`"""
    plural = "s" if count != 1 else ""
    worth = f"worth {format_money(summary.package_value, currency, seps=seps)} to them"
    cost = (
        f"costs us {format_money(summary.package_cost, currency, seps=seps)} and is "
        if costs
        else "is "
    )
    return f"The package ({count} concession{plural}) {cost}{worth}."


def estimate_legend(summary: Summary, currency: str, seps: Separators = DEAL_SEPARATORS) -> str:
    """The legend line that says their estimate is drawn as moved by the package."""
    value = format_money(summary.package_value, currency, seps=seps)
    sign = "+" if summary.role != "buyer" else "−"
    return f"their walk-away with the package ({sign}{value} value to them)"
