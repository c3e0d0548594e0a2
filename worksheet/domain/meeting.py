"""At the table: score each offer against our plan and propose our next counter-offer.

Pure functions of the deal (no Qt), so the meeting view, the debrief and the tests share one
arithmetic. Amounts are worked in "our favour" (`x = amount` for a seller, `-amount` for a
buyer), so every rule is written once: a larger x is always better for us.

The concession pattern (see docs/meeting.md): our first step gives away a third of the room
between our opening and our walk-away; every later step is half of our previous one, so the
steps shrink each round and signal that we are nearing our limit; a step is never allowed to
pass the walk-away (the package floor or ceiling), and once a step would be smaller than
half a percent of our last offer we propose to hold instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Context, Decimal, localcontext
from itertools import pairwise

from worksheet.domain.deal import Concession, Deal, Offer
from worksheet.domain.summary import Summary, summarize

#: The first step gives away the room (opening to walk-away) divided by this.
FIRST_STEP_DIVISOR = 3
#: Each later step is the step before it divided by this.
STEP_SHRINK_DIVISOR = 2
#: A step smaller than this share of our last offer is not worth making: hold instead.
SMALLEST_STEP_SHARE = Decimal("0.005")

#: Concession statuses that mean we have given the thing away (with or without a trade).
GIVEN_STATUSES = ("given", "traded")

_CONTEXT = Context(prec=60)


@dataclass(frozen=True)
class OfferScore:
    """How one offer stands against our plan."""

    index: int  # position in deal.offers
    by: str
    amount: Decimal | None
    #: "inside" the zone of possible agreement, "short" of our walk-away (worse for us than our
    #: floor), "beyond" their estimated walk-away (better for us than we thought they would go),
    #: or None when the zone cannot be told (no walk-away set).
    zone: str | None
    #: Signed distance to our target, in our favour: ≥ 0 meets or beats it; None without target.
    to_target: Decimal | None
    #: How far this side moved since its own previous offer, in our favour (their offers: > 0
    #: means they came towards us; ours: < 0 means we gave ground). None for a side's first.
    moved: Decimal | None
    #: An offer of ours that is worse for us than our walk-away.
    past_walk_away: bool


@dataclass(frozen=True)
class Counter:
    """The counter-offer the pattern proposes next."""

    #: "open" (say our opening), "step" (concede one shrinking step), "hold" (stay where we
    #: are), "accept" (their last offer is at least as good as our next step), "none" (cannot
    #: tell: no opening, target or walk-away to work from).
    kind: str
    amount: Decimal | None
    step: Decimal | None  # how much this counter gives away from our last offer (≥ 0)
    round: int  # which of our offers this would be (1 = the first)


@dataclass(frozen=True)
class ConcessionTotals:
    """Running totals of the concessions at the table."""

    by_status: dict[str, int]
    given_cost: Decimal  # cost to us of what is given or traded
    given_value: Decimal  # what that is worth to them
    traded: int  # given with something back
    untraded: tuple[str, ...]  # ids of concessions given without a trade recorded
    got: tuple[str, ...]  # what we asked in return for the traded ones


@dataclass(frozen=True)
class MeetingState:
    """Everything the meeting view shows, computed in one pass."""

    summary: Summary
    floor: Decimal | None  # our walk-away moved by the active package
    scores: tuple[OfferScore, ...]
    counter: Counter
    totals: ConcessionTotals
    #: Warnings in plain codes: ("given_without_trade", id) and ("offer_past_walk_away", index).
    warnings: tuple[tuple[str, str | int], ...]


def _sign(deal: Deal) -> int:
    return 1 if deal.is_seller else -1


def score_offers(deal: Deal, summary: Summary | None = None) -> tuple[OfferScore, ...]:
    """Score every offer in the log, in log order."""
    with localcontext(_CONTEXT):
        return _score_offers(deal, summary or summarize(deal))


def _score_offers(deal: Deal, summary: Summary) -> tuple[OfferScore, ...]:
    d = _sign(deal)
    floor = summary.package_walk_away
    target = deal.anchors.target
    # Their estimated limit, moved by the package: a seller's "beyond" is above their highest
    # guess, a buyer's below their lowest.
    their_limit = summary.their_high_package if deal.is_seller else summary.their_low_package
    last: dict[str, Decimal] = {}
    out: list[OfferScore] = []
    for i, offer in enumerate(deal.offers):
        amount = offer.amount
        if amount is None:
            out.append(OfferScore(i, offer.by, None, None, None, None, False))
            continue
        x = d * amount
        zone: str | None = None
        if floor is not None:
            if x < d * floor:
                zone = "short"
            elif their_limit is not None and x > d * their_limit:
                zone = "beyond"
            else:
                zone = "inside"
        to_target = None if target is None else x - d * target
        prev = last.get(offer.by)
        moved = None if prev is None else x - prev
        last[offer.by] = x
        past = offer.by == "us" and floor is not None and x < d * floor
        out.append(OfferScore(i, offer.by, amount, zone, to_target, moved, past))
    return tuple(out)


def _round_towards_us(x: Decimal, step: Decimal) -> Decimal:
    """Round `x` (in our favour) to a tidy figure, never downwards, so rounding can only keep
    us further from the walk-away. The unit is a tenth of the step's order of magnitude."""
    if step <= 0:
        return x
    unit = Decimal(1).scaleb(step.adjusted() - 1)
    if unit < 1:
        unit = Decimal(1) if step >= 1 else Decimal("0.01")
    # Drop the digits past money's four places first, so 119.99999… is not rounded up a unit.
    x = x.quantize(Decimal("0.0001"))
    return (x / unit).to_integral_value(rounding=ROUND_CEILING) * unit


