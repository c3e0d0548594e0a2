"""Scoring offers at the table and the proposed counter-offer (worksheet.domain.meeting)."""

from __future__ import annotations

from decimal import Decimal as D
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from worksheet.domain.deal import Anchors, Concession, Deal, Offer, Package, TheirEstimate
from worksheet.domain.meeting import (
    concession_totals,
    meeting_state,
    propose_counter,
    score_offers,
    their_walk_away_bounds,
)


def seller(**kw) -> Deal:
    return Deal(
        role="seller",
        anchors=Anchors(target=D(120), opening=D(130), walk_away=D(100)),
        their_estimate=TheirEstimate(
            walk_away_low=D(95), walk_away_likely=D(110), walk_away_high=D(125)
        ),
        **kw,
    )


def test_their_offers_scored_against_zone_target_and_their_last():
    deal = seller(
        offers=[
            Offer(by="them", amount=D(90)),
            Offer(by="them", amount=D(105)),
            Offer(by="them", amount=D(127)),
        ]
    )
    a, b, c = score_offers(deal)
    assert (a.zone, b.zone, c.zone) == ("short", "inside", "beyond")
    assert (a.to_target, b.to_target, c.to_target) == (D(-30), D(-15), D(7))
    assert (a.moved, b.moved, c.moved) == (None, D(15), D(22))


def test_buyer_scores_are_mirrored():
    deal = Deal(
        role="buyer",
        anchors=Anchors(target=D(80), opening=D(70), walk_away=D(100)),
        offers=[
            Offer(by="them", amount=D(120)),
            Offer(by="them", amount=D(95)),
            Offer(by="us", amount=D(104)),
        ],
    )
    a, b, ours = score_offers(deal)
    assert a.zone == "short" and b.zone == "inside"
    assert b.moved == D(25)  # came down 25: our way
    assert b.to_target == D(-15)
    assert ours.past_walk_away and ours.zone == "short"


def test_first_counter_is_the_opening_then_steps_shrink():
    deal = seller()
    c = propose_counter(deal)
    assert (c.kind, c.amount) == ("open", D(130))
    deal.offers.append(Offer(by="us", amount=D(130)))
    first = propose_counter(deal)
    assert first.kind == "step" and first.amount == D(120)  # a third of 30, rounded our way
    deal.offers.append(Offer(by="us", amount=first.amount))
    second = propose_counter(deal)
    assert second.kind == "step" and second.step < first.step
    assert second.amount == D(115)


def test_counter_accepts_their_offer_when_it_is_better_than_our_next_step():
    deal = seller(offers=[Offer(by="us", amount=D(130)), Offer(by="them", amount=D(124))])
    c = propose_counter(deal)
    assert c.kind == "accept" and c.amount == D(124)


def test_package_moves_the_floor_the_counter_respects():
    deal = seller(
        concessions=[Concession(id="c1", what="Support", cost_to_us=D(10))],
        packages=[Package(id="p1", name="With support", concessions=["c1"])],
        active_package="p1",
        offers=[Offer(by="us", amount=D(112)), Offer(by="us", amount=D(111))],
    )
    state = meeting_state(deal)
    assert state.floor == D(110)  # W + C of the active package
    assert state.counter.amount >= state.floor


def test_totals_and_gentle_warnings():
    deal = seller(
        concessions=[
            Concession(id="a", what="Net 60", cost_to_us=D(2), value_to_them=D(5), status="given"),
            Concession(
                id="b",
                what="Training",
                cost_to_us=D(3),
                value_to_them=D(4),
                ask_in_return="Case study",
                status="traded",
            ),
            Concession(id="c", what="Upgrade", cost_to_us=D(9), status="planned"),
        ],
        offers=[Offer(by="us", amount=D(99))],
    )
    totals = concession_totals(deal)
    assert totals.given_cost == D(5) and totals.given_value == D(9)
    assert totals.traded == 1 and totals.untraded == ("a",) and totals.got == ("Case study",)
    assert meeting_state(deal).warnings == (
        ("given_without_trade", "a"),
        ("offer_past_walk_away", 0),
    )


def test_walk_away_bounds_from_their_best_offer():
    s = seller(
        offers=[
            Offer(by="them", amount=D(90)),
            Offer(by="them", amount=D(104)),
            Offer(by="us", amount=D(125)),
        ]
    )
    assert their_walk_away_bounds(s) == (D(104), None)
    b = Deal(
        role="buyer", offers=[Offer(by="them", amount=D(150)), Offer(by="them", amount=D(130))]
    )
    assert their_walk_away_bounds(b) == (None, D(130))


money = st.decimals(min_value=1, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


@given(
    role=st.sampled_from(["seller", "buyer"]),
    walk_away=money,
    opening=st.none() | money,
    target=st.none() | money,
    history=st.lists(st.tuples(st.sampled_from(["us", "them"]), money), max_size=12),
)
def test_counter_never_passes_the_walk_away(role, walk_away, opening, target, history):
    deal = Deal(
        role=role,
        anchors=Anchors(target=target, opening=opening, walk_away=walk_away),
        offers=[Offer(by=by, amount=a) for by, a in history],
    )
    counter = propose_counter(deal)
    assert counter.amount is not None
    if role == "seller":
        assert counter.amount >= walk_away
    else:
        assert counter.amount <= walk_away
    assert counter.step is None or counter.step >= 0


@given(
    role=st.sampled_from(["seller", "buyer"]),
    walk_away=money,
    room=money,
    rounds=st.integers(min_value=2, max_value=8),
)
def test_following_the_pattern_steps_shrink_and_stop_short(role, walk_away, room, rounds):
    d = 1 if role == "seller" else -1
    opening = walk_away + d * room
    deal = Deal(role=role, anchors=Anchors(opening=opening, walk_away=walk_away))
    steps = []
    for _ in range(rounds):
        c = propose_counter(deal)
        if c.kind not in ("open", "step"):
            break
        if c.kind == "step":
            steps.append(c.step)
        deal.offers.append(Offer(by="us", amount=c.amount))
    assert all(later < earlier for earlier, later in pairwise(steps))
    last = deal.offers[-1].amount
    assert (last - walk_away) * d >= 0
