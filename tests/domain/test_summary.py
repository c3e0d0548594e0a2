"""Spec §2 rule by rule: the ZOPA, the fill-in rules, warnings, readiness and the JSON shape.

Every expected number is worked out by hand in a comment next to it; none is computed by the
code under test.
"""

from __future__ import annotations

import json
from decimal import Decimal, localcontext

import pytest

from tests.domain.builders import D, batna, make_deal, pack
from worksheet.domain.deal import Concession, Deal, Fallback, Listening, Vision
from worksheet.domain.summary import Zone, summarize, summary_to_dict


def zone(low: str, high: str) -> Zone:
    return Zone(Decimal(low), Decimal(high))


def codes(deal: Deal) -> list[str]:
    return [w.code for w in summarize(deal).warnings]


# --------------------------------------------------------------------------- §2.1 step 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {"L": "90", "M": "100", "H": "110"},  # W missing
        {"W": "100"},  # no estimate at all
        {},  # neither
    ],
    ids=["no-walk-away", "no-estimate", "nothing"],
)
@pytest.mark.parametrize("role", ["seller", "buyer"])
def test_unknown_without_walk_away_or_estimate(role: str, kwargs: dict) -> None:
    s = summarize(make_deal(role, **kwargs))
    assert s.status == "unknown"
    assert (s.worst, s.likely, s.best) == (None, None, None)
    assert s.probability is None
    assert s.gap is None


def test_unknown_still_reports_the_package_and_the_filled_estimate() -> None:
    # W unset; only M = 100 → L = H = 100; the package C = 5, V = 7 is still summed.
    s = summarize(make_deal(M="100", package=(("5", "7"),)))
    assert s.status == "unknown"
    assert (s.their_low, s.their_likely, s.their_high) == (100, 100, 100)
    assert (s.package_cost, s.package_value) == (Decimal(5), Decimal(7))
    assert s.package_walk_away is None


# --------------------------------------------------------------------------- §2.1 step 2


@pytest.mark.parametrize(
    ("L", "M", "H", "filled"),
    [
        # only M → L = H = M
        (None, "100", None, ("100", "100", "100")),
        # M missing, L and H set → M = (L + H) / 2 = (80 + 120) / 2 = 100
        ("80", None, "120", ("80", "100", "120")),
        # (81 + 120) / 2 = 201 / 2 = 100.5: the mean is exact, not rounded
        ("81", None, "120", ("81", "100.5", "120")),
        # (0.0001 + 0.0002) / 2 = 0.00015: more places than a file may hold, still exact
        ("0.0001", None, "0.0002", ("0.0001", "0.00015", "0.0002")),
        # only L → all three equal it; only H → the same
        ("90", None, None, ("90", "90", "90")),
        (None, None, "90", ("90", "90", "90")),
        # M set, L missing → L = M; H missing → H = M
        (None, "100", "130", ("100", "100", "130")),
        ("70", "100", None, ("70", "100", "100")),
        # all set → untouched
        ("70", "100", "130", ("70", "100", "130")),
    ],
)
def test_fill_in_rules(L: str | None, M: str | None, H: str | None, filled: tuple) -> None:
    s = summarize(make_deal(W="1", L=L, M=M, H=H))
    assert (s.their_low, s.their_likely, s.their_high) == tuple(Decimal(x) for x in filled)
    assert not s.has_warning("estimate_out_of_order")


def test_filled_mean_reaches_the_zone() -> None:
    # Seller, W = 100, L = 81, H = 120 → M = 100.5; s = 100 ≤ 100.5 → likely [100, 100.5].
    s = summarize(make_deal(W="100", L="81", H="120"))
    assert s.likely == zone("100", "100.5")
    assert summary_to_dict(make_deal(W="100", L="81", H="120"), s)["zopa"]["likely"] == {
        "low": "100",
        "high": "100.5",
    }


# --------------------------------------------------------------------------- §2.1 step 3


