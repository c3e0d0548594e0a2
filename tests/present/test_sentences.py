"""The status sentence: one phrase for the window, the sheet, the workbook and the CLI."""

from __future__ import annotations

from decimal import Decimal as D

from worksheet.domain.deal import Anchors, Deal, TheirEstimate
from worksheet.domain.summary import summarize
from worksheet.present.sentences import status_sentence


def _deal(role, walk_away, low, likely, high):
    return Deal(
        role=role,
        anchors=Anchors(walk_away=None if walk_away is None else D(walk_away)),
        their_estimate=TheirEstimate(
            walk_away_low=None if low is None else D(low),
            walk_away_likely=None if likely is None else D(likely),
            walk_away_high=None if high is None else D(high),
        ),
    )


def test_sentence_for_each_status_names_the_chance_zone_or_gap():
    # seller, s = 100 ≤ lo = 110: certain, likely zone [100, 120]
    certain = _deal("seller", "100", "110", "120", "130")
    text = status_sentence(summarize(certain), "USD")
    assert "floor of $100" in text and "Likely zone $100\u00a0– $120" in text
    # seller, s = 115 between lo and mid: F = 25/(20*10) = 0.125 → 88%
    possible = _deal("seller", "115", "110", "120", "130")
    text = status_sentence(summarize(possible), "USD")
    assert "about 88%" in text and "above our package floor of $115" in text
    # seller, s = 125 above mid: only the best zone [125, 130]
    hopeful = _deal("seller", "125", "110", "120", "130")
    text = status_sentence(summarize(hopeful), "USD")
    assert "Only our most hopeful guess" in text and "$125\u00a0– $130" in text
    # seller, s = 140 > hi = 130: gap 10
    none = _deal("seller", "140", "110", "120", "130")
    assert "$10 short of our package floor of $140" in status_sentence(summarize(none), "USD")
    # buyer, b = 100 < lo = 110: gap 10, mirrored words
    buyer_none = _deal("buyer", "100", "110", "120", "130")
    assert "$10 beyond our package ceiling of $100" in status_sentence(summarize(buyer_none), "USD")


def test_sentence_says_what_is_missing_when_the_zone_is_unknown():
    assert "Set your walk-away" in status_sentence(
        summarize(_deal("seller", None, "1", "2", "3")), "USD"
    )
    assert "Estimate their walk-away" in status_sentence(
        summarize(_deal("seller", "1", None, None, None)), "USD"
    )
    assert "out of order" in status_sentence(summarize(_deal("seller", "1", "3", "2", "1")), "USD")


def test_chance_at_the_boundary_is_never_about_zero():
    # seller, our floor equals their highest guess: a zone of one price, chance exactly 0
    edge = _deal("seller", "130", "110", "120", "130")
    summary = summarize(edge)
    assert summary.status == "possible"
    text = status_sentence(summary, "USD")
    assert "0%" not in text and "only just possible" in text and "$130" in text
    # the buyer's mirror: our ceiling equals their lowest guess
    buyer = _deal("buyer", "110", "110", "120", "130")
    summary = summarize(buyer)
    assert summary.status == "possible"
    text = status_sentence(summary, "USD")
    assert "0%" not in text and "only just possible" in text and "$110" in text


def test_chance_is_rounded_once_from_the_exact_value():
    # buyer, lo = 0, mid = hi = 100000, b = 70353: F(b) = b^2 / 10^10 = 0.4949544609,
    # reported as 0.4950 (spec: 4 decimals); rounding that again would read 50%
    deal = _deal("buyer", "70353", "0", "100000", "100000")
    summary = summarize(deal)
    assert summary.status == "possible"
    assert summary.chance == D("0.4949544609")
    assert summary.probability == 0.495
    assert "about 49%" in status_sentence(summary, "USD")


def test_double_rounding_case_from_the_issue():
    from worksheet.present.numbers import chance_phrase

    assert chance_phrase(D("0.494991")) == "about 49%"
    assert chance_phrase(0.494991) == "about 49%"
