"""Packages side by side (spec §2.5): acceptance, expected value, best ask, meso; the new warnings
of §2.2."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.builders import D, batna, make_deal
from worksheet.domain.deal import Concession, Deal, Limits, Package, SignOff
from worksheet.domain.summary import (
    acceptance_chance,
    best_ask_buyer,
    best_ask_seller,
    summarize,
    summary_to_dict,
    triangular_cdf,
)

PIVOT = Decimal(1000)


def priced(
    role: str = "seller",
    *,
    W: str | None = "100",
    L: str | None = "90",
    M: str | None = "110",
    H: str | None = "130",
    packages: list[tuple[str | None, list[int]]] = (),
    concessions: list[tuple[str | None, str | None]] = (),
    batnas: tuple[str, ...] = (),
    **kwargs,
) -> Deal:
    """A deal with concessions c1, c2… (cost, value) and packages (ask, [concession numbers])."""
    deal = make_deal(role, W=W, L=L, M=M, H=H, **kwargs)
    deal.concessions = [
        Concession(id=f"c{i + 1}", what=f"c{i + 1}", cost_to_us=D(c), value_to_them=D(v))
        for i, (c, v) in enumerate(concessions)
    ]
    deal.packages = [
        Package(id=f"p{i + 1}", name=f"P{i + 1}", ask=D(ask), concessions=[f"c{n}" for n in ids])
        for i, (ask, ids) in enumerate(packages)
    ]
    deal.fallbacks = [batna(b) for b in batnas]
    return deal


def one(deal: Deal, index: int = 0):
    return summarize(deal).packages[index]


# --------------------------------------------------------------------------- seller


@pytest.mark.parametrize(
    ("ask", "chance"),
    [
        ("80", "1"),  # below lo: they always accept
        ("90", "1"),
        ("100", "0.875"),  # rising side: 1 − 10² / (40 · 20)
        ("110", "0.5"),  # the mode
        ("120", "0.125"),  # falling side: (130 − 120)² / (40 · 20)
        ("130", "0"),
        ("140", "0"),
    ],
)
def test_seller_acceptance(ask: str, chance: str) -> None:
    p = one(priced(packages=[(ask, [])]))
    assert p.acceptance == Decimal(chance)
    assert p.net == Decimal(ask)


def test_seller_package_moves_their_ceiling_and_its_net() -> None:
    # C = 5, V = 10: lo, mid, hi = 100, 120, 140; ask 130: (140 − 130)² / (40 · 20) = 0.125.
    p = one(priced(packages=[("130", [1])], concessions=[("5", "10")], batnas=("95",)))
    assert (p.cost_to_us, p.value_to_them, p.net) == (5, 10, 125)
    assert p.acceptance == Decimal("0.125")
    assert p.expected_value == Decimal("0.125") * 125 + Decimal("0.875") * 95
    # best ask: s = 105, (140 + 210) / 3 = 116.67 < mid 120 → root on the rising side.
    d, k = Decimal(5), Decimal(40 * 20)
    with localcontext() as ctx:
        ctx.prec = 60
        root = 100 + (d + (d * d + 3 * k).sqrt()) / 3
    assert abs(p.best_ask - root) < Decimal("1e-40")


def test_seller_expected_value_takes_the_highest_batna() -> None:
    p = one(priced(packages=[("120", [])], batnas=("80", "95", "90")))
    assert p.expected_value == Decimal("0.125") * 120 + Decimal("0.875") * 95


def test_expected_value_uses_the_exact_chance_and_rounds_half_even_in_json() -> None:
    # chance 0.125 exactly, net 100.02, BATNA 0: 12.5025 → 12.50 (half even at the third place).
    deal = priced(W="0", packages=[("120", [])], batnas=("0",))
    deal.packages[0].ask = Decimal("120")
    deal.concessions = [Concession(id="c1", cost_to_us=Decimal("19.98"), value_to_them=D("0"))]
    deal.packages[0].concessions = ["c1"]
    p = one(deal)
    assert p.expected_value == Decimal("12.5025")
    out = summary_to_dict(deal, summarize(deal))["packages"][0]
    assert out["expected_value"] == "12.5"
    assert out["acceptance"] == 0.125


@pytest.mark.parametrize(
    ("W", "L", "M", "H", "best"),
    [
        ("100", "90", "110", "130", "110"),  # falling side, exactly at the mode
        ("105", "90", "110", "130", "113.33"),  # falling side: (130 + 210) / 3
        ("70", "90", "110", "130", "100.97"),  # rising side: the root
        ("70", "90", "90", "130", "90"),  # lo = mid: (130 + 140) / 3 = 90 ≥ mid
        ("50", "90", "90", "130", "90"),  # lo = mid, floor far below: never under lo
        ("100", "90", "130", "130", "116.67"),  # mid = hi: the root, d = 10, K = 1600
        ("100", "110", "110", "110", "110"),  # lo = hi: the point
        ("110", "110", "110", "110", None),  # lo = hi = floor: nothing to gain
        ("130", "90", "110", "130", None),  # floor at hi
        ("140", "90", "110", "130", None),  # floor beyond hi
        (None, "90", "110", "130", None),  # no walk-away
    ],
)
def test_seller_best_ask(W, L, M, H, best) -> None:
    deal = priced(W=W, L=L, M=M, H=H, packages=[(None, [])])
    out = summary_to_dict(deal, summarize(deal))["packages"][0]
    assert out["best_ask"] == best
    # No ask: no net, chance or expected value, but the best ask is still given.
    assert (out["net"], out["acceptance"], out["expected_value"]) == (None, None, None)


def test_seller_best_ask_is_never_below_the_floor_or_lo() -> None:
    assert best_ask_seller(Decimal(120), Decimal(90), Decimal(125), Decimal(130)) >= 120
    assert best_ask_seller(Decimal(0), Decimal(90), Decimal(125), Decimal(130)) >= 90


def test_without_walk_away_only_best_ask_is_null() -> None:
    p = one(priced(W=None, packages=[("120", [])], batnas=("95",)))
    assert p.best_ask is None
    assert (p.net, p.acceptance) == (120, Decimal("0.125"))
    assert p.expected_value is not None


def test_without_batna_value_no_expected_value() -> None:
    deal = priced(packages=[("120", [])])
    deal.fallbacks = [batna(None)]
    assert one(deal).expected_value is None


@pytest.mark.parametrize(
    ("L", "M", "H"), [(None, None, None), ("130", "110", "90"), ("90", "140", "130")]
)
def test_unknown_or_disordered_estimate_nulls_every_package(L, M, H) -> None:
    deal = priced(L=L, M=M, H=H, packages=[("120", [1]), ("121", [2]), ("122", [])])
    deal.concessions = [Concession(id="c1"), Concession(id="c2")]
    s = summarize(deal)
    for p in s.packages:
        assert (p.net, p.acceptance, p.expected_value, p.best_ask) == (None,) * 4
    assert s.meso is False


def test_a_concession_listed_twice_counts_once() -> None:
    deal = priced(packages=[("130", [1, 1, 1])], concessions=[("5", "10")])
    p = one(deal)
    assert (p.cost_to_us, p.value_to_them, p.net) == (5, 10, 125)
    deal.active_package = "p1"
    assert summarize(deal).package_cost == 5


# --------------------------------------------------------------------------- buyer (mirrored)


def mirror(deal: Deal) -> Deal:
    """The buyer's version: every price p becomes 1000 − p; L and H swap; costs stay."""
    out = priced(
        "buyer",
        W=None if deal.anchors.walk_away is None else str(PIVOT - deal.anchors.walk_away),
    )
    est = deal.their_estimate

    def m(x):
        return None if x is None else PIVOT - x

    out.their_estimate.walk_away_low = m(est.walk_away_high)
    out.their_estimate.walk_away_likely = m(est.walk_away_likely)
    out.their_estimate.walk_away_high = m(est.walk_away_low)
    out.concessions = deal.concessions
    out.packages = [
        Package(id=p.id, name=p.name, ask=m(p.ask), concessions=p.concessions)
        for p in deal.packages
    ]
    out.fallbacks = [
        batna(None if f.value is None else str(PIVOT - f.value)) for f in deal.fallbacks
    ]
    return out