@pytest.mark.parametrize(
    ("L", "M", "H"),
    [
        ("120", "100", "130"),  # L > M
        ("90", "140", "130"),  # M > H
        ("130", None, "90"),  # M = (130 + 90) / 2 = 110, so L = 130 > 110
        ("110", "100", None),  # H = M = 100, L = 110 > 100
        (None, "100", "90"),  # L = M = 100, H = 90 < 100
        ("100.0001", "100", "100"),  # by one ten-thousandth
    ],
)
@pytest.mark.parametrize("role", ["seller", "buyer"])
def test_estimate_out_of_order(role: str, L: str | None, M: str | None, H: str | None) -> None:
    s = summarize(make_deal(role, W="100", L=L, M=M, H=H))
    assert s.has_warning("estimate_out_of_order")
    assert s.status == "unknown"
    assert (s.worst, s.likely, s.best, s.probability, s.gap) == (None,) * 5
    assert (s.their_low, s.their_likely, s.their_high) == (None, None, None)


def test_out_of_order_is_reported_even_without_a_walk_away() -> None:
    # Step 1 already makes the zone unknown, but the person should still hear about the estimate.
    assert codes(make_deal(L="120", M="100", H="130")) == ["no_walk_away", "estimate_out_of_order"]


@pytest.mark.parametrize(
    ("L", "M", "H"),
    [("100", "100", "100"), ("90", "90", "100"), ("90", "100", "100"), ("90", "100", "110")],
)
def test_equal_estimates_are_in_order(L: str, M: str, H: str) -> None:
    assert "estimate_out_of_order" not in codes(make_deal(W="100", L=L, M=M, H=H))


# --------------------------------------------------------------------------- §2.1 step 5: seller

# One estimate for the seller tables: L = 90, M = 110, H = 130, no package → lo, mid, hi equal it.
# F(x) = (x − 90)² / (40 · 20) = (x − 90)² / 800 up to 110; 1 − (130 − x)² / 800 above.
SELLER_CASES = [
    # W, worst, likely, best, probability, gap, status
    # W = 80 ≤ lo: every zone; p = 1 − F(80) = 1 − 0 = 1
    ("80", ("80", "90"), ("80", "110"), ("80", "130"), 1.0, None, "certain"),
    # W = lo = 90: worst is the single point [90, 90]; p = 1 − 0 = 1
    ("90", ("90", "90"), ("90", "110"), ("90", "130"), 1.0, None, "certain"),
    # W = 100: p = 1 − (10² / 800) = 1 − 0.125 = 0.875
    ("100", None, ("100", "110"), ("100", "130"), 0.875, None, "possible"),
    # W = mid = 110: p = 1 − 20² / 800 = 1 − 0.5 = 0.5; likely is the point [110, 110]
    ("110", None, ("110", "110"), ("110", "130"), 0.5, None, "possible"),
    # W = 120: F = 1 − 10² / 800 = 0.875 → p = 0.125
    ("120", None, None, ("120", "130"), 0.125, None, "possible"),
    # W = hi = 130: best is the point [130, 130] but F(130) = 1 → p = 0; still "possible"
    ("130", None, None, ("130", "130"), 0.0, None, "possible"),
    # W = 140 > hi: no zone; p = 0; gap = s − hi = 140 − 130 = 10
    ("140", None, None, None, 0.0, "10", "none"),
    # W = 130.0001: gap = 0.0001, to the last allowed place
    ("130.0001", None, None, None, 0.0, "0.0001", "none"),
]


def _zone_or_none(pair: tuple[str, str] | None) -> Zone | None:
    return None if pair is None else zone(*pair)


@pytest.mark.parametrize(("W", "worst", "likely", "best", "p", "gap", "status"), SELLER_CASES)
def test_seller_zones(W, worst, likely, best, p, gap, status) -> None:
    s = summarize(make_deal("seller", W=W, L="90", M="110", H="130"))
    assert s.worst == _zone_or_none(worst)
    assert s.likely == _zone_or_none(likely)
    assert s.best == _zone_or_none(best)
    assert s.probability == p
    assert s.gap == D(gap)
    assert s.status == status