def _tidy(amount: Decimal) -> Decimal:
    """A plain amount: `1.20E+5` becomes `120000`, `-0` becomes `0`."""
    amount = amount.normalize()
    if amount == 0:
        return Decimal(0)
    if amount.as_tuple().exponent > 0:
        amount = amount.quantize(Decimal(1))
    return amount


def propose_counter(deal: Deal, summary: Summary | None = None) -> Counter:
    """Our next counter-offer by the concession pattern of this module's docstring.

    Guarantee (tested as a property): when our walk-away is set, the amount proposed is never
    worse for us than the walk-away moved by the active package.
    """
    with localcontext(_CONTEXT):
        return _propose(deal, summary or summarize(deal))


def _propose(deal: Deal, summary: Summary) -> Counter:
    d = _sign(deal)
    floor = summary.package_walk_away
    f = None if floor is None else d * floor
    ours = [d * o.amount for o in deal.offers if o.by == "us" and o.amount is not None]
    theirs = [d * o.amount for o in deal.offers if o.by == "them" and o.amount is not None]
    their_last = theirs[-1] if theirs else None
    n = len(ours) + 1

    def result(kind: str, x: Decimal | None, step: Decimal | None) -> Counter:
        amount = None if x is None else _tidy(d * x)
        return Counter(kind, amount, None if step is None else _tidy(step), n)

    def accept_if_better(kind: str, x: Decimal, step: Decimal | None) -> Counter:
        # Their offer already gives us at least what we would ask next: take it, do not undercut.
        if their_last is not None and their_last >= x and (f is None or their_last >= f):
            last_ours = ours[-1] if ours else None
            given = None if last_ours is None else max(last_ours - their_last, Decimal(0))
            return result("accept", their_last, given)
        return result(kind, x, step)

    if not ours:
        start = deal.anchors.opening if deal.anchors.opening is not None else deal.anchors.target
        if start is None:
            if f is None:
                return result("none", None, None)
            return accept_if_better("open", f, None)
        x = d * start
        if f is not None and x < f:
            x = f  # an opening worse than our walk-away is never proposed
        return accept_if_better("open", x, None)

    last = ours[-1]
    if f is None:
        return result("none", None, None)
    if last <= f:
        # At (or past) our limit already: go no further; propose the limit itself.
        return accept_if_better("hold", f, Decimal(0))
    room = last - f
    previous_steps = [a - b for a, b in pairwise(ours) if a - b > 0]
    if previous_steps:
        step = previous_steps[-1] / STEP_SHRINK_DIVISOR
    else:
        opening_room = ours[0] - f
        step = opening_room / FIRST_STEP_DIVISOR
    # Never more than half of what is left, so even an odd history cannot reach the limit.
    step = min(step, room / 2)
    if step <= abs(last) * SMALLEST_STEP_SHARE or step <= 0:
        return accept_if_better("hold", last, Decimal(0))
    x = _round_towards_us(last - step, step)
    if x >= last:
        return accept_if_better("hold", last, Decimal(0))
    x = max(x, f)
    return accept_if_better("step", x, last - x)