@pytest.mark.parametrize(
    ("ask", "chance"),
    [("920", "1"), ("910", "1"), ("900", "0.875"), ("890", "0.5"), ("880", "0.125"), ("870", "0")],
)
def test_buyer_acceptance(ask: str, chance: str) -> None:
    # Their floor 870 / 890 / 910: the chance it is at or below our ask is F(ask).
    p = one(priced("buyer", W="900", L="870", M="890", H="910", packages=[(ask, [])]))
    assert p.acceptance == Decimal(chance)


def test_buyer_net_adds_the_cost_and_takes_the_lowest_batna() -> None:
    # V = 10 lowers their floor: 860 / 880 / 900; ask 890: F = 1 − 10² / (40 · 20) = 0.875.
    deal = priced(
        "buyer",
        W="900",
        L="870",
        M="890",
        H="910",
        packages=[("890", [1])],
        concessions=[("5", "10")],
        batnas=("930", "905", "990"),
    )
    p = one(deal)
    assert p.net == 895
    assert p.acceptance == Decimal("0.875")
    assert p.expected_value == Decimal("0.875") * 895 + Decimal("0.125") * 905


@pytest.mark.parametrize(
    ("W", "L", "M", "H"),
    [
        ("100", "90", "110", "130"),
        ("105", "90", "110", "130"),
        ("70", "90", "110", "130"),
        ("70", "90", "90", "130"),
        ("50", "90", "90", "130"),
        ("100", "90", "130", "130"),
        ("100", "110", "110", "110"),
        ("110", "110", "110", "110"),
        ("130", "90", "110", "130"),
        ("140", "90", "110", "130"),
        (None, "90", "110", "130"),
    ],
)
@pytest.mark.parametrize("ask", [None, "85", "100", "115", "125", "135"])
def test_buyer_mirrors_the_seller(W, L, M, H, ask) -> None:
    seller = priced(W=W, L=L, M=M, H=H, packages=[(ask, [1])], concessions=[("3", "7")])
    seller.fallbacks = [batna("95")]
    a, b = one(seller), one(mirror(seller))
    assert b.acceptance == a.acceptance
    assert (b.best_ask is None) == (a.best_ask is None)
    if a.best_ask is not None:
        assert abs(b.best_ask - (PIVOT - a.best_ask)) < Decimal("1e-20")
    if a.net is not None:
        # The buyer's net is ask + C: the mirror of the seller's ask − C.
        assert b.net == PIVOT - a.net
        assert b.expected_value == PIVOT - a.expected_value