def test_seller_package_moves_both_sides() -> None:
    # W = 115; in package: (cost 5, value 12), (cost 3, value unset), (cost unset, value 8);
    # one concession outside the package (cost 100, value 100) is ignored.
    # C = 5 + 3 + 0 = 8, V = 12 + 0 + 8 = 20 → s = 115 + 8 = 123.
    # L, M, H = 90, 110, 130 → lo, mid, hi = 110, 130, 150.
    # worst: 123 ≤ 110? no. likely [123, 130], best [123, 150].
    # F(123) = (123 − 110)² / ((150 − 110)(130 − 110)) = 169 / 800 = 0.21125 → p = 0.78875,
    # rounded to 4 places: 0.7888 (the 5 is exactly half; the even neighbour is ...88).
    deal = make_deal(
        "seller",
        W="115",
        L="90",
        M="110",
        H="130",
        package=(("5", "12"), ("3", None), (None, "8")),
        concessions=[Concession(what="outside", cost_to_us=D("100"), value_to_them=D("100"))],
    )
    s = summarize(deal)
    assert (s.package_cost, s.package_value) == (Decimal(8), Decimal(20))
    assert s.package_walk_away == Decimal(123)
    assert (s.their_low_package, s.their_likely_package, s.their_high_package) == (110, 130, 150)
    assert (s.worst, s.likely, s.best) == (None, zone("123", "130"), zone("123", "150"))
    assert s.probability == 0.7888
    assert s.status == "possible"
    assert s.has_warning("concession_value_unknown")


def test_probability_rounds_to_four_places() -> None:
    # Seller, L = 0, M = H = 30 (mid = hi), W = 10: F(10) = 10² / (30 · 30) = 1/9,
    # p = 8/9 = 0.8888… → 0.8889.
    s = summarize(make_deal(W="10", L="0", M="30", H="30"))
    assert s.probability == 0.8889
    assert s.likely == zone("10", "30")


@pytest.mark.parametrize(
    ("W", "p"),
    [
        # lo = mid = 100, hi = 120: for x > mid, F = 1 − (120 − x)² / (20 · 20).
        ("100", 1.0),  # s = lo → F = 0
        ("110", 0.25),  # F = 1 − 100 / 400 = 0.75
        ("119", 0.0025),  # F = 1 − 1 / 400 = 0.9975
    ],
)
def test_mode_at_the_low_end(W: str, p: float) -> None:
    assert summarize(make_deal(W=W, L="100", M="100", H="120")).probability == p


@pytest.mark.parametrize(
    ("W", "p"),
    [
        # lo = 80, mid = hi = 120: for x ≤ mid, F = (x − 80)² / (40 · 40).
        ("100", 0.75),  # F = 400 / 1600 = 0.25
        ("120", 0.0),  # s = hi → F = 1
        ("81", 0.9994),  # F = 1 / 1600 = 0.000625 → p = 0.999375 → 0.9994
    ],
)
def test_mode_at_the_high_end(W: str, p: float) -> None:
    assert summarize(make_deal(W=W, L="80", M="120", H="120")).probability == p


@pytest.mark.parametrize(
    ("role", "W", "p", "worst", "gap", "status"),
    [
        # L = M = H = 100, so lo = hi: the seller's p is 1 if s ≤ lo else 0.
        ("seller", "100", 1.0, ("100", "100"), None, "certain"),
        ("seller", "99", 1.0, ("99", "100"), None, "certain"),
        ("seller", "100.0001", 0.0, None, "0.0001", "none"),  # gap = 100.0001 − 100
        # the buyer's p is 1 if lo ≤ b else 0; worst = [hi, b].
        ("buyer", "100", 1.0, ("100", "100"), None, "certain"),
        ("buyer", "101", 1.0, ("100", "101"), None, "certain"),
        ("buyer", "99.9999", 0.0, None, "0.0001", "none"),  # gap = lo − b = 100 − 99.9999
    ],
)
def test_single_point_estimate(role, W, p, worst, gap, status) -> None:
    s = summarize(make_deal(role, W=W, M="100"))
    assert s.probability == p
    assert s.worst == _zone_or_none(worst)
    assert s.gap == D(gap)
    assert s.status == status


def test_single_point_estimate_moved_by_the_package() -> None:
    # Seller: only M = 100 with V = 5 → lo = mid = hi = 105;
    # C = 5 → s = 100 + 5 = 105 ≤ 105 → p = 1.
    s = summarize(make_deal(W="100", M="100", package=(("5", "5"),)))
    assert s.probability == 1.0
    assert s.worst == zone("105", "105")


