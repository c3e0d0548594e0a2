"""The deal summary: ZOPA with the package and the uncertain estimate, packages side by side,
warnings, readiness.

A pure function of the deal, exactly as docs/format.md describes it. The window, the PDF,
the workbook and the command line all read this one result, so they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from worksheet.domain.deal import Deal, Money, money_text
from worksheet.present.numbers import format_money
from worksheet.present.words import READINESS

STATUSES: tuple[str, ...] = ("certain", "possible", "none", "unknown")

READINESS_CODES: tuple[str, ...] = (
    "goal",
    "target",
    "walk_away",
    "their_estimate",
    "batna",
    "trades",
    "questions",
)

#: The checks' words live with every other word, in worksheet.present.words.
READINESS_LABELS: dict[str, str] = READINESS

MIN_QUESTIONS = 3


@dataclass(frozen=True)
class Zone:
    """A price range [low, high] where a deal can close."""

    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class Warning:  # the spec's word; it shadows the builtin only inside this module
    """Something in the deal that deserves a second look (spec §2.2)."""

    code: str
    message: str
    #: The numbers the message names, by name (amounts as Decimal, counts as int), so that
    #: worksheet.present can say the same in the reader's language and number style.
    params: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Check:
    """One of the seven readiness checks (spec §2.3)."""

    code: str
    label: str
    done: bool


@dataclass(frozen=True)
class PackageSummary:
    """One package side by side with the others (spec §2.5). Money is exact; `acceptance` is the
    exact chance as a Decimal (reports round it to 4 places)."""

    id: str
    name: str
    ask: Decimal | None
    cost_to_us: Decimal
    value_to_them: Decimal
    net: Decimal | None
    acceptance: Decimal | None
    expected_value: Decimal | None
    best_ask: Decimal | None
    #: The ids of the concessions it holds that exist, each once, in the package's order.
    concessions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    """Everything the window, the sheet and the workbook show about a deal (spec §2)."""

    role: str
    status: str  # certain | possible | none | unknown
    worst: Zone | None
    likely: Zone | None
    best: Zone | None
    probability: float | None
    gap: Decimal | None
    package_cost: Decimal
    package_value: Decimal
    #: Our walk-away moved by the package (seller: W + C, buyer: W - C); None when W is unset.
    package_walk_away: Decimal | None
    #: Their walk-away estimate after the fill-in rules (L, M, H), before the package;
    #: None when unknown.
    their_low: Decimal | None
    their_likely: Decimal | None
    their_high: Decimal | None
    #: The same estimate moved by the package value (lo, mid, hi of spec §2.1 steps 5–6).
    their_low_package: Decimal | None
    their_likely_package: Decimal | None
    their_high_package: Decimal | None
    warnings: tuple[Warning, ...]
    readiness: tuple[Check, ...]
    #: The exact chance behind `probability` (which is rounded to 4 decimals, spec §2.4), so
    #: what people read is rounded once, from this.
    chance: Decimal | None = None
    #: Every package, in the deal's order (spec §2.5).
    packages: tuple[PackageSummary, ...] = ()
    #: The packages with an ask make a set of equivalent simultaneous offers (spec §2.5).
    meso: bool = False

    @property
    def readiness_done(self) -> int:
        return sum(1 for c in self.readiness if c.done)

    @property
    def readiness_missing(self) -> list[str]:
        return [c.code for c in self.readiness if not c.done]

    def has_warning(self, code: str) -> bool:
        return any(w.code == code for w in self.warnings)


def fill_estimate(
    low: Money, likely: Money, high: Money
) -> tuple[Decimal, Decimal, Decimal] | None:
    """Spec §2.1 step 2: fill in missing estimates; None when none is set."""
    if low is None and likely is None and high is None:
        return None
    if likely is None:
        if low is not None and high is not None:
            return low, (low + high) / 2, high
        only = low if low is not None else high
        assert only is not None
        return only, only, only
    return (likely if low is None else low, likely, likely if high is None else high)


def triangular_cdf(x: Decimal, lo: Decimal, mid: Decimal, hi: Decimal) -> Decimal:
    """Spec §2.1 step 7, for lo < hi and lo <= mid <= hi; exact Decimal arithmetic."""
    if x <= lo:
        return Decimal(0)
    if x >= hi:
        return Decimal(1)
    if x <= mid:
        return (x - lo) ** 2 / ((hi - lo) * (mid - lo))
    return 1 - (hi - x) ** 2 / ((hi - lo) * (hi - mid))


def round_cents(amount: Decimal | None) -> Decimal | None:
    """An amount to 2 decimals, half even, as §2.4 reports expected values and best asks."""
    if amount is None:
        return None
    with localcontext(_CONTEXT):
        return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def _round_probability(p: Decimal) -> float:
    return float(round(p, 4))


def _zone(low: Decimal, high: Decimal) -> Zone | None:
    return Zone(low, high) if low <= high else None


#: Enough digits that every sum and difference of valid amounts is exact (10,000 amounts below
#: 10^12 with 4 decimals need 21), whatever decimal context the caller happens to have set.
_CONTEXT = Context(prec=60, rounding=ROUND_HALF_EVEN)


def summarize(deal: Deal) -> Summary:
    """Compute the summary of spec §2 for one deal. Never raises for a valid deal."""
    with localcontext(_CONTEXT):
        return _summarize(deal)


def _summarize(deal: Deal) -> Summary:
    seller = deal.is_seller
    warnings: list[Warning] = []
    anchors = deal.anchors
    walk_away = anchors.walk_away
    money = _money_formatter(deal.currency)

    # --- warnings on our own numbers (§2.2), in the order of the table
    if walk_away is None:
        warnings.append(
            Warning(
                "no_walk_away", "Set a walk-away price: without it there is no zone to compute."
            )
        )
    if anchors.target is not None and walk_away is not None:
        worse = anchors.target < walk_away if seller else anchors.target > walk_away
        if worse:
            warnings.append(
                Warning(
                    "target_worse_than_walk_away",
                    f"The target {money(anchors.target)} is worse for us than the walk-away "
                    f"{money(walk_away)}.",
                    (("target", anchors.target), ("walk_away", walk_away)),
                )
            )
    if anchors.opening is not None and anchors.target is not None:
        weaker = anchors.opening < anchors.target if seller else anchors.opening > anchors.target
        if weaker:
            warnings.append(
                Warning(
                    "opening_weaker_than_target",
                    f"The opening {money(anchors.opening)} leaves no room above the target "
                    f"{money(anchors.target)}."
                    if seller
                    else f"The opening {money(anchors.opening)} leaves no room below the target "
                    f"{money(anchors.target)}.",
                    (("opening", anchors.opening), ("target", anchors.target), ("seller", seller)),
                )
            )
    batna_values = [f.value for f in deal.fallbacks if f.kind == "batna" and f.value is not None]
    if walk_away is not None and batna_values:
        best_batna = max(batna_values) if seller else min(batna_values)
        if (walk_away < best_batna) if seller else (walk_away > best_batna):
            warnings.append(
                Warning(
                    "walk_away_worse_than_batna",
                    f"The walk-away {money(walk_away)} is worse than the best alternative "
                    f"{money(best_batna)}: walking away would pay better.",
                    (("walk_away", walk_away), ("batna", best_batna)),
                )
            )

    # --- the package (§2.1 step 4); computed even when the zone is unknown
    by_id = {c.id: c for c in deal.concessions}
    sums = [_package_sums(by_id, p.concessions) for p in deal.packages]
    active = deal.active_package
    cost = value = Decimal(0)
    value_unknown = 0
    for p, (p_cost, p_value, p_unknown, _ids) in zip(deal.packages, sums, strict=True):
        if p.id == active:
            cost, value, value_unknown = p_cost, p_value, p_unknown
            break

    # --- the zone (§2.1)
    est = deal.their_estimate
    filled = fill_estimate(est.walk_away_low, est.walk_away_likely, est.walk_away_high)
    out_of_order = filled is not None and not (filled[0] <= filled[1] <= filled[2])
    if out_of_order:
        warnings.append(
            Warning(
                "estimate_out_of_order",
                "Their walk-away estimate must run lowest ≤ most likely ≤ highest.",
            )
        )
    if value_unknown:
        plural = "s" if value_unknown > 1 else ""
        warnings.append(
            Warning(
                "concession_value_unknown",
                f"{value_unknown} concession{plural} in the package ha{'ve' if plural else 's'} "
                "no value to them set; counted as 0.",
                (("count", value_unknown),),
            )
        )

    limits = deal.sign_off.limits
    beyond = limits.walk_away is not None and walk_away is not None
    if beyond and ((walk_away < limits.walk_away) if seller else (walk_away > limits.walk_away)):
        warnings.append(
            Warning(
                "walk_away_beyond_limit",
                f"The walk-away {money(walk_away)} is beyond the limit "
                f"{money(limits.walk_away)} the manager set.",
            )
        )
    if limits.package_cost is not None and cost > limits.package_cost:
        warnings.append(
            Warning(
                "package_cost_over_limit",
                f"The package costs us {money(cost)}, more than the "
                f"{money(limits.package_cost)} the manager allows.",
            )
        )
    if walk_away is not None:
        for p, (p_cost, *_rest) in zip(deal.packages, sums, strict=True):
            if p.ask is None:
                continue
            own = walk_away + p_cost if seller else walk_away - p_cost
            if (p.ask < own) if seller else (p.ask > own):
                name = p.name.strip() or p.id
                side = "floor" if seller else "ceiling"
                warnings.append(
                    Warning(
                        "package_ask_beyond_walk_away",
                        f"The ask {money(p.ask)} of “{name}” is worse for us than its own "
                        f"{side} {money(own)} (the walk-away with what the package costs us).",
                    )
                )

    package_walk_away = None
    if walk_away is not None:
        package_walk_away = walk_away + cost if seller else walk_away - cost

    status = "unknown"
    worst = likely = best = None
    probability: float | None = None
    chance: Decimal | None = None
    gap: Decimal | None = None
    lo = mid = hi = None
    if filled is not None and not out_of_order:
        shift = value if seller else -value
        lo, mid, hi = (filled[0] + shift, filled[1] + shift, filled[2] + shift)
    if package_walk_away is not None and lo is not None and mid is not None and hi is not None:
        if seller:
            s = package_walk_away
            worst, likely, best = _zone(s, lo), _zone(s, mid), _zone(s, hi)
            if lo == hi:
                p = Decimal(1) if s <= lo else Decimal(0)
            else:
                p = 1 - triangular_cdf(s, lo, mid, hi)
            if best is None:
                gap = s - hi
        else:
            b = package_walk_away
            worst, likely, best = _zone(hi, b), _zone(mid, b), _zone(lo, b)
            if lo == hi:
                p = Decimal(1) if lo <= b else Decimal(0)
            else:
                p = triangular_cdf(b, lo, mid, hi)
            if best is None:
                gap = lo - b
        probability = _round_probability(p)
        chance = p
        status = "certain" if worst else "possible" if best else "none"

    packages = _packages(deal, sums, None if out_of_order else filled)
    return Summary(
        role="seller" if seller else "buyer",
        status=status,
        worst=worst,
        likely=likely,
        best=best,
        probability=probability,
        gap=gap,
        package_cost=cost,
        package_value=value,
        package_walk_away=package_walk_away,
        their_low=None if filled is None or out_of_order else filled[0],
        their_likely=None if filled is None or out_of_order else filled[1],
        their_high=None if filled is None or out_of_order else filled[2],
        their_low_package=lo,
        their_likely_package=mid,
        their_high_package=hi,
        warnings=tuple(warnings),
        readiness=_readiness(deal),
        chance=chance,
        packages=packages,
        meso=meso_test(packages),
    )


def _package_sums(by_id: dict, ids: list[str]) -> tuple[Decimal, Decimal, int, tuple[str, ...]]:
    """C, V, the number of unset values, and the ids counted (each once, spec §2.5)."""
    cost = value = Decimal(0)
    unknown = 0
    counted = []
    for ident in dict.fromkeys(ids):
        c = by_id.get(ident)
        if c is None:
            continue
        counted.append(ident)
        if c.cost_to_us is not None:
            cost += c.cost_to_us
        if c.value_to_them is not None:
            value += c.value_to_them
        else:
            unknown += 1
    return cost, value, unknown, tuple(counted)


def best_ask_seller(s: Decimal, lo: Decimal, mid: Decimal, hi: Decimal) -> Decimal | None:
    """Spec §2.5: the ask maximising (A − s)·(1 − F(A)); None when s ≥ hi."""
    if s >= hi:
        return None
    if lo == hi:
        return lo
    falling = (hi + 2 * s) / 3
    if falling >= mid:
        return falling
    # On the rising side: 3u² − 2du − K = 0 with u = A − lo, d = s − lo, K = (hi−lo)(mid−lo).
    d = s - lo
    k = (hi - lo) * (mid - lo)
    u = (d + (d * d + 3 * k).sqrt()) / 3
    return min(max(lo + u, lo, s), mid)


def best_ask_buyer(b: Decimal, lo: Decimal, mid: Decimal, hi: Decimal) -> Decimal | None:
    """Spec §2.5: the ask maximising (b − A)·F(A); None when b ≤ lo."""
    if b <= lo:
        return None
    if lo == hi:
        return lo
    rising = (lo + 2 * b) / 3
    if rising <= mid:
        return rising
    # The mirror image: u = hi − A, d = hi − b, K = (hi−lo)(hi−mid).
    d = hi - b
    k = (hi - lo) * (hi - mid)
    u = (d + (d * d + 3 * k).sqrt()) / 3
    return max(min(hi - u, hi, b), mid)


def acceptance_chance(seller: bool, ask: Decimal, lo: Decimal, mid: Decimal, hi: Decimal):
    """The chance their walk-away is on the right side of `ask` (spec §2.5), exact Decimal."""
    if lo == hi:
        if seller:
            return Decimal(1) if ask <= lo else Decimal(0)
        return Decimal(1) if lo <= ask else Decimal(0)
    f = triangular_cdf(ask, lo, mid, hi)
    return 1 - f if seller else f


def _packages(
    deal: Deal, sums: list, filled: tuple[Decimal, Decimal, Decimal] | None
) -> tuple[PackageSummary, ...]:
    seller = deal.is_seller
    walk_away = deal.anchors.walk_away
    batna = [f.value for f in deal.fallbacks if f.kind == "batna" and f.value is not None]
    best_batna = (max(batna) if seller else min(batna)) if batna else None
    out = []
    for p, (cost, value, _unknown, counted) in zip(deal.packages, sums, strict=True):
        net = acceptance = expected = best = None
        if filled is not None:
            shift = value if seller else -value
            lo, mid, hi = filled[0] + shift, filled[1] + shift, filled[2] + shift
            if p.ask is not None:
                net = p.ask - cost if seller else p.ask + cost
                acceptance = acceptance_chance(seller, p.ask, lo, mid, hi)
                if best_batna is not None:
                    expected = acceptance * net + (1 - acceptance) * best_batna
            if walk_away is not None:
                if seller:
                    best = best_ask_seller(walk_away + cost, lo, mid, hi)
                else:
                    best = best_ask_buyer(walk_away - cost, lo, mid, hi)
        out.append(
            PackageSummary(
                id=p.id,
                name=p.name,
                ask=p.ask,
                cost_to_us=cost,
                value_to_them=value,
                net=net,
                acceptance=acceptance,
                expected_value=expected,
                best_ask=best,
                concessions=counted,
            )
        )
    return tuple(out)


#: How close the nets of a MESO must be: within this share of their mean (spec §2.5).
MESO_TOLERANCE = Decimal("0.02")


def meso_test(packages: tuple[PackageSummary, ...] | list[PackageSummary]) -> bool:
    """Spec §2.5: at least three packages with an ask, nets within 2 % of their mean, no two
    with the same set of concessions."""
    with localcontext(_CONTEXT):
        offered = [p for p in packages if p.ask is not None]
        if len(offered) < 3 or any(p.net is None for p in offered):
            return False
        nets = [p.net for p in offered]
        mean = sum(nets, Decimal(0)) / len(nets)
        if any(abs(n - mean) > MESO_TOLERANCE * abs(mean) for n in nets):
            return False
        sets = [frozenset(p.concessions) for p in offered]
        return len(set(sets)) == len(sets)


def _readiness(deal: Deal) -> tuple[Check, ...]:
    est = deal.their_estimate
    done = {
        "goal": bool(deal.vision.goal.strip()),
        "target": deal.anchors.target is not None,
        "walk_away": deal.anchors.walk_away is not None,
        "their_estimate": any(
            v is not None for v in (est.walk_away_low, est.walk_away_likely, est.walk_away_high)
        ),
        "batna": any(f.kind == "batna" for f in deal.fallbacks),
        "trades": any(c.ask_in_return.strip() for c in deal.concessions),
        "questions": sum(1 for q in deal.listening.questions if q.strip()) >= MIN_QUESTIONS,
    }
    return tuple(Check(code, READINESS_LABELS[code], done[code]) for code in READINESS_CODES)


def _money_formatter(currency: str):
    return lambda amount: format_money(amount, currency)


def summary_to_dict(deal: Deal, summary: Summary) -> dict:
    """The JSON object of spec §2.4."""

    def zone(z: Zone | None) -> dict | None:
        return None if z is None else {"low": money_text(z.low), "high": money_text(z.high)}

    return {
        "title": deal.title,
        "role": summary.role,
        "currency": deal.currency,
        "zopa": {
            "status": summary.status,
            "worst": zone(summary.worst),
            "likely": zone(summary.likely),
            "best": zone(summary.best),
            "probability": summary.probability,
            "gap": money_text(summary.gap),
        },
        "package": {
            "cost_to_us": money_text(summary.package_cost),
            "value_to_them": money_text(summary.package_value),
        },
        "packages": [
            {
                "id": p.id,
                "name": p.name,
                "ask": money_text(p.ask),
                "cost_to_us": money_text(p.cost_to_us),
                "value_to_them": money_text(p.value_to_them),
                "net": money_text(p.net),
                "acceptance": None if p.acceptance is None else _round_probability(p.acceptance),
                "expected_value": money_text(round_cents(p.expected_value)),
                "best_ask": money_text(round_cents(p.best_ask)),
            }
            for p in summary.packages
        ],
        "meso": summary.meso,
        "warnings": [{"code": w.code, "message": w.message} for w in summary.warnings],
        "readiness": {
            "done": summary.readiness_done,
            "total": len(summary.readiness),
            "missing": summary.readiness_missing,
        },
    }