def concession_totals(deal: Deal) -> ConcessionTotals:
    by_status = {s: 0 for s in ("planned", "offered", "given", "traded", "dropped")}
    cost = Decimal(0)
    value = Decimal(0)
    untraded: list[str] = []
    got: list[str] = []
    for c in deal.concessions:
        by_status[c.status] = by_status.get(c.status, 0) + 1
        if c.status in GIVEN_STATUSES:
            cost += c.cost_to_us or 0
            value += c.value_to_them or 0
        if c.status == "given":
            untraded.append(c.id)
        if c.status == "traded" and c.ask_in_return.strip():
            got.append(c.ask_in_return.strip())
    return ConcessionTotals(
        by_status=by_status,
        given_cost=cost,
        given_value=value,
        traded=by_status.get("traded", 0),
        untraded=tuple(untraded),
        got=tuple(got),
    )


def meeting_state(deal: Deal) -> MeetingState:
    """Scores, the proposed counter, concession totals and gentle warnings, in one call."""
    with localcontext(_CONTEXT):
        summary = summarize(deal)
        scores = _score_offers(deal, summary)
        counter = _propose(deal, summary)
    totals = concession_totals(deal)
    warnings: list[tuple[str, str | int]] = [
        ("given_without_trade", cid) for cid in totals.untraded
    ]
    warnings += [("offer_past_walk_away", s.index) for s in scores if s.past_walk_away]
    return MeetingState(
        summary=summary,
        floor=summary.package_walk_away,
        scores=scores,
        counter=counter,
        totals=totals,
        warnings=tuple(warnings),
    )


def their_walk_away_bounds(deal: Deal) -> tuple[Decimal | None, Decimal | None]:
    """Bounds on their true walk-away that their offers revealed: (at least, at most).

    A buyer who offered a price will pay at least that much, so for a seller their best (highest)
    offer is a lower bound on the buyer's walk-away; for a buyer, the seller's best (lowest)
    offer is an upper bound on the seller's walk-away. An agreed price bounds it the same way.
    """
    amounts = [o.amount for o in deal.offers if o.by == "them" and o.amount is not None]
    price = deal.outcome.price if deal.outcome.status == "agreed" else None
    if price is not None:
        amounts.append(price)
    if not amounts:
        return None, None
    if deal.is_seller:
        return max(amounts), None
    return None, min(amounts)


def offer_now(deal: Deal, by: str, amount: Decimal, at: str, package: str | None = None) -> Offer:
    """The offer a keystroke at the table logs: ours carry the active package."""
    if by == "us" and package is None:
        package = deal.active_package
    return Offer(at=at, by=by, amount=amount, terms="", package=package if by == "us" else None)


def concession_by_id(deal: Deal, cid: str) -> tuple[int, Concession] | None:
    for i, c in enumerate(deal.concessions):
        if c.id == cid:
            return i, c
    return None


__all__ = [
    "ConcessionTotals",
    "Counter",
    "MeetingState",
    "OfferScore",
    "concession_totals",
    "meeting_state",
    "offer_now",
    "propose_counter",
    "score_offers",
    "their_walk_away_bounds",
]