# --------------------------------------------------------------------------- §2.1 step 6: buyer

# Buyer tables: L = 70, M = 90, H = 110, no package. F as above with lo = 70, mid = 90, hi = 110:
# (x − 70)² / 800 up to 90, 1 − (110 − x)² / 800 above.
BUYER_CASES = [
    # W = 120 ≥ hi: worst [110, 120], likely [90, 120], best [70, 120]; p = F(120) = 1
    ("120", ("110", "120"), ("90", "120"), ("70", "120"), 1.0, None, "certain"),
    # W = 100: p = F(100) = 1 − 10² / 800 = 0.875
    ("100", None, ("90", "100"), ("70", "100"), 0.875, None, "possible"),
    # W = 80: p = (80 − 70)² / 800 = 0.125
    ("80", None, None, ("70", "80"), 0.125, None, "possible"),
    # W = lo = 70: best is the point [70, 70], p = F(70) = 0
    ("70", None, None, ("70", "70"), 0.0, None, "possible"),
    # W = 50: gap = lo − b = 70 − 50 = 20
    ("50", None, None, None, 0.0, "20", "none"),
]


@pytest.mark.parametrize(("W", "worst", "likely", "best", "p", "gap", "status"), BUYER_CASES)
def test_buyer_zones(W, worst, likely, best, p, gap, status) -> None:
    s = summarize(make_deal("buyer", W=W, L="70", M="90", H="110"))
    assert s.worst == _zone_or_none(worst)
    assert s.likely == _zone_or_none(likely)
    assert s.best == _zone_or_none(best)
    assert s.probability == p
    assert s.gap == D(gap)
    assert s.status == status


def test_buyer_package_moves_both_sides_down() -> None:
    # Buyer W = 100, C = 4 → b = 100 − 4 = 96; V = 10 → lo, mid, hi = 60, 80, 100.
    # worst: 100 ≤ 96? no. likely [80, 96], best [60, 96].
    # F(96) = 1 − (100 − 96)² / ((100 − 60)(100 − 80)) = 1 − 16 / 800 = 0.98.
    s = summarize(make_deal("buyer", W="100", L="70", M="90", H="110", package=(("4", "10"),)))
    assert s.package_walk_away == Decimal(96)
    assert (s.their_low_package, s.their_likely_package, s.their_high_package) == (60, 80, 100)
    assert (s.worst, s.likely, s.best) == (None, zone("80", "96"), zone("60", "96"))
    assert s.probability == 0.98


def test_buyer_gap_with_package() -> None:
    # Buyer W = 60, C = 10 → b = 50; V = 5 → lo = 70 − 5 = 65; gap = 65 − 50 = 15.
    s = summarize(make_deal("buyer", W="60", L="70", M="90", H="110", package=(("10", "5"),)))
    assert s.status == "none"
    assert s.gap == Decimal(15)


PIVOT = Decimal(1000)


def mirror(deal: Deal) -> Deal:
    """The buyer's version of a seller deal: every price p becomes 1000 − p, L and H swap."""
    est = deal.their_estimate

    def m(x: Decimal | None) -> Decimal | None:
        return None if x is None else PIVOT - x

    out = make_deal("buyer")
    out.anchors.walk_away = m(deal.anchors.walk_away)
    out.their_estimate.walk_away_low = m(est.walk_away_high)
    out.their_estimate.walk_away_likely = m(est.walk_away_likely)
    out.their_estimate.walk_away_high = m(est.walk_away_low)
    out.concessions = list(deal.concessions)  # costs and values are not prices: unchanged
    out.packages, out.active_package = deal.packages, deal.active_package
    return out


