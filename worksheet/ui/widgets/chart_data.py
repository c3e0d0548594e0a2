"""What the ZOPA chart shows: its inputs, messages and the computed geometry it paints."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtGui import QFont

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary
from worksheet.i18n import N_, _
from worksheet.present.chart import package_asks
from worksheet.present.numbers import DEAL_SEPARATORS, Separators
from worksheet.present.sentences import exact_chance, status_sentence

ZONES: tuple[str, ...] = ("best", "likely", "worst")
EMPTY_MESSAGE = N_("Fill in your walk-away and their estimate to see where a deal can happen.")
NEED_BOTH = N_(
    "The chart appears once your walk-away price and your estimate of their walk-away "
    "(lowest, most likely, highest) are filled in."
)
NEED_OURS = N_("Fill in your walk-away price: the chart shows where it meets their estimate.")
NEED_THEIRS = N_(
    "Estimate their walk-away (lowest, most likely, highest guess) to see the deal zone; "
    "even one number is enough to start."
)
NEED_ORDER = N_(
    "Put their walk-away estimate in order (lowest ≤ most likely ≤ highest) to draw the chart."
)


def _unknown_message(deal: Deal, summary: Summary) -> str:
    """What is missing for the chart, in a sentence that says what to do about it."""
    if summary.has_warning("estimate_out_of_order"):
        return _(NEED_ORDER)
    ours = summary.package_walk_away is not None
    theirs = summary.their_low is not None
    if not ours and not theirs:
        return _(NEED_BOTH)
    return _(NEED_THEIRS) if ours else _(NEED_OURS)


PAD = 8.0
ZONE_H = 11.0
ZONE_PITCH = 14.0
ZONES_H = 2 * ZONE_PITCH + ZONE_H


def zone_pitch(line: float) -> float:
    """The distance between zone bars: at least a label's real line height, so the zones'
    names never touch whatever the font (a taller one such as Noto Sans needs 15 px)."""
    return max(ZONE_PITCH, float(math.ceil(line)))


def zones_height(line: float) -> float:
    return 2 * zone_pitch(line) + ZONE_H


MIN_TRIANGLE = 12.0
MAX_TRIANGLE = 60.0


@dataclass(frozen=True)
class ChartInput:
    """The numbers the chart draws, copied out of the deal and summary once per `setData`."""

    seller: bool
    currency: str
    status: str
    probability: Decimal | float | None
    gap: Decimal | None
    sentence: str
    missing: str  # what to fill in when the zone is unknown
    walk_away: Decimal | None
    package_walk_away: Decimal | None
    target: Decimal | None
    opening: Decimal | None
    their: tuple[Decimal, Decimal, Decimal] | None  # their walk-away L, M, H
    their_package: tuple[Decimal, Decimal, Decimal] | None  # moved by the package: lo, mid, hi
    zones: dict[str, tuple[Decimal, Decimal] | None]
    offers: tuple[tuple[Decimal, str], ...]
    #: The other packages' asks, marked on our row: (package id, name, ask).
    asks: tuple[tuple[str, str, Decimal], ...] = ()
    #: How the window writes numbers (the locale's separators, as its amount fields do).
    seps: Separators = DEAL_SEPARATORS


def chart_input(deal: Deal, summary: Summary, seps: Separators = DEAL_SEPARATORS) -> ChartInput:
    """Copy what the chart needs; offers are read here so painting never walks the deal."""
    their = None
    if summary.their_low is not None and summary.their_likely is not None:
        assert summary.their_high is not None
        their = (summary.their_low, summary.their_likely, summary.their_high)
    their_package = None
    if summary.their_low_package is not None and summary.their_likely_package is not None:
        assert summary.their_high_package is not None
        their_package = (
            summary.their_low_package,
            summary.their_likely_package,
            summary.their_high_package,
        )
    zones = {
        name: None if zone is None else (zone.low, zone.high)
        for name, zone in (
            ("best", summary.best),
            ("likely", summary.likely),
            ("worst", summary.worst),
        )
    }
    offers = tuple((offer.amount, offer.by) for offer in deal.offers if offer.amount is not None)
    return ChartInput(
        seller=summary.role != "buyer",
        currency=deal.currency,
        status=summary.status,
        probability=exact_chance(summary),
        gap=summary.gap,
        sentence=status_sentence(summary, deal.currency, seps),
        missing=_unknown_message(deal, summary) if summary.status == "unknown" else "",
        walk_away=deal.anchors.walk_away,
        package_walk_away=summary.package_walk_away,
        target=deal.anchors.target,
        opening=deal.anchors.opening,
        their=their,
        their_package=their_package,
        zones=zones,
        offers=offers,
        asks=tuple(package_asks(deal)),
        seps=seps,
    )


@dataclass(frozen=True)
class ChartFonts:
    """The chart's three fonts (see `chart_fonts`)."""

    base: QFont
    small: QFont
    bold: QFont


def chart_fonts(font: QFont) -> ChartFonts:
    """The chart's three fonts from the widget's font: body, small for labels, bold for status."""
    base = QFont(font)
    small = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        small.setPointSizeF(max(7.0, size * 0.88))
    bold = QFont(base)
    bold.setBold(True)
    return ChartFonts(base, small, bold)
