"""Calibration across past deals (spec §2.7): did agreed prices fall inside our estimated
ranges of their walk-away, and how far from our likely guess were they?

Pure Python, no Qt: the library panel, its chart and `deal-worksheet calibration` read this
one result. The numbers are hints about our estimating, never verdicts on a deal: an agreed
price only bounds their real walk-away (for a seller from below).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext

from worksheet.domain.deal import Deal
from worksheet.domain.summary import fill_estimate

#: Under this many agreed deals there is not enough history to say anything.
MIN_HISTORY = 3

_CONTEXT = Context(prec=40)


@dataclass(frozen=True)
class Point:
    """One agreed deal held against its estimate."""

    name: str  # title or file name, for the chart and the listing
    role: str
    low: Decimal
    likely: Decimal
    high: Decimal
    price: Decimal
    inside: bool  # L ≤ price ≤ H
    error: Decimal | None  # (price − M) / M; None when M is 0
    #: Seller: the price reached the likely estimate (price ≥ M); buyer: price ≤ M.
    reached_likely: bool


@dataclass(frozen=True)
class Calibration:
    points: tuple[Point, ...]
    inside: int
    median_error: Decimal | None
    #: Share of seller deals whose price reached the likely estimate (None: no seller deals).
    seller_reached_likely: float | None
    #: Same for buyer deals, mirrored (price at or below the likely estimate).
    buyer_reached_likely: float | None
    #: Deals outside their range: the price was below L ("low") or above H ("high").
    below: int
    above: int

    @property
    def count(self) -> int:
        return len(self.points)

    @property
    def enough(self) -> bool:
        return self.count >= MIN_HISTORY


def point_for(deal: Deal, name: str = "") -> Point | None:
    """The deal held against its estimate, or None when it cannot be (spec §2.7)."""
    o = deal.outcome
    if o.status != "agreed" or o.price is None:
        return None
    e = deal.their_estimate
    return point_from_values(
        name or deal.title,
        deal.role,
        e.walk_away_low,
        e.walk_away_likely,
        e.walk_away_high,
        o.price,
    )


def point_from_values(
    name: str,
    role: str,
    low: Decimal | None,
    likely: Decimal | None,
    high: Decimal | None,
    price: Decimal | None,
) -> Point | None:
    if price is None:
        return None
    filled = fill_estimate(low, likely, high)
    if filled is None:
        return None
    lo, mid, hi = filled
    if not lo <= mid <= hi:
        return None  # an out-of-order estimate holds no range to test against
    with localcontext(_CONTEXT):
        error = None if mid == 0 else (price - mid) / mid
    seller = role != "buyer"
    reached = price >= mid if seller else price <= mid
    return Point(
        name,
        "buyer" if not seller else "seller",
        lo,
        mid,
        hi,
        price,
        lo <= price <= hi,
        error,
        reached,
    )


def median(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    ordered = sorted(values)
    n = len(ordered)
    middle = n // 2
    if n % 2:
        return ordered[middle]
    with localcontext(_CONTEXT):
        return (ordered[middle - 1] + ordered[middle]) / 2


def calibrate(points: Iterable[Point | None]) -> Calibration:
    held = tuple(p for p in points if p is not None)
    errors = [p.error for p in held if p.error is not None]
    sellers = [p for p in held if p.role == "seller"]
    buyers = [p for p in held if p.role == "buyer"]

    def share(items: list[Point]) -> float | None:
        if not items:
            return None
        return round(sum(1 for p in items if p.reached_likely) / len(items), 4)

    return Calibration(
        points=held,
        inside=sum(1 for p in held if p.inside),
        median_error=median(errors),
        seller_reached_likely=share(sellers),
        buyer_reached_likely=share(buyers),
        below=sum(1 for p in held if p.price < p.low),
        above=sum(1 for p in held if p.price > p.high),
    )


def calibrate_deals(deals: Iterable[Deal]) -> Calibration:
    return calibrate(point_for(d) for d in deals)


def calibration_to_dict(cal: Calibration) -> dict:
    """The JSON shape `deal-worksheet calibration --json` prints (docs/calibration.md)."""
    from worksheet.domain.deal import money_text

    return {
        "agreed": cal.count,
        "enough_history": cal.enough,
        "inside": cal.inside,
        "below": cal.below,
        "above": cal.above,
        "median_error": None if cal.median_error is None else float(round(cal.median_error, 4)),
        "seller_reached_likely": cal.seller_reached_likely,
        "buyer_reached_likely": cal.buyer_reached_likely,
        "deals": [
            {
                "name": p.name,
                "role": p.role,
                "low": money_text(p.low),
                "likely": money_text(p.likely),
                "high": money_text(p.high),
                "price": money_text(p.price),
                "inside": p.inside,
                "error": None if p.error is None else float(round(p.error, 4)),
            }
            for p in cal.points
        ],
    }
