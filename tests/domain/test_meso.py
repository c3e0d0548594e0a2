"""The MESO builder: every proposal passes spec §2.5's `meso` test, and it says when none exists."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.builders import make_deal
from worksheet.domain.deal import Concession, Deal
from worksheet.domain.meso import (
    NO_ESTIMATE,
    NO_TARGET,
    NO_VALID_ASK,
    TOO_FEW,
    build_meso,
)
from worksheet.domain.summary import summarize


def deal_with(concessions: list[tuple[int, int]], role: str = "seller", **kwargs) -> Deal:
    deal = make_deal(role, W="100000", L="90000", M="110000", H="130000", target="115000", **kwargs)
    deal.concessions = [
        Concession(
            id=f"c{i + 1}", what=f"give {i + 1}", cost_to_us=Decimal(c), value_to_them=Decimal(v)
        )
        for i, (c, v) in enumerate(concessions)
    ]
    return deal


def passes(deal: Deal, proposal) -> bool:
    trial = replace(deal, packages=list(proposal.packages), active_package=None)
    for n, p in enumerate(trial.packages):
        trial.packages[n] = replace(p, id=f"x{n}")
    return summarize(trial).meso


def test_proposals_pass_meso_and_net_the_target() -> None:
    deal = deal_with([(900, 3500), (4000, 9000), (6000, 7500), (500, 2500), (0, 1500)])
    result = build_meso(deal)
    assert result.target_net == Decimal(115000) and result.reason == ""
    assert 1 <= len(result.proposals) <= 3
    for proposal in result.proposals:
        assert len(proposal.packages) == 3
        assert passes(deal, proposal)
        for p in proposal.packages:
            cost = sum(c.cost_to_us for c in deal.concessions if c.id in p.concessions)
            assert p.ask - cost == Decimal(115000)
        sets = [frozenset(p.concessions) for p in proposal.packages]
        assert len(set(sets)) == 3 and all(sets)
    # Best first: the first set's mean chance is the highest on offer.
    chances = [p.mean_acceptance for p in result.proposals]
    assert chances[0] >= max(chances) - 0.2


def test_the_most_acceptable_package_holds_every_worthwhile_concession() -> None:
    # Only c1 and c3 are worth more to them than they cost us.
    deal = deal_with([(100, 3000), (5000, 1000), (200, 4000)])
    best = build_meso(deal, Decimal(105000)).proposals[0].packages[0]
    assert best.concessions == ["c1", "c3"]


def test_buyer_asks_take_the_cost_off() -> None:
    deal = deal_with([(900, 3500), (4000, 9000), (600, 2500)], role="buyer")
    deal.anchors.target = Decimal(100000)
    result = build_meso(deal)
    assert result.proposals
    for proposal in result.proposals:
        assert passes(deal, proposal)
        for p in proposal.packages:
            cost = sum(c.cost_to_us for c in deal.concessions if c.id in p.concessions)
            assert p.ask + cost == Decimal(100000)


def test_says_why_no_set_exists() -> None:
    assert build_meso(deal_with([(1, 2)])).reason == TOO_FEW
    unknown = deal_with([(1, 2), (3, 4)])
    unknown.their_estimate.walk_away_likely = None
    unknown.their_estimate.walk_away_low = None
    unknown.their_estimate.walk_away_high = None
    assert build_meso(unknown).reason == NO_ESTIMATE
    untargeted = deal_with([(1, 2), (3, 4)])
    untargeted.anchors.target = None
    assert build_meso(untargeted).reason == NO_TARGET
    assert build_meso(untargeted, Decimal(100000)).proposals
    # Given and dropped concessions, and those without a value to them, are not offered again.
    used = deal_with([(1, 2), (3, 4), (5, 6)])
    used.concessions[0].status = "given"
    used.concessions[1].value_to_them = None
    assert build_meso(used).reason == TOO_FEW
    # A buyer cannot ask below zero.
    poor = deal_with([(5000, 9000), (6000, 9000)], role="buyer")
    assert build_meso(poor, Decimal(1000)).reason == NO_VALID_ASK
    # Two concessions make exactly three packages: {1}, {2}, {1, 2}.
    two = build_meso(deal_with([(100, 3000), (200, 4000)]))
    assert len(two.proposals) == 1
    assert sorted(map(len, (p.concessions for p in two.proposals[0].packages))) == [1, 1, 2]


_amount = st.integers(0, 10_000)


@settings(max_examples=60)
@given(
    items=st.lists(st.tuples(_amount, _amount), min_size=2, max_size=30),
    role=st.sampled_from(["seller", "buyer"]),
    net=st.integers(60_000, 140_000),
)
def test_every_proposal_for_any_deal_passes_meso(items, role, net) -> None:
    deal = deal_with(items, role=role)
    result = build_meso(deal, Decimal(net))
    assert bool(result.proposals) != bool(result.reason)
    for proposal in result.proposals:
        assert passes(deal, proposal)