@pytest.mark.parametrize(
    "seller",
    [make_deal(W=case[0], L="90", M="110", H="130", package=(("3", "7"),)) for case in SELLER_CASES]
    + [make_deal(W="100", L="81", H="120"), make_deal(W="100", M="100")],
)
def test_buyer_mirrors_seller(seller: Deal) -> None:
    # Mirroring maps s → 1000 − s and [low, high] → [1000 − high, 1000 − low]; the triangular
    # distribution is mirrored too, so 1 − F(s) for the seller equals F'(b) for the buyer.
    a, b = summarize(seller), summarize(mirror(seller))
    assert b.role == "buyer"
    assert b.status == a.status
    assert b.probability == a.probability
    assert b.gap == a.gap
    for za, zb in ((a.worst, b.worst), (a.likely, b.likely), (a.best, b.best)):
        assert (zb is None) == (za is None)
        if za is not None:
            assert zb == Zone(PIVOT - za.high, PIVOT - za.low)


def test_gap_is_null_whenever_best_is_set() -> None:
    for W in ("80", "100", "130"):
        assert summarize(make_deal(W=W, L="90", M="110", H="130")).gap is None
        assert summarize(make_deal("buyer", W=W, L="70", M="80", H="80")).gap is None


def test_summary_ignores_the_callers_decimal_context() -> None:
    # A caller with 5 significant digits must not make 123456789.1234 + 0.0001 inexact.
    deal = make_deal(W="123456789.1234", L="123456789.1235", M="123456789.1236", H="123456789.1237")
    with localcontext() as ctx:
        ctx.prec = 5
        s = summarize(deal)
    # s = W ≤ lo → worst [123456789.1234, 123456789.1235]
    assert s.worst == zone("123456789.1234", "123456789.1235")


def test_large_package_sums_exactly() -> None:
    # 10,000 concessions of 999,999,999,999.9999 each: C = 10^4 · (10^12 − 10^-4) = 10^16 − 1.
    deal = make_deal(W="1", M="2", package=(("999999999999.9999", "0.0001"),) * 10_000)
    s = summarize(deal)
    assert s.package_cost == Decimal("9999999999999999")
    assert s.package_value == Decimal(1)  # 10^4 · 10^-4
    # s = 1 + (10^16 − 1) = 10^16; hi = 2 + 1 = 3; gap = 10^16 − 3
    assert s.gap == Decimal("9999999999999997")


# --------------------------------------------------------------------------- §2.2 warnings


@pytest.mark.parametrize(
    ("role", "kwargs", "expected"),
    [
        ("seller", {"target": "90", "W": "100"}, True),  # target < walk-away
        ("seller", {"target": "100", "W": "100"}, False),
        ("seller", {"target": "110", "W": "100"}, False),
        ("seller", {"target": "90"}, False),  # no walk-away: nothing to compare
        ("buyer", {"target": "110", "W": "100"}, True),  # target > walk-away
        ("buyer", {"target": "100", "W": "100"}, False),
        ("buyer", {"target": "90", "W": "100"}, False),
        ("buyer", {"W": "100"}, False),  # no target
    ],
)
def test_target_worse_than_walk_away(role: str, kwargs: dict, expected: bool) -> None:
    assert ("target_worse_than_walk_away" in codes(make_deal(role, **kwargs))) is expected


@pytest.mark.parametrize(
    ("role", "kwargs", "expected"),
    [
        ("seller", {"opening": "100", "target": "110"}, True),  # opening < target
        ("seller", {"opening": "110", "target": "110"}, False),
        ("seller", {"opening": "120", "target": "110"}, False),
        ("seller", {"opening": "100"}, False),
        ("buyer", {"opening": "120", "target": "110"}, True),  # opening > target
        ("buyer", {"opening": "110", "target": "110"}, False),
        ("buyer", {"opening": "100", "target": "110"}, False),
        ("buyer", {"target": "110"}, False),
    ],
)
def test_opening_weaker_than_target(role: str, kwargs: dict, expected: bool) -> None:
    assert ("opening_weaker_than_target" in codes(make_deal(role, **kwargs))) is expected


