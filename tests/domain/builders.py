"""Helpers for the summary tests: build deals from the spec's letters in one call."""

from __future__ import annotations

from decimal import Decimal

from worksheet.domain.deal import Anchors, Concession, Deal, Fallback, TheirEstimate


def D(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def make_deal(
    role: str = "seller",
    *,
    W: str | None = None,
    L: str | None = None,
    M: str | None = None,
    H: str | None = None,
    target: str | None = None,
    opening: str | None = None,
    package: tuple[tuple[str | None, str | None], ...] = (),
    **kwargs,
) -> Deal:
    """A deal with walk-away W, their estimate L/M/H and in-package concessions (cost, value)."""
    deal = Deal(role=role, **kwargs)
    deal.anchors = Anchors(target=D(target), opening=D(opening), walk_away=D(W))
    deal.their_estimate = TheirEstimate(
        walk_away_low=D(L), walk_away_likely=D(M), walk_away_high=D(H)
    )
    deal.concessions = [
        Concession(what=f"c{i}", cost_to_us=D(cost), value_to_them=D(value), in_package=True)
        for i, (cost, value) in enumerate(package)
    ] + list(deal.concessions)
    return deal


def batna(value: str | None, kind: str = "batna") -> Fallback:
    return Fallback(kind=kind, what="alternative", value=D(value))