def test_buyer_best_ask_boundaries() -> None:
    lo, mid, hi = Decimal(870), Decimal(890), Decimal(910)
    assert best_ask_buyer(Decimal(900), lo, mid, hi) == 890  # (870 + 1800) / 3, at the mode
    assert best_ask_buyer(lo, lo, mid, hi) is None  # ceiling at lo
    assert best_ask_buyer(Decimal(860), lo, mid, hi) is None  # ceiling beyond lo
    assert best_ask_buyer(Decimal(900), mid, mid, mid) == mid  # lo = hi
    assert best_ask_buyer(Decimal(2000), lo, mid, hi) <= hi  # never above hi
    assert best_ask_buyer(Decimal(895), lo, mid, hi) <= 895  # …nor above our ceiling


# --------------------------------------------------------------------------- best ask is best


def _gain(seller: bool, ask: Decimal, own: Decimal, lo, mid, hi) -> Decimal:
    chance = acceptance_chance(seller, ask, lo, mid, hi)
    return (ask - own) * chance if seller else (own - ask) * chance


_whole = st.integers(0, 2000).map(Decimal)


@settings(max_examples=300)
@given(
    seller=st.booleans(),
    points=st.lists(_whole, min_size=3, max_size=3),
    own=_whole,
)
def test_no_ask_on_a_fine_grid_beats_the_best_ask(seller: bool, points, own: Decimal) -> None:
    lo, mid, hi = sorted(points)
    with localcontext() as ctx:
        ctx.prec = 60
        best = best_ask_seller(own, lo, mid, hi) if seller else best_ask_buyer(own, lo, mid, hi)
        if best is None:
            # Nothing to gain anywhere: every ask in range earns at most 0.
            grid = [lo + (hi - lo) * i / 400 for i in range(401)]
            assert all(_gain(seller, a, own, lo, mid, hi) <= 0 for a in grid)
            return
        assert lo <= best <= hi
        top = _gain(seller, best, own, lo, mid, hi)
        span = max(hi - lo, Decimal(1))
        grid = [lo - span / 4 + span * 3 / 2 * i / 600 for i in range(601)]
        tolerance = Decimal("1e-30") * (span + abs(own)) ** 2
        for a in grid:
            assert _gain(seller, a, own, lo, mid, hi) <= top + tolerance, (a, best)


def test_triangular_pieces_meet() -> None:
    lo, mid, hi = Decimal(90), Decimal(110), Decimal(130)
    assert triangular_cdf(mid, lo, mid, hi) == Decimal("0.5")


# --------------------------------------------------------------------------- meso


def meso_deal(asks: list[str | None], sets: list[list[int]], costs=("1000", "2000", "3000")):
    return priced(
        W="100000",
        L="90000",
        M="110000",
        H="130000",
        concessions=[(c, "5000") for c in costs],
        packages=list(zip(asks, sets, strict=True)),
    )