@pytest.mark.parametrize(
    ("role", "W", "fallbacks", "expected"),
    [
        # seller: compare with the HIGHEST batna (105)
        ("seller", "100", [batna("90"), batna("105")], True),
        ("seller", "105", [batna("90"), batna("105")], False),
        ("seller", "0", [batna("-50")], False),  # negative BATNA: 0 ≥ −50
        ("seller", "100", [batna("200", kind="alternative_offer")], False),  # not a batna
        ("seller", "100", [batna(None)], False),  # a batna without a value
        ("seller", None, [batna("200")], False),  # no walk-away
        # buyer: compare with the LOWEST batna (95)
        ("buyer", "100", [batna("120"), batna("95")], True),
        ("buyer", "95", [batna("120"), batna("95")], False),
        ("buyer", "0", [batna("-10")], True),  # 0 > −10: the alternative pays us
        ("buyer", "100", [batna("50", kind="mini_deal")], False),
    ],
)
def test_walk_away_worse_than_batna(role, W, fallbacks, expected) -> None:
    deal = make_deal(role, W=W, fallbacks=fallbacks)
    assert ("walk_away_worse_than_batna" in codes(deal)) is expected


def test_no_walk_away_present_and_absent() -> None:
    assert "no_walk_away" in codes(make_deal())
    assert "no_walk_away" not in codes(make_deal(W="0"))  # zero is a price, not "unset"


def test_concession_value_unknown_only_counts_the_package() -> None:
    outside = Concession(what="later", cost_to_us=D("1"), value_to_them=None)
    assert "concession_value_unknown" not in codes(make_deal(concessions=[outside]))
    assert "concession_value_unknown" not in codes(make_deal(package=(("1", "0"),)))
    assert "concession_value_unknown" in codes(make_deal(package=(("1", None),)))
    # the cost may be unset without a warning: it just counts 0
    assert "concession_value_unknown" not in codes(make_deal(package=((None, "3"),)))


def test_warning_messages_name_the_amounts_in_the_deal_currency() -> None:
    deal = make_deal("seller", W="100", target="90", currency="EUR")
    (warning,) = summarize(deal).warnings
    assert warning.code == "target_worse_than_walk_away"
    assert "€90" in warning.message and "€100" in warning.message


def test_all_warnings_together_in_table_order() -> None:
    deal = make_deal(
        "seller",
        W="100",
        target="90",
        opening="80",
        L="120",
        M="100",
        H="130",
        package=(("1", None),),
        fallbacks=[batna("150")],
    )
    assert codes(deal) == [
        "target_worse_than_walk_away",
        "opening_weaker_than_target",
        "walk_away_worse_than_batna",
        "estimate_out_of_order",
        "concession_value_unknown",
    ]


def test_clean_deal_has_no_warnings() -> None:
    deal = make_deal(
        "seller", W="100", target="120", opening="130", L="90", M="110", H="130",
        package=(("1", "2"),), fallbacks=[batna("95")],
    )  # fmt: skip
    assert summarize(deal).warnings == ()


# --------------------------------------------------------------------------- §2.3 readiness

READINESS_ORDER = ["goal", "target", "walk_away", "their_estimate", "batna", "trades", "questions"]


def test_empty_deal_misses_all_seven_in_order() -> None:
    s = summarize(Deal())
    assert [c.code for c in s.readiness] == READINESS_ORDER
    assert s.readiness_done == 0
    assert s.readiness_missing == READINESS_ORDER
    assert all(c.label for c in s.readiness)


def _only(code: str) -> Deal:
    """A deal with exactly one readiness item done."""
    deal = Deal()
    if code == "goal":
        deal.vision = Vision(goal="Renew for two years")
    elif code == "target":
        deal.anchors.target = Decimal(0)  # zero is set
    elif code == "walk_away":
        deal.anchors.walk_away = Decimal(1)
    elif code == "their_estimate":
        deal.their_estimate.walk_away_high = Decimal(5)  # any one of L/M/H
    elif code == "batna":
        deal.fallbacks = [Fallback(kind="batna", what="", value=None)]  # a value is not needed
    elif code == "trades":
        deal.concessions = [Concession(ask_in_return="A two-year term")]  # in a package or not
    elif code == "questions":
        deal.listening = Listening(questions=["Why now?", "Who decides?", "By when?"])
    return deal


@pytest.mark.parametrize("code", READINESS_ORDER)
def test_each_readiness_item_alone(code: str) -> None:
    s = summarize(_only(code))
    assert [c.code for c in s.readiness if c.done] == [code]
    assert s.readiness_done == 1
    assert s.readiness_missing == [c for c in READINESS_ORDER if c != code]


