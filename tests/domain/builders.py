"""Helpers for the summary tests: build deals from the spec's letters in one call."""

from __future__ import annotations

from decimal import Decimal

from worksheet.domain.deal import Anchors, Concession, Deal, Fallback, Package, TheirEstimate


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
    inside = [
        Concession(what=f"c{i}", cost_to_us=D(cost), value_to_them=D(value))
        for i, (cost, value) in enumerate(package)
    ]
    others = list(deal.concessions)
    deal.concessions = inside + others
    return pack(deal, [True] * len(inside) + [False] * len(others))


def pack(deal: Deal, inside: list[bool]) -> Deal:
    """Give the concessions ids `c1, c2…` and make those flagged in `inside` the active package
    `p1` (what a version 1 file's ticks become, spec §1.4); no package when none is flagged."""
    for i, c in enumerate(deal.concessions):
        c.id = f"c{i + 1}"
    chosen = [c.id for c, flag in zip(deal.concessions, inside, strict=True) if flag]
    if chosen:
        deal.packages = [Package(id="p1", name="Package 1", concessions=chosen)]
        deal.active_package = "p1"
    else:
        deal.packages, deal.active_package = [], None
    return deal


def batna(value: str | None, kind: str = "batna") -> Fallback:
    return Fallback(kind=kind, what="alternative", value=D(value))


def set_in_active(deal: Deal, concession: Concession, inside: bool) -> None:
    """Tick or untick a concession in the active package (made when there is none)."""
    active = deal.active()
    if active is None:
        active = Package(id=deal.new_package_id(), name="Package 1")
        deal.packages.append(active)
        deal.active_package = active.id
    if inside and concession.id not in active.concessions:
        active.concessions.append(concession.id)
    elif not inside:
        active.concessions = [i for i in active.concessions if i != concession.id]
