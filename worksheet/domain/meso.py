"""The MESO builder: sets of three packages of equal net value to us, likely to be accepted and
different from each other in what they give (spec §2.5). Pure Python, no Qt.

Every package of a proposal is priced so that its net is exactly the target net: a seller asks
target + C, a buyer target − C. Its chance of acceptance then depends on one number only, the
surplus D = V − C (what it is worth to them beyond what it costs us): the seller's chance is
1 − F(target − D) and the buyer's F(target + D) on their bare estimate. So the most acceptable
packages are the subsets with the largest D, and the k best of those come out of a heap in
order (no enumeration of all 2^n subsets). Structurally different packages (splits of the
worthwhile concessions into two or three groups, single concessions, the best set less a group)
join that pool; the triples of the pool are scored on acceptance plus variety, and each
proposal is checked with the summary's own `meso` test before it is offered.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, replace
from decimal import Decimal

from worksheet.domain.deal import MONEY_LIMIT, Concession, Deal, Package
from worksheet.domain.summary import fill_estimate, summarize
from worksheet.i18n import N_, _

#: How many of the most acceptable subsets come from the heap, and how large the pool may grow.
BEST_SUBSETS = 24
POOL_LIMIT = 40
#: Variety (mean Jaccard distance of the three sets) raises a triple's mean acceptance by up to
#: this share; two packages closer than MIN_DISTANCE (say all but one of four the same) are too
#: alike to be offered side by side.
VARIETY_WEIGHT = 0.35
MIN_DISTANCE = 0.3
#: Concessions in these states are not offered again. A concession whose value to them is not
#: set is left out too: its effect on their answer cannot be judged.
LEFT_OUT_STATUSES = ("dropped", "given")

#: Why no proposal could be made, in the user's words.
#: Marked for translation; the dialog shows them through `_()`.
NO_ESTIMATE = N_(
    "Estimate their walk-away first: without it no chance of acceptance can be worked out."
)
NO_TARGET = N_("Set a target price, or type the net value each package should bring.")
TOO_FEW = N_(
    "Three different packages need at least two concessions that can still be offered (not "
    "given or dropped) and whose value to them is set."
)
NO_VALID_ASK = N_("No three packages can be priced at that net: their asks would fall below zero.")


@dataclass(frozen=True)
class Proposal:
    """Three packages of equal net value to us, with their chances of acceptance."""

    packages: tuple[Package, ...]
    acceptance: tuple[float, ...]
    variety: float  # mean Jaccard distance between the three sets of concessions, 0..1

    @property
    def mean_acceptance(self) -> float:
        return sum(self.acceptance) / len(self.acceptance)


@dataclass(frozen=True)
class MesoResult:
    target_net: Decimal | None
    proposals: tuple[Proposal, ...]
    reason: str = ""  # why there is no proposal; empty when there are some


def default_target_net(deal: Deal) -> Decimal | None:
    """The net at our target: the price we aim for, before any concession."""
    return deal.anchors.target


def _cdf(x: float, lo: float, mid: float, hi: float) -> float:
    if x <= lo:
        return 0.0
    if x >= hi:
        return 1.0
    if x <= mid:
        return (x - lo) ** 2 / ((hi - lo) * (mid - lo))
    return 1.0 - (hi - x) ** 2 / ((hi - lo) * (hi - mid))


def _chance(seller: bool, surplus: float, net: float, est: tuple[float, float, float]) -> float:
    lo, mid, hi = est
    if lo == hi:
        return (1.0 if net - surplus <= lo else 0.0) if seller else float(net + surplus >= lo)
    return 1.0 - _cdf(net - surplus, lo, mid, hi) if seller else _cdf(net + surplus, lo, mid, hi)


def _best_subsets(gains: list[float], limit: int) -> list[frozenset[int]]:
    """The `limit` subsets with the largest sum of `gains`, best first.

    The best subset holds every positive gain; any other differs from it by a set of flips,
    each costing |gain|. Flip sets come out of the heap in order of total cost (the classic
    "replace the last, or add the next" successor rule over the costs in ascending order).
    """
    best = frozenset(i for i, g in enumerate(gains) if g > 0)
    order = sorted(range(len(gains)), key=lambda i: abs(gains[i]))
    costs = [abs(gains[i]) for i in order]
    out = [best]
    if not order:
        return out
    heap: list[tuple[float, int, tuple[int, ...]]] = [(costs[0], 0, (0,))]
    while heap and len(out) < limit:
        cost, last, flips = heapq.heappop(heap)
        out.append(best.symmetric_difference(order[k] for k in flips))
        if last + 1 < len(order):
            nxt = last + 1
            heapq.heappush(heap, (cost + costs[nxt], nxt, (*flips, nxt)))
            heapq.heappush(heap, (cost - costs[last] + costs[nxt], nxt, (*flips[:-1], nxt)))
    return out


def _splits(items: list[int], gains: list[float], parts: int) -> list[frozenset[int]]:
    """Share `items` among `parts` groups so the groups' gains come out about even."""
    groups: list[list[int]] = [[] for _group in range(parts)]
    totals = [0.0] * parts
    for i in sorted(items, key=lambda i: -gains[i]):
        k = min(range(parts), key=lambda n: totals[n])
        groups[k].append(i)
        totals[k] += gains[i]
    return [frozenset(g) for g in groups if g]


