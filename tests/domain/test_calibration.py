"""Calibration across past deals (spec §2.7)."""

from __future__ import annotations

from decimal import Decimal as D

from worksheet.domain.calibration import calibrate_deals, point_for
from worksheet.domain.deal import Deal, Outcome, TheirEstimate
from worksheet.present.library import calibration_lines


def agreed(price, low, likely, high, role="seller") -> Deal:
    return Deal(
        role=role,
        their_estimate=TheirEstimate(
            walk_away_low=low, walk_away_likely=likely, walk_away_high=high
        ),
        outcome=Outcome(status="agreed", price=price),
    )


def test_point_inside_and_error():
    p = point_for(agreed(D(110), D(90), D(100), D(120)))
    assert p.inside and p.error == D("0.1") and p.reached_likely
    assert point_for(agreed(D(130), D(90), D(100), D(120))).inside is False
    # Only the likely guess: the range is that one number (spec §2.1 step 2).
    assert point_for(agreed(D(100), None, D(100), None)).inside


def test_not_held_without_agreement_price_or_estimate():
    assert point_for(Deal(outcome=Outcome(status="walked_away", price=D(5)))) is None
    assert point_for(agreed(None, D(1), D(2), D(3))) is None
    assert point_for(agreed(D(5), None, None, None)) is None


def test_fewer_than_three_is_not_enough_history():
    cal = calibrate_deals([agreed(D(1), D(1), D(1), D(1)), agreed(D(2), D(1), D(2), D(3))])
    assert not cal.enough
    assert calibration_lines(cal)[0].startswith("Not enough history yet")


def test_median_error_and_narrow_hint():
    deals = [
        agreed(D(130), D(90), D(100), D(120)),
        agreed(D(150), D(90), D(100), D(120)),
        agreed(D(95), D(90), D(100), D(120)),
        agreed(D(125), D(90), D(100), D(110)),
    ]
    cal = calibrate_deals(deals)
    assert cal.count == 4 and cal.inside == 1
    assert cal.median_error == (D("0.25") + D("0.3")) / 2
    assert cal.seller_reached_likely == 0.75
    text = " ".join(calibration_lines(cal))
    assert "too narrow in 3 of 4 deals" in text
