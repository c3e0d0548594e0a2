"""Words and numbers for people: the same phrases in the window, the sheet and the command line."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from worksheet.domain.deal import Anchors, Deal, TheirEstimate
from worksheet.domain.summary import summarize
from worksheet.domain.text import format_amount, format_money, format_probability, status_sentence


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (D("92000"), "USD", "$92,000"),
        (D("1234567.5"), "EUR", "€1,234,567.50"),
        (D("99.9999"), "GBP", "£99.9999"),
        (D("0"), "USD", "$0"),
        (D("-250"), "USD", "−$250"),
        (D("1200"), "PLN", "1,200 zł"),
        (D("1200"), "XYZ", "XYZ 1,200"),
        (None, "USD", "—"),
    ],
)
def test_format_money(amount, currency, expected):
    assert format_money(amount, currency) == expected


def test_format_amount_keeps_up_to_four_places_and_rounds_half_even():
    assert format_amount(D("1.005")) == "1.005"
    assert format_amount(D("2.5"), places=0) == "2"
    assert format_amount(D("3.5"), places=0) == "4"


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (None, "—"),
        (0.0, "0%"),
        (0.0012, "under 1%"),
        (0.7213, "72%"),
        (0.9961, "over 99%"),
        (1.0, "100%"),
    ],
)
def test_format_probability_never_rounds_a_real_chance_away(p, text):
    assert format_probability(p) == text


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
    assert "floor of $100" in text and "Likely zone $100 – $120" in text
    # seller, s = 115 between lo and mid: F = 25/(20*10) = 0.125 → 88%
    possible = _deal("seller", "115", "110", "120", "130")
    text = status_sentence(summarize(possible), "USD")
    assert "about 88%" in text and "above our package floor of $115" in text
    # seller, s = 125 above mid: only the best zone [125, 130]
    hopeful = _deal("seller", "125", "110", "120", "130")
    text = status_sentence(summarize(hopeful), "USD")
    assert "Only our most hopeful guess" in text and "$125 – $130" in text
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
