"""Sentences built from a deal's summary, the same in the window, the PDF, the workbook and the
command line."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from worksheet.i18n import N_, _, ngettext
from worksheet.present.numbers import (
    DEAL_SEPARATORS,
    Separators,
    chance_phrase,
    format_money,
    format_range,
    is_no_chance,
)

if TYPE_CHECKING:
    from worksheet.domain.summary import Summary

OUT_OF_ORDER = N_(
    "Their walk-away estimate is out of order (lowest, most likely, highest), "
    "so the zone cannot be worked out."
)
NEED_WALK_AWAY = N_("Set your walk-away price to see where a deal can happen.")
NEED_ESTIMATE = N_("Estimate their walk-away to see where a deal can happen.")
NOT_ESTIMATED = N_("not estimated yet")
OUT_OF_ORDER_SHORT = N_("out of order (lowest ≤ most likely ≤ highest)")


def exact_chance(summary: Summary) -> Decimal | float | None:
    """The chance as exactly as the summary knows it, so it is rounded once, for people."""
    exact = getattr(summary, "chance", None)
    return exact if exact is not None else summary.probability


def limit_phrase(summary: Summary, seps: Separators = DEAL_SEPARATORS, currency: str = "USD"):
    amount = format_money(summary.package_walk_away, currency, seps=seps)
    if summary.role == "buyer":
        return _("our package ceiling of {amount}").format(amount=amount)
    return _("our package floor of {amount}").format(amount=amount)


def status_sentence(summary: Summary, currency: str, seps: Separators = DEAL_SEPARATORS) -> str:
    """The zone status in plain words: what it means, the chance, and the zone or the gap.

    Seller and buyer get the same story mirrored: our package floor (seller) or ceiling
    (buyer) against their estimated walk-away. Each variant is one whole sentence to
    translate, never pieced together from words.
    """
    s = summary

    def money(a: Decimal | None) -> str:
        return format_money(a, currency, seps=seps)

    def zone(z) -> str:
        return format_range(z.low, z.high, currency, seps=seps)

    if s.status == "unknown":
        if s.has_warning("estimate_out_of_order"):
            return _(OUT_OF_ORDER)
        if s.package_walk_away is None:
            return _(NEED_WALK_AWAY)
        return _(NEED_ESTIMATE)
    seller = s.role != "buyer"
    amount = money(s.package_walk_away)
    if s.status == "certain":
        assert s.likely is not None
        if seller:
            text = _(
                "Even our most cautious guess of their walk-away leaves room above our "
                "package floor of {limit}: a deal is there to be made. Likely zone {zone}."
            )
        else:
            text = _(
                "Even our most cautious guess of their walk-away leaves room below our "
                "package ceiling of {limit}: a deal is there to be made. Likely zone {zone}."
            )
        return text.format(limit=amount, zone=zone(s.likely))
    if s.status == "possible":
        assert s.best is not None
        chance = exact_chance(s)
        if is_no_chance(chance):
            # Our limit sits exactly on their most hopeful guess: one price, nothing more.
            if seller:
                text = _(
                    "A deal is only just possible: our package floor of {limit} meets our most "
                    "hopeful guess of their walk-away, {guess}, and nothing above it; the "
                    "chance is next to none."
                )
            else:
                text = _(
                    "A deal is only just possible: our package ceiling of {limit} meets our "
                    "most hopeful guess of their walk-away, {guess}, and nothing below it; the "
                    "chance is next to none."
                )
            return text.format(limit=amount, guess=money(s.best.low if seller else s.best.high))
        if s.likely is not None:
            where = _("Likely zone {zone}.").format(zone=zone(s.likely))
        else:
            where = _("Only our most hopeful guess leaves a zone: {zone}.").format(
                zone=zone(s.best)
            )
        if seller:
            text = _(
                "A deal is possible, with a chance of {chance}: it needs their walk-away "
                "above our package floor of {limit}. {where}"
            )
        else:
            text = _(
                "A deal is possible, with a chance of {chance}: it needs their walk-away "
                "below our package ceiling of {limit}. {where}"
            )
        return text.format(chance=chance_phrase(chance), limit=amount, where=where)
    if seller:
        text = _(
            "No deal zone: even our most hopeful guess of their walk-away is {gap} short of "
            "our package floor of {limit}. Rethink the package or the walk-away, or prepare "
            "the fallbacks."
        )
    else:
        text = _(
            "No deal zone: even our most hopeful guess of their walk-away is {gap} beyond "
            "our package ceiling of {limit}. Rethink the package or the walk-away, or prepare "
            "the fallbacks."
        )
    return text.format(gap=money(s.gap), limit=amount)


def estimate_text(
    summary: Summary, currency: str, *, package: bool, seps: Separators = DEAL_SEPARATORS
) -> str:
    """Their walk-away estimate as a range (`$88,000 – $112,000`), before the package or, with
    `package`, moved by the package's value to them (what the zone is computed against)."""
    if summary.has_warning("estimate_out_of_order"):
        return _(OUT_OF_ORDER_SHORT)
    if package:
        low, high = summary.their_low_package, summary.their_high_package
    else:
        low, high = summary.their_low, summary.their_high
    if low is None or high is None:
        return _(NOT_ESTIMATED)
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
    worth = format_money(summary.package_value, currency, seps=seps)
    if costs:
        text = ngettext(
            "The package ({count} concession) costs us {cost} and is worth {worth} to them.",
            "The package ({count} concessions) costs us {cost} and is worth {worth} to them.",
            count,
        )
        return text.format(
            count=count, cost=format_money(summary.package_cost, currency, seps=seps), worth=worth
        )
    text = ngettext(
        "The package ({count} concession) is worth {worth} to them.",
        "The package ({count} concessions) is worth {worth} to them.",
        count,
    )
    return text.format(count=count, worth=worth)


def estimate_legend(summary: Summary, currency: str, seps: Separators = DEAL_SEPARATORS) -> str:
    """The legend line that says their estimate is drawn as moved by the package."""
    value = format_money(summary.package_value, currency, seps=seps)
    sign = "+" if summary.role != "buyer" else "−"
    return _("their walk-away with the package ({change} value to them)").format(
        change=f"{sign}{value}"
    )