def test_meso_three_equal_nets_and_different_contents() -> None:
    # nets: 111000 − 1000, 112000 − 2000, 113000 − 3000 = 110000 each.
    deal = meso_deal(["111000", "112000", "113000"], [[1], [2], [3]])
    assert summarize(deal).meso is True
    assert summary_to_dict(deal, summarize(deal))["meso"] is True


def test_meso_at_the_two_percent_edge() -> None:
    # nets 98, 100, 102 (thousands): mean 100, each within 2 % — the edge counts.
    inside = meso_deal(["99000", "102000", "105000"], [[1], [2], [3]])
    assert [p.net for p in summarize(inside).packages] == [98000, 100000, 102000]
    assert summarize(inside).meso is True
    outside = meso_deal(["99000", "102000", "105001"], [[1], [2], [3]])
    assert summarize(outside).meso is False


def test_meso_needs_three_asks_and_distinct_sets() -> None:
    assert summarize(meso_deal(["111000", "112000", None], [[1], [2], [3]])).meso is False
    same = meso_deal(["111000", "111000", "113000"], [[1], [1, 1], [3]])
    assert summarize(same).meso is False  # [1] and [1, 1] are the same set
    # A package without an ask does not count, nor spoil the set.
    four = meso_deal(["111000", "112000", "113000", None], [[1], [2], [3], [1]])
    assert summarize(four).meso is True
    assert summarize(meso_deal([], [])).meso is False


# --------------------------------------------------------------------------- §2.2 new warnings


def codes(deal: Deal) -> list[str]:
    return [w.code for w in summarize(deal).warnings]


def test_walk_away_beyond_the_managers_limit() -> None:
    deal = priced(W="100")
    deal.sign_off = SignOff(limits=Limits(walk_away=Decimal(101)))
    assert "walk_away_beyond_limit" in codes(deal)
    deal.sign_off.limits.walk_away = Decimal(100)
    assert "walk_away_beyond_limit" not in codes(deal)
    buyer = priced("buyer", W="100")
    buyer.sign_off = SignOff(limits=Limits(walk_away=Decimal(99)))
    assert "walk_away_beyond_limit" in codes(buyer)
    buyer.anchors.walk_away = None
    assert "walk_away_beyond_limit" not in codes(buyer)


def test_package_cost_over_the_limit_counts_the_active_package() -> None:
    deal = priced(packages=[(None, [1, 2]), (None, [1])], concessions=[("5", "1"), ("6", "1")])
    deal.sign_off = SignOff(limits=Limits(package_cost=Decimal(10)))
    assert "package_cost_over_limit" not in codes(deal)  # no active package: C = 0
    deal.active_package = "p1"
    assert "package_cost_over_limit" in codes(deal)  # 11 > 10
    deal.active_package = "p2"
    assert "package_cost_over_limit" not in codes(deal)


def test_package_ask_beyond_walk_away_one_per_package_in_order() -> None:
    # W = 100; p1 costs 5 (floor 105), ask 104: beyond. p2 ask 105: fine. p3 ask 90: beyond.
    deal = priced(
        packages=[("104", [1]), ("105", [1]), ("90", []), (None, [])], concessions=[("5", "1")]
    )
    warnings = [w for w in summarize(deal).warnings if w.code == "package_ask_beyond_walk_away"]
    assert len(warnings) == 2
    assert "P1" in warnings[0].message and "P3" in warnings[1].message
    buyer = priced("buyer", packages=[("96", [1]), ("95", [1])], concessions=[("5", "1")])
    assert codes(buyer).count("package_ask_beyond_walk_away") == 1


def test_new_warnings_come_in_table_order() -> None:
    deal = priced(
        W="100",
        L="130",
        M="110",
        H="90",  # out of order
        target="90",
        packages=[("50", [1])],
        concessions=[("50", None)],
    )
    deal.active_package = "p1"
    deal.fallbacks = [batna("120")]
    deal.sign_off = SignOff(limits=Limits(walk_away=Decimal(110), package_cost=Decimal(1)))
    assert codes(deal) == [
        "target_worse_than_walk_away",
        "walk_away_worse_than_batna",
        "estimate_out_of_order",
        "concession_value_unknown",
        "walk_away_beyond_limit",
        "package_cost_over_limit",
        "package_ask_beyond_walk_away",
    ]
    assert all(w.message.strip() for w in summarize(deal).warnings)
