"""What the ZOPA chart shows: its inputs, messages and the computed geometry it paints."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary
from worksheet.present.sentences import status_sentence

ZONES: tuple[str, ...] = ("best", "likely", "worst")
EMPTY_MESSAGE = "Fill in your walk-away and their estimate to see where a deal can happen."
NEED_BOTH = (
    "The chart appears once your walk-away price and your estimate of their walk-away "
    "(lowest, most likely, highest) are filled in."
)
NEED_OURS = "Fill in your walk-away price: the chart shows where it meets their estimate."
NEED_THEIRS = (
    "Estimate their walk-away (lowest, most likely, highest guess) to see the deal zone; "
    "even one number is enough to start."
)
NEED_ORDER = (
    "Put their walk-away estimate in order (lowest ≤ most likely ≤ highest) to draw the chart."
)


def _unknown_message(deal: Deal, summary: Summary) -> str:
    """What is missing for the chart, in a sentence that says what to do about it."""
    if summary.has_warning("estimate_out_of_order"):
        return NEED_ORDER
    ours = summary.package_walk_away is not None
    theirs = summary.their_low is not None
    if not ours and not theirs:
        return NEED_BOTH
    return NEED_THEIRS if ours else NEED_OURS


PAD = 8.0
ZONE_H = 11.0
ZONE_PITCH = 14.0
ZONES_H = 2 * ZONE_PITCH + ZONE_H
MIN_TRIANGLE = 12.0
MAX_TRIANGLE = 60.0


@dataclass(frozen=True)
class ChartInput:
    """The numbers the chart draws, copied out of the deal and summary once per `setData`."""

    seller: bool
    currency: str
    status: str
    probability: float | None
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


@dataclass
class ChartLabel:
    """One value label on the chart: its text, where it sits and its colour."""

    key: str
    name: str
    value: str
    rect: QRectF
    anchor: QPointF
    color: QColor


@dataclass
class ChartModel:
    """Computed geometry in widget pixels, also exposed to tests via `ZopaChart.chartModel()`."""

    width: float
    height: float
    message: str | None = None
    status_text: str = ""
    status_detail: str = ""
    domain: tuple[float, float] = (0.0, 1.0)
    plot: tuple[float, float] = (0.0, 1.0)
    rows: dict[str, float] = field(default_factory=dict)
    zones: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    gap: tuple[float, float] | None = None
    markers: dict[str, float] = field(default_factory=dict)
    ticks: list[tuple[Decimal, float, QRectF, str]] = field(default_factory=list)
    labels: list[ChartLabel] = field(default_factory=list)
    offers: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str, QRectF]] = field(default_factory=list)
    #: Zone name → its bar, and → (where its name goes, whether inside the bar).
    zone_bars: dict[str, QRectF] = field(default_factory=dict)
    zone_labels: dict[str, tuple[QRectF, bool]] = field(default_factory=dict)
    gap_label: tuple[str, QRectF] | None = None
    #: Areas that explain themselves on hover: (area, words), labels and bars before marks.
    hotspots: list[tuple[QRectF, str]] = field(default_factory=list)

    def tooltip_at(self, point: QPointF) -> str:
        """Words for what is under the pointer; the mark nearest in x wins where marks crowd."""
        found = [(rect, text) for rect, text in self.hotspots if rect.contains(point)]
        if not found:
            return ""
        return min(found, key=lambda hit: abs(hit[0].center().x() - point.x()))[1]

    def x_of(self, value: Decimal | float) -> float:
        low, high = self.domain
        left, right = self.plot
        return left + (float(value) - low) / (high - low) * (right - left)


def chart_input(deal: Deal, summary: Summary) -> ChartInput:
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
        probability=summary.probability,
        gap=summary.gap,
        sentence=status_sentence(summary, deal.currency),
        missing=_unknown_message(deal, summary) if summary.status == "unknown" else "",
        walk_away=deal.anchors.walk_away,
        package_walk_away=summary.package_walk_away,
        target=deal.anchors.target,
        opening=deal.anchors.opening,
        their=their,
        their_package=their_package,
        zones=zones,
        offers=offers,
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