def _pool(gains: list[float]) -> list[frozenset[int]]:
    best_first = _best_subsets(gains, BEST_SUBSETS)
    best = best_first[0]
    worthwhile = sorted(best, key=lambda i: -gains[i])
    extra: list[frozenset[int]] = []
    for parts in (2, 3):
        for group in _splits(worthwhile, gains, parts):
            extra.append(group)
            extra.append(best - group)
    extra.extend(frozenset([i]) for i in worthwhile[:8])
    extra.extend(best - {i} for i in worthwhile[:8])
    seen: dict[frozenset[int], None] = {}
    for s in [*best_first, *extra]:
        if s and s not in seen:
            seen[s] = None
        if len(seen) >= POOL_LIMIT:
            break
    return list(seen)


#: Words a short name should not end on ("Free onboarding for" reads as cut off).
_TRAILING = {"a", "an", "and", "at", "by", "for", "in", "instead", "of", "on", "or", "the", "to"}


def _short(what: str) -> str:
    words = what.split()[:3]
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words)


def _name(concessions: list[Concession]) -> str:
    words = [_short(c.what) or c.id for c in concessions]
    text = " + ".join(words)
    return text if len(text) <= 48 else text[:47].rstrip() + "…"


def build_meso(deal: Deal, target_net: Decimal | None = None, *, count: int = 3) -> MesoResult:
    """Up to `count` proposals of three packages whose nets all equal `target_net` (default:
    our target), best first; with none, `reason` says why."""
    net = default_target_net(deal) if target_net is None else target_net
    if net is None:
        return MesoResult(None, (), NO_TARGET)
    est = deal.their_estimate
    filled = fill_estimate(est.walk_away_low, est.walk_away_likely, est.walk_away_high)
    if filled is None or not filled[0] <= filled[1] <= filled[2]:
        return MesoResult(net, (), NO_ESTIMATE)
    offerable = [
        c
        for c in deal.concessions
        if c.status not in LEFT_OUT_STATUSES and c.value_to_them is not None
    ]
    if len(offerable) < 2:
        return MesoResult(net, (), TOO_FEW)
    seller = deal.is_seller
    cost = [c.cost_to_us or Decimal(0) for c in offerable]
    value = [c.value_to_them or Decimal(0) for c in offerable]
    gains = [float(v - c) for c, v in zip(cost, value, strict=True)]
    bare = (float(filled[0]), float(filled[1]), float(filled[2]))
    fnet = float(net)

    candidates = []
    for subset in _pool(gains):
        c_total = sum((cost[i] for i in subset), Decimal(0))
        ask = net + c_total if seller else net - c_total
        if ask < 0 or ask >= MONEY_LIMIT:
            continue
        chance = _chance(seller, sum(gains[i] for i in subset), fnet, bare)
        candidates.append((subset, ask, chance))
    if len(candidates) < 3:
        return MesoResult(net, (), NO_VALID_ASK if len(offerable) >= 2 else TOO_FEW)

    def distance(a: frozenset[int], b: frozenset[int]) -> float:
        return 1.0 - len(a & b) / len(a | b)

    n = len(candidates)
    far = [[distance(candidates[i][0], candidates[j][0]) for j in range(n)] for i in range(n)]
    scored = []
    for i, j, k in itertools.combinations(range(n), 3):
        if min(far[i][j], far[i][k], far[j][k]) < MIN_DISTANCE:
            continue
        variety = (far[i][j] + far[i][k] + far[j][k]) / 3
        chance = (candidates[i][2] + candidates[j][2] + candidates[k][2]) / 3
        scored.append((chance * (1 + VARIETY_WEIGHT * variety), variety, (i, j, k)))
    # Best score first; among equals (say every chance 0) the more varied set.
    scored.sort(key=lambda t: (-t[0], -t[1]))

    proposals: list[Proposal] = []
    used: list[set[int]] = []
    for _score, variety, triple in scored:
        # Each further proposal differs from those already taken in at least two packages.
        if any(len(set(triple) & u) > 1 for u in used):
            continue
        proposal = _proposal(deal, offerable, [candidates[t] for t in triple], variety)
        if proposal is None:
            continue
        proposals.append(proposal)
        used.append(set(triple))
        if len(proposals) >= count:
            break
    return MesoResult(net, tuple(proposals), "" if proposals else NO_VALID_ASK)


def _proposal(deal: Deal, offerable: list[Concession], picks, variety: float) -> Proposal | None:
    picks = sorted(picks, key=lambda p: -p[2])
    packages = []
    for letter, (subset, ask, _chance) in zip("ABC", picks, strict=True):
        chosen = [offerable[i] for i in sorted(subset)]
        packages.append(
            Package(
                name=f"{letter}: {_name(chosen)}",
                ask=ask,
                concessions=[c.id for c in chosen],
                notes=_("Proposed as one of three equivalent offers (MESO)."),
            )
        )
    # The proof: the summary's own test passes for these three alone.
    trial = replace(
        deal,
        packages=[replace(p, id=f"meso{n}") for n, p in enumerate(packages)],
        active_package=None,
    )
    summary = summarize(trial)
    if not summary.meso:
        return None
    chances = tuple(float(p.acceptance) for p in summary.packages)
    return Proposal(tuple(packages), chances, variety)
