"""Properties of the summary (spec §2) over arbitrary valid deals."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.builders import pack
from tests.io.strategies import LARGEST, deals
from worksheet.domain.deal import Anchors, Concession, Deal, TheirEstimate
from worksheet.domain.summary import STATUSES, Summary, Zone, summarize, summary_to_dict

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Prices drawn from a few round values as well as anywhere in range, so that estimates equal
# to each other and to the walk-away come up often.
prices = st.sampled_from([Decimal(x) for x in ("0", "100", "100.5", "101", "250")]) | st.decimals(
    min_value=0, max_value=LARGEST, places=4, allow_nan=False, allow_infinity=False
)
maybe_prices = st.none() | prices
small = st.none() | st.decimals(min_value=0, max_value=1000, places=4)


@st.composite
def zone_deals(draw: st.DrawFn, role: str | None = None) -> Deal:
    """Deals where the zone is usually computable: the parts of §2.1, the rest left empty."""
    concessions = draw(
        st.lists(st.builds(Concession, cost_to_us=small, value_to_them=small), max_size=3)
    )
    inside = draw(st.lists(st.booleans(), min_size=len(concessions), max_size=len(concessions)))
    deal = Deal(
        role=draw(st.sampled_from(["seller", "buyer"])) if role is None else role,
        anchors=Anchors(walk_away=draw(prices)),
        their_estimate=TheirEstimate(
            walk_away_low=draw(maybe_prices),
            walk_away_likely=draw(maybe_prices),
            walk_away_high=draw(maybe_prices),
        ),
        concessions=concessions,
    )
    return pack(deal, inside)


def _zones(s: Summary) -> list[Zone]:
    return [z for z in (s.worst, s.likely, s.best) if z is not None]


def check_invariants(deal: Deal, s: Summary) -> None:
    assert s.status in STATUSES
    assert s.probability is None or 0.0 <= s.probability <= 1.0
    assert (s.probability is None) == (s.status == "unknown")
    for z in _zones(s):
        assert z.low <= z.high
    # worst ⊆ likely ⊆ best, and the status follows which of them exist (§2.1 step 8)
    if s.worst is not None:
        assert s.likely is not None and s.best is not None
        assert s.best.low <= s.likely.low <= s.worst.low
        assert s.worst.high <= s.likely.high <= s.best.high
    if s.likely is not None:
        assert s.best is not None
    if s.status == "certain":
        assert s.worst is not None
    elif s.status == "possible":
        assert s.worst is None and s.best is not None
    elif s.status == "none":
        assert s.best is None and s.gap is not None and s.gap > 0
    else:
        assert _zones(s) == [] and s.gap is None
    assert (s.gap is None) == (s.status != "none")
    out = summary_to_dict(deal, s)
    assert json.loads(json.dumps(out)) == out
    if s.probability is not None:
        assert round(s.probability, 4) == s.probability


@SETTINGS
@given(deals)
def test_summary_never_raises_for_any_valid_deal(deal: Deal) -> None:
    check_invariants(deal, summarize(deal))


@SETTINGS
@given(zone_deals())
def test_summary_invariants_where_zones_exist(deal: Deal) -> None:
    check_invariants(deal, summarize(deal))


def _with_walk_away(deal: Deal, walk_away: Decimal) -> Deal:
    deal.anchors.walk_away = walk_away
    return deal


@SETTINGS
@given(st.data(), st.sampled_from(["seller", "buyer"]))
def test_probability_moves_the_right_way_with_the_walk_away(data: st.DataObject, role: str) -> None:
    deal = data.draw(zone_deals(role))
    lower, higher = sorted([data.draw(prices), data.draw(prices)])
    p_low = summarize(_with_walk_away(deal, lower)).probability
    p_high = summarize(_with_walk_away(deal, higher)).probability
    if p_low is None:
        assert p_high is None  # the walk-away does not decide whether the zone is known
        return
    assert p_high is not None
    if role == "seller":
        assert p_high <= p_low  # asking for more can only make a deal less likely
    else:
        assert p_high >= p_low  # being able to pay more can only make it more likely


def _mirror(deal: Deal) -> Deal:
    """The buyer's deal: each price p becomes LARGEST − p, the low and high guesses swap."""

    def m(x: Decimal | None) -> Decimal | None:
        return None if x is None else LARGEST - x

    est = deal.their_estimate
    return Deal(
        role="buyer",
        anchors=Anchors(walk_away=m(deal.anchors.walk_away)),
        their_estimate=TheirEstimate(
            walk_away_low=m(est.walk_away_high),
            walk_away_likely=m(est.walk_away_likely),
            walk_away_high=m(est.walk_away_low),
        ),
        concessions=deal.concessions,
        packages=deal.packages,
        active_package=deal.active_package,
    )


@SETTINGS
@given(zone_deals("seller"))
def test_mirrored_buyer_gets_mirrored_zones(seller: Deal) -> None:
    a, b = summarize(seller), summarize(_mirror(seller))
    assert (b.status, b.probability, b.gap) == (a.status, a.probability, a.gap)
    for za, zb in ((a.worst, b.worst), (a.likely, b.likely), (a.best, b.best)):
        expected = None if za is None else Zone(LARGEST - za.high, LARGEST - za.low)
        assert zb == expected