@pytest.mark.parametrize(
    ("deal", "code"),
    [
        (Deal(vision=Vision(goal=" \t\n\u3000")), "goal"),  # blank, ideographic space too
        (Deal(concessions=[Concession(ask_in_return="   ")]), "trades"),
        (Deal(fallbacks=[Fallback(kind="alternative_offer", value=D("1"))]), "batna"),
        (Deal(listening=Listening(questions=["Why?", "When?"])), "questions"),  # only two
        (Deal(listening=Listening(questions=["Why?", "When?", " ", ""])), "questions"),  # 2 real
    ],
)
def test_blank_or_short_readiness_items_are_missing(deal: Deal, code: str) -> None:
    assert code in summarize(deal).readiness_missing


def test_all_seven_done() -> None:
    deal = make_deal(W="1", target="2", M="3")
    deal.vision.goal = "x"
    deal.fallbacks = [batna(None)]
    deal.concessions = [Concession(ask_in_return="y")]
    deal.listening.questions = ["a", "b", "c"]
    s = summarize(deal)
    assert s.readiness_done == 7
    assert s.readiness_missing == []


# --------------------------------------------------------------------------- §2.4 the JSON shape


def test_summary_to_dict_shape_matches_the_spec() -> None:
    # The seller case of test_seller_package_moves_both_sides, with a title, in EUR.
    deal = make_deal(
        "seller",
        W="115",
        L="90",
        M="110",
        H="130",
        package=(("5", "12"), ("3", None), (None, "8")),
        title="Acme — 2027 «renewal» 🚀",
        currency="EUR",
    )
    out = summary_to_dict(deal, summarize(deal))
    assert list(out) == [
        "title",
        "role",
        "currency",
        "zopa",
        "package",
        "packages",
        "meso",
        "warnings",
        "readiness",
    ]
    assert out["title"] == "Acme — 2027 «renewal» 🚀"
    assert (out["role"], out["currency"]) == ("seller", "EUR")
    assert out["zopa"] == {
        "status": "possible",
        "worst": None,
        "likely": {"low": "123", "high": "130"},
        "best": {"low": "123", "high": "150"},
        "probability": 0.7888,
        "gap": None,
    }
    assert out["package"] == {"cost_to_us": "8", "value_to_them": "20"}
    assert [w["code"] for w in out["warnings"]] == ["concession_value_unknown"]
    assert set(out["warnings"][0]) == {"code", "message"}
    assert out["warnings"][0]["message"].strip()
    # goal, target, batna, trades, questions missing; walk_away and their_estimate done.
    assert out["readiness"] == {
        "done": 2,
        "total": 7,
        "missing": ["goal", "target", "batna", "trades", "questions"],
    }
    assert json.loads(json.dumps(out)) == out  # plain JSON types only


def test_summary_to_dict_unknown_and_none() -> None:
    deal = make_deal(W="100")
    zopa = summary_to_dict(deal, summarize(deal))["zopa"]
    assert zopa == {
        "status": "unknown",
        "worst": None,
        "likely": None,
        "best": None,
        "probability": None,
        "gap": None,
    }
    deal = make_deal(W="140.50", L="90", M="110", H="130")
    zopa = summary_to_dict(deal, summarize(deal))["zopa"]
    # gap = 140.50 − 130 = 10.50, written without the trailing zero
    assert (zopa["status"], zopa["gap"], zopa["probability"]) == ("none", "10.5", 0.0)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1E+3"), "1000"),  # never an exponent
        (Decimal("100.5000"), "100.5"),
        (Decimal("0.0000"), "0"),
        (Decimal("-0"), "0"),
        (Decimal("999999999999.9999"), "999999999999.9999"),
    ],
)
def test_amounts_are_plain_decimal_strings(amount: Decimal, text: str) -> None:
    deal = make_deal()
    deal.concessions = [Concession(cost_to_us=amount, value_to_them=amount)]
    pack(deal, [True])
    package = summary_to_dict(deal, summarize(deal))["package"]
    assert package == {"cost_to_us": text, "value_to_them": text}
